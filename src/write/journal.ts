/**
 * The write journal: before ase writes a file it records, in `.git/ase-journal.json`, the HEAD it
 * started from and every file's original bytes, and saves the index beside it. If the process dies
 * (even by SIGKILL), the next write finds the journal and puts things back as they were, or, when
 * the commit did land, just clears the leftovers.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process'; // not simple-git: recovery runs synchronously before a read command reads, and simple-git runs only async.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { readBytes } from '../git/repo.js';
import { TEMP_MARK, removeFile, tempPathFor, writeAtomic } from './atomic.js';
import { pauseAt } from './pause-point.js';

export interface JournalFile {
  abs: string;
  /** Original bytes (base64), or null when the change creates the file. */
  original: string | null;
  /** sha256 of the bytes the write puts there: only those are rolled back, never later hand edits. */
  after: string;
}

export interface Journal {
  pid: number;
  command: string;
  time: string;
  /** HEAD before the write, or null before the first commit. */
  head: string | null;
  /** The subject of the commit being made, to recognise it after a crash. */
  subject: string;
  /** Whether `.git/index` existed (and was saved to ase-index.bak). */
  index: boolean;
  files: JournalFile[];
}

export const JOURNAL = 'ase-journal.json';
export const INDEX_BACKUP = 'ase-index.bak';

/**
 * Records what to restore, before any file is written. The journal comes first and the index
 * backup second (copied to a temp file, then renamed), so a backup never exists without the
 * journal that names it, and a backup under its real name is always whole.
 */
export function writeJournal(gitDir: string, journal: Journal): void {
  writeAtomic(join(gitDir, JOURNAL), JSON.stringify(journal));
  pauseAt('after-journal');
  if (journal.index) {
    const backup = join(gitDir, INDEX_BACKUP);
    const tmp = tempPathFor(backup);
    copyFileSync(join(gitDir, 'index'), tmp);
    renameSync(tmp, backup);
  }
  pauseAt('after-index-backup');
}

/** Removes the backup, then the journal (the reverse order of writeJournal). */
export function clearJournal(gitDir: string): void {
  removeFile(join(gitDir, INDEX_BACKUP));
  pauseAt('mid-clear');
  removeFile(join(gitDir, JOURNAL));
}

/**
 * Whether `bytes` is a whole git index: its trailing checksum (SHA-1, or SHA-256 in such repos)
 * matches, or is all zeros when git was told to skip it (index.skipHash). Only a whole backup is
 * ever restored as `.git/index`.
 */
