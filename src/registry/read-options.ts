/** What a registry reader is told (see reader.ts). */
import type { Io } from '../io.js';

export interface ReadOptions {
  /** For the progress indicator on a terminal. */
  io?: Io;
  /**
   * Environment (default: io.env, else the process's): `ASE_CACHE=off` reads without the lint
   * cache, `ASE_THREADS=n` caps the parsing threads, `ASE_READER=plain` takes the plain reader.
   */
  env?: NodeJS.ProcessEnv;
  /**
   * The day the rules will be evaluated for: with it, the per-customer rules run as each changed
   * file is parsed and their verdict is cached, so the file's details need not stay in memory.
   */
  today?: string;
}

export function envOf(options: ReadOptions): NodeJS.ProcessEnv {
  return options.env ?? options.io?.env ?? process.env;
}
