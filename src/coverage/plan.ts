/** The coverage plan of time off, as data and as text: who handles each of the person's customers on their days away. Pure. */
import { compareText } from '../core/compare.js';
import { addDays, daysBetween } from '../core/dates.js';
import { coverCommand, dayRange, dayRanges, handlerOf, MAX_SPAN_DAYS, type CoverRole } from '../core/coverage.js';
import type { CustomerHead, Registry, TimeOff } from '../core/model.js';
import { isActive, peopleByHandle } from '../core/queries.js';

export interface CustomerPlan {
  slug: string;
  /** Who handles the customer on the entry's first day from today on; null when nobody. */
  handler: string | null;
  role: CoverRole | null;
  /** Days of the entry (from today on) when nobody handles the customer. */
  gap_days: string[];
  /** Who handles it on which days, in order. */
  spans: { from: string; to: string; handler: string | null; role: CoverRole | null }[];
}

export interface EntryPlan {
  handle: string;
  name: string;
  from: string;
  to: string;
  note: string | null;
  cover: Record<string, string>;
  customers: CustomerPlan[];
}

/** Active customers on which `handle` is engineer or backup, by slug. */
export function customersOf(registry: Registry, handle: string): CustomerHead[] {
  return registry.customers.filter((c) => isActive(c) && (c.engineer === handle || c.backup === handle)).sort((a, b) => compareText(a.slug, b.slug));
}

/** The plan of `entry` in `registry` (which holds it), from `today` on. */
export function entryPlan(registry: Registry, entry: TimeOff, today: string): EntryPlan {
  const people = peopleByHandle(registry.people);
  const start = entry.from > today ? entry.from : today;
  const end = daysBetween(start, entry.to) > MAX_SPAN_DAYS ? addDays(start, MAX_SPAN_DAYS) : entry.to;
  const customers = customersOf(registry, entry.handle).map((c): CustomerPlan => {
    const spans: CustomerPlan['spans'] = [];
    const gap_days: string[] = [];
    for (let d = start; d <= end; d = addDays(d, 1)) {
      const h = handlerOf(registry, c, d, undefined, people);
      const handler = h.handler?.handle ?? null;
      const role = h.handler?.role ?? null;
      if (handler === null) gap_days.push(d);
      const last = spans.at(-1);
      if (last && last.handler === handler && last.role === role) last.to = d;
      else spans.push({ from: d, to: d, handler, role });
    }
    return { slug: c.slug, handler: spans[0]?.handler ?? null, role: spans[0]?.role ?? null, gap_days, spans };
  });
  return {
    handle: entry.handle,
    name: people.get(entry.handle)?.name ?? entry.handle,
    from: entry.from,
    to: entry.to,
    note: entry.note ?? null,
    cover: entry.cover,
    customers,
  };
}

/** The plan for people: one line per customer and span, every gap with the command that closes it. */
export function planText(plan: EntryPlan): string {
  const lines = [`Coverage while ${plan.handle} is away ${dayRange(plan.from, plan.to)}${plan.note ? ` (${plan.note})` : ''}:`];
  if (plan.customers.length === 0) lines.push(`  ${plan.handle} is on no active customer: nothing to cover`);
  const width = Math.max(0, ...plan.customers.map((c) => c.slug.length));
  for (const c of plan.customers) {
    const many = c.spans.length > 1;
    c.spans.forEach((s, i) => {
      const who = s.handler === null ? 'nobody: GAP (falls back to round-robin)' : `${s.handler} (${s.role})`;
      lines.push(`  ${(i === 0 ? c.slug : '').padEnd(width)}  ${who}${many ? ` on ${dayRange(s.from, s.to)}` : ''}`);
    });
  }
  const gaps = plan.customers.filter((c) => c.gap_days.length > 0);
  for (const c of gaps) lines.push(`gap: ${c.slug} has nobody on ${dayRanges(c.gap_days)}; close it with: ${coverCommand(plan, c.slug)}`);
  return `${lines.join('\n')}\n`;
}
