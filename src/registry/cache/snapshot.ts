/**
 * The snapshot of a large registry in git: per customer file, a blob id git's index had for it,
 * what the lint cache keeps for that content (head and file findings) and the findings of the
 * per-customer rules for one fingerprint (day, config, roster; see verdicts.ts), in one file in
 * name order, with the cache entries of config and people. A read compares it with the index
 * (read directly, no git process) and asks git only which files differ from the index
 * (`git ls-files -m -d -o`): a customer whose index entry matches its row and whose file git does
 * not name is taken from the row; every other file is read. No listing of the folder, no lookup
 * per file, one cache file. It is only ever a cache of content keyed by blob id and name: it
 * lives beside the lint cache, is marked with the same code hash, and is as safe to delete.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runGit } from '../../git/exec.js';
import { indexEntriesUnder } from '../../git/index-file.js';
import { isCustomerFileName, isMisnamedCustomerFile } from '../read/read-disk.js';
import { forEachStoreLine, writeStoreLines } from './store-file.js';

const FORMAT = 'ase-snapshot 3';
const NAME = 'snapshot.txt';

/**
 * One customer file: name in the customers folder, a blob id, the cache entry (JSON) of that
 * content, and the findings of the per-customer rules (JSON) for the snapshot's fingerprint.
 */
export interface SnapshotRow {
  name: string;
  blob: string;
  json: string;
  verdict?: string;
}

/** Where a registry's snapshot is kept and what it is for. */
export interface SnapshotPlace {
  /** The cache folder. */
  dir: string;
  gitDir: string;
  gitRoot: string;
  /** The customers folder relative to the work tree (`registry/customers`). */
  folder: string;
  /** Hash of the code that made the entries. */
  code: string;
}

function header(place: SnapshotPlace): string {
  return `${FORMAT} ${place.code} ${JSON.stringify(place.folder)}`;
}

/**
 * What the snapshot keeps: the customer rows in name order, and the cache entries of the other
 * registry files (config, people) by content key, kept on lines named `/` (no file has that name).
 */
export interface Snapshot {
  rows: SnapshotRow[];
  others: Map<string, string>;
  /** What the rows' verdicts were made for (see verdicts.ts); on a line named `//`. */
  fingerprint?: string;
}

const OTHER = '/';
const FINGERPRINT = '//';

/** Whether a snapshot file is there at all (small registries have none: then no git process is started for it). */
export function hasSnapshot(place: SnapshotPlace): boolean {
  return existsSync(join(place.dir, NAME));
}

/** The snapshot kept for this folder and code (empty when there is none). */
export function loadSnapshot(place: SnapshotPlace): Snapshot {
  const snapshot: Snapshot = { rows: [], others: new Map() };
  forEachStoreLine(place.dir, NAME, header(place), (text, start, end) => {
    const tab1 = text.indexOf('\t', start);
    const tab2 = tab1 === -1 ? -1 : text.indexOf('\t', tab1 + 1);
    if (tab2 === -1 || tab2 > end) return;
    const name = text.slice(start, tab1);
    if (name === FINGERPRINT) snapshot.fingerprint = text.slice(tab1 + 1, tab2);
    else if (name === OTHER) snapshot.others.set(text.slice(tab1 + 1, tab2), text.slice(tab2 + 1, end));
    else {
      // JSON never holds a raw tab: a third one starts the verdict.
      const tab3 = text.indexOf('\t', tab2 + 1);
      const json = text.slice(tab2 + 1, tab3 !== -1 && tab3 < end ? tab3 : end);
      const row: SnapshotRow = { name, blob: text.slice(tab1 + 1, tab2), json };
      if (tab3 !== -1 && tab3 < end) row.verdict = text.slice(tab3 + 1, end);
      snapshot.rows.push(row);
    }
  });
  return snapshot;
}

