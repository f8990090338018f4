/** Assembles loaded files into the registry model and resolves rule findings to positions. Pure. */
import { compareText } from '../core/compare.js';
import { compareFindings, type Finding, type PendingFinding } from '../core/findings.js';
import type { Customer, Registry, RegistryFiles } from '../core/model.js';
import { normaliseConfig, normaliseCustomer, normalisePeople, normaliseTimeOff } from '../core/normalise.js';
import { timeOffPath } from '../core/coverage.js';
import type { LoadedFile } from '../source/load-file.js';
import type { LintCache } from './lint-cache.js';

export interface LoadedRegistry {
  registry: Registry;
  /** Every loaded file by its display path. */
  files: Map<string, LoadedFile>;
  /** Findings about single files (syntax, schema, unreadable files). */
  fileFindings: Finding[];
  /** Set when read through the lint cache: where per-customer verdicts are kept, and each file's content key. */
  cache?: RegistryCache;
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
  /** The customer already built from this file (by the reader, from the cache); else it is normalised here. */
  customer?: Customer;
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
  const registry: Registry = {
    files,
    config: normaliseConfig(config?.data),
    people: normalisePeople(people?.data),
    customers: customers.map((c) => {
      const k = c.customer;
      return k && k.slug === c.slug && k.file === c.loaded.file ? k : normaliseCustomer(c.slug, c.loaded.file, c.loaded.data);
    }),
    // Absent without the file, so the page shows its time-off section only for registries that keep one.
    ...(timeOff ? { timeOff: normaliseTimeOff(timeOff.data) } : {}),
  };
  return { registry, files: all, fileFindings };
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
  const created: Customer[] = [];
  for (const f of changed.values()) {
    if (f.kind === 'customer' && !loaded.files.has(f.file))
      created.push(normaliseCustomer(f.file.slice(f.file.lastIndexOf('/') + 1, -'.yaml'.length), f.file, f.data));
    files.set(f.file, f);
    for (const finding of f.findings) fileFindings.push(finding);
  }
  const config = changed.get(reg.files.config);
  const people = changed.get(reg.files.people);
  const timeOff = changed.get(timeOffPath(reg.files));
  const customers = reg.customers.map((c) => {
    const f = changed.get(c.file);
    return f ? normaliseCustomer(c.slug, c.file, f.data) : c;
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
  return { registry, files, fileFindings };
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
