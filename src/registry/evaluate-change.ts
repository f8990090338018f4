/**
 * The findings a write compares: the registry before and after a change. A per-customer rule
 * gives the same findings for the same customer, config, roster, file paths and day, so when the
 * change leaves all but some customer files alone, the unchanged customers' findings are the same
 * on both sides and cannot be introduced by it: only the changed customers and the rules across
 * customers are checked. Anything else (config, roster, ...) changed: everything is evaluated.
 */
import { checkAcross, checkCustomer, ruleContext } from '../core/check.js';
import { compareFindings, type Finding } from '../core/findings.js';
import { positionFindings, type LoadedRegistry } from './build.js';
import { evaluate, fingerprintOf } from './verdicts.js';

export interface ChangeFindings {
  before: Finding[];
  after: Finding[];
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
  return { before: sorted(own(before, changed, today), beforeAcross), after: sorted(own(after, changed, today), afterAcross) };
}

/** The findings of the `changed` files: file findings and, for customers, the per-customer rules'. */
function own(loaded: LoadedRegistry, changed: ReadonlySet<string>, today: string): Finding[] {
  const ctx = ruleContext(loaded.registry, today);
  const pending = loaded.registry.customers.filter((c) => changed.has(c.file)).flatMap((c) => checkCustomer(c, ctx));
  return [...loaded.fileFindings.filter((f) => changed.has(f.file)), ...positionFindings(loaded, pending)];
}

function across(loaded: LoadedRegistry, today: string): Finding[] {
  return positionFindings(loaded, checkAcross(ruleContext(loaded.registry, today)));
}

function sorted(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  return [...a, ...b].sort(compareFindings);
}
