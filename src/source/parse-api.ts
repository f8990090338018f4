/**
 * What the registry reader needs of the text layer (yaml parsing, schema checks, positions).
 * The build bundles this file on its own as dist/source.cjs, loaded only when a file is not in
 * the cache or a finding needs a position, so a warm run never loads the parser.
 */
export { fastEntry, parseEntry, positionsIn, type EntryFinding, type ParsedEntry } from './parse-entry.js';
export { MIN_PARALLEL_FILES, parseMany, type ParseItem, type ParsedItem } from './parse-parallel.js';
export { yamlData } from './yaml-data.js';
