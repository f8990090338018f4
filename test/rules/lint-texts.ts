/**
 * Unit-level lint for rule tests: registry file texts in, positioned findings out, through the
 * same pure pipeline `ase lint` uses (loadFile -> buildRegistry -> checkRegistry -> resolveFindings).
 */
import { checkRegistry } from '../../src/core/check.js';
import type { Finding } from '../../src/core/findings.js';
import type { RegistryFiles } from '../../src/core/model.js';
import { buildRegistry, resolveFindings, withDetails } from '../../src/registry/build.js';
import { loadFile } from '../../src/source/load-file.js';
import { activeCustomer, MODELINE, TEST_PEOPLE } from '../helpers/repo.js';

export const FILES: RegistryFiles = {
  config: 'registry/config.yaml',
  people: 'registry/people.yaml',
  customersDir: 'registry/customers',
  page: 'registry/customer-exceptions.md',
};

export const TODAY = '2026-11-28';

export interface Texts {
  config?: string;
  people?: string;
  /** File text by file name without `.yaml` (the slug, valid or not). */
  customers?: Record<string, string>;
  /** time-off.yaml, when the registry has one. */
  timeOff?: string;
}

export const TIME_OFF_FILE = 'registry/time-off.yaml';

/** The display path of a customer file. */
export const customerFile = (slug: string) => `registry/customers/${slug}.yaml`;

/** Every finding for a registry made of these texts (defaults: cap 15 config, TEST_PEOPLE). */
export function lintTexts(texts: Texts, today = TODAY): Finding[] {
  const config = loadFile(FILES.config, 'config', texts.config ?? `${MODELINE.config}cap: 15\n`);
  const people = loadFile(FILES.people, 'people', texts.people ?? TEST_PEOPLE);
  const customers = Object.entries(texts.customers ?? {}).map(([slug, text]) => ({
    slug,
    loaded: loadFile(customerFile(slug), 'customer', text),
  }));
  const timeOff = texts.timeOff === undefined ? undefined : loadFile(TIME_OFF_FILE, 'time-off', texts.timeOff);
  const loaded = buildRegistry(FILES, config, people, customers, [], timeOff);
  return resolveFindings(loaded, checkRegistry(withDetails(loaded), today));
}

/** Findings of one rule only. */
export function only(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Just where and what: for exact comparisons without the wording. */
export function where(findings: readonly Finding[]): { rule: string; severity: string; file: string; line: number; column: number }[] {
  return findings.map(({ rule, severity, file, line, column }) => ({ rule, severity, file, line, column }));
}

/**
 * 1-based line and column of `needle` in `text`, searching from the first `after` when given.
 * Computed from the raw text, independently of the YAML parser the code under test uses.
 */
export function at(text: string, needle: string, after?: string): { line: number; column: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`"${after}" not in text`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Replaces exactly one occurrence of `from`, failing loudly when the fixture changed. */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** A message that says what to do: non-empty and naming a fix. */
export const SAYS_WHAT_TO_DO =
  /\b(add|remove|set|record|review|rename|merge|keep|end|extend|rebalance|raise|hand over|name|fix|use|write|delete|resolve|indent)\b/;

/** A valid active pre-sales customer: internal only, no backup. */
export function preSalesCustomer(name: string, extra = ''): string {
  return edit(
    edit(edit(activeCustomer(name, extra), 'segment: post-sales', 'segment: pre-sales'), 'backup: bob\n', ''),
    'communicated: true',
    'communicated: false',
  );
}
