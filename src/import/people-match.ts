/** Finds the person a cell names: a handle, an @handle, a display name or a unique first name. Pure. */
import type { Person, Role } from '../core/model.js';

export type PersonMatch = { handle: string } | { problem: string };

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The one person `text` names, with the role the place needs; otherwise why not. */
export function matchPerson(text: string, people: readonly Person[], role: Role | undefined, roster: string): PersonMatch {
  const t = fold(text.replace(/^@/, ''));
  if (/[,/&+;]| and /.test(t)) return { problem: `"${text}" names more than one person` };
  const byHandle = people.filter((p) => p.handle === t);
  const byName = byHandle.length > 0 ? byHandle : people.filter((p) => fold(p.name) === t);
  const byFirst = byName.length > 0 ? byName : people.filter((p) => fold(p.name).split(' ')[0] === t);
  if (byFirst.length === 0) return { problem: `"${text}" is not in ${roster} (no such handle or name)` };
  if (byFirst.length > 1) return { problem: `"${text}" could be ${byFirst.map((p) => p.handle).join(' or ')}` };
  const person = byFirst[0]!;
  if (role !== undefined && !person.roles.includes(role)) return { problem: `${person.handle} ("${text}") does not have the ${role} role in ${roster}` };
  return { handle: person.handle };
}
