import { daysBetween, latest } from '../dates.js';
import type { Customer } from '../model.js';
import { defineRule } from './rule.js';

/**
 * The day the customer's current team started: `since`, or a later hand-over of the backup alone
 * (the last `assigned` or `transition` entry), since the customer must hear of a new backup too.
 */
export function teamSince(c: Customer): string | undefined {
  if (c.since === undefined) return undefined;
  return latest([c.since, ...c.history.filter((h) => h.event === 'assigned' || h.event === 'transition').map((h) => h.on)]);
}

/** Days an untold active post-sales customer is past `within` days of its team's start; undefined when not due (or told). */
export function daysUntold(c: Customer, within: number, today: string): number | undefined {
  if (c.status !== 'active' || c.segment !== 'post-sales' || c.communicated === true) return undefined;
  const from = teamSince(c);
  // A `communicated` that is not true or false is the schema's finding, not this rule's.
  if (from === undefined || (c.raw.communicated !== undefined && typeof c.raw.communicated !== 'boolean')) return undefined;
  const overdue = daysBetween(from, today) - within;
  return overdue > 0 ? overdue : undefined;
}

/**
 * An active post-sales customer not told of its engineer and backup within `communicate_within_days`
 * of `since` (a hand-over sets `communicated: false` again). `communicated: true` without a date is told.
 */
export const notCommunicated = defineRule({
  code: 'not-communicated',
  severity: 'warning',
  status: { kind: 'not-communicated', label: 'customer not told' },
  customer(c, { registry, today }) {
    const within = registry.config.communicate_within_days;
    const overdue = daysUntold(c, within, today);
    if (overdue === undefined) return [];
    const team = `${c.engineer ?? '(no engineer)'} as engineer${c.backup ? ` and ${c.backup} as backup` : ''}`;
    return [
      {
        file: c.file,
        path: c.raw.communicated !== undefined ? ['communicated'] : ['since'],
        key: true,
        subject: { slug: c.slug },
        message: `${c.name} has not been told who their engineer is (due within ${within} days of ${teamSince(c)}, ${overdue} ${overdue === 1 ? 'day' : 'days'} overdue): announce ${team} to the customer, then record it with ase told ${c.slug}`,
      },
    ];
  },
});
