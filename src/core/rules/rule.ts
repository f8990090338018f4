/**
 * The shape every registry rule has: pure functions from the registry (and today) to findings.
 * A rule says what it looks at: one customer at a time (`customer`), or the registry as a whole
 * (`across`, e.g. the cap). A verdict about one customer depends only on that customer, the
 * config, the roster and today, so callers may keep it while none of those change.
 */
import type { PendingFinding, RuleCode } from '../findings.js';
import type { Customer, Person, Registry } from '../model.js';

export interface RuleContext {
  registry: Registry;
  /** Today's date (YYYY-MM-DD), given by the caller: rules never read the clock. */
  today: string;
  people: ReadonlyMap<string, Person>;
}

/** What a rule about one customer may see: everything but the other customers. */
export interface CustomerContext {
  registry: Omit<Registry, 'customers'>;
  today: string;
  people: ReadonlyMap<string, Person>;
}

export interface RuleParts {
  code: RuleCode;
  /** Findings about one customer, from that customer alone. */
  customer?(c: Customer, ctx: CustomerContext): PendingFinding[];
  /** Findings that need several customers or the roster as a whole. */
  across?(ctx: RuleContext): PendingFinding[];
}

export interface Rule extends RuleParts {
  /** Every finding of the rule over the registry. */
  check(ctx: RuleContext): PendingFinding[];
}

export function defineRule(parts: RuleParts): Rule {
  const { customer, across } = parts;
  return {
    ...parts,
    check: (ctx) => [...(customer ? ctx.registry.customers.flatMap((c) => customer(c, ctx)) : []), ...(across ? across(ctx) : [])],
  };
}
