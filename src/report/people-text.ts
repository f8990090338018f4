/** `ase people` for people: the roster as an aligned table. Pure. */
import type { RosterRow } from '../roster/roster-rows.js';
import type { Style } from './style.js';
import { table } from './table.js';

const DEFAULT_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** `09:00-17:00` with the days when they are not mon-fri; `-` when no hours are set. */
function hoursCell(r: RosterRow): string {
  const days = r.days !== null && r.days.join(',') !== DEFAULT_DAYS.join(',') ? ` ${r.days.join(',')}` : '';
  return r.hours !== null ? `${r.hours}${days}` : days.trim() || '-';
}

export function peopleText(rows: readonly RosterRow[], style: Style): string {
  if (rows.length === 0) return 'Nobody in people.yaml yet: `ase people add <handle> --name "..." --role support-engineer` adds someone.\n';
  return table(
    rows,
    [
      { header: 'HANDLE', value: (r) => r.handle, paint: (cell, r) => (r.active ? style.bold(cell) : style.dim(cell)) },
      { header: 'NAME', value: (r) => r.name },
      { header: 'ROLES', value: (r) => r.roles.join(', ') },
      { header: 'TIMEZONE', value: (r) => r.timezone ?? '-' },
      { header: 'HOURS', value: hoursCell },
      { header: 'ACTIVE', value: (r) => (r.active ? 'yes' : 'no'), paint: (cell, r) => (r.active ? cell : style.yellow(cell)) },
      { header: 'OVERLOADED', value: (r) => (r.overloaded ? 'yes' : '-'), paint: (cell, r) => (r.overloaded ? style.red(cell) : cell) },
      { header: 'AWAY', value: (r) => (r.away ? `${r.away.from} to ${r.away.to}` : '-') },
    ],
    style.bold,
  );
}

export function peopleJson(rows: readonly RosterRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
