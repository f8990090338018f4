/** Findings are data: a rule code, a severity, where, and what to do. Reporters turn them into text. */

export type Severity = 'error' | 'warning';

export const RULE_CODES = [
  'yaml-syntax',
  'schema',
  'cap-exceeded',
  'backup-required',
  'backup-not-allowed',
  'backup-is-engineer',
  'presales-communicated',
  'unknown-person',
  'duplicate-handle',
  'slug-mismatch',
  'assignment-expired',
  'engineer-overloaded',
  'checkin-overdue',
  'docs-stale',
  'approvals-missing',
  'not-communicated',
  'page-out-of-date',
  'time-off-conflict',
  'coverage-gap',
  'team-thin',
  // Read from outside the model: verify reads git history (never lint), lint compares CODEOWNERS.
  'approval-unverified',
  'codeowners-out-of-date',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

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
  return (
    cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message)
  );
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
