/**
 * Who handles a customer on a day: the one coverage rule (SPEC section 6) that `who`, `away`,
 * `status`, the page and the rules all use. The handler is the first of engineer, backup and the
 * cover named for the customer in the engineer's entry covering the day who is not away. Pure:
 * the day (or the instant, as epoch milliseconds) comes from the caller.
 */
import { addDays, daysBetween } from './dates.js';
import type { CustomerHead, Person, Registry, RegistryFiles, TimeOff } from './model.js';
import { isActive, peopleByHandle } from './queries.js';
import { inHours, localTime } from './working-hours.js';

export type CoverRole = 'engineer' | 'backup' | 'cover';

export interface ChainLink {
  handle: string;
  role: CoverRole;
  /** The entry that has them away, or null. */
  away: { from: string; to: string } | null;
  /** In or out of working hours at the instant; null without an instant or without hours. */
  in_hours: boolean | null;
}

export interface Handling {
  slug: string;
  on: string;
  handler: { handle: string; role: CoverRole } | null;
  gap: boolean;
  chain: ChainLink[];
}

export interface CoverageDay {
  date: string;
  /** Handles away on the day. */
  away: string[];
  /** Slugs of active customers nobody handles on the day. */
  gaps: string[];
  /** More support engineers away than max_away_at_once. */
  thin: boolean;
}

export function timeOffOf(registry: Pick<Registry, 'timeOff'>): readonly TimeOff[] {
  return registry.timeOff ?? [];
}

/** The entry of `handle` that covers `day`, if any. */
export function awayEntry(entries: readonly TimeOff[], handle: string, day: string): TimeOff | undefined {
  return entries.find((e) => e.handle === handle && e.from <= day && day <= e.to);
}

/**
 * Who handles `customer` on `on`. With `at` (epoch ms), each person's day is their local date at
 * that instant and they are told in or out of hours; the handler is then the first who is neither
 * away nor out of hours, else the first who is not away.
 */
export function handlerOf(
  registry: Pick<Registry, 'timeOff' | 'people'>,
  customer: CustomerHead,
  on: string,
  at?: number,
  people?: ReadonlyMap<string, Person>,
): Handling {
  const entries = timeOffOf(registry);
  const roster = people ?? peopleByHandle(registry.people);
  const dayOf = (handle: string) => (at === undefined ? on : localTime(at, roster.get(handle)?.timezone).date);
  const chain: ChainLink[] = [];
  const add = (handle: string | undefined, role: CoverRole) => {
    if (handle === undefined || chain.some((l) => l.handle === handle)) return;
    const entry = awayEntry(entries, handle, dayOf(handle));
    const person = roster.get(handle);
    const hours = at === undefined || !person ? null : inHours(localTime(at, person.timezone), person.working_hours, person.working_days);
    chain.push({ handle, role, away: entry ? { from: entry.from, to: entry.to } : null, in_hours: hours });
  };
  add(customer.engineer, 'engineer');
  add(customer.backup, 'backup');
  if (customer.engineer !== undefined) add(awayEntry(entries, customer.engineer, dayOf(customer.engineer))?.cover[customer.slug], 'cover');
  const pick = chain.find((l) => l.away === null && l.in_hours !== false) ?? chain.find((l) => l.away === null);
  return { slug: customer.slug, on, handler: pick ? { handle: pick.handle, role: pick.role } : null, gap: pick === undefined, chain };
}

/** The days from `from` to `to` (inclusive) that `customer` has nobody, within `entry`'s days. */
export function gapDays(
  registry: Pick<Registry, 'timeOff' | 'people'>,
  customer: CustomerHead,
  from: string,
  to: string,
  people?: ReadonlyMap<string, Person>,
): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (handlerOf(registry, customer, d, undefined, people).gap) days.push(d);
  return days;
}

/** Support engineers (by the roster) among `handles`. */
export function supportEngineers(handles: readonly string[], people: ReadonlyMap<string, Person>): string[] {
  return handles.filter((h) => people.get(h)?.roles.includes('support-engineer') === true);
}

/** Handles away on `day`, sorted, each once. */
export function awayOn(entries: readonly TimeOff[], day: string): string[] {
  const out = new Set<string>();
  for (const e of entries) if (e.from <= day && day <= e.to) out.add(e.handle);
  return [...out].sort();
}

/** Longest span coverageByDay walks, so a typo such as `to: 9999-12-31` cannot hang a command. */
export const MAX_SPAN_DAYS = 3 * 366;

/** For each day from `from` to `to` (inclusive): who is away, which active customers have nobody, and whether the team is thin. */
export function coverageByDay(registry: Registry, from: string, to: string): CoverageDay[] {
  const entries = timeOffOf(registry);
  const people = peopleByHandle(registry.people);
  const active = registry.customers.filter(isActive).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const days: CoverageDay[] = [];
  const span = Math.min(daysBetween(from, to), MAX_SPAN_DAYS);
  for (let i = 0; i <= span; i++) {
    const date = addDays(from, i);
    const away = awayOn(entries, date);
    const gaps = away.length === 0 ? [] : active.filter((c) => handlerOf(registry, c, date, undefined, people).gap).map((c) => c.slug);
    days.push({ date, away, gaps, thin: supportEngineers(away, people).length > registry.config.max_away_at_once });
  }
  return days;
}

/** `a..b`, or one day when they are the same. */
export function dayRange(from: string, to: string): string {
  return from === to ? from : `${from}..${to}`;
}

/** Days as compact ranges: 2026-12-21..2026-12-24, 2026-12-28. */
export function dayRanges(days: readonly string[]): string {
  const out: string[] = [];
  let start: string | undefined;
  let prev: string | undefined;
  for (const d of days) {
    if (start !== undefined && prev !== undefined && addDays(prev, 1) === d) {
      prev = d;
      continue;
    }
    if (start !== undefined) out.push(dayRange(start, prev!));
    start = prev = d;
  }
  if (start !== undefined) out.push(dayRange(start, prev!));
  return out.join(', ');
}

/** The command that names a cover for `slug` on `entry`. */
export function coverCommand(entry: Pick<TimeOff, 'handle' | 'from'>, slug: string): string {
  return `ase away ${entry.handle} --from ${entry.from} --cover ${slug}=<handle>`;
}

/** Where time-off.yaml is shown to people: beside people.yaml. */
export function timeOffPath(files: Pick<RegistryFiles, 'people' | 'timeOff'>): string {
  return files.timeOff ?? files.people.replace(/people\.yaml$/, 'time-off.yaml');
}
