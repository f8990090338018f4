/**
 * A fast reader for the small YAML subset registry files are written in: block mappings and
 * sequences, one-line scalars, flow lists of plain words, comments. It gives exactly the data
 * `parseYaml` gives for those texts and `undefined` ("not sure") for anything else, so callers
 * fall back to the full parser. Every check here errs on the side of giving up. No IO.
 */

/** Anything but newline, printable ASCII and printable non-ASCII (no NBSP, NEL, BOM, line/paragraph separators, lone surrogates). */
const UNSAFE_CHAR_RE = /[^\n\x20-\x7e\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;
const KEY_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
const RESERVED_KEY_START = /^[nNtTfF_]/;
const SAFE_INT_RE = /^(?:0|[1-9][0-9]{0,14})$/;
const DATE_RE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const FLOW_WORD_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const MAX_INDENT = 64;
const MAX_DEPTH = 16;
const MAX_KEY_LENGTH = 128;

const BAIL: unique symbol = Symbol('bail');
type Value = unknown;

interface Frame {
  indent: number;
  map: Record<string, unknown> | null;
  seq: unknown[] | null;
  /** A key written with no value on its line: a nested block may follow. */
  pending: string | null;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH;
}

/** The index of the `:` ending a `key:` at `i`, or -1 when the line does not start with a plain key. */
function keyColon(text: string, i: number, end: number): number {
  if (i >= end || !isKeyStart(text.charCodeAt(i))) return -1;
  let k = i + 1;
  while (k < end && isKeyChar(text.charCodeAt(k))) k++;
  if (k >= end || text.charCodeAt(k) !== COLON) return -1;
  return k + 1 === end || text.charCodeAt(k + 1) === SPACE ? k : -1;
}

/** The first index of char code `c` in [from, end), or -1: a search that stops at the line end. */
function indexIn(text: string, c: number, from: number, end: number): number {
  for (let k = from; k < end; k++) if (text.charCodeAt(k) === c) return k;
  return -1;
}

/** True when only spaces, or spaces then a ` #` comment, follow `i` on the line. */
function restIsBlank(text: string, i: number, end: number): boolean {
  let k = i;
  while (k < end && text.charCodeAt(k) === SPACE) k++;
  return k === end || (k > i && text.charCodeAt(k) === HASH);
}

/** A plain scalar resolved the way the YAML 1.2 core schema does, or BAIL where that is not certain. */
function resolvePlain(s: string): Value | typeof BAIL {
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (SAFE_INT_RE.test(s)) return Number(s);
    // No core-schema number has a space in it, nor is one shaped like a date.
    return DATE_RE.test(s) || s.includes(' ') ? s : BAIL;
  }
  if (c === 43 || c === 46) return BAIL; // `+`, `.`: signed numbers, .inf, .nan
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    default:
      return s;
  }
}

function singleQuoted(text: string, start: number, end: number): Value | typeof BAIL {
  let out = '';
  let k = start + 1;
  for (;;) {
    const q = indexIn(text, 39, k, end);
    if (q < 0) return BAIL;
    out += text.slice(k, q);
    if (q + 1 < end && text.charCodeAt(q + 1) === 39) {
      out += "'";
      k = q + 2;
      continue;
    }
    return restIsBlank(text, q + 1, end) ? out : BAIL;
  }
}

function doubleQuoted(text: string, start: number, end: number): Value | typeof BAIL {
  const q = indexIn(text, 34, start + 1, end);
  if (q < 0 || indexIn(text, 92, start + 1, q) >= 0) return BAIL;
  return restIsBlank(text, q + 1, end) ? text.slice(start + 1, q) : BAIL;
}

/** `[a, b]` of plain words on one line. */
function flowSequence(text: string, start: number, end: number): Value | typeof BAIL {
  const close = indexIn(text, 93, start + 1, end);
  if (close < 0 || !restIsBlank(text, close + 1, end)) return BAIL;
  const inner = text.slice(start + 1, close);
  if (inner.trim() === '') return [];
  const out: unknown[] = [];
  for (const part of inner.split(',')) {
    const word = part.trim();
    if (!FLOW_WORD_RE.test(word)) return BAIL;
    const v = resolvePlain(word);
    if (v === BAIL) return BAIL;
    out.push(v);
  }
  return out;
}

