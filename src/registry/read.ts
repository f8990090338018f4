/**
 * Reads a registry folder from disk into loaded files. The only place lint touches the filesystem.
 * Each file's data and file findings come from the lint cache when its bytes are unchanged, else
 * from parsing (across cores when many files changed); positions for rule findings are found by
 * parsing again, only for the files that have findings.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Finding, NodePath } from '../core/findings.js';
import type { Io } from '../cli/io.js';
import { startProgress } from '../cli/progress.js';
import type { LoadedFile } from '../source/load-file.js';
import type { Position } from '../source/locate.js';
import type { FileKind } from '../source/schema-findings.js';
import { buildRegistry, type CustomerSource, type LoadedRegistry } from './build.js';
import { displayPath, type RegistryLocation } from './discover.js';
import { NO_CACHE, cacheDir, contentKey, openLintCache, openPositionCache, type LintCache } from './lint-cache.js';
import { sourceHash, sourceModule, workerScript } from './source-module.js';

const MAX_FILE_BYTES = 1024 * 1024;

export interface ReadOptions {
  /** For the progress indicator on a terminal. */
  io?: Io;
  /**
   * Environment (default: io.env, else the process's): `ASE_CACHE=off` reads without the lint
   * cache, `ASE_THREADS=n` caps the parsing threads.
   */
  env?: NodeJS.ProcessEnv;
}

function unreadable(file: string, message: string): Finding {
  return { rule: 'yaml-syntax', severity: 'error', file, line: 1, column: 1, message };
}

/** UTF-8 text without a byte-order mark. */
export function readText(abs: string): string {
  return decode(readFileSync(abs));
}

function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Customer slugs and file names in `customers/`, sorted; other files are not registry files. */
export function listCustomerFiles(dir: string): string[] {
  return customerEntries(dir).map((d) => d.name);
}

function customerEntries(dir: string): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(dir, 'customers'), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((d) => d.name.endsWith('.yaml') && !d.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `customers/` must be a real folder: a link would read files from anywhere as registry files. */
function customersFolderProblem(abs: string, file: string): Finding | undefined {
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    return undefined; // no customers yet
  }
  if (st.isSymbolicLink()) return unreadable(file, 'is a symbolic link: the customers folder must be a real folder inside the registry; replace the link with the folder');
  if (!st.isDirectory()) return unreadable(file, 'is not a folder: customer files live in the customers/ folder; move this file away and create the folder');
  return undefined;
}

/** A file read from disk, before it is parsed or found in the cache. */
interface RawFile {
  abs: string;
  file: string;
  kind: FileKind;
  slug?: string;
  /** Content key (see lint-cache.ts). */
  key?: string;
  /** The file from the cache, or else its text to parse. */
  loaded?: LoadedFile;
  text?: string;
}

/** One buffer every file is read into in turn: reading 10,000 files allocates nothing per file. */
interface Scratch {
  buf: Buffer;
}

/**
 * The file's bytes (a view of `scratch`, valid until the next read), or its size when it is too
 * large to be a registry file (never read then).
 */
