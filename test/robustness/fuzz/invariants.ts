/** What every lint result must satisfy, however broken the input: the fuzz tests' oracle. */
import type { Finding } from '../../../src/core/findings.js';
import { ALL_RULE_CODES } from '../../../src/core/rules/index.js';

/** A hang detector, not a speed target: far above what any case takes, even on a machine busy with other work. */
export const CASE_TIME_LIMIT_MS = 30_000;

const CODES = new Set<string>(ALL_RULE_CODES);
/** Words that betray a value printed without care: "NaN days", "[object Object]". */
const GARBAGE_RE = /\bNaN\b|\[object Object\]|\bInfinity days\b/;

/** Lines of a text the way YAML 1.2 and git count them: only \n ends a line (a lone \r does not). */
function lineLengths(text: string): number[] {
  return text.split('\n').map((l) => l.length);
}

function fail(f: Finding, why: string): never {
  throw new Error(`${why}: ${f.rule} ${f.severity} at ${f.file}:${f.line}:${f.column}: ${f.message.slice(0, 300)}`);
}

/**
 * Every finding has a known rule code and severity, names one of the files, sits at a 1-based
 * line and column inside that file, and says something readable; every file that could not be
 * read as data has an error finding. Plain checks (not `expect`): they run millions of times.
 */
export function expectWellFormed(findings: readonly Finding[], texts: ReadonlyMap<string, string | undefined>, unreadable: readonly string[] = []): void {
  const lengths = new Map<string, number[]>();
  for (const f of findings) {
    if (!CODES.has(f.rule)) fail(f, 'unknown rule code');
    if (f.severity !== 'error' && f.severity !== 'warning') fail(f, 'unknown severity');
    if (!texts.has(f.file)) fail(f, 'names a file that is not in the registry');
    if (!Number.isInteger(f.line) || f.line < 1) fail(f, 'line is not a 1-based integer');
    if (!Number.isInteger(f.column) || f.column < 1) fail(f, 'column is not a 1-based integer');
    const text = texts.get(f.file);
    if (text !== undefined) {
      let ls = lengths.get(f.file);
      if (!ls) lengths.set(f.file, (ls = lineLengths(text)));
      if (f.line > ls.length) fail(f, `line is past the end of the file (${ls.length} lines)`);
      if (f.column > ls[f.line - 1]! + 1) fail(f, `column is past the end of the line (${ls[f.line - 1]} characters)`);
    }
    if (typeof f.message !== 'string' || f.message.trim() === '') fail(f, 'empty message');
    if (GARBAGE_RE.test(f.message)) fail(f, 'message shows a broken value');
  }
  for (const file of unreadable) {
    if (!findings.some((f) => f.file === file && f.severity === 'error')) throw new Error(`${file} could not be read as data but has no error finding`);
  }
}

/** Runs `fn` and fails when it takes longer than the hang limit. */
export function timed<T>(fn: () => T, label: string): T {
  const start = performance.now();
  const out = fn();
  const ms = performance.now() - start;
  if (ms > CASE_TIME_LIMIT_MS) throw new Error(`${label} took ${ms.toFixed(0)} ms (limit ${CASE_TIME_LIMIT_MS})`);
  return out;
}
