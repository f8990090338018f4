/**
 * A customer's head as the lint cache keeps it: the head fields' values in a fixed order, compact
 * to store and to read back. A warm read builds each customer's head (a plain object) from its row
 * and reads no customer file; the details are read from the file when a command asks for them.
 */
import type { Customer, CustomerHead } from '../core/model.js';

/** The head fields in the order a row keeps them. */
const HEAD_FIELDS = ['name', 'named', 'segment', 'term', 'ends_on', 'status', 'engineer', 'backup', 'communicated', 'ce', 'since', 'ended_on'] as const;

/** The head as the cache keeps it: the head fields' values in order (null for none). */
export type HeadRow = unknown[];

export function headRow(c: CustomerHead): HeadRow {
  return HEAD_FIELDS.map((k) => c[k] ?? null);
}

/** Whether `row` has the shape `headRow` gives (a damaged cache entry has not). */
export function isHeadRow(row: unknown): row is HeadRow {
  return Array.isArray(row) && row.length === HEAD_FIELDS.length && typeof row[0] === 'string' && typeof row[1] === 'boolean';
}

/** The head `row` was made from (fields without a value are left out, as the model leaves them out). */
export function headOfRow(slug: string, file: string, row: HeadRow): CustomerHead {
  const head: Record<string, unknown> = { slug, file };
  for (let i = 0; i < HEAD_FIELDS.length; i++) if (row[i] !== null) head[HEAD_FIELDS[i]!] = row[i];
  return head as unknown as CustomerHead;
}

/** Only the head fields of `c` (a customer with details, as the cache would give it back). */
export function headOf(c: Customer): CustomerHead {
  return headOfRow(c.slug, c.file, headRow(c));
}
