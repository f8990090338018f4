/**
 * The one door to reading a registry. Behind it are two readers that give the same result: the
 * plain reader (read/: every file read and parsed, nothing remembered) and the fast reader
 * (cache/: the lint cache, the stat index, the snapshot, git's index and parsing threads).
 * Commands read through here; `ASE_READER=plain` takes the plain one (to rule out the cache).
 */
import type { LoadedRegistry } from './build.js';
import { readFast, readFastAsync } from './cache/fast-reader.js';
import type { RegistryLocation } from './discover.js';
import { readPlain } from './read/plain-reader.js';
import { envOf, type ReadOptions } from './read-options.js';

export type { ReadOptions } from './read-options.js';
export { decode, listCustomerFiles, MAX_FILE_BYTES, readText } from './read/read-disk.js';

function plain(options: ReadOptions): boolean {
  return envOf(options).ASE_READER === 'plain';
}

/** Reads and checks every registry file of `loc`. */
export function readRegistry(loc: RegistryLocation, options: ReadOptions = {}): LoadedRegistry {
  return plain(options) ? readPlain(loc) : readFast(loc, options);
}

/** `readRegistry`, letting git work on another core while the reader works here. */
export async function readRegistryAsync(loc: RegistryLocation, options: ReadOptions = {}): Promise<LoadedRegistry> {
  return plain(options) ? readPlain(loc) : readFastAsync(loc, options);
}
