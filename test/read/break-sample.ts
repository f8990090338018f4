/** Hand-breaking a copy of the sample registry and linting it the way a user would. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ase, type CliResult } from '../helpers/cli.js';
import { sampleRepo } from '../helpers/repo.js';

export interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LintJson {
  errors: number;
  warnings: number;
  findings: JsonFinding[];
}

export interface Broken {
  repo: string;
  /** The broken file's text as written. */
  text: string;
  result: CliResult;
  json: LintJson;
  /**
   * Error findings only (the sample's three warnings stay), without `page-out-of-date`: any
   * change to the data makes the committed page stale, which is that rule working, not this one.
   */
  errors: JsonFinding[];
}

/** Copies the sample, rewrites `file` (relative to the repo root) with `mutate`, runs `ase lint --format json`. */
export function breakSample(file: string, mutate: (text: string) => string): Broken {
  const repo = sampleRepo();
  const abs = join(repo, file);
  const text = mutate(readFileSync(abs, 'utf8'));
  writeFileSync(abs, text);
  const result = ase(['lint', '--format', 'json'], { cwd: repo });
  const json = JSON.parse(result.stdout) as LintJson;
  return { repo, text, result, json, errors: json.findings.filter((f) => f.severity === 'error' && f.rule !== 'page-out-of-date') };
}

/** Exit 1, no stack trace, and exactly these error findings (wording aside). */
export function expectErrors(b: Broken, expected: Omit<JsonFinding, 'message' | 'severity'>[]): void {
  expect(b.result.code).toBe(1);
  expect(b.result.stderr).not.toMatch(/\n\s+at /);
  expect(b.result.stderr).toBe('');
  expect(b.errors.map(({ rule, file, line, column }) => ({ rule, file, line, column }))).toEqual(expected);
  for (const f of b.errors) expect(f.message.length).toBeGreaterThan(10);
}
