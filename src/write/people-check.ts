/** Checks a handle given on the command line against people.yaml before anything is written. Pure. */
import type { Person, Registry, Role } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';

/** The person with `handle` and `role` (active unless `allowInactive`), or a refusal naming the fix. */
export function requirePerson(registry: Registry, handle: string, flag: string, role?: Role, allowInactive = false): Person {
  const person = registry.people.find((p) => p.handle === handle);
  const roster = registry.files.people;
  if (!person) {
    const close = registry.people
      .filter((p) => (role ? p.roles.includes(role) : true))
      .map((p) => p.handle)
      .slice(0, 8);
    throw new UsageError(
      `${flag} "${handle}" is not in ${roster}`,
      `use one of: ${close.join(', ') || '(nobody yet)'}; or add them with \`ase people add ${handle} --name "..." --role ${role ?? '<role>'}\``,
    );
  }
  if (role && !person.roles.includes(role)) {
    throw new RefusedError(
      `${flag} "${handle}" does not have the ${role} role in ${roster}`,
      `name someone with that role, or add the role to ${handle} in ${roster}`,
    );
  }
  if (!allowInactive && !person.active) {
    throw new RefusedError(`${flag} "${handle}" is marked inactive in ${roster}`, 'name someone active');
  }
  return person;
}
