/**
 * Assembles loaded files into the registry model and resolves rule findings to positions. Pure,
 * but for what it is handed: a loaded file from the cache reads its text from disk when asked for
 * its data (by `details`) or a position.
 */
import { compareText } from '../core/compare.js';
import { compareFindings, type Finding, type PendingFinding } from '../core/findings.js';
import type { Customer, CustomerHead, DetailedRegistry, Registry, RegistryFiles } from '../core/model.js';
import { normaliseConfig, normaliseCustomer, normalisePeople, normaliseTimeOff } from '../core/normalise.js';
import { timeOffPath } from '../core/coverage.js';
import type { LoadedFile } from '../source/load-file.js';
import { headOf } from '../core/customer-head.js';
import type { LintCache } from './cache/lint-cache.js';

export interface LoadedRegistry {
  registry: Registry;
  /** Every loaded file by its display path. */
  files: Map<string, LoadedFile>;
  /** Findings about single files (syntax, schema, unreadable files). */
  fileFindings: Finding[];
  /** Set when read through the lint cache: where per-customer verdicts are kept, and each file's content key. */
  cache?: RegistryCache;
  /**
   * The customer with its details. A call, not a property: it may read the customer's file again
   * (a reader that took the head from its cache keeps no details), and it is made at the edges
   * (commands, the verdict store), never by a rule.
   */
  details(c: CustomerHead): Customer;
}

/** The registry with every customer's details read (for the page, `status`, the report). */
export function withDetails(loaded: LoadedRegistry): DetailedRegistry {
  return { ...loaded.registry, customers: loaded.registry.customers.map((c) => loaded.details(c)) };
}

export interface RegistryCache {
  verdicts: LintCache;
  /** The content key of a file as read (a file made from new text has none). */
  keyOf(file: LoadedFile): string | undefined;
  /** The verdicts the registry's snapshot keeps, when it has one (see snapshot.ts). */
  snapshot?: SnapshotVerdicts;
}

export interface SnapshotVerdicts {
  /** What the kept verdicts were made for (see verdicts.ts). */
  fingerprint: string | undefined;
  /** The verdict kept for `file` (JSON); null when the snapshot has the file but no verdict, undefined when it has not the file. */
  verdictOf(file: LoadedFile): string | null | undefined;
  /** Writes the snapshot again with these verdicts (JSON, in the order of `registry.customers`) for `fingerprint`. */
  keep(fingerprint: string, verdicts: readonly (string | undefined)[]): void;
}

export interface CustomerSource {
  slug: string;
  loaded: LoadedFile;
  /** The customer already built from this file's data in this run. */
  customer?: Customer;
  /** Else its head as the reader's cache kept it (the details are read from the file when asked for). */
  head?: CustomerHead;
}

/** `details` for customers whose details are in `known` (by file) or read from `files`' data, each once. */
function detailsFrom(files: ReadonlyMap<string, LoadedFile>, known: Map<string, Customer>): (c: CustomerHead) => Customer {
  return (c) => {
    let full = known.get(c.file);
    if (full === undefined) {
      full = normaliseCustomer(c.slug, c.file, files.get(c.file)?.data);
      known.set(c.file, full);
    }
    return full;
  };
}

/** Whether `k` is what the reader built from the file `file` for `slug`. */
function builtFor(k: CustomerHead | undefined, slug: string, file: string): k is CustomerHead {
  return k !== undefined && k.slug === slug && k.file === file;
}

