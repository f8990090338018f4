/** Reads one registry file's text into data plus its file-level findings (syntax, schema). No IO. */
import type { Finding, NodePath } from '../core/findings.js';
import { locate, type Position } from './locate.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { schemaProblems, type FileKind } from './schema-findings.js';

export interface LoadedFile {
  file: string;
  kind: FileKind;
  text: string;
  /** Parsed data; undefined when the YAML could not be read. */
  data: unknown;
  findings: Finding[];
  /** Line and column of a node, parsing again only if needed. */
  position(path: NodePath, preferKey?: boolean): Position;
}

export function loadFile(file: string, kind: FileKind, text: string): LoadedFile {
  const parsed = parseYaml(file, text);
  return fromParsed(file, kind, text, parsed);
}

function fromParsed(file: string, kind: FileKind, text: string, parsed: ParsedYaml): LoadedFile {
  const findings = [...parsed.findings];
  const position = (path: NodePath, preferKey = false) => locate(parsed.doc, parsed.lineCounter, path, preferKey);
  if (parsed.data !== undefined || parsed.findings.length === 0) {
    for (const p of schemaProblems(kind, parsed.data ?? null)) {
      findings.push({ rule: 'schema', severity: 'error', file, ...position(p.path, p.key), message: p.message });
    }
  }
  return { file, kind, text, data: parsed.findings.length === 0 ? parsed.data : undefined, findings, position };
}
