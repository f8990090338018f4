/** Runs the model rules over a registry, or over one customer. Pure: `today` comes from the caller. */
import type { PendingFinding } from './findings.js';
import type { Customer, DetailedRegistry, Registry } from './model.js';
import { peopleByHandle } from './queries.js';
import { RULES } from './rules/index.js';
import type { CustomerContext, Rule, RuleContext } from './rules/rule.js';

export function ruleContext(registry: Registry, today: string): RuleContext {
  return { registry, today, people: peopleByHandle(registry.people) };
}

/** What the per-customer rules see: config, roster and files, without the other customers. */
export function customerContext(registry: Omit<Registry, 'customers'>, today: string): CustomerContext {
  return { registry, today, people: peopleByHandle(registry.people) };
}

export function checkRegistry(registry: DetailedRegistry, today: string, rules: readonly Rule[] = RULES): PendingFinding[] {
  const ctx = ruleContext(registry, today);
  return [...registry.customers.flatMap((c) => checkCustomer(c, ctx, rules)), ...checkAcross(ctx, rules)];
}

/** The findings about `c` alone: the same for the same customer, config, roster and today. */
export function checkCustomer(c: Customer, ctx: CustomerContext, rules: readonly Rule[] = RULES): PendingFinding[] {
  return rules.flatMap((rule) => rule.customer?.(c, ctx) ?? []);
}

/** The findings that look across customers (the cap, workload, duplicate names and handles). */
export function checkAcross(ctx: RuleContext, rules: readonly Rule[] = RULES): PendingFinding[] {
  return rules.flatMap((rule) => rule.across?.(ctx) ?? []);
}
