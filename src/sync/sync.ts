/**
 * `ase sync`: fetch the remote branch, rebase the local commits onto it, re-check every rule on
 * the merged result, and push; when the push loses a race, start again (a few times). A merged
 * result that breaks a rule, or a rebase conflict, puts the branch back where it was.
 */
import type { Finding } from '../core/findings.js';
import { EnvironmentError, RefusedError } from '../errors.js';
import type { RegistryLocation } from '../registry/discover.js';
import { checkMerged, originalOf, type LocalCommit } from './check-merged.js';
import { commitsBetween, currentBranch, fetchBranch, isAncestor, pushBranch, rebaseOnto, remoteUrl, restoreBranch, revParse, uncommitted } from './git-remote.js';

/** Push attempts before giving up on a remote that keeps moving. */
export const MAX_ATTEMPTS = 3;

export interface SyncResult {
  remote: string;
  branch: string;
  /** Commits pushed (after the rebase), oldest first. */
  pushed: LocalCommit[];
  /** Commits taken from the remote. */
  pulled: number;
  attempts: number;
}

export interface SyncOptions {
  location: RegistryLocation;
  root: string;
  gitDir: string;
  remote: string;
  today: string;
  /** Progress lines for stderr ("the remote moved, trying again"). */
  say: (line: string) => void;
}

export async function syncRegistry(o: SyncOptions): Promise<SyncResult> {
  await remoteUrl(o.root, o.remote);
  const branch = await currentBranch(o.root, o.gitDir);
  const dirty = await uncommitted(o.root);
  if (dirty.length > 0) {
    throw new RefusedError(
      `${dirty[0]}${dirty.length > 1 ? ` and ${dirty.length - 1} more files have` : ' has'} uncommitted edits; sync rebases your commits and would mix them in`,
      'commit them (or `git stash`), then run ase sync again',
    );
  }
  const saved = (await revParse(o.root, 'HEAD'))!;
  let pulled = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const remoteTip = await fetchBranch(o.root, o.remote, branch);
    const originals = await commitsBetween(o.root, remoteTip, saved);
    if (remoteTip && !(await isAncestor(o.root, remoteTip, 'HEAD'))) {
      const rebase = await rebaseOnto(o.root, remoteTip);
      if (!rebase.ok) {
        await restoreBranch(o.root, saved);
        throw new RefusedError(
          `your commits conflict with ${o.remote}/${branch}${rebase.conflicts.length ? ` in ${rebase.conflicts.join(', ')}` : ''}; nothing was pushed and your branch is as it was`,
          `merge by hand: \`git pull --rebase ${o.remote} ${branch}\`, resolve the files, \`git rebase --continue\`, check with \`ase lint\`, then run ase sync again`,
        );
      }
    }
    pulled = remoteTip ? (await commitsBetween(o.root, saved, remoteTip)).length : 0;
    const rebased = await commitsBetween(o.root, remoteTip, 'HEAD');
    if (rebased.length === 0) return { remote: o.remote, branch, pushed: [], pulled, attempts: attempt };

    const check = await checkMerged(o.location, o.root, remoteTip, rebased, o.today);
    if (check.introduced.length > 0) {
      await restoreBranch(o.root, saved);
      throw ruleRefusal(check.introduced, check.culprit ? originalOf(check.culprit, rebased, originals) : undefined, o.remote, branch);
    }
    if ((await pushBranch(o.root, o.remote, branch)) === 'pushed') return { remote: o.remote, branch, pushed: rebased, pulled, attempts: attempt };
    if (attempt < MAX_ATTEMPTS) o.say(`ase: ${o.remote}/${branch} moved while pushing; fetching and checking again (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
  }
  throw new EnvironmentError(
    `${o.remote}/${branch} kept moving: ${MAX_ATTEMPTS} pushes were overtaken by other pushes`,
    'your commits are rebased locally and were checked each time; run ase sync again in a moment',
  );
}

function ruleRefusal(introduced: readonly Finding[], culprit: LocalCommit | undefined, remote: string, branch: string): RefusedError {
  const rules = introduced.map((f) => `${f.rule}: ${f.message} (${f.file}:${f.line})`);
  const revisit = culprit ? `revisit your commit ${culprit.hash.slice(0, 7)} "${culprit.subject}"` : 'revisit your local commits';
  return new RefusedError(
    `not pushed: merged with ${remote}/${branch}, your commits break ${introduced.length === 1 ? 'a rule' : `${introduced.length} rules`}:\n  ${rules.join('\n  ')}\n${revisit}; your branch is back where it was`,
    `someone else's change landed first; undo or change that commit (e.g. \`git revert ${culprit ? culprit.hash.slice(0, 7) : '<commit>'}\`, or end another assignment with ase), then run ase sync again`,
  );
}
