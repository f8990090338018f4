/**
 * Assignment periods of one customer: the customer file's `history` entries are the spine, and the
 * commits that made them (matched by their trailers) say who made each change and when. Pure.
 */
import type { HistoryEntry } from '../core/model.js';
import type { FileCommit } from '../git/log.js';
import { compareText } from '../core/compare.js';

export interface Period {
  engineer: string | null;
  backup: string | null;
  from: string;
  /** Last day, or null while it lasts. */
  to: string | null;
  /** Why the period started: the transition reason code, or the assignment's reason. */
  reason: string | null;
  note: string | null;
  /** The commit that started the period, when ase made it. */
  commit: string | null;
  author: string | null;
  /** Why the period ended, when it ended with `ase end`. */
  end_reason: string | null;
  /** Each time the customer was told of this period's engineer and backup (`ase told`), oldest first. */
  told: Telling[];
}

/** One telling of a post-sales customer: when, the note, and the commit that recorded it. */
export interface Telling {
  on: string;
  note: string | null;
  commit: string | null;
  author: string | null;
}

interface Event {
  on: string;
  event: HistoryEntry['event'];
  engineer?: string;
  backup?: string;
  reason?: string;
  note?: string;
  commit?: FileCommit;
}

const EVENT_OF_ACTION: Record<string, HistoryEntry['event']> = { assign: 'assigned', transition: 'transition', end: 'ended', told: 'told' };

function eventOfCommit(c: FileCommit): Event | undefined {
  const event = EVENT_OF_ACTION[c.trailers.Action ?? ''];
  if (!event) return undefined;
  return {
    on: c.trailers.On ?? c.date,
    event,
    engineer: c.trailers.Engineer,
    backup: c.trailers.Backup,
    reason: c.trailers.Reason,
    note: c.trailers.Note,
    commit: c,
  };
}

/** Pairs each history entry with the commit that recorded it; commits without an entry are added. */
export function mergeEvents(entries: readonly HistoryEntry[], commits: readonly FileCommit[]): Event[] {
  const fromGit = commits.map(eventOfCommit).filter((e): e is Event => e !== undefined);
  const used = new Set<Event>();
  const events: Event[] = entries.map((h) => {
    const match = fromGit.find((g) => !used.has(g) && g.event === h.event && g.on === h.on && (h.engineer === undefined || g.engineer === h.engineer));
    if (match) used.add(match);
    return { ...h, commit: match?.commit };
  });
  for (const g of fromGit) if (!used.has(g)) events.push(g);
  // Stable: entries keep their order; commits found only in git slot in by date.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareText(a.e.on, b.e.on) || a.i - b.i)
    .map((x) => x.e);
}

/** The periods the events describe, oldest first. */
export function periodsOf(events: readonly Event[]): Period[] {
  const periods: Period[] = [];
  let open: Period | undefined;
  const close = (on: string) => {
    if (open) open.to = on;
    open = undefined;
  };
  for (const e of events) {
    if (e.event === 'told') {
      // A telling starts no period: it belongs to the one it announced (the last, when none is open).
      (open ?? periods.at(-1))?.told.push({ on: e.on, note: e.note ?? null, commit: e.commit?.commit ?? null, author: e.commit?.author ?? null });
      continue;
    }
    if (e.event === 'ended') {
      if (open) open.end_reason = e.reason ?? null;
      close(e.on);
      continue;
    }
    const prev = open ?? periods.at(-1);
    close(e.on);
    open = {
      engineer: e.engineer ?? (e.event === 'transition' ? (prev?.engineer ?? null) : null),
      backup: e.backup ?? (e.event === 'transition' && e.engineer === undefined ? (prev?.backup ?? null) : null),
      from: e.on,
      to: null,
      reason: e.reason ?? null,
      note: e.note ?? null,
      commit: e.commit?.commit ?? null,
      author: e.commit?.author ?? null,
      end_reason: null,
      told: [],
    };
    periods.push(open);
  }
  return periods;
}
