/** Findings are data: a rule code, a severity, where, and what to do. Reporters turn them into text. */

import type { ModelRuleCode } from './rules/index.js';

export type Severity = 'error' | 'warning';

/**
 * Codes produced outside the model rules: by the loader (yaml-syntax, schema), by `render --check`
 * and lint's page and CODEOWNERS comparisons, and by `ase verify` from git history. The model
 * rules' codes come from their definitions (RULES in ./rules/index.ts).
 */
export const FILE_CODES = ['yaml-syntax', 'schema', 'page-out-of-date', 'codeowners-out-of-date', 'approval-unverified'] as const;

export type FileCode = (typeof FILE_CODES)[number];

export type RuleCode = FileCode | ModelRuleCode;

/** A segment of a path into a YAML document: a map key or a sequence index. */
export type NodePath = ReadonlyArray<string | number>;

/** A finding before positions are resolved: rules say which node, the loader knows where it is. */
export interface PendingFinding {
  rule: RuleCode;
  severity: Severity;
  file: string;
  /** Node at fault; `key: true` points at its key rather than its value. */
  path: NodePath;
  key?: boolean;
  message: string;
  /** Customer slug or person handle the finding is about, for `status`. */
  subject?: { slug?: string; handle?: string };
}

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  subject?: { slug?: string; handle?: string };
}

/** By file, line, column, rule and message, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
