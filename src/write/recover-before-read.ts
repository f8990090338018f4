/**
 * For commands that only read: if a write was killed half way (its journal is still in `.git`),
 * finish it first, so nobody reads files that were written but never committed. Costs two stats
 * when there is nothing to do; does nothing while a live writer holds the lock.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../io.js';
import type { RegistryLocation } from '../registry/discover.js';
import { needsRecovery, recoverInterrupted } from './journal.js';
import { tryLock } from './lock.js';

export function recoverBeforeRead(location: RegistryLocation, io: Pick<Io, 'err'>): void {
  const root = location.gitRoot;
  if (root === undefined) return;
  const gitDir = join(root, '.git');
  if (!existsSync(gitDir) || !needsRecovery(gitDir)) return;
  const say = (line: string) => io.err(`${line}\n`);
  let lock;
  try {
    lock = tryLock(gitDir, 'ase (recovering an interrupted write)', say);
  } catch {
    return; // read-only folder or the like: reading still works
  }
  if (!lock) return;
  try {
    const note = recoverInterrupted(gitDir, root, location.dir, 2000);
    if (note) say(note);
  } catch {
    /* the next write retries with the lock held */
  } finally {
    lock.release();
  }
}
