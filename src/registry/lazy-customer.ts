/**
 * Customers whose head (the fields rules across customers and listings use) is known at once and
 * whose body (request, approvals, docs, check-ins, history, raw) is read from the file only when
 * something asks for it. A warm read of a large registry then never parses the files.
 */
import type { Customer } from '../core/model.js';
import { normaliseCustomer } from '../core/normalise.js';

/** The head fields: small, and all that `list`, the cap and workload need (the rest is the body). */
const HEAD_FIELDS = ['name', 'named', 'segment', 'term', 'ends_on', 'status', 'engineer', 'backup', 'communicated', 'ce', 'since', 'ended_on'] as const;


/** The head as the cache keeps it: the head fields' values in order (null for none), compact to read back. */
export type HeadRow = unknown[];

export function headRow(c: Customer): HeadRow {
  return HEAD_FIELDS.map((k) => c[k] ?? null);
}

/** Whether `row` has the shape `headRow` gives (a damaged cache entry has not). */
export function isHeadRow(row: unknown): row is HeadRow {
  return Array.isArray(row) && row.length === HEAD_FIELDS.length && typeof row[0] === 'string' && typeof row[1] === 'boolean';
}

/** A customer built from its head; the whole customer is made from the file's data the first time a body field is read. */
class LazyCustomer implements Customer {
  slug: string;
  file: string;
  name!: string;
  named!: boolean;
  segment?: Customer['segment'];
  term?: Customer['term'];
  ends_on?: string;
  status?: Customer['status'];
  engineer?: string;
  backup?: string;
  communicated?: boolean;
  ce?: string;
  since?: string;
  ended_on?: string;
  #source: { readonly data: unknown } | undefined;
  #full: Customer | undefined;

  constructor(slug: string, file: string, row: HeadRow, source: { readonly data: unknown }) {
    this.slug = slug;
    this.file = file;
    const v = (i: number) => (row[i] === null ? undefined : row[i]) as never;
    this.name = v(0);
    this.named = v(1);
    this.segment = v(2);
    this.term = v(3);
    this.ends_on = v(4);
    this.status = v(5);
    this.engineer = v(6);
    this.backup = v(7);
    this.communicated = v(8);
    this.ce = v(9);
    this.since = v(10);
    this.ended_on = v(11);
    this.#source = source;
  }

  #body(): Customer {
    if (!this.#full) {
      this.#full = normaliseCustomer(this.slug, this.file, this.#source!.data);
      this.#source = undefined;
    }
    return this.#full;
  }

  get request() {
    return this.#body().request;
  }
  get approvals() {
    return this.#body().approvals;
  }
  get rejection() {
    return this.#body().rejection;
  }
  get docs() {
    return this.#body().docs;
  }
  get environment() {
    return this.#body().environment;
  }
  get checkins() {
    return this.#body().checkins;
  }
  get history() {
    return this.#body().history;
  }
  get raw() {
    return this.#body().raw;
  }
}

/** `source.data` (read on demand: a loaded file) must be what `row` was made from. */
export function lazyCustomer(slug: string, file: string, row: HeadRow, source: { readonly data: unknown }): Customer {
  return new LazyCustomer(slug, file, row, source);
}
