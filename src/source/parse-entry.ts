/**
 * One registry file's text to what the cache keeps of it: its data and file-level findings
 * (syntax, schema), without the file's name so a renamed file still hits. No IO.
 */
import type { Finding, NodePath } from '../core/findings.js';
import { fastParse } from './fast-yaml.js';
import { loadFile } from './load-file.js';
import { locate, type Position } from './locate.js';
import { parseYaml } from './parse-yaml.js';
import { schemaProblems, type FileKind } from './schema-findings.js';

/** A file finding without its file name. */
export type EntryFinding = Omit<Finding, 'file'>;

/** What parsing and checking one file's text gives; the same for the same kind and text. */
export interface ParsedEntry {
  /** Parsed data; absent when the YAML could not be read as data. */
  data?: unknown;
  findings: EntryFinding[];
}

/**
 * A valid file in the plain subset registry files are written in skips the full parser: with no
 * findings there are no positions to find. `full` forces the full parser (tests compare the two).
 */
export function parseEntry(kind: FileKind, text: string, full = false): ParsedEntry {
  const fast = full ? undefined : fastEntry(kind, text);
  if (fast) return fast;
  const loaded = loadFile('', kind, text);
  const findings = loaded.findings.map(({ file: _file, ...rest }) => rest);
  return loaded.data === undefined ? { findings } : { data: loaded.data, findings };
}

/** The entry of a valid file in the plain subset, or undefined when it needs the full parser. */
export function fastEntry(kind: FileKind, text: string): ParsedEntry | undefined {
  const data = fastParse(text);
  return data !== undefined && schemaProblems(kind, data).length === 0 ? { data, findings: [] } : undefined;
}

/** A position finder for `text`, parsing it once on first use. */
export function positionsIn(text: string): (path: NodePath, preferKey?: boolean) => Position {
  const parsed = parseYaml('', text);
  return (path, preferKey = false) => locate(parsed.doc, parsed.lineCounter, path, preferKey);
}
