/** Opens the registry a command works on: discover it, read it, and evaluate the rules. */
import type { Customer } from '../core/model.js';
import { isSlug } from '../core/slug.js';
import { UsageError } from '../errors.js';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import type { LoadedRegistry } from './build.js';
import { discoverRegistry, type RegistryLocation } from './discover.js';
import { readRegistryAsync } from './reader.js';
import { recoverBeforeRead } from '../write/recover-before-read.js';

export interface OpenRegistry {
  location: RegistryLocation;
  loaded: LoadedRegistry;
}

/** The registry a command works on, with a killed write finished first (one stat when there is none). */
export function locateRegistry(globals: Globals, io: Io): RegistryLocation {
  const location = discoverRegistry(io.cwd, globals.registry);
  recoverBeforeRead(location, io);
  return location;
}

export async function openRegistry(globals: Globals, io: Io): Promise<OpenRegistry> {
  const location = locateRegistry(globals, io);
  return { location, loaded: await readRegistryAsync(location, { io, today: globals.today }) };
}

export { evaluate } from './evaluate.js';
export { withDetails } from './build.js';

/** A slug argument: bad input (exit 2) unless it is a valid slug. */
export function checkSlugArg(slug: string): string {
  if (!isSlug(slug)) {
    throw new UsageError(
      `"${slug}" is not a valid customer slug`,
      'a slug is lowercase letters, digits and hyphens, starts with a letter or digit, at most 64 characters (e.g. acme-corp)',
    );
  }
  return slug;
}

/** The customer with `slug` and its details, or a usage error that lists what exists. */
export function findCustomer(loaded: LoadedRegistry, slug: string): Customer {
  checkSlugArg(slug);
  const found = loaded.registry.customers.find((c) => c.slug === slug);
  if (found) return loaded.details(found);
  const close = loaded.registry.customers.map((c) => c.slug).filter((s) => s.startsWith(slug.slice(0, 3)) || slug.startsWith(s.slice(0, 3)));
  throw new UsageError(
    `unknown customer "${slug}"`,
    close.length > 0 ? `did you mean ${close.slice(0, 3).join(', ')}? \`ase list --all\` lists every customer` : '`ase list --all` lists every customer',
  );
}
