/**
 * A customer's head as the lint cache keeps it: the head fields' values in a fixed order, compact
 * to store and to read back. A warm read builds each customer's head (a plain object) from its row
 * and reads no customer file; the details are read from the file when a command asks for them.
 */
import { HEAD_FIELDS } from '../../core/customer-head.js';
import type { CustomerHead } from '../../core/model.js';

/** The head as the cache keeps it: the head fields' values in order (null for none). */
export type HeadRow = unknown[];

export function headRow(c: CustomerHead): HeadRow {
  return HEAD_FIELDS.map((k) => c[k] ?? null);
}

/** Whether `row` has the shape `headRow` gives (a damaged cache entry has not). */
export function isHeadRow(row: unknown): row is HeadRow {
  return Array.isArray(row) && row.length === HEAD_FIELDS.length && typeof row[0] === 'string' && typeof row[1] === 'boolean';
}

/** The head `row` was made from (fields without a value are left out, as `headOf` leaves them out). */
export function headOfRow(slug: string, file: string, row: HeadRow): CustomerHead {
  const head: Record<string, unknown> = { slug, file };
  for (let i = 0; i < HEAD_FIELDS.length; i++) if (row[i] !== null) head[HEAD_FIELDS[i]!] = row[i];
  return head as unknown as CustomerHead;
}
