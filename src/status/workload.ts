/** Workload per support engineer, as data for `ase engineers`. Pure. */
import { compareCustomers } from '../core/customer-json.js';
import type { CustomerHead, Registry } from '../core/model.js';
import { loadByEngineer } from '../core/queries.js';
import { awayEntry, timeOffOf } from '../core/coverage.js';

export interface EngineerCustomer {
  slug: string;
  name: string;
  role: 'primary' | 'backup';
}

export interface EngineerLoad {
  handle: string;
  name: string;
  /** Active primary assignments. */
  primary: number;
  /** Active backup assignments. */
  backup: number;
  customers: EngineerCustomer[];
  /** Flagged overloaded, or above `max_per_engineer` (the engineer-overloaded rule). */
  overloaded: boolean;
  /** The engineer said so (people.yaml `overloaded: true`). */
  flagged: boolean;
  active: boolean;
  /** The time-off entry that has them away today, or null. */
  away: { from: string; to: string; note: string | null } | null;
}

/**
 * Every active support engineer, plus anyone else who carries an active assignment (an inactive
 * engineer still named somewhere must not vanish from the list), in roster order.
 */
export function engineersWorkload(registry: Registry, today?: string): EngineerLoad[] {
  const load = loadByEngineer(registry);
  const max = registry.config.max_per_engineer;
  const seen = new Set<string>();
  const out: EngineerLoad[] = [];
  for (const p of registry.people) {
    if (seen.has(p.handle)) continue;
    const mine = load.get(p.handle) ?? { primary: [], backup: [] };
    const carries = mine.primary.length + mine.backup.length > 0;
    if (!(p.active && p.roles.includes('support-engineer')) && !carries) continue;
    seen.add(p.handle);
    out.push(entry(p.handle, p.name, p.active, p.overloaded, mine.primary, mine.backup, max));
  }
  // Handles not in the roster at all (lint reports them as unknown-person).
  for (const [handle, mine] of load) {
    if (!seen.has(handle)) out.push(entry(handle, handle, false, false, mine.primary, mine.backup, max));
  }
  if (today !== undefined) {
    for (const e of out) {
      const off = awayEntry(timeOffOf(registry), e.handle, today);
      if (off) e.away = { from: off.from, to: off.to, note: off.note ?? null };
    }
  }
  return out;
}

function entry(handle: string, name: string, active: boolean, flagged: boolean, primary: CustomerHead[], backup: CustomerHead[], max: number): EngineerLoad {
  const role =
    (r: EngineerCustomer['role']) =>
    (c: CustomerHead): EngineerCustomer => ({ slug: c.slug, name: c.name, role: r });
  return {
    handle,
    name,
    primary: primary.length,
    backup: backup.length,
    customers: [...[...primary].sort(compareCustomers).map(role('primary')), ...[...backup].sort(compareCustomers).map(role('backup'))],
    overloaded: flagged || primary.length > max,
    flagged,
    active,
    away: null,
  };
}
