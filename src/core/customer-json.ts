/** The JSON shapes of customers that `list --json` and `show --json` promise. */
import { compareNames, compareText } from './compare.js';
import type { Customer, CustomerHead } from './model.js';

export interface CustomerSummary {
  slug: string;
  name: string;
  segment: string | null;
  term: string | null;
  status: string | null;
  engineer: string | null;
  backup: string | null;
  ce: string | null;
  communicated: boolean | null;
  ends_on: string | null;
  since: string | null;
}

export function customerSummary(c: CustomerHead): CustomerSummary {
  return {
    slug: c.slug,
    name: c.name,
    segment: c.segment ?? null,
    term: c.term ?? null,
    status: c.status ?? null,
    engineer: c.engineer ?? null,
    backup: c.backup ?? null,
    ce: c.ce ?? null,
    communicated: c.communicated ?? null,
    ends_on: c.ends_on ?? null,
    since: c.since ?? null,
  };
}

/** Every stored field plus the slug. */
export function customerFull(c: Customer): Record<string, unknown> {
  return { slug: c.slug, ...c.raw };
}

const STATUS_ORDER: Record<string, number> = { active: 0, requested: 1, ended: 2, rejected: 3 };

/** Active first, then requested, ended, rejected; by name within each. */
export function compareCustomers(a: CustomerHead, b: CustomerHead): number {
  return (STATUS_ORDER[a.status ?? ''] ?? 4) - (STATUS_ORDER[b.status ?? ''] ?? 4) || compareNames(a.name, b.name) || compareText(a.slug, b.slug);
}
