/** `ase engineers --json`: an array of `{handle, name, primary, backup, customers, overloaded}`. */
import type { EngineerLoad } from '../status/workload.js';

export function engineersJson(loads: readonly EngineerLoad[]): string {
  const rows = loads.map((e) => ({
    handle: e.handle,
    name: e.name,
    primary: e.primary,
    backup: e.backup,
    customers: e.customers,
    overloaded: e.overloaded,
    flagged: e.flagged,
    active: e.active,
    away: e.away,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
