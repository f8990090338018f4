/**
 * The customers the rules across customers can say anything about: the cap and the workload
 * count active customers, and duplicate names compare the customers that share a name key. A
 * registry holding only these customers gives the same findings across customers as the whole
 * registry (test/rules/across-scope.test.ts holds every rule to it), so a write checks those
 * rules on them alone and never needs to look into the other customers. Pure.
 */
import type { CustomerHead } from './model.js';
import { nameKey } from './name-key.js';
import { isActive } from './queries.js';

export function acrossScope(customers: readonly CustomerHead[]): CustomerHead[] {
  const keys = customers.map((c) => (c.named ? nameKey(c.name) : undefined));
  const seen = new Map<string, number>();
  for (const k of keys) if (k !== undefined) seen.set(k, (seen.get(k) ?? 0) + 1);
  return customers.filter((c, i) => isActive(c) || (keys[i] !== undefined && seen.get(keys[i]!)! > 1));
}
