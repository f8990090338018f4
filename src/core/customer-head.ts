/** The head of a customer: its small fields, the ones every listing and rule across customers reads. Pure. */
import type { Customer, CustomerHead } from './model.js';

/** The head fields besides slug and file, in a fixed order (the order the lint cache keeps them in). */
export const HEAD_FIELDS = ['name', 'named', 'segment', 'term', 'ends_on', 'status', 'engineer', 'backup', 'communicated', 'ce', 'since', 'ended_on'] as const;

/** Only the head fields of `c`, those without a value left out: the same object however `c` was read. */
export function headOf(c: Customer | CustomerHead): CustomerHead {
  const head: Record<string, unknown> = { slug: c.slug, file: c.file };
  for (const k of HEAD_FIELDS) if (c[k] !== undefined) head[k] = c[k];
  return head as unknown as CustomerHead;
}
