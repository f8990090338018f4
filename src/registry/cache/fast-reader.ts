/**
 * Reads a registry folder from disk into loaded files. The only place lint touches the filesystem.
 * A file whose size and times are unchanged is not read (the stat index gives its content key);
 * a file whose content key is in the lint cache is not parsed: its file findings and, for a
 * customer, its head come from the cache, and the rest of the customer is read from the file
 * only if something asks for it. Other files are parsed (across cores when many changed).
 * Positions for rule findings are found by parsing again, only for the files that have findings.
 * A large registry in git is read from its snapshot (snapshot.ts) when it has one: then only the
 * files that differ from the snapshot or from git's index are read at all.
 */
import { join, sep } from 'node:path';
import { existsSync, lstatSync, type Dirent } from 'node:fs';
import { compareText } from '../../core/compare.js';
import { timeOffPath } from '../../core/coverage.js';
import type { Finding } from '../../core/findings.js';
import { normaliseConfig, normaliseCustomer, normalisePeople } from '../../core/normalise.js';
import { customerContext } from '../../core/check.js';
import type { CustomerContext } from '../../core/rules/rule.js';
import type { Io } from '../../io.js';
import { startProgress } from '../../progress.js';
import type { LoadedFile } from '../../source/load-file.js';
import type { FileKind } from '../../source/schema-findings.js';
import { buildRegistry, type CustomerSource, type LoadedRegistry, type SnapshotVerdicts } from '../build.js';
import type { RegistryLocation } from '../discover.js';
import { headOfRow, headRow, isHeadRow } from './head-row.js';
import { gitStarted } from '../../git/exec.js';
import { blobId, cleanBlobs, cleanBlobsAsync } from './git-blobs.js';
import { NO_CACHE, blobKey, cacheDir, contentKey, openLintCache, openPositionCache, openVerdictCache, type LintCache } from './lint-cache.js';
import {
  customerFolder,
  customersFolderProblem,
  decode,
  isCustomerFileName,
  isMisnamedCustomerFile,
  misnamedFinding,
  readBytes,
  statFile,
  type Scratch,
} from '../read/read-disk.js';
import { ReadFile, type Entry, type PositionMemo, type RawFile } from './read-file.js';
import { NO_INDEX, openStatIndex, type StatIndex } from './stat-index.js';
import { indexChecksum } from '../../git/index-file.js';
import {
  changedSinceIndex,
  compareWithIndex,
  hasSnapshot,
  loadSnapshot,
  saveSnapshot,
  type IndexComparison,
  type SnapshotPlace,
  type SnapshotRow,
} from './snapshot.js';
import { fingerprintOf, keepVerdict } from './verdicts.js';
import { envOf, type ReadOptions } from '../read-options.js';
import { sourceHash, sourceModule, workerScript } from '../source-module.js';

/** From this many customer files on, one `git ls-files` is cheaper than a stat per file. */
const GIT_LISTING_MIN = 2_000;

/** The caches of one registry; `verdicts` is used by `evaluate` (see verdicts.ts). */
export interface Caches {
  /** Where they live; undefined when the cache is off. */
  dir: string | undefined;
  /** The code the entries are made by (see sourceHash); undefined when the cache is off. */
  code: string | undefined;
  index: StatIndex;
  entries: LintCache;
  positions: LintCache;
  verdicts: LintCache;
}

function openCaches(location: RegistryLocation, env: NodeJS.ProcessEnv): Caches {
  const code = sourceHash(env);
  if (code === undefined || env.ASE_CACHE === 'off' || env.ASE_CACHE === '0')
    return { dir: undefined, code: undefined, index: NO_INDEX, entries: NO_CACHE, positions: NO_CACHE, verdicts: NO_CACHE };
  const dir = cacheDir(location, env);
  return {
    dir,
    code,
    index: openStatIndex(dir),
    entries: openLintCache(dir, code),
    positions: openPositionCache(dir, code),
    verdicts: openVerdictCache(dir, code),
  };
}

