/** `ase sync [--remote origin]`: pull (rebase) and push, re-checking every rule on the merged result before pushing. */
import { count } from '../core/words.js';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { EnvironmentError } from '../errors.js';
import { gitDir as findGitDir } from '../git/repo.js';
import { discoverRegistry } from '../registry/discover.js';
import { syncRegistry } from '../sync/sync.js';
import { recoverInterrupted } from '../write/journal.js';
import { acquireLock } from '../write/lock.js';

export interface SyncArgs {
  remote?: string;
}

export async function run(args: SyncArgs, globals: Globals, io: Io): Promise<number> {
  const location = discoverRegistry(io.cwd, globals.registry);
  const root = location.gitRoot;
  if (root === undefined) {
    throw new EnvironmentError(
      `the registry ${location.dir} is not inside a git work tree: there is nothing to sync`,
      'put the registry under git (`git init`, `git remote add origin <url>`), then run ase sync',
    );
  }
  const gitDir = await findGitDir(root);
  const wait = Number(io.env.ASE_LOCK_WAIT_MS);
  const waitMs = Number.isFinite(wait) && wait >= 0 ? wait : 10_000;
  // No ase write may run in this clone while its branch is being rebased.
  const lock = await acquireLock(gitDir, 'ase sync', { waitMs, say: (l) => io.err(`${l}\n`) });
  try {
    const note = recoverInterrupted(gitDir, root, location.dir, waitMs);
    if (note) io.err(`${note}\n`);
    const r = await syncRegistry({ location, root, gitDir, remote: args.remote ?? 'origin', today: globals.today, say: (l) => io.err(`${l}\n`) });
    const target = `${r.remote}/${r.branch}`;
    const took = r.pulled > 0 ? `took ${count(r.pulled, 'commit')} from ${target}` : '';
    if (r.pushed.length === 0) {
      io.out(took ? `${took}; nothing of yours to push\n` : `up to date with ${target}\n`);
    } else {
      io.out(
        `${took ? `${took}, checked every rule on the result, and ` : 'checked every rule, and '}pushed ${count(r.pushed.length, 'commit')} to ${target}:\n`,
      );
      for (const c of r.pushed) io.out(`  ${c.hash.slice(0, 7)} ${c.subject}\n`);
    }
    return 0;
  } finally {
    lock.release();
  }
}
