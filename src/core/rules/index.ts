/**
 * Every registry rule that reads the model: RULES, the one list, is written by the build from
 * the rule files (all.ts, see scripts/rules-list.mjs), so a new rule file needs no entry here;
 * test/rules/registry.test.ts checks the list against the files. The codes and status kinds
 * follow from it. File-level codes (yaml-syntax, schema, ...) are produced elsewhere: FILE_CODES
 * in ../findings.ts.
 */
import { FILE_CODES, type RuleCode } from '../findings.js';
import { RULES } from './all.js';

export { RULES };

/** The code of a model rule: derived from RULES, so a new rule needs no list of codes. */
export type ModelRuleCode = (typeof RULES)[number]['code'];

/** The status kind a rule gives its findings (see `status` in defineRule). */
export type RuleStatusKind = NonNullable<(typeof RULES)[number]['status']>['kind'];

/** Every code ase can emit: file-level ones, then the model rules'. */
export const ALL_RULE_CODES: readonly RuleCode[] = [...FILE_CODES, ...RULES.map((r) => r.code)];
