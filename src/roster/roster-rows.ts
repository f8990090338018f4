/** The roster as `ase people` shows it: one row per person, in people.yaml order. Pure. */
import { awayEntry, timeOffOf } from '../core/coverage.js';
import type { Registry, Role } from '../core/model.js';

/** A stretch of time off that covers the day asked about. */
export interface AwaySpan {
  from: string;
  to: string;
}

export interface RosterRow {
  handle: string;
  name: string;
  roles: Role[];
  email: string | null;
  timezone: string | null;
  /** Working hours `HH:MM-HH:MM` in `timezone`, or null when not set. */
  hours: string | null;
  /** Working days as stored; null means the default, mon-fri. */
  days: string[] | null;
  active: boolean;
  overloaded: boolean;
  /** The time off that covers `today`, or null. */
  away: AwaySpan | null;
}

/** The time-off entry that has `handle` away on `today`, as `{from, to}`; null when not away. */
export function awayOf(registry: Registry, handle: string, today: string): AwaySpan | null {
  const e = awayEntry(timeOffOf(registry), handle, today);
  return e ? { from: e.from, to: e.to } : null;
}

export function rosterRows(registry: Registry, today: string): RosterRow[] {
  return registry.people.map((p) => ({
    handle: p.handle,
    name: p.name,
    roles: p.roles,
    email: p.email ?? null,
    timezone: p.timezone ?? null,
    hours: p.working_hours ?? null,
    days: p.working_days ?? null,
    active: p.active,
    overloaded: p.overloaded,
    away: awayOf(registry, p.handle, today),
  }));
}
