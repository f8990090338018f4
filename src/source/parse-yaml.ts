/**
 * Parses one registry YAML file (text in, no IO) with positions kept, turning every syntax
 * problem into a `yaml-syntax` finding instead of an exception: duplicate keys, anchors and
 * aliases, merge-conflict markers, tabs and the like.
 */
import { type Document, LineCounter, isAlias, isCollection, isPair, isScalar, parseDocument, visit, type Node } from 'yaml';
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

/** `s` cut to `max` characters: the parser quotes the token it stopped at, which can be a whole 100 KB line. */
function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

function describeYamlError(code: string, message: string, text: string, offset: number): string {
  const first = clip(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), 160);
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*([^:#\r\n]{1,60}?)\s*:/.exec(text.slice(offset, offset + 200))?.[1];
      return `duplicate key${key ? ` \`${key}\`` : ''}: a key may appear once in a mapping; keep one of them and delete the other`;
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(first)?.[1];
      return quote ? `quoted text is never closed: add the closing ${quote} or remove the opening one` : `${first}: fix the YAML syntax`;
    }
    case 'MULTIPLE_DOCS':
      return 'more than one YAML document in the file (a `---` line): a registry file holds one; remove the extra document';
    case 'TAB_AS_INDENT':
      return `${first}: indent with spaces, not tabs`;
    default:
      return `${first}: fix the YAML syntax`;
  }
}

const ANCHOR_MESSAGE = 'anchors and aliases are not allowed in the registry: write the value out in full';

/** Where a node's `&anchor` or `!tag` is written: the parser's node range starts at the value after it. */
function markOffset(text: string, node: Node, mark: string): number {
  const start = node.range?.[0] ?? 0;
  let at = text.lastIndexOf(mark, start);
  if (at < 0) return start;
  while (mark === '!' && at > 0 && !/[\s[{,]/.test(text[at - 1]!)) at--; // `!!str`, `!e!x`: the tag's first character
  return at;
}

/** The tag as written (`!!binary`), for the message. */
function tagSource(text: string, node: Node): string {
  return clip(/^!\S*/.exec(text.slice(markOffset(text, node, '!')))?.[0] ?? String(node.tag), 60);
}

/** The opening quote of a quoted scalar that never closes (the parser reports the end of file). */
function unclosedQuoteOffset(doc: Document.Parsed, text: string): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (found !== undefined || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || !node.range) return;
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      const source = text.slice(node.range[0], node.range[1]).trimEnd();
      if (source.length < 2 || !source.endsWith(quote)) found = node.range[0];
    },
  });
  return found;
}

/**
 * Line starts counted from the text itself: the parser's own count skips the newline inside a
 * multi-line plain scalar when it recovers from an error, shifting every later position a line up.
 */
function countLines(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/** Far deeper than any registry file, and far below where the parser's recursion exhausts the stack. */
const MAX_FLOW_DEPTH = 100;
const MAX_INDENT = 500;

const LONG_INDENT_RE = new RegExp(`(?:^|[\\r\\n])[ \\t?:-]{${MAX_INDENT + 1}}`);

/** A quick look (native searches only) that rules out deep nesting in every ordinary file. */
function mayBeDeep(text: string): boolean {
  let brackets = 0;
  for (const ch of ['[', '{']) {
    for (let i = text.indexOf(ch); i !== -1 && brackets <= MAX_FLOW_DEPTH; i = text.indexOf(ch, i + 1)) brackets++;
  }
  return brackets > MAX_FLOW_DEPTH || LONG_INDENT_RE.test(text);
}

/**
 * Where `text` nests deeper than the limits, checked before parsing: past them the parser runs
 * out of stack at a depth that varies from run to run, so the findings would too.
 */
function tooDeep(text: string): { offset: number; message: string } | undefined {
  if (!mayBeDeep(text)) return undefined;
  let depth = 0;
  let lineStart = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (i === lineStart) {
      const indent = /^[ \t?:-]*/.exec(text.slice(i, i + MAX_INDENT + 2))![0].length;
      if (indent > MAX_INDENT)
        return { offset: i, message: `indented more than ${MAX_INDENT} columns deep: no registry file nests this far; restore the file from git` };
    }
    if (ch === '\n' || ch === '\r') {
      // A lone CR ends a line too (YAML 1.2 line breaks are LF, CR and CRLF).
      lineStart = i + 1;
      if (quote === "'") continue;
      quote = quote === '"' ? quote : '';
    } else if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
    } else if ((ch === '"' || ch === "'") && (i === lineStart || /[\s[{,]/.test(text[i - 1]!))) quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_FLOW_DEPTH)
        return { offset: i, message: `brackets nested more than ${MAX_FLOW_DEPTH} deep: no registry file nests this far; restore the file from git` };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Parse `text` of `file`; never throws. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = countLines(text);
  const markers = conflictMarkers(file, text);
  if (markers.length > 0) return { doc: undefined, lineCounter, data: undefined, findings: markers };
  if (text.includes('\0')) {
    const at = text.indexOf('\0');
    const before = text.slice(0, at).split('\n');
    return {
      doc: undefined,
      lineCounter,
      data: undefined,
      findings: [syntax(file, before.length, before.at(-1)!.length + 1, 'file contains a NUL byte: it is binary, not YAML; restore it from git')],
    };
  }
  const deep = tooDeep(text);
  if (deep) {
    const { line, col } = lineCounter.linePos(deep.offset);
    return { doc: undefined, lineCounter, data: undefined, findings: [syntax(file, line, col, deep.message)] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...PARSE_OPTIONS });
  } catch (err) {
    return { doc: undefined, lineCounter, data: undefined, findings: [syntax(file, 1, 1, `cannot parse: ${(err as Error).message}`)] };
  }
  const findings: Finding[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const offset = e.code === 'MISSING_CHAR' ? (unclosedQuoteOffset(doc, text) ?? e.pos[0]) : e.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    findings.push(syntax(file, line, col, describeYamlError(e.code, e.message, text, offset)));
  }
  const flag = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    findings.push(syntax(file, line, col, message));
  };
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      flag(node.range?.[0] ?? 0, ANCHOR_MESSAGE);
    } else if ((isScalar(node) || isCollection(node)) && (node as Node).anchor) {
      flag(markOffset(text, node as Node, `&${(node as Node).anchor}`), ANCHOR_MESSAGE);
    }
    if ((isScalar(node) || isCollection(node)) && node.tag) {
      flag(
        markOffset(text, node, '!'),
        `explicit tags such as ${JSON.stringify(tagSource(text, node))} are not allowed in the registry: write the plain value`,
      );
    }
    if (isPair(node) && (isCollection(node.key) || isAlias(node.key))) {
      flag((node.key as Node).range?.[0] ?? 0, 'a list or mapping cannot be a key: keys are plain field names');
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
