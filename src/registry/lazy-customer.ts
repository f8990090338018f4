/**
 * Customers whose head (the fields rules across customers and listings use) is known at once and
 * whose body (request, approvals, docs, check-ins, history, raw) is read from the file only when
 * something asks for it. A warm read of a large registry then never parses the files.
 * A customer from the registry's snapshot goes further: it knows its status and name from the
 * snapshot's row (its facts) and reads the rest of its head from the row's JSON when first asked,
 * so a write, which looks into a few customers, does not build ten thousand heads.
 */
import { STATUSES, type Customer, type Status } from '../core/model.js';
import { normaliseCustomer } from '../core/normalise.js';

/** The head fields: small, and all that `list`, the cap and workload need (the rest is the body). */
const HEAD_FIELDS = ['name', 'named', 'segment', 'term', 'ends_on', 'status', 'engineer', 'backup', 'communicated', 'ce', 'since', 'ended_on'] as const;
type HeadField = (typeof HEAD_FIELDS)[number];
const AT = Object.fromEntries(HEAD_FIELDS.map((k, i) => [k, i])) as Record<HeadField, number>;

/** The head as the cache keeps it: the head fields' values in order (null for none), compact to read back. */
export type HeadRow = unknown[];

export function headRow(c: Customer): HeadRow {
  return HEAD_FIELDS.map((k) => c[k] ?? null);
}

/** Whether `row` has the shape `headRow` gives (a damaged cache entry has not). */
export function isHeadRow(row: unknown): row is HeadRow {
  return Array.isArray(row) && row.length === HEAD_FIELDS.length && typeof row[0] === 'string' && typeof row[1] === 'boolean';
}

/**
 * A customer's status and name in one line of text, `status:+name` (`-` when the name is the
 * slug's stand-in): what the snapshot keeps beside the head. Empty when the name holds a tab or
 * line break (the snapshot's separators); such a customer's head is read instead.
 */
export function factsText(c: Customer): string {
  return /[\t\n\r]/.test(c.name) ? '' : `${c.status ?? ''}:${c.named ? '+' : '-'}${c.name}`;
}

/** The status `factsText` wrote, as the model's own string; null when the text is not facts. */
function factsStatus(text: string, colon: number): Status | undefined | null {
  if (colon === 0) return undefined;
  for (const s of STATUSES) if (s.length === colon && text.startsWith(s)) return s;
  return null;
}

/** The reader's parser of a stored entry's head; undefined when the entry is damaged. */
export type HeadOf = (entry: string) => HeadRow | undefined;

/** A customer built from its head; the whole customer is made from the file's data the first time a body field is read. */
class LazyCustomer implements Customer {
  readonly slug: string;
  readonly file: string;
  #row: HeadRow | undefined;
  /** The stored entry the head is read from when first needed (a customer from the snapshot), and how. */
  #entry: string | undefined;
  #headOf: HeadOf | undefined;
  #status: Status | undefined;
  #named = false;
  #name: string | undefined;
  #source: { readonly data: unknown } | undefined;
  #full: Customer | undefined;

  constructor(slug: string, file: string, row: HeadRow | undefined, source: { readonly data: unknown }) {
    this.slug = slug;
    this.file = file;
    this.#row = row;
    this.#source = source;
  }

  /** Takes status and name from the facts and the rest of the head from the entry when asked; false when the facts are not facts. */
  deferHead(entry: string, facts: string, headOf: HeadOf): boolean {
    const colon = facts.indexOf(':');
    const status = colon < 0 ? null : factsStatus(facts, colon);
    const named = facts[colon + 1];
    if (status === null || (named !== '+' && named !== '-')) return false;
    this.#entry = entry;
    this.#headOf = headOf;
    this.#status = status;
    this.#named = named === '+';
    this.#name = facts.slice(colon + 2);
    return true;
  }

  #head(): HeadRow {
    // A damaged entry: the head is the file's, as the entry would have had it.
    this.#row ??= this.#headOf!(this.#entry!) ?? headRow(this.#body());
    this.#entry = undefined;
    return this.#row;
  }

  #field(k: HeadField): never {
    const v = this.#head()[AT[k]];
    return (v === null ? undefined : v) as never;
  }

  get name(): string {
    return this.#name ?? this.#field('name');
  }
  get named(): boolean {
    return this.#name !== undefined ? this.#named : this.#field('named');
  }
  get status(): Status | undefined {
    return this.#name !== undefined ? this.#status : this.#field('status');
  }
  get segment(): Customer['segment'] {
    return this.#field('segment');
  }
  get term(): Customer['term'] {
    return this.#field('term');
  }
  get ends_on(): string | undefined {
    return this.#field('ends_on');
  }
  get engineer(): string | undefined {
    return this.#field('engineer');
  }
  get backup(): string | undefined {
    return this.#field('backup');
  }
  get communicated(): boolean | undefined {
    return this.#field('communicated');
  }
  get ce(): string | undefined {
    return this.#field('ce');
  }
  get since(): string | undefined {
    return this.#field('since');
  }
  get ended_on(): string | undefined {
    return this.#field('ended_on');
  }

  #body(): Customer {
    if (!this.#full) {
      this.#full = normaliseCustomer(this.slug, this.file, this.#source!.data);
      this.#source = undefined;
    }
    return this.#full;
  }

  get communicated_on() {
    return this.#body().communicated_on;
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

/**
 * A customer from a snapshot row: status and name from the facts (see factsText), the rest of the
 * head from the stored entry (read by `headOf`) when first asked; undefined when the facts cannot be read.
 */
export function deferredCustomer(
  slug: string,
  file: string,
  entry: string,
  facts: string,
  headOf: HeadOf,
  source: { readonly data: unknown },
): Customer | undefined {
  const c = new LazyCustomer(slug, file, undefined, source);
  return c.deferHead(entry, facts, headOf) ? c : undefined;
}
