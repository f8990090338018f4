/**
 * A rule is one object in one file: its code, its default severity, what it looks at, what
 * `ase status` calls its findings, and its check. Checks are pure functions from the registry
 * (and today) to findings; they return findings without `rule` and usually without `severity`:
 * `defineRule` stamps both, so a finding's severity belongs to its rule (a check may still set
 * one where SPEC says, e.g. approvals-missing under `require_approvals`).
 *
 * What a rule looks at is the check it has: `customer` (one customer at a time) or `across` (the
 * registry as a whole, e.g. the cap); unknown-person has both. A verdict about one customer
 * depends only on that customer, the config, the roster and today, so callers may keep it while
 * none of those change.
 */
import type { PendingFinding, RuleCode, Severity } from '../findings.js';
import type { Customer, DetailedRegistry, Person, Registry } from '../model.js';

export interface RuleContext {
  registry: Registry;
  /** Today's date (YYYY-MM-DD), given by the caller: rules never read the clock. */
  today: string;
  people: ReadonlyMap<string, Person>;
}

/** A context whose registry has every customer's details (to run the per-customer checks over all). */
export interface DetailedContext extends RuleContext {
  registry: DetailedRegistry;
}

/** What a rule about one customer may see: everything but the other customers. */
export interface CustomerContext {
  registry: Omit<Registry, 'customers'>;
  today: string;
  people: ReadonlyMap<string, Person>;
}

/** What a check returns: a finding without its rule; the severity only to override the rule's. */
export type RuleFinding = Omit<PendingFinding, 'rule' | 'severity'> & { severity?: Severity };

/** How `ase status` shows a rule's findings: an item kind and its headline label. */
export interface RuleStatus<K extends string = string> {
  kind: K;
  label: string;
}

export interface RuleParts<C extends string = string, K extends string = string> {
  code: C;
  /** The severity of the rule's findings, unless the check sets one. */
  severity: Severity;
  /** Without it, `ase status` lists the findings as `lint` items headed by the code. */
  status?: RuleStatus<K>;
  /** Findings about one customer, from that customer alone. */
  customer?(c: Customer, ctx: CustomerContext): RuleFinding[];
  /** Findings that need several customers or the roster as a whole. */
  across?(ctx: RuleContext): RuleFinding[];
}

export interface Rule<C extends string = string, K extends string = string> {
  code: C;
  severity: Severity;
  status?: RuleStatus<K>;
  customer?(c: Customer, ctx: CustomerContext): PendingFinding[];
  across?(ctx: RuleContext): PendingFinding[];
  /** Every finding of the rule over the registry. */
  check(ctx: DetailedContext): PendingFinding[];
}

export function defineRule<const C extends string, const K extends string = never>(parts: RuleParts<C, K>): Rule<C, K> {
  const { code, severity, status } = parts;
  // Stamped by assignment on the check's own objects: rules run on every customer, so no copies.
  const stamp = (found: RuleFinding[]): PendingFinding[] => {
    for (const f of found) {
      (f as PendingFinding).rule = code as RuleCode;
      f.severity ??= severity;
    }
    return found as PendingFinding[];
  };
  const customerCheck = parts.customer;
  const acrossCheck = parts.across;
  const customer = customerCheck && ((c: Customer, ctx: CustomerContext) => stamp(customerCheck(c, ctx)));
  const across = acrossCheck && ((ctx: RuleContext) => stamp(acrossCheck(ctx)));
  const rule: Rule<C, K> = {
    code,
    severity,
    check: (ctx) => [...(customer ? ctx.registry.customers.flatMap((c) => customer(c, ctx)) : []), ...(across ? across(ctx) : [])],
  };
  if (status) rule.status = status;
  if (customer) rule.customer = customer;
  if (across) rule.across = across;
  return rule;
}
