/** What `ase status` says about time off: who is away today and who covers, and how soon a gap comes. Pure. */
import { awayEntry, awayOn, dayRange, handlerOf, MAX_SPAN_DAYS, timeOffOf } from '../core/coverage.js';
import { addDays, daysBetween } from '../core/dates.js';
import type { Registry } from '../core/model.js';
import { peopleByHandle } from '../core/queries.js';
import { customersOf } from '../coverage/plan.js';
import type { StatusItem } from './items.js';

/** One hint per person away today: until when, and who takes each of their customers. */
export function awayToday(registry: Registry, today: string): StatusItem[] {
  const entries = timeOffOf(registry);
  const people = peopleByHandle(registry.people);
  return awayOn(entries, today).map((handle): StatusItem => {
    const entry = awayEntry(entries, handle, today)!;
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

/**
 * Days from today to the first day a customer of `handle` has nobody during their time off; the
 * soonest gap sorts first in `ase status`. Undefined when there is none.
 */
export function daysToGap(registry: Registry, handle: string, today: string): number | undefined {
  const people = peopleByHandle(registry.people);
  let best: number | undefined;
  for (const e of timeOffOf(registry)) {
    if (e.handle !== handle || e.to < today || e.to < e.from) continue;
    const start = e.from > today ? e.from : today;
    const end = daysBetween(start, e.to) > MAX_SPAN_DAYS ? addDays(start, MAX_SPAN_DAYS) : e.to;
    for (const c of customersOf(registry, handle)) {
      if (c.engineer !== handle) continue;
      for (let d = start; d <= end && (best === undefined || daysBetween(today, d) < best); d = addDays(d, 1)) {
        if (handlerOf(registry, c, d, undefined, people).gap) {
          best = daysBetween(today, d);
          break;
        }
      }
    }
  }
  return best;
}
