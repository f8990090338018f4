/**
 * Parses one registry YAML file (text in, no IO) with positions kept, turning every syntax
 * problem into a `yaml-syntax` finding instead of an exception: duplicate keys, anchors and
 * aliases, merge-conflict markers, tabs and the like.
 */
import { Document, LineCounter, isAlias, isCollection, isScalar, parseDocument, visit, type Node } from 'yaml';
import type { Finding } from '../core/findings.js';

export interface ParsedYaml {
  doc: Document.Parsed | undefined;
  lineCounter: LineCounter;
  /** Plain data, or undefined when the file could not be read as data. */
  data: unknown;
  findings: Finding[];
}

const CONFLICT_RE = /^(<{7}|={7}|>{7}|\|{7})(?:\s|$)/;
/** Far above what any real registry file needs; stops alias "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 100;

export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  keepSourceTokens: false,
} as const;

function syntax(file: string, line: number, column: number, message: string): Finding {
  return { rule: 'yaml-syntax', severity: 'error', file, line, column, message };
}

function conflictMarkers(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (CONFLICT_RE.test(lines[i]!)) {
      out.push(syntax(file, i + 1, 1, 'merge-conflict marker: resolve the conflict, keep the right lines and delete the markers'));
    }
  }
  return out;
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key: ${first}; keep one of them`;
    case 'TAB_AS_INDENT':
      return `${first}: indent with spaces, not tabs`;
    default:
      return `${first}: fix the YAML syntax`;
  }
}

/** Parse `text` of `file`; never throws. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const markers = conflictMarkers(file, text);
  if (markers.length > 0) return { doc: undefined, lineCounter, data: undefined, findings: markers };
  if (text.includes('\0')) {
    const at = text.indexOf('\0');
    const before = text.slice(0, at).split('\n');
    return { doc: undefined, lineCounter, data: undefined, findings: [syntax(file, before.length, before.at(-1)!.length + 1, 'file contains a NUL byte: it is binary, not YAML; restore it from git')] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  } catch (err) {
    return { doc: undefined, lineCounter, data: undefined, findings: [syntax(file, 1, 1, `cannot parse: ${(err as Error).message}`)] };
  }
  const findings: Finding[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    findings.push(syntax(file, line, col, describeYamlError(e.code, e.message)));
  }
  visit(doc, (_key, node) => {
    if (isAlias(node) || ((isScalar(node) || isCollection(node)) && (node as Node).anchor)) {
      const { line, col } = lineCounter.linePos((node as Node).range?.[0] ?? 0);
      findings.push(syntax(file, line, col, 'anchors and aliases are not allowed in the registry: write the value out in full'));
    }
  });
  if (findings.length > 0) return { doc, lineCounter, data: undefined, findings };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { doc, lineCounter, data: undefined, findings: [syntax(file, 1, 1, `cannot read as data: ${(err as Error).message}`)] };
  }
  return { doc, lineCounter, data, findings };
}
