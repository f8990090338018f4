/**
 * The findings a write compares: the registry before and after a change. A per-customer rule
 * gives the same findings for the same customer, config, roster, file paths and day, so when the
 * change leaves all but some customer files alone, the unchanged customers' findings are the same
 * on both sides and cannot be introduced by it: only the changed customers and the rules across
 * customers are checked. Anything else (config, roster, ...) changed: everything is evaluated.
 */
import { checkAcross, checkCustomer, ruleContext } from '../core/check.js';
import { compareFindings, type Finding } from '../core/findings.js';
import type { LoadedRegistry } from './build.js';
import { positionFindings } from './build.js';
import { evaluate, fingerprintOf } from './verdicts.js';

export interface ChangeFindings {
  before: Finding[];
  after: Finding[];
}

/**
 * Findings of `before` and `after` (the same registry with the customer files `changed` rewritten
 * or created), complete or without the findings the two sides share for certain.
 */
export function evaluateChange(before: LoadedRegistry, after: LoadedRegistry, changed: ReadonlySet<string>, today: string): ChangeFindings {
  const onlyCustomers = fingerprintOf(before.registry, today) === fingerprintOf(after.registry, today);
  if (!onlyCustomers) return { before: evaluate(before, today), after: evaluate(after, today) };
  return { before: changedFindings(before, changed, today), after: changedFindings(after, changed, today) };
}

/** File findings, the per-customer findings of the `changed` customers, and the findings across customers. */
function changedFindings(loaded: LoadedRegistry, changed: ReadonlySet<string>, today: string): Finding[] {
  const ctx = ruleContext(loaded.registry, today);
  const pending = loaded.registry.customers.filter((c) => changed.has(c.file)).flatMap((c) => checkCustomer(c, ctx));
  pending.push(...checkAcross(ctx));
  return [...loaded.fileFindings, ...positionFindings(loaded, pending)].sort(compareFindings);
}
