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

/**
 * Identifies the code that produced cached entries (a cache written by other code is ignored);
 * undefined run from source, where the code can change under the same name: no cache then.
 */
export function sourceHash(): string | undefined {
  return undefined;
}
