/**
 * The fast reader: a registry folder into loaded files, giving what the plain reader
 * (../read/plain-reader.ts) gives, with as little reading as it can. A file whose size and times are unchanged is not read (the stat index gives its content key);
 * a file whose content key is in the lint cache is not parsed: its file findings and, for a
 * customer, its head come from the cache, and the rest of the customer is read from the file
 * only if something asks for it. Other files are parsed (across cores when many changed).
 * Positions for rule findings are found by parsing again, only for the files that have findings.
 * A large registry in git is read from its snapshot (snapshot.ts) when it has one: then only the
 * files that differ from the snapshot or from git's index are read at all.
 */
import { join, sep } from 'node:path';
import { lstatSync } from 'node:fs';
import { timeOffPath } from '../../core/coverage.js';
import type { Finding } from '../../core/findings.js';
import { normaliseCustomer } from '../../core/normalise.js';
import type { LoadedFile } from '../../source/load-file.js';
import type { FileKind } from '../../source/schema-findings.js';
import { buildRegistry, type CustomerSource, type LoadedRegistry, type SnapshotVerdicts } from '../build.js';
import type { RegistryLocation } from '../discover.js';
import { headOfRow, headRow } from './head-row.js';
import { gitStarted } from '../../git/exec.js';
import { blobId } from '../../git/blob-id.js';
import { cleanBlobs, cleanBlobsAsync } from './git-blobs.js';
import { NO_CACHE, blobKey, contentKey } from './lint-cache.js';
import { decode, isCustomerFileName, misnamedFinding, readBytes, statFile, type Scratch } from '../read/read-disk.js';
import { ReadFile, type Entry, type PositionMemo, type RawFile } from './read-file.js';
import { saveSnapshot, type SnapshotRow } from './snapshot.js';
import { keepVerdict } from './verdicts.js';
import type { ReadOptions } from '../read-options.js';
import { cachedEntry, earlyCheck, entryOf, parsedFile, parseMisses, sortCustomers, threadsFrom, type EarlyCheck } from './cache-entries.js';
import { keepSnapshot, otherEntries, snapshotRows } from './keep-snapshot.js';
import { open, snapshotStart, start, type Start } from './read-start.js';
import { sourceModule } from '../source-module.js';

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
