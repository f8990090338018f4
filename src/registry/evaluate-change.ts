/**
 * The findings a write compares: the registry before and after a change. A per-customer rule
 * gives the same findings for the same customer, config, roster, file paths and day, so when the
 * change leaves all but some customer files alone, the unchanged customers' findings are the same
 * on both sides and cannot be introduced by it: only the changed customers and the rules across
 * customers are checked, the latter on the customers they can be about (see across-scope.ts).
 * Anything else (config, roster, ...) changed: everything is evaluated.
 */
import { acrossScope } from '../core/across-scope.js';
import { checkAcross, checkCustomer, ruleContext } from '../core/check.js';
import type { Finding, PendingFinding } from '../core/findings.js';
import { positionFinding, type LoadedRegistry } from './build.js';
import { fingerprintOf } from './cache/verdicts.js';
import { evaluate } from './evaluate.js';

/** A finding of a write's check: file findings come placed, rule findings are placed only when told (see `placed`). */
export type ChangeFinding = Finding | PendingFinding;

export interface ChangeFindings {
  before: ChangeFinding[];
  after: ChangeFinding[];
}

/**
 * Findings of `before` and `after` (the same registry with the files `changed` rewritten or
 * created), complete or without the findings that cannot tell them apart: the same on both
 * sides, or before-findings unlike any after has.
 */
export function evaluateChange(before: LoadedRegistry, after: LoadedRegistry, changed: ReadonlySet<string>, today: string): ChangeFindings {
  const onlyCustomers = fingerprintOf(before.registry, today) === fingerprintOf(after.registry, today);
  if (!onlyCustomers) return { before: evaluate(before, today), after: evaluate(after, today) };
  const afterAcross = across(after, today);
  // Findings before matter only as far as after has findings like them: none across customers after, none needed before.
  const beforeAcross = afterAcross.length > 0 ? across(before, today) : [];
  return { before: [...own(before, changed, today), ...beforeAcross], after: [...own(after, changed, today), ...afterAcross] };
}

/** The findings of the `changed` files: file findings and, for customers, the per-customer rules'. */
function own(loaded: LoadedRegistry, changed: ReadonlySet<string>, today: string): ChangeFinding[] {
  const ctx = ruleContext(loaded.registry, today);
  const pending = loaded.registry.customers.filter((c) => changed.has(c.file)).flatMap((c) => checkCustomer(loaded.details(c), ctx));
  return [...loaded.fileFindings.filter((f) => changed.has(f.file)), ...pending];
}

/** The findings across customers, from the customers they can be about (the others are never looked into). */
function across(loaded: LoadedRegistry, today: string): PendingFinding[] {
  return checkAcross(ruleContext({ ...loaded.registry, customers: acrossScope(loaded.registry.customers) }, today));
}

/** The findings with their line and column in `loaded`'s files: finding a position may parse a file, so only findings to be told are placed. */
export function placed(loaded: LoadedRegistry, findings: readonly ChangeFinding[]): Finding[] {
  return findings.map((f) => ('line' in f ? f : positionFinding(f, loaded.files.get(f.file))));
}