export function buildRegistry(
  files: RegistryFiles,
  config: LoadedFile | undefined,
  people: LoadedFile | undefined,
  customers: readonly CustomerSource[],
  extraFindings: readonly Finding[] = [],
  timeOff?: LoadedFile,
): LoadedRegistry {
  const all = new Map<string, LoadedFile>();
  const fileFindings: Finding[] = [...extraFindings];
  for (const f of [config, people, timeOff, ...customers.map((c) => c.loaded)]) {
    if (!f) continue;
    all.set(f.file, f);
    for (const finding of f.findings) fileFindings.push(finding);
  }
  const known = new Map<string, Customer>();
  const registry: Registry = {
    files,
    config: normaliseConfig(config?.data),
    people: normalisePeople(people?.data),
    // Heads only, however the reader came by them: a customer is the same plain object warm or cold.
    customers: customers.map((c) => {
      if (c.customer === undefined && builtFor(c.head, c.slug, c.loaded.file)) return c.head;
      const full = builtFor(c.customer, c.slug, c.loaded.file) ? c.customer : normaliseCustomer(c.slug, c.loaded.file, c.loaded.data);
      known.set(full.file, full);
      return headOf(full);
    }),
    // Absent without the file, so the page shows its time-off section only for registries that keep one.
    ...(timeOff ? { timeOff: normaliseTimeOff(timeOff.data) } : {}),
  };
  return { registry, files: all, fileFindings, details: detailsFrom(all, known) };
}

/**
 * `loaded` with some files read from new texts (`changed`, by display path): what `buildRegistry`
 * would give for the files with these in their places, made without going through the unchanged
 * ones again, which keep their loaded file and customer. A customer file not read before is a new
 * customer (any finding about it as it was, such as an unreadable file, goes with the old file).
 */
export function replaceFiles(loaded: LoadedRegistry, changed: ReadonlyMap<string, LoadedFile>): LoadedRegistry {
  const reg = loaded.registry;
  const files = new Map(loaded.files);
  const fileFindings = loaded.fileFindings.filter((f) => !changed.has(f.file));
  const created: CustomerHead[] = [];
  /** The customers read from the new texts, by file; the others' details are the old registry's. */
  const fresh = new Map<string, Customer>();
  for (const f of changed.values()) {
    if (f.kind === 'customer' && !loaded.files.has(f.file)) {
      const c = normaliseCustomer(f.file.slice(f.file.lastIndexOf('/') + 1, -'.yaml'.length), f.file, f.data);
      created.push(headOf(c));
      fresh.set(c.file, c);
    }
    files.set(f.file, f);
    for (const finding of f.findings) fileFindings.push(finding);
  }
  const config = changed.get(reg.files.config);
  const people = changed.get(reg.files.people);
  const timeOff = changed.get(timeOffPath(reg.files));
  const customers = reg.customers.map((c): CustomerHead => {
    const f = changed.get(c.file);
    if (!f) return c;
    const full = normaliseCustomer(c.slug, c.file, f.data);
    fresh.set(c.file, full);
    return headOf(full);
  });
  if (created.length > 0) {
    customers.push(...created);
    customers.sort((a, b) => compareText(a.file, b.file));
  }
  const registry: Registry = {
    files: reg.files,
    config: config ? normaliseConfig(config.data) : reg.config,
    people: people ? normalisePeople(people.data) : reg.people,
    customers,
    timeOff: timeOff ? normaliseTimeOff(timeOff.data) : reg.timeOff,
  };
  return { registry, files, fileFindings, details: (c) => fresh.get(c.file) ?? loaded.details(c) };
}

/** Gives rule findings their line and column. */
export function positionFindings(loaded: LoadedRegistry, pending: readonly PendingFinding[]): Finding[] {
  return pending.map((p) => positionFinding(p, loaded.files.get(p.file)));
}

/** A rule finding at the line and column of its node in `file` (the file's start when there is no such file). */
export function positionFinding(p: PendingFinding, file: LoadedFile | undefined): Finding {
  const pos = file ? file.position(p.path, p.key) : { line: 1, column: 1 };
  return { rule: p.rule, severity: p.severity, file: p.file, line: pos.line, column: pos.column, message: p.message, subject: p.subject };
}

/** Gives rule findings their line and column, then sorts everything. */
export function resolveFindings(loaded: LoadedRegistry, pending: readonly PendingFinding[]): Finding[] {
  return [...loaded.fileFindings, ...positionFindings(loaded, pending)].sort(compareFindings);
}
