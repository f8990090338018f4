/** Assignment periods of a customer from its `history` field (not from git: the report stays fast). */
import { compareText } from '../core/compare.js';
import type { Customer, HistoryEntry } from '../core/model.js';

export interface Period {
  engineer: string;
  backup?: string;
  from: string;
  /** Last day (inclusive), or today for a running assignment. */
  to: string;
  /** The entry that started it. */
  start: HistoryEntry;
}

export interface Periods {
  periods: Period[];
  /** Entries drawn as marks: transitions and ends. */
  marks: HistoryEntry[];
}

export function customerPeriods(c: Customer, today: string): Periods {
  const entries = c.history
    .filter((h) => typeof h.on === 'string')
    .slice()
    .sort((a, b) => compareText(a.on, b.on));
  const periods: Period[] = [];
  const marks: HistoryEntry[] = [];
  let open: Omit<Period, 'to'> | undefined;
  const close = (to: string) => {
    if (open && to >= open.from) periods.push({ ...open, to });
    open = undefined;
  };
  for (const h of entries) {
    if (h.event === 'ended') {
      close(h.on);
      marks.push(h);
    } else if (h.engineer) {
      close(h.on);
      open = { engineer: h.engineer, ...(h.backup ? { backup: h.backup } : {}), from: h.on, start: h };
      if (h.event === 'transition') marks.push(h);
    }
  }
  if (open) close(c.status === 'active' ? today : (c.ended_on ?? today));
  // An active customer without history still shows its current assignment.
  if (periods.length === 0 && c.status === 'active' && c.engineer && c.since && c.since <= today) {
    periods.push({
      engineer: c.engineer,
      ...(c.backup ? { backup: c.backup } : {}),
      from: c.since,
      to: today,
      start: { on: c.since, event: 'assigned', engineer: c.engineer },
    });
  }
  return { periods, marks };
}