export function wholeIndex(bytes: Buffer): boolean {
  if (bytes.length < 12 + 20 || bytes.toString('latin1', 0, 4) !== 'DIRC') return false;
  for (const [algo, n] of [
    ['sha1', 20],
    ['sha256', 32],
  ] as const) {
    if (bytes.length < 12 + n) continue;
    const body = bytes.subarray(0, bytes.length - n);
    const tail = bytes.subarray(bytes.length - n);
    if (createHash(algo).update(body).digest().equals(tail)) return true;
  }
  return bytes.subarray(bytes.length - 20).every((b) => b === 0);
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Puts every journaled file and the index back byte for byte, and removes temp files. A file that
 * holds neither the original nor what the write put there was edited since: it is left alone and
 * named in the returned list.
 */
export function rollBack(gitDir: string, journal: Journal): string[] {
  const skipped: string[] = [];
  for (const f of journal.files) {
    removeTemps(dirname(f.abs));
    const now = readBytes(f.abs);
    const original = f.original === null ? undefined : Buffer.from(f.original, 'base64');
    if (now === undefined ? original === undefined : original !== undefined && now.equals(original)) continue;
    if (now !== undefined && sha256(now) !== f.after) {
      skipped.push(f.abs);
      continue;
    }
    if (original === undefined) removeFile(f.abs);
    else writeAtomic(f.abs, original);
  }
  // No backup (killed before it was made) means the index was never touched: nothing to restore.
  const backup = journal.index ? readBytes(join(gitDir, INDEX_BACKUP)) : undefined;
  if (backup !== undefined && wholeIndex(backup)) writeAtomic(join(gitDir, 'index'), backup);
  else if (!journal.index) removeFile(join(gitDir, 'index'));
  clearJournal(gitDir);
  return skipped;
}

/** Removes ase temp files (from a killed write) in `dir`. */
export function removeTemps(dir: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (n.includes(TEMP_MARK)) removeFile(join(dir, n));
}

function readJournal(gitDir: string): Journal | undefined {
  try {
    return JSON.parse(readFileSync(join(gitDir, JOURNAL), 'utf8')) as Journal;
  } catch {
    return undefined;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function gitSync(root: string, args: string[]): { code: number; stdout: string } {
  try {
    return { code: 0, stdout: execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (err) {
    return { code: (err as { status?: number }).status ?? 1, stdout: '' };
  }
}

/** Whether a write left a journal behind (cheap: one stat). */
export function hasJournal(gitDir: string): boolean {
  return existsSync(join(gitDir, JOURNAL));
}

/** Whether a dead write left anything to recover: a journal, or an index backup without one (from an older ase). */
export function needsRecovery(gitDir: string): boolean {
  return hasJournal(gitDir) || existsSync(join(gitDir, INDEX_BACKUP));
}

/**
 * Finishes a write that a dead process left half done: rolls the files and the index back when
 * its commit did not land, or just clears the journal when it did. Call with the registry lock
 * held. Synchronous, so read-only commands can call it too. Returns a line for stderr, if any.
 */
export function recoverInterrupted(gitDir: string, root: string, registryDir: string, waitMs: number): string | undefined {
  const journal = readJournal(gitDir);
  removeTemps(gitDir);
  if (!journal) {
    // Temp files in the registry only exist while a journal does (it is written first and removed
    // last), so without one there are none to look for among thousands of customer files.
    if (hasJournal(gitDir)) {
      clearJournal(gitDir); // unreadable: nothing we can act on
      removeTemps(registryDir);
      removeTemps(join(registryDir, 'customers'));
    }
    // A backup no journal names (an older ase wrote it before its journal) is never restored.
    removeFile(join(gitDir, INDEX_BACKUP));
    return undefined;
  }
  // A git commit started by the dead process may still be finishing: give it time.
  const lock = join(gitDir, 'index.lock');
  const deadline = Date.now() + waitMs;
  while (existsSync(lock) && Date.now() < deadline) sleepSync(50);
  if (existsSync(lock) && statSync(lock).mtimeMs <= Date.parse(journal.time) + waitMs + 60_000) removeFile(lock);
  const headOut = gitSync(root, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']);
  const head = headOut.code === 0 ? headOut.stdout.trim() : null;
  const who = `pid ${journal.pid}, \`${journal.command}\``;
  if (head === journal.head) {
    const skipped = rollBack(gitDir, journal);
    return (
      `ase: rolled back an interrupted write (${who}): the files are as they were before it` +
      (skipped.length > 0 ? `, except ${skipped.join(', ')}, edited since, which was left as it is` : '')
    );
  }
  const landed = head !== null && committedBy(root, head, journal);
  for (const f of journal.files) removeTemps(dirname(f.abs));
  clearJournal(gitDir);
  return landed
    ? `ase: an interrupted write (${who}) had already committed ${head!.slice(0, 7)}; cleaned up after it`
    : `ase: found the journal of an interrupted write (${who}) but HEAD has moved since; left the files as they are (check \`git status\`)`;
}

function committedBy(root: string, head: string, journal: Journal): boolean {
  const out = gitSync(root, ['log', '-1', '--format=%P%x00%s', head]).stdout;
  const [parents, subject] = out.trimEnd().split('\0');
  return (parents ?? '').split(' ').filter(Boolean)[0] === (journal.head ?? undefined) && subject === journal.subject;
}
