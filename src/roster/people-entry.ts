/** Finds a person in people.yaml as a write edits it (by index in the file, not in the model). */
import type { Person, Registry } from '../core/model.js';
import { UsageError } from '../errors.js';
import type { RegistryEdit, YamlDocEdit } from '../write/transaction.js';

export interface PersonEntry {
  person: Person;
  people: YamlDocEdit;
  /** Path of the person's map in people.yaml: ['people', index]. */
  path: ['people', number];
}

/** The person with `handle`, or bad input (exit 2) that names who is on the roster. */
export function findPerson(registry: Registry, handle: string): Person {
  const person = registry.people.find((p) => p.handle === handle);
  if (person) return person;
  const close = registry.people.map((p) => p.handle).filter((h) => h.startsWith(handle.slice(0, 2)));
  throw new UsageError(
    `"${handle}" is not in ${registry.files.people}`,
    `${close.length > 0 ? `did you mean ${close.slice(0, 3).join(', ')}? ` : ''}\`ase people\` lists the roster; \`ase people add ${handle} --name "..." --role <role>\` adds someone`,
  );
}

/** The person's entry opened for editing. */
export function openPerson(edit: RegistryEdit, handle: string): PersonEntry {
  const person = findPerson(edit.before, handle);
  const people = edit.people();
  // The model skips malformed entries, so the entry's index is looked up in the file itself.
  const list = people.get(['people']);
  const at = Array.isArray(list) ? list.findIndex((p) => (p as { handle?: unknown } | null)?.handle === handle) : -1;
  if (at < 0)
    throw new UsageError(
      `"${handle}" is not listed under people: in ${edit.before.files.people}`,
      `fix ${edit.before.files.people} by hand, then run \`ase lint\``,
    );
  return { person, people, path: ['people', at] };
}
