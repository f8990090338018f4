/** What `ase status` says about time off: who is away today and who covers, and how soon a gap comes. Pure. */
import { awayOn, dayRange, handlerOf, timeOffOf } from '../core/coverage.js';
import { addDays, daysBetween } from '../core/dates.js';
import type { Customer, Registry } from '../core/model.js';
import { peopleByHandle } from '../core/queries.js';
import { customersOf } from '../coverage/plan.js';
import type { StatusItem } from './items.js';

/** One hint per person away today: until when, and who takes each of their customers. */
export function awayToday(registry: Registry, today: string): StatusItem[] {
  const entries = timeOffOf(registry);
  const people = peopleByHandle(registry.people);
  return awayOn(entries, today).map((handle): StatusItem => {
    const entry = entries.find((e) => e.handle === handle && e.from <= today && today <= e.to)!;
    const covers = customersOf(registry, handle).map((c) => {
      const h = handlerOf(registry, c, today, undefined, people);
      return `${c.slug} -> ${h.handler ? `${h.handler.handle} (${h.handler.role})` : 'nobody (gap)'}`;
    });
    const note = entry.note ? ` (${entry.note})` : '';
    return {
      kind: 'away',
      severity: 'info',
      handle,
      days: daysBetween(today, entry.to),
      message: `away ${dayRange(entry.from, entry.to)}${note}: ${covers.length > 0 ? covers.join('; ') : 'no active customers'}`,
    };
  });
}

/** Days from today to the first day in the next `window` days when `c` has nobody; undefined when none. */
export function daysToGap(registry: Registry, c: Customer, today: string, window: number): number | undefined {
  const people = peopleByHandle(registry.people);
  for (let d = today, i = 0; i <= window; d = addDays(d, 1), i++) if (handlerOf(registry, c, d, undefined, people).gap) return i;
  return undefined;
}
