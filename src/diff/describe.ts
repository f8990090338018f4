/** Words for one change of a registry diff, shared by the text and markdown reporters. Pure. */
import type { DiffChange, Value } from './semantic.js';

const MAX_VALUE = 80;

/** A value as people read it: `(none)` for null, long texts shortened. */
export function showValue(v: Value): string {
  if (v === null) return '(none)';
  const s = String(v).replace(/\s+/g, ' ');
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

/** What the change concerns: the customer slug, `config` or `people`. */
export function changeSubject(c: DiffChange): string {
  if (c.slug !== null) return c.slug;
  return c.kind === 'config' ? 'config' : c.kind === 'time-off' ? `time off: ${c.handle}` : `people: ${c.handle}`;
}

function why(c: DiffChange): string {
  return `${c.reason ? `, reason ${c.reason}` : ''}${c.note ? ` (${showValue(c.note)})` : ''}`;
}

function team(c: DiffChange): string {
  return `${c.engineer ? `, engineer ${c.engineer}` : ''}${c.backup ? `, backup ${c.backup}` : ''}`;
}

/** The change in words, without its subject; `arrow` is `->` in text and `→` in markdown. */
export function describeChange(c: DiffChange, arrow = '->'): string {
  const move = `${showValue(c.from)} ${arrow} ${showValue(c.to)}`;
  switch (c.kind) {
    case 'added':
      return `added as ${showValue(c.to)}${team(c)}`;
    case 'removed':
      return `removed (was ${showValue(c.from)}${team(c)})`;
    case 'ended':
      return `ended${c.engineer ? ` (was engineer ${c.engineer})` : ''}${why(c)}`;
    case 'status':
      return `status ${move}${c.to === 'active' ? team(c) : ''}`;
    case 'reassigned':
      return `engineer ${move}${why(c)}`;
    case 'backup':
      return `backup ${move}${why(c)}`;
    case 'told':
      return `customer told${c.to !== null ? ` on ${showValue(c.to)}` : ''}${team(c)}${c.note ? ` (${showValue(c.note)})` : ''}`;
    case 'checkin':
      return `check-in on ${showValue(c.to)}${c.handle ? ` with ${c.handle}` : ''}`;
    case 'person':
      if (c.field === 'added') return `added (${showValue(c.to)})`;
      if (c.field === 'removed') return `removed (was ${showValue(c.from)})`;
      if (c.field === 'active') return c.to === false ? 'deactivated' : 'activated again';
      return `${c.field} ${move}`;
    case 'time-off':
      if (c.field === 'added') return `away ${showValue(c.to)}${c.note ? ` (${showValue(c.note)})` : ''}`;
      if (c.field === 'removed') return `time off ${showValue(c.from)} cancelled`;
      return `time off from ${c.field} ${move}`;
    default:
      return `${c.field} ${move}${why(c)}`;
  }
}

/** Changes grouped under the headings reporters print, in that order. */
export function groupChanges(changes: readonly DiffChange[]): { title: string; changes: DiffChange[] }[] {
  const groups = [
    { title: 'Customers', changes: changes.filter((c) => c.slug !== null) },
    { title: 'Config', changes: changes.filter((c) => c.kind === 'config') },
    { title: 'People', changes: changes.filter((c) => c.kind === 'person') },
    { title: 'Time off', changes: changes.filter((c) => c.kind === 'time-off') },
  ];
  return groups.filter((g) => g.changes.length > 0);
}
