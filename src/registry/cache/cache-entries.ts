import { compareText } from '../../core/compare.js';
import type { Finding } from '../../core/findings.js';
import { normaliseConfig, normaliseCustomer, normalisePeople } from '../../core/normalise.js';
import { customerContext } from '../../core/check.js';
import type { CustomerContext } from '../../core/rules/rule.js';
import type { Io } from '../../io.js';
import { startProgress } from '../../progress.js';
import type { LoadedFile } from '../../source/load-file.js';
import type { FileKind } from '../../source/schema-findings.js';
import type { RegistryLocation } from '../discover.js';
import { headRow, isHeadRow } from './head-row.js';
import type { LintCache } from './lint-cache.js';
import { ReadFile, type Entry, type PositionMemo, type RawFile } from './read-file.js';
import { fingerprintOf } from './verdicts.js';
import { sourceModule, workerScript } from '../source-module.js';

/** The loaded file and customer of a file parsed in this run; returns what the cache keeps. */
export function parsedFile(
  raw: RawFile,
  parsed: { data?: unknown; findings: Omit<Finding, 'file'>[] },
  text: string,
  memo: PositionMemo,
  keepText: boolean,
): string {
  if (raw.kind !== 'customer') {
    raw.loaded = new ReadFile(raw, parsed, keepText ? text : undefined, memo);
    return JSON.stringify(parsed);
  }
  const customer = normaliseCustomer(raw.slug!, raw.file, parsed.data);
  raw.customer = customer;
  raw.loaded = new ReadFile(raw, { data: parsed.data, findings: parsed.findings }, keepText ? text : undefined, memo);
  return JSON.stringify({ head: headRow(customer), findings: parsed.findings });
}

/** Parses the files the cache did not have, across cores when there are many. */
export function parseMisses(raws: RawFile[], cache: LintCache, memo: PositionMemo, io: Io | undefined, threads: number | undefined, keepTexts: boolean): void {
  const misses = raws.filter((r) => r.loaded === undefined);
  if (misses.length === 0) return;
  const progress = startProgress(io, `checking ${misses.length} changed files`, misses.length);
  const parsed = sourceModule().parseMany(
    misses.map((r) => ({ kind: r.kind, text: r.text! })),
    { workerScript: workerScript(), threads, onProgress: progress.update },
  );
  progress.stop();
  misses.forEach((raw, j) => {
    const { json, entry } = parsed[j]!;
    cache.use(raw.key!, (raw.json = parsedFile(raw, entry ?? (JSON.parse(json!) as Entry), raw.text!, memo, keepTexts)));
    raw.text = undefined;
  });
}

/** Customer files in name order, as the folder lists them (config and people stay first); most often they already are. */
export function sortCustomers(raws: RawFile[]): void {
  const first = raws.findIndex((r) => r.kind === 'customer');
  if (first < 0) return;
  let ordered = true;
  for (let i = first + 1; i < raws.length && ordered; i++) ordered = raws[i - 1]!.file < raws[i]!.file;
  if (ordered) return;
  const customers = raws.slice(first).sort((a, b) => compareText(a.file, b.file));
  for (let i = 0; i < customers.length; i++) raws[first + i] = customers[i]!;
}

/** `ASE_THREADS=n` caps the worker threads used for parsing (0: parse on the main thread only). */
export function threadsFrom(env: NodeJS.ProcessEnv): number | undefined {
  const n = env.ASE_THREADS === undefined || env.ASE_THREADS === '' ? NaN : Number(env.ASE_THREADS);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The cached entry of `raw` when it is there and of the right shape for its kind. */
export function cachedEntry(raw: RawFile, cache: LintCache): { entry: Entry; json: string } | undefined {
  const json = cache.get(raw.key!);
  return json === undefined ? undefined : entryOf(raw.kind, json);
}

/** A stored entry read back, when it is of the right shape for a file of `kind`; undefined when damaged (then the file is read again). */
export function entryOf(kind: FileKind, json: string): { entry: Entry; json: string } | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(json) as Entry;
  } catch {
    return undefined;
  }
  if (!Array.isArray(entry?.findings) || (kind === 'customer' ? !isHeadRow(entry.head) : entry.head !== undefined)) return undefined;
  return { entry, json };
}

/** What the per-customer rules need while files are parsed (see ReadOptions.today). */
export interface EarlyCheck {
  ctx: CustomerContext;
  fingerprint: string;
  verdicts: LintCache;
}

export function earlyCheck(
  loc: RegistryLocation,
  config: LoadedFile | undefined,
  people: LoadedFile | undefined,
  today: string,
  verdicts: LintCache,
): EarlyCheck {
  const registry = { files: loc.files, config: normaliseConfig(config?.data), people: normalisePeople(people?.data) };
  return { ctx: customerContext(registry, today), fingerprint: fingerprintOf(registry, today), verdicts };
}
