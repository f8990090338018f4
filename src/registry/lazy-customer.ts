/**
 * Customers whose head (the fields rules across customers and listings use) is known at once and
 * whose body (request, approvals, docs, check-ins, history, raw) is read from the file only when
 * something asks for it. A warm read of a large registry then never parses the files.
 */
import type { Customer } from '../core/model.js';

/** The head fields: small, and all that `list`, the cap and workload need. */
export type CustomerHead = Pick<
  Customer,
  'name' | 'named' | 'segment' | 'term' | 'ends_on' | 'status' | 'engineer' | 'backup' | 'communicated' | 'ce' | 'since' | 'ended_on'
>;

export function headOf(c: Customer): CustomerHead {
  return {
    name: c.name,
    named: c.named,
    segment: c.segment,
    term: c.term,
    ends_on: c.ends_on,
    status: c.status,
    engineer: c.engineer,
    backup: c.backup,
    communicated: c.communicated,
    ce: c.ce,
    since: c.since,
    ended_on: c.ended_on,
  };
}

/** A customer built from its head; `load` gives the whole customer the first time a body field is read. */
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
  #load: (() => Customer) | undefined;
  #full: Customer | undefined;

  constructor(slug: string, file: string, head: CustomerHead, load: () => Customer) {
    this.slug = slug;
    this.file = file;
    Object.assign(this, head);
    this.#load = load;
  }

  #body(): Customer {
    if (!this.#full) {
      this.#full = this.#load!();
      this.#load = undefined;
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

export function lazyCustomer(slug: string, file: string, head: CustomerHead, load: () => Customer): Customer {
  return new LazyCustomer(slug, file, head, load);
}
