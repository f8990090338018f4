/** Finds the customer a write command is about, refusing when its status does not allow the change. */
import type { Customer, Status } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';
import type { RegistryEdit } from './registry-edit.js';

/** The customer with `slug`, with its details; UsageError (exit 2) when unknown, RefusedError when its status is not one of `allowed`. */
export function requireCustomer(
  edit: Pick<RegistryEdit, 'before' | 'details'>,
  slug: string,
  allowed: readonly Status[],
  doing: string,
  otherwise?: string,
): Customer {
  const c = edit.before.customers.find((x) => x.slug === slug);
  if (!c) {
    throw new UsageError(`unknown customer "${slug}"`, '`ase list --all` lists every customer; `ase request` or `ase assign --name ...` creates one');
  }
  if (c.status === undefined || !allowed.includes(c.status)) {
    throw new RefusedError(
      `cannot ${doing} ${slug}: it is ${c.status ?? 'without a status'}, and only ${allowed.join(' or ')} customers can be`,
      otherwise ?? `see \`ase show ${slug}\``,
    );
  }
  return edit.details(c);
}
