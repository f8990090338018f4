/**
 * Every finding of a loaded registry: the file checks and the rules, positioned and sorted. A
 * registry the fast reader read comes with its verdict store (cache/verdicts.ts: unchanged
 * customers are not checked again); one the plain reader read is checked whole, here.
 */
import { checkAcross, checkCustomer, ruleContext } from '../core/check.js';
import type { Finding } from '../core/findings.js';
import { resolveFindings, type LoadedRegistry } from './build.js';
import { evaluateWithVerdicts } from './cache/verdicts.js';

export function evaluate(loaded: LoadedRegistry, today: string): Finding[] {
  return loaded.cache ? evaluateWithVerdicts(loaded, today) : evaluatePlain(loaded, today);
}

/** Every rule over every customer, with its details. */
export function evaluatePlain(loaded: LoadedRegistry, today: string): Finding[] {
  const ctx = ruleContext(loaded.registry, today);
  const pending = [...loaded.registry.customers.flatMap((c) => checkCustomer(loaded.details(c), ctx)), ...checkAcross(ctx)];
  return resolveFindings(loaded, pending);
}
