/**
 * Every registry rule that reads the model, in the order lint runs them: the one list. A rule
 * file here that is missing from it never runs; test/rules/registry.test.ts fails then.
 * File-level codes (yaml-syntax, schema, ...) are produced elsewhere: FILE_CODES in ../findings.ts.
 */
import { FILE_CODES, type RuleCode } from '../findings.js';
import { approvalsMissing } from './approvals-missing.js';
import { assignmentExpired } from './assignment-expired.js';
import { backupIsEngineer } from './backup-is-engineer.js';
import { backupNotAllowed } from './backup-not-allowed.js';
import { backupRequired } from './backup-required.js';
import { capExceeded } from './cap-exceeded.js';
import { checkinOverdue } from './checkin-overdue.js';
import { coverageGap } from './coverage-gap.js';
import { docsStale } from './docs-stale.js';
import { duplicateHandle } from './duplicate-handle.js';
import { engineerOverloaded } from './engineer-overloaded.js';
import { notCommunicated } from './not-communicated.js';
import { presalesCommunicated } from './presales-communicated.js';
import { slugMismatch } from './slug-mismatch.js';
import { teamThin } from './team-thin.js';
import { timeOffConflict } from './time-off-conflict.js';
import { unknownPerson } from './unknown-person.js';

export const RULES = [
  capExceeded,
  backupRequired,
  backupNotAllowed,
  backupIsEngineer,
  presalesCommunicated,
  unknownPerson,
  duplicateHandle,
  slugMismatch,
  assignmentExpired,
  engineerOverloaded,
  checkinOverdue,
  docsStale,
  approvalsMissing,
  notCommunicated,
  timeOffConflict,
  coverageGap,
  teamThin,
] as const;

/** The code of a model rule: derived from RULES, so a new rule needs no list of codes. */
export type ModelRuleCode = (typeof RULES)[number]['code'];

/** The status kind a rule gives its findings (see `status` in defineRule). */
export type RuleStatusKind = NonNullable<(typeof RULES)[number]['status']>['kind'];

/** Every code ase can emit: file-level ones, then the model rules'. */
export const ALL_RULE_CODES: readonly RuleCode[] = [...FILE_CODES, ...RULES.map((r) => r.code)];