/** The loaded file and customer of a file parsed in this run; returns what the cache keeps. */
function parsedFile(raw: RawFile, parsed: { data?: unknown; findings: Omit<Finding, 'file'>[] }, text: string, memo: PositionMemo, keepText: boolean): string {
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
function parseMisses(raws: RawFile[], cache: LintCache, memo: PositionMemo, io: Io | undefined, threads: number | undefined, keepTexts: boolean): void {
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
function sortCustomers(raws: RawFile[]): void {
  const first = raws.findIndex((r) => r.kind === 'customer');
  if (first < 0) return;
  let ordered = true;
  for (let i = first + 1; i < raws.length && ordered; i++) ordered = raws[i - 1]!.file < raws[i]!.file;
  if (ordered) return;
  const customers = raws.slice(first).sort((a, b) => compareText(a.file, b.file));
  for (let i = 0; i < customers.length; i++) raws[first + i] = customers[i]!;
}

/** `ASE_THREADS=n` caps the worker threads used for parsing (0: parse on the main thread only). */
function threadsFrom(env: NodeJS.ProcessEnv): number | undefined {
  const n = env.ASE_THREADS === undefined || env.ASE_THREADS === '' ? NaN : Number(env.ASE_THREADS);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The cached entry of `raw` when it is there and of the right shape for its kind. */
function cachedEntry(raw: RawFile, cache: LintCache): { entry: Entry; json: string } | undefined {
  const json = cache.get(raw.key!);
  return json === undefined ? undefined : entryOf(raw.kind, json);
}

/** A stored entry read back, when it is of the right shape for a file of `kind`; undefined when damaged (then the file is read again). */
function entryOf(kind: FileKind, json: string): { entry: Entry; json: string } | undefined {
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
interface EarlyCheck {
  ctx: CustomerContext;
  fingerprint: string;
  verdicts: LintCache;
}

function earlyCheck(loc: RegistryLocation, config: LoadedFile | undefined, people: LoadedFile | undefined, today: string, verdicts: LintCache): EarlyCheck {
  const registry = { files: loc.files, config: normaliseConfig(config?.data), people: normalisePeople(people?.data) };
  return { ctx: customerContext(registry, today), fingerprint: fingerprintOf(registry, today), verdicts };
}

/** Where reading starts: the caches, and the customer files the folder lists. */
interface Start {
  env: NodeJS.ProcessEnv;
  caches: Caches;
  folderProblem: Finding | undefined;
  entries: Dirent[];
  /** Files meant as customers that are not read (`acme.yml`): each is reported. */
  misnamed: string[];
  /** Whether git is asked which files are unchanged (a large registry in git). */
  askGit: boolean;
  /** Where the registry's snapshot is kept, when it can have one. */
  place: SnapshotPlace | undefined;
  /** Read from the snapshot: the index against its rows, the names git says differ from the index, and its entries of other files. */
  snapshot?: IndexComparison & { changed: Set<string>; others: Map<string, string>; fingerprint: string | undefined };
}

/** The cache of the files other than customers while reading from the snapshot (what it keeps is written with the snapshot). */
function othersCache(others: Map<string, string>): LintCache {
  return { get: (key) => others.get(key), use: () => undefined, save: () => undefined, preload: () => undefined };
}

/** Beyond this many files to read besides the snapshot's, the full read (and its cache) does better. */
const SNAPSHOT_MAX_CHANGED = 500;
/** The snapshot is written again once this many of its rows are out of date. */
const SNAPSHOT_REWRITE_AT = 64;

/** Where the snapshot of `loc` lives: with the lint cache in a plain `.git` folder. */
function snapshotPlace(loc: RegistryLocation, { dir, code }: Caches): SnapshotPlace | undefined {
  if (loc.gitRoot === undefined || code === undefined || dir === undefined) return undefined;
  const gitDir = join(loc.gitRoot, '.git');
  return dir === join(gitDir, 'ase-cache') ? { dir, gitDir, gitRoot: loc.gitRoot, folder: loc.files.customersDir, code } : undefined;
}

/** The caches of `loc`, and where its snapshot lives, opened once for whichever start is taken. */
interface Opened {
  env: NodeJS.ProcessEnv;
  caches: Caches;
  place: SnapshotPlace | undefined;
}

function open(loc: RegistryLocation, options: ReadOptions): Opened {
  const env = envOf(options);
  const caches = openCaches(loc, env);
  return { env, caches, place: snapshotPlace(loc, caches) };
}

function start(loc: RegistryLocation, { env, caches, place }: Opened): Start {
  const folderProblem = customersFolderProblem(join(loc.dir, 'customers'), loc.files.customersDir);
  const { entries, misnamed } = folderProblem ? { entries: [], misnamed: [] } : customerFolder(loc.dir);
  // In a large registry in git, git vouches for tracked, unmodified files at less than a stat each costs here.
  const askGit = entries.length >= GIT_LISTING_MIN && loc.gitRoot !== undefined && caches.entries !== NO_CACHE;
  return { env, caches, folderProblem, entries, misnamed, askGit, place: askGit ? place : undefined };
}

/**
 * A start from the registry's snapshot, when there is one for the index as it is and git says
 * which files differ from it; undefined otherwise (the folder is then listed and read).
 */
async function snapshotStart(loc: RegistryLocation, { env, caches, place }: Opened): Promise<Start | undefined> {
  if (!place || !hasSnapshot(place)) return undefined;
  // git looks at the work tree while the snapshot and the index are read here.
  const asked = changedSinceIndex(place);
  await gitStarted();
  const { rows, others, fingerprint } = loadSnapshot(place);
  if (rows.length === 0) return undefined;
  // The verdicts are in the snapshot: the verdict store is read only if some are not.
  const index = compareWithIndex(place, rows);
  const changed = await asked;
  // The index git compared the files with must be the one read here.
  if (!index || !changed || indexChecksum(place.gitDir, rows[0]!.blob.length / 2) !== index.checksum) return undefined;
  if (changed.size + index.other.size > SNAPSHOT_MAX_CHANGED) return undefined;
  if (customersFolderProblem(join(loc.dir, 'customers'), loc.files.customersDir)) return undefined;
  // Customer files the snapshot does not give are parsed (a few): the per-file cache is not even opened.
  // Files meant as customers that are not read: the index's, and new ones git names; those still there.
  const misnamed = [...new Set([...index.misnamed, ...[...changed].filter(isMisnamedCustomerFile)])]
    .filter((n) => existsSync(join(loc.dir, 'customers', n)))
    .sort(compareText);
  return {
    env,
    caches: { ...caches, entries: othersCache(others) },
    folderProblem: undefined,
    entries: [],
    misnamed,
    askGit: false,
    place,
    snapshot: { ...index, changed, others, fingerprint },
  };
}

/** Reads and checks every registry file of `loc`. */
export function readFast(loc: RegistryLocation, options: ReadOptions = {}): LoadedRegistry {
  const s = start(loc, open(loc, options));
  return readFrom(loc, options, s, s.askGit ? cleanBlobs(loc.gitRoot!, loc.dir) : undefined);
}

/** `readFast`, with git listing the files on another core while the cache is read here. */
export async function readFastAsync(loc: RegistryLocation, options: ReadOptions = {}): Promise<LoadedRegistry> {
  const opened = open(loc, options);
  const fromSnapshot = await snapshotStart(loc, opened);
  if (fromSnapshot) return readFrom(loc, options, fromSnapshot, undefined);
  const s = start(loc, opened);
  if (!s.askGit) return readFrom(loc, options, s, undefined);
  const listing = cleanBlobsAsync(loc.gitRoot!, loc.dir);
  await gitStarted();
  s.caches.entries.preload();
  if (options.today !== undefined) s.caches.verdicts.preload();
  return readFrom(loc, options, s, await listing);
}

function readFrom(loc: RegistryLocation, options: ReadOptions, s: Start, blobs: Map<string, string> | undefined): LoadedRegistry {
  const findings: Finding[] = [];
  const { env, caches } = s;
  const memo: PositionMemo = { cache: caches.positions };
  const scratch: Scratch = { buf: Buffer.allocUnsafe(64 * 1024) };
  const raws: RawFile[] = [];
  let keepTexts = true;
  // In a large registry, customers parsed now are checked at once so their details can be let go.
  let checkEarly = false;
  let early: EarlyCheck | undefined;

  /** The file's key, and its entry from the cache; else its text to parse. */
  const add = (raw: RawFile, blob?: string) => {
    if (blob !== undefined) {
      raw.key = blobKey(raw.kind, blob);
      const hit = cachedEntry(raw, caches.entries);
      if (hit) {
        raw.blob = blob;
        return found(raw, hit);
      }
      const bytes = readBytes(raw, findings, scratch);
      if (!bytes) return;
      // Kept under the blob's key when the bytes are the blob (the file may have changed since git looked).
      if (blobId(bytes) === blob) raw.blob = blob;
      else raw.key = contentKey(raw.kind, bytes);
      return toParse(raw, bytes);
    }
    const st = statFile(raw, findings);
    if (!st) return;
    raw.key = caches.index.keyFor(raw.file, st);
    const hit = raw.key === undefined ? undefined : cachedEntry(raw, caches.entries);
    if (hit) {
      caches.index.record(raw.file, st, raw.key!);
      return found(raw, hit);
    }
    const bytes = readBytes(raw, findings, scratch);
    if (!bytes) return;
    raw.key = contentKey(raw.kind, bytes);
    caches.index.record(raw.file, st, raw.key);
    const cached = cachedEntry(raw, caches.entries);
    if (cached) return found(raw, cached);
    toParse(raw, bytes);
  };

  /** A file whose entry the cache has. */
  const found = (raw: RawFile, hit: { entry: Entry; json: string }) => {
    caches.entries.use(raw.key!, (raw.json = hit.json));
    raw.loaded = new ReadFile(raw, hit.entry, undefined, memo);
    if (hit.entry.head) raw.head = headOfRow(raw.slug!, raw.file, hit.entry.head);
    raws.push(raw);
  };

  /**
   * A file to parse. Config and people are parsed at once (customers are checked against them);
   * a customer in the plain subset takes the fast path here, and with `early` its verdict is
   * kept and its text and data let go; other files are parsed together at the end.
   */
  const toParse = (raw: RawFile, bytes: Buffer) => {
    raws.push(raw);
    const text = decode(bytes);
    if (raw.kind !== 'customer') {
      caches.entries.use(raw.key!, (raw.json = parsedFile(raw, sourceModule().parseEntry(raw.kind, text), text, memo, true)));
      return;
    }
    const entry = sourceModule().fastEntry(raw.kind, text);
    if (!entry) {
      raw.text = text;
      return;
    }
    if (!checkEarly) {
      caches.entries.use(raw.key!, (raw.json = parsedFile(raw, entry, text, memo, keepTexts)));
      return;
    }
    const fileOf = (kind: FileKind) => raws.find((r) => r.kind === kind)?.loaded;
    early ??= earlyCheck(loc, fileOf('config'), fileOf('people'), options.today!, caches.verdicts);
    const customer = normaliseCustomer(raw.slug!, raw.file, entry.data);
    const json = JSON.stringify({ head: headRow(customer), findings: [] });
    // The head read back from JSON: the parser's strings are slices that would keep the whole text alive.
    const head = (JSON.parse(json) as Entry).head!;
    const file = new ReadFile(raw, { head, findings: [] }, text, memo);
    keepVerdict(early.verdicts, raw.key!, early.fingerprint, file, customer, early.ctx);
    if (!keepTexts) file.forgetText();
    caches.entries.use(raw.key!, (raw.json = json));
    raw.loaded = file;
    raw.head = headOfRow(raw.slug!, raw.file, head);
  };

  add({ abs: join(loc.dir, 'config.yaml'), file: loc.files.config, kind: 'config' });
  add({ abs: join(loc.dir, 'people.yaml'), file: loc.files.people, kind: 'people' });
  // time-off.yaml is optional: read like config and people (same caches, keyed by content) when it is there.
  const timeOffAbs = join(loc.dir, 'time-off.yaml');
  if (lstatSync(timeOffAbs, { throwIfNoEntry: false }) !== undefined) add({ abs: timeOffAbs, file: timeOffPath(loc.files), kind: 'time-off' });
  if (s.folderProblem) findings.push(s.folderProblem);
  for (const name of s.misnamed) findings.push(misnamedFinding(loc.files.customersDir, name));
  const entries = s.entries;
  // Texts of small registries are kept: the write path reads them right away.
  keepTexts = s.snapshot !== undefined || entries.length < 200;
  checkEarly = !keepTexts && options.today !== undefined && caches.verdicts !== NO_CACHE;
  const customersDir = join(loc.dir, 'customers');
  const customerFile = (name: string): RawFile => ({
    abs: customersDir + sep + name,
    file: `${loc.files.customersDir}/${name}`,
    kind: 'customer',
    slug: name.slice(0, -'.yaml'.length),
  });

  /** A customer file the snapshot knows as the index has it; false when its entry is damaged. */
  const fromSnapshot = (row: SnapshotRow): boolean => {
    const raw = customerFile(row.name);
    raw.key = blobKey('customer', row.blob);
    raw.blob = row.blob;
    raw.verdict = row.verdict;
    const hit = entryOf('customer', row.json);
    if (!hit) return false;
    found(raw, hit);
    return true;
  };
  /** A file git says differs from the index: read like any other, unless it is gone. */
  const changedFile = (name: string) => {
    const raw = customerFile(name);
    if (lstatSync(raw.abs, { throwIfNoEntry: false }) !== undefined) add(raw);
  };

  if (s.snapshot) {
    const { same, other, changed } = s.snapshot;
    // Each name is read once: files git names as changed by the last loop.
    for (const row of same) if (!changed.has(row.name) && !fromSnapshot(row)) changedFile(row.name);
    // The rows are in name order; files read besides them are put in their places.
    const inOrder = raws.length;
    for (const [name, blob] of other) if (!changed.has(name)) blob !== undefined ? add(customerFile(name), blob) : changedFile(name);
    for (const name of changed) if (isCustomerFileName(name)) changedFile(name);
    if (raws.length > inOrder) sortCustomers(raws);
  } else {
    for (const dirent of entries) add(customerFile(dirent.name), dirent.isFile() ? blobs?.get(`${loc.files.customersDir}/${dirent.name}`) : undefined);
  }
  parseMisses(raws, caches.entries, memo, options.io, threadsFrom(env), keepTexts);
  caches.entries.save();
  caches.index.save(Date.now());
  // Saved once the caller's synchronous work is done, so the positions its findings asked for are kept.
  setImmediate(() => caches.positions.save());
  let config: LoadedFile | undefined;
  let people: LoadedFile | undefined;
  let timeOff: LoadedFile | undefined;
  const customers: CustomerSource[] = [];
  for (const raw of raws) {
    if (raw.kind === 'config') config = raw.loaded;
    else if (raw.kind === 'people') people = raw.loaded;
    else if (raw.kind === 'time-off') timeOff = raw.loaded;
    else customers.push({ slug: raw.slug!, loaded: raw.loaded!, customer: raw.customer, head: raw.head });
  }
  const place = s.place;
  // After a full read, a command that checks the rules writes the snapshot with their verdicts (see `keep`).
  if (place && (s.snapshot !== undefined || options.today === undefined)) keepSnapshot(place, raws, s.snapshot);
  const snapshot: SnapshotVerdicts | undefined = place && {
    fingerprint: s.snapshot?.fingerprint,
    verdictOf: (file) => (file instanceof ReadFile ? file.snapshotVerdict : undefined),
    keep: (fingerprint, verdicts) => {
      // The verdicts are in the order of the customers, which is that of their files here.
      const verdictOf = (raw: RawFile, n: number) => (customers[n]?.loaded === raw.loaded ? verdicts[n] : undefined);
      const rows = snapshotRows(raws, verdictOf);
      if (rows.length > 0) saveSnapshot(place, { rows, others: otherEntries(raws), fingerprint });
    },
  };
  return {
    ...buildRegistry(loc.files, config, people, customers, findings, timeOff),
    cache: { verdicts: caches.verdicts, keyOf: (file) => (file instanceof ReadFile ? file.contentKey : undefined), snapshot },
  };
}

/**
 * Writes the snapshot after a full read of a large registry in git, or when the other files
 * changed or many of its rows went out of date: a row for every customer file that was the blob
 * git has for it, and the entries of the other files.
 */
function keepSnapshot(place: SnapshotPlace, raws: readonly RawFile[], read: Start['snapshot']): void {
  const others = otherEntries(raws);
  const stored = read?.others;
  const othersChanged = stored === undefined || others.size !== stored.size || [...others].some(([key, json]) => stored.get(key) !== json);
  if (read && !othersChanged && read.other.size + read.stale < SNAPSHOT_REWRITE_AT) return;
  const rows = snapshotRows(raws, (raw) => raw.verdict);
  if (rows.length > 0) saveSnapshot(place, { rows, others, fingerprint: read?.fingerprint });
}

/** A row for every customer file that was the blob git has for it, with the verdict `verdictOf` gives (`n`: its place among the customers). */
function snapshotRows(raws: readonly RawFile[], verdictOf: (raw: RawFile, n: number) => string | undefined): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  let n = -1;
  for (const raw of raws) {
    if (raw.kind !== 'customer') continue;
    n++;
    if (raw.blob === undefined || raw.json === undefined) continue;
    rows.push({ name: `${raw.slug}.yaml`, blob: raw.blob, json: raw.json, verdict: verdictOf(raw, n) });
  }
  return rows;
}

/** The cache entries of the files other than customers (config, people), by content key. */
function otherEntries(raws: readonly RawFile[]): Map<string, string> {
  const others = new Map<string, string>();
  for (const raw of raws) if (raw.kind !== 'customer' && raw.key !== undefined && raw.json !== undefined) others.set(raw.key, raw.json);
  return others;
}