/** Writes `snapshot` (its rows are in name order, as a read gives them). */
export function saveSnapshot(place: SnapshotPlace, snapshot: Snapshot): void {
  const { rows, others, fingerprint } = snapshot;
  const withFingerprint = fingerprint !== undefined && /^[^\t\n]+$/.test(fingerprint);
  function* lines(): Generator<string> {
    if (withFingerprint) yield `${FINGERPRINT}\t${fingerprint}\t`;
    for (const [key, json] of others) if (!json.includes('\n')) yield `${OTHER}\t${key}\t${json}`;
    let last = '';
    for (const r of rows) {
      // Out of order or unwritable rows are left out: a read then takes those files from disk.
      if (r.name <= last || /[\t\n\r]/.test(r.name) || r.json.includes('\n')) continue;
      last = r.name;
      yield `${r.name}\t${r.blob}\t${r.json}${withFingerprint && r.verdict !== undefined && !r.verdict.includes('\n') ? `\t${r.verdict}` : ''}`;
    }
  }
  writeStoreLines(place.dir, NAME, header(place), lines());
}

/** The index against the rows. */
export interface IndexComparison {
  checksum: string;
  /** Rows whose name and blob id the index has, as a plain file. */
  same: SnapshotRow[];
  /** The other customer files the index has: name -> blob id when a plain file, else undefined. */
  other: Map<string, string | undefined>;
  /** How many rows the index does not have as they are. */
  stale: number;
  /** Files the index has that were meant as customers but are not read (`acme.yml`). */
  misnamed: string[];
}

const NOT_ASCII = /[^\x00-\x7f]/;

/** `buf[start..end)` against `name`: -1, 0 or 1 for ASCII bytes; NaN when the bytes are not ASCII. */
function compareName(buf: Buffer, start: number, end: number, name: string): number {
  // One native slice and comparison beat a byte loop: this runs once per customer, in cold code.
  const bytes = buf.toString('latin1', start, end);
  if (NOT_ASCII.test(bytes)) return NaN;
  return bytes === name ? 0 : bytes < name ? -1 : 1;
}

/** The index's customer files compared with `rows` (name order); undefined when the index cannot be read here. */
export function compareWithIndex(place: SnapshotPlace, rows: readonly SnapshotRow[]): IndexComparison | undefined {
  const hashBytes = rows.length > 0 ? rows[0]!.blob.length / 2 : 20;
  const same: SnapshotRow[] = [];
  const other = new Map<string, string | undefined>();
  const misnamed: string[] = [];
  let r = 0;
  let stale = 0;
  const checksum = indexEntriesUnder(place.gitDir, place.folder, hashBytes, (e) => {
    let cmp = NaN;
    while (r < rows.length) {
      cmp = compareName(e.buf, e.nameStart, e.nameEnd, rows[r]!.name);
      if (!(cmp > 0)) break;
      r++;
      stale++;
    }
    if (cmp === 0 && e.plain && e.buf.toString('hex', e.oid, e.oid + hashBytes) === rows[r]!.blob) {
      same.push(rows[r++]!);
      return;
    }
    if (cmp === 0) {
      r++;
      stale++;
    }
    const path = e.buf.toString('utf8', e.nameStart, e.nameEnd);
    const slash = path.indexOf('/');
    const name = slash === -1 ? path : path.slice(0, slash);
    if (isCustomerFileName(name)) other.set(name, slash === -1 && e.plain ? e.buf.toString('hex', e.oid, e.oid + hashBytes) : undefined);
    else if (slash === -1 && isMisnamedCustomerFile(name)) misnamed.push(name);
  });
  if (checksum === undefined) return undefined;
  return { checksum, same, other, stale: stale + rows.length - r, misnamed };
}

/**
 * Names of entries in the customers folder that differ from the index (modified, deleted, or not
 * in the index at all, ignored files included); undefined when git failed or names the folder as
 * a whole (nothing in it is in the index).
 */
export async function changedSinceIndex(place: SnapshotPlace): Promise<Set<string> | undefined> {
  const args = ['--literal-pathspecs', '--no-optional-locks', 'ls-files', '-z', '--modified', '--deleted', '--others', '--directory', '--', place.folder];
  // GIT_TRACE=2: a trace line on stderr, as this git usually lists nothing, and simple-git waits 50 ms more
  // for a git that printed nothing at all (output that may still be on its way).
  const r = await runGit(place.gitRoot, args, { env: { ...process.env, GIT_TRACE: '2' } });
  if (r.code !== 0) return undefined;
  const names = new Set<string>();
  const prefix = `${place.folder}/`;
  for (const path of r.stdout.split('\0')) {
    if (path === prefix || path === place.folder) return undefined;
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    names.add(slash === -1 ? rest : rest.slice(0, slash));
  }
  return names;
}
