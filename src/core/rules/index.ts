/** Every registry rule that reads the model (file-level yaml-syntax and schema come from the loader). */
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
import type { Rule } from './rule.js';
import { slugMismatch } from './slug-mismatch.js';
import { teamThin } from './team-thin.js';
import { timeOffConflict } from './time-off-conflict.js';
import { unknownPerson } from './unknown-person.js';

export const RULES: readonly Rule[] = [
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
];