function readSmall(abs: string, scratch: Scratch): Buffer | number {
  const fd = openSync(abs, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) return size;
    if (scratch.buf.length < size + 1) scratch.buf = Buffer.allocUnsafe(Math.max(size + 1, scratch.buf.length * 2));
    // Read to the end, not just `size` bytes: the file may have grown since fstat.
    let got = 0;
    for (;;) {
      if (got === scratch.buf.length) {
        const bigger = Buffer.allocUnsafe(scratch.buf.length * 2);
        scratch.buf.copy(bigger);
        scratch.buf = bigger;
      }
      const n = readSync(fd, scratch.buf, got, scratch.buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > MAX_FILE_BYTES) return got;
    }
    return scratch.buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

type FileType = 'file' | 'link' | 'other';

function typeOf(raw: RawFile, entry: Dirent | undefined): FileType {
  // A directory listing usually says what each entry is; some filesystems leave it unknown.
  const known = entry && (entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : entry.isDirectory() || entry.isFIFO() || entry.isSocket() ? 'other' : undefined);
  if (known) return known;
  const st = lstatSync(raw.abs);
  return st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : 'other';
}

/** Reads one file's bytes; problems reading it become findings, never exceptions. */
function readBytes(raw: RawFile, entry: Dirent | undefined, findings: Finding[], scratch: Scratch): Buffer | undefined {
  try {
    const type = typeOf(raw, entry);
    if (type === 'link') {
      findings.push(unreadable(raw.file, 'is a symbolic link: registry files must be regular files inside the registry; replace the link with the file'));
      return undefined;
    }
    if (type === 'other') {
      findings.push(unreadable(raw.file, 'is not a regular file: remove it or replace it with a YAML file'));
      return undefined;
    }
    const bytes = readSmall(raw.abs, scratch);
    if (typeof bytes === 'number') {
      findings.push(unreadable(raw.file, `is ${bytes} bytes, larger than the ${MAX_FILE_BYTES} a registry file may be: it is probably not a registry file`));
      return undefined;
    }
    return bytes;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    findings.push(
      unreadable(raw.file, code === 'ENOENT' ? 'is missing: restore it from git, or create it (`ase init` writes a fresh one)' : `cannot read (${code ?? (err as Error).message}): check the file's permissions`),
    );
    return undefined;
  }
}

/** What the cache keeps per file: data and file findings, exactly as parsing gave them. */
interface Entry {
  data?: unknown;
  findings: Omit<Finding, 'file'>[];
}

/** `v` or `k` (value or key) and the JSON node path -> [line, column]. */
type Positions = Record<string, [number, number]>;

/** Where a run keeps what it learns about positions. */
interface PositionMemo {
  cache: LintCache;
}

/**
 * A loaded file whose text is read again from disk only when asked for (writes, positions):
 * holding every text of a large registry in memory would double what lint needs. Positions are
 * remembered in the position cache, so an unchanged file with the same findings is parsed once.
 */
class ReadFile implements LoadedFile {
  readonly file: string;
  readonly kind: FileKind;
  readonly data: unknown;
  readonly findings: Finding[];
  private body: string | undefined;
  private finder: ((path: NodePath, preferKey?: boolean) => Position) | undefined;
  private known: Positions | undefined;

  constructor(
    private readonly raw: RawFile,
    entry: Entry,
    text: string | undefined,
    private readonly memo: PositionMemo,
  ) {
    this.file = raw.file;
    this.kind = raw.kind;
    this.data = entry.data;
    this.findings = entry.findings.map((f) => ({ ...f, file: raw.file }) as Finding);
    this.body = text;
  }

  get text(): string {
    return (this.body ??= readText(this.raw.abs));
  }

  position(path: NodePath, preferKey = false): Position {
    const key = this.raw.key!;
    this.known ??= parsePositions(this.memo.cache.get(key));
    const id = `${preferKey ? 'k' : 'v'}${JSON.stringify(path)}`;
    let at = this.known[id];
    if (!at) {
      this.finder ??= sourceModule().positionsIn(this.text);
      const found = this.finder(path, preferKey);
      at = this.known[id] = [found.line, found.column];
    }
    this.memo.cache.use(key, JSON.stringify(this.known));
    return { line: at[0], column: at[1] };
  }
}

function parsePositions(json: string | undefined): Positions {
  try {
    const p = json === undefined ? undefined : (JSON.parse(json) as unknown);
    return p !== null && typeof p === 'object' ? (p as Positions) : {};
  } catch {
    return {};
  }
}

interface Caches {
  entries: LintCache;
  positions: LintCache;
}

function openCaches(location: RegistryLocation, env: NodeJS.ProcessEnv): Caches {
  const code = sourceHash();
  if (code === undefined || env.ASE_CACHE === 'off' || env.ASE_CACHE === '0') return { entries: NO_CACHE, positions: NO_CACHE };
  const dir = cacheDir(location, env);
  return { entries: openLintCache(dir, code), positions: openPositionCache(dir, code) };
}

/** An entry read back from the cache; undefined when it is damaged (then the file is parsed again). */
function fromCache(json: string): Entry | undefined {
  try {
    const entry = JSON.parse(json) as Entry;
    return Array.isArray(entry?.findings) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Parses the files the cache did not have, across cores when there are many. */
function parseMisses(raws: RawFile[], cache: LintCache, memo: PositionMemo, io: Io | undefined, threads: number | undefined): void {
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
    cache.use(raw.key!, json);
    // Texts of small registries are kept: the write path reads them right away.
    raw.loaded = new ReadFile(raw, entry ?? (JSON.parse(json) as Entry), misses.length < 200 ? raw.text : undefined, memo);
    raw.text = undefined;
  });
}

/** `ASE_THREADS=n` caps the worker threads used for parsing (0: parse on the main thread only). */
function threadsFrom(env: NodeJS.ProcessEnv): number | undefined {
  const n = env.ASE_THREADS === undefined || env.ASE_THREADS === '' ? NaN : Number(env.ASE_THREADS);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Reads and checks every registry file of `loc`. */
export function readRegistry(loc: RegistryLocation, options: ReadOptions = {}): LoadedRegistry {
  const findings: Finding[] = [];
  const show = (abs: string) => displayPath(loc.root, abs);
  const env = options.env ?? options.io?.env ?? process.env;
  const caches = openCaches(loc, env);
  const memo: PositionMemo = { cache: caches.positions };
  const scratch: Scratch = { buf: Buffer.allocUnsafe(64 * 1024) };
  const raws: RawFile[] = [];
  const add = (raw: RawFile, dirent?: Dirent) => {
    const bytes = readBytes(raw, dirent, findings, scratch);
    if (!bytes) return;
    raw.key = contentKey(raw.kind, bytes);
    const json = caches.entries.get(raw.key);
    const entry = json === undefined ? undefined : fromCache(json);
    if (entry) {
      caches.entries.use(raw.key, json!);
      raw.loaded = new ReadFile(raw, entry, undefined, memo);
    } else raw.text = decode(bytes);
    raws.push(raw);
  };
  add({ abs: join(loc.dir, 'config.yaml'), file: loc.files.config, kind: 'config' });
  add({ abs: join(loc.dir, 'people.yaml'), file: loc.files.people, kind: 'people' });
  const folderProblem = customersFolderProblem(join(loc.dir, 'customers'), loc.files.customersDir);
  if (folderProblem) findings.push(folderProblem);
  for (const dirent of folderProblem ? [] : customerEntries(loc.dir)) {
    const abs = join(loc.dir, 'customers', dirent.name);
    add({ abs, file: show(abs), kind: 'customer', slug: dirent.name.slice(0, -'.yaml'.length) }, dirent);
  }
  parseMisses(raws, caches.entries, memo, options.io, threadsFrom(env));
  caches.entries.save();
  // Saved once the caller's synchronous work is done, so the positions its findings asked for are kept.
  setImmediate(() => caches.positions.save());
  let config: LoadedFile | undefined;
  let people: LoadedFile | undefined;
  const customers: CustomerSource[] = [];
  for (const raw of raws) {
    if (raw.kind === 'config') config = raw.loaded;
    else if (raw.kind === 'people') people = raw.loaded;
    else customers.push({ slug: raw.slug!, loaded: raw.loaded! });
  }
  return buildRegistry(loc.files, config, people, customers, findings);
}
