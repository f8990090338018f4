/** Small pure questions about the registry that several rules and commands ask. */
import { latest } from './dates.js';
import type { Customer, CustomerHead, Person, Registry } from './model.js';

export function isActive(c: CustomerHead): boolean {
  return c.status === 'active';
}

export function activeCustomers<C extends CustomerHead>(registry: { customers: readonly C[] }): C[] {
  return registry.customers.filter(isActive);
}

export function peopleByHandle(people: readonly Person[]): Map<string, Person> {
  const map = new Map<string, Person>();
  for (const p of people) if (!map.has(p.handle)) map.set(p.handle, p);
  return map;
}

/** Date of the latest CE check-in, if any. */
export function lastCheckin(c: Customer): string | undefined {
  return latest(c.checkins.map((x) => x.on));
}

/** Active customers each engineer carries, as primary and as backup. */
export function loadByEngineer(registry: Registry): Map<string, { primary: CustomerHead[]; backup: CustomerHead[] }> {
  const load = new Map<string, { primary: CustomerHead[]; backup: CustomerHead[] }>();
  const entry = (h: string) => {
    let e = load.get(h);
    if (!e) load.set(h, (e = { primary: [], backup: [] }));
    return e;
  };
  for (const c of activeCustomers(registry)) {
    if (c.engineer) entry(c.engineer).primary.push(c);
    if (c.backup) entry(c.backup).backup.push(c);
  }
  return load;
}

/** Who a post-sales customer was last told of (by `ase told`, or the file's `communicated_on`), and when. */
export interface Telling {
  on?: string;
  engineer?: string;
  backup?: string;
}

/**
 * The team the customer knows: the current engineer and backup when `communicated` is true (since
 * `communicated_on`, else the last `told` entry's date), else the team of the last `told` entry, if any.
 */
export function knownTeam(c: Customer): Telling | undefined {
  const last = [...c.history].reverse().find((h) => h.event === 'told');
  if (c.communicated === true) {
    const sameTeam = last !== undefined && last.engineer === c.engineer && last.backup === c.backup;
    return { on: c.communicated_on ?? (sameTeam ? last.on : undefined), engineer: c.engineer, backup: c.backup };
  }
  return last && { on: last.on, engineer: last.engineer, backup: last.backup };
}
