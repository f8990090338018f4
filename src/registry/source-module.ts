/**
 * Access to the text layer (src/source/parse-api.ts). Run from source, it is a plain import and
 * parsing stays on one thread. The build replaces this file (scripts/build.mjs) with one that
 * loads dist/source.cjs synchronously on first use and names dist/parse-worker.cjs for threads.
 */
import * as api from '../source/parse-api.js';

export type SourceApi = typeof api;

/** The text layer, loaded on first call. */
export function sourceModule(): SourceApi {
  return api;
}

/** The worker-thread script for parallel parsing, when built. */
export function workerScript(): string | undefined {
  return undefined;
}

/** The code id of a run from source: the same for the whole process, never for another one. */
const SOURCE_RUN = `source-${process.pid}-${Date.now()}`;

/**
 * Identifies the code that produced cached entries (a cache written by other code is ignored).
 * Run from source, where the code can change under the same name, the cache is off unless
 * `ASE_CACHE=on` (the tests of the cached path set it); the id is then this process's own.
 */
export function sourceHash(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.ASE_CACHE === 'on' ? SOURCE_RUN : undefined;
}