/** The value written from `start` (not a space) to the line end. */
function lineValue(text: string, start: number, end: number): Value | typeof BAIL {
  const c = text.charCodeAt(start);
  if (c === 39) return singleQuoted(text, start, end);
  if (c === 34) return doubleQuoted(text, start, end);
  if (c === 91) return flowSequence(text, start, end);
  // Indicators: - ? : , ] { } # & * ! | > % @ `
  if (
    c === DASH ||
    c === 63 ||
    c === COLON ||
    c === 44 ||
    c === 93 ||
    c === 123 ||
    c === 125 ||
    c === HASH ||
    c === 38 ||
    c === 42 ||
    c === 33 ||
    c === 124 ||
    c === 62 ||
    c === 37 ||
    c === 64 ||
    c === 96
  ) {
    return BAIL;
  }
  // Up to a ` #` comment; `: ` inside or `:` at the end would make it a nested mapping.
  let stop = end;
  for (let k = start + 1; k < end; k++) {
    const ch = text.charCodeAt(k);
    if (ch === HASH && text.charCodeAt(k - 1) === SPACE) {
      stop = k;
      break;
    }
    if (ch === SPACE && text.charCodeAt(k - 1) === COLON) return BAIL;
  }
  while (stop > start && text.charCodeAt(stop - 1) === SPACE) stop--;
  if (text.charCodeAt(stop - 1) === COLON) return BAIL;
  return resolvePlain(text.slice(start, stop));
}

/** Reads `key: value` at `i` into `frame`'s mapping; false when that is not certain. */
function keyLine(text: string, frame: Frame, i: number, end: number): boolean {
  const colon = keyColon(text, i, end);
  if (colon < 0 || colon - i > MAX_KEY_LENGTH) return false;
  const key = text.slice(i, colon);
  const map = frame.map!;
  // Inherited names (`constructor`) count as taken too: giving up on them is safe.
  if (map[key] !== undefined || (RESERVED_KEY_START.test(key) && KEY_WORDS.has(key))) return false;
  let v = colon + 1;
  while (v < end && text.charCodeAt(v) === SPACE) v++;
  if (v === end || text.charCodeAt(v) === HASH) {
    map[key] = null;
    frame.pending = key;
    return true;
  }
  const value = lineValue(text, v, end);
  if (value === BAIL) return false;
  map[key] = value;
  return true;
}

/** The data of `text` when it is in the subset, else undefined (use the full parser). */
export function fastParse(text: string): unknown {
  if (text.length === 0 || UNSAFE_CHAR_RE.test(text)) return undefined;
  const root: Record<string, unknown> = {};
  const stack: Frame[] = [{ indent: 0, map: root, seq: null, pending: null }];
  let keys = false;
  const n = text.length;
  for (let pos = 0; pos < n; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    let i = pos;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const lineStart = pos;
    pos = end + 1;
    if (i === end || text.charCodeAt(i) === HASH) continue;
    const indent = i - lineStart;
    if (indent > MAX_INDENT) return undefined;
    const isDash = text.charCodeAt(i) === DASH && (i + 1 === end || text.charCodeAt(i + 1) === SPACE);

    let top = stack[stack.length - 1]!;
    if (top.pending !== null) {
      const key = top.pending;
      top.pending = null;
      if (indent > top.indent || (indent === top.indent && isDash)) {
        if (stack.length >= MAX_DEPTH) return undefined;
        const child: Frame = isDash ? { indent, map: null, seq: [], pending: null } : { indent, map: {}, seq: null, pending: null };
        top.map![key] = isDash ? child.seq : child.map;
        stack.push(child);
      }
    }
    for (;;) {
      top = stack[stack.length - 1]!;
      if (indent < top.indent || (indent === top.indent && top.seq !== null && !isDash)) {
        stack.pop();
        if (stack.length === 0) return undefined;
        continue;
      }
      if (indent > top.indent) return undefined;
      break;
    }

    if (top.seq === null) {
      if (isDash || !keyLine(text, top, i, end)) return undefined;
      keys = true;
      continue;
    }
    // A sequence item: `- value` or `- key: value` opening a mapping indented two past the dash.
    const j = i + 2;
    if (j >= end || text.charCodeAt(j) === SPACE || text.charCodeAt(j) === HASH) return undefined;
    if (keyColon(text, j, end) >= 0) {
      if (stack.length >= MAX_DEPTH) return undefined;
      const item: Frame = { indent: indent + 2, map: {}, seq: null, pending: null };
      top.seq.push(item.map);
      stack.push(item);
      if (!keyLine(text, item, j, end)) return undefined;
    } else {
      const value = lineValue(text, j, end);
      if (value === BAIL) return undefined;
      top.seq.push(value);
    }
  }
  return keys ? root : undefined;
}
