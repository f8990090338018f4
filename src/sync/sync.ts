/**
 * `ase sync`: fetch the remote branch, rebase the local commits onto it, re-check every rule on
 * the merged result, and push; when the push loses a race, start again (a few times). A merged
 * result that breaks a rule, or a rebase conflict, puts the branch back where it was.
 */
import { writeFileSync } from 'node:fs';
import type { Finding } from '../core/findings.js';
import { EnvironmentError, RefusedError } from '../errors.js';
import type { RegistryLocation } from '../registry/discover.js';
import { withDetails } from '../registry/build.js';
import { pagePath } from '../registry/page-check.js';
import { readRegistry } from '../registry/reader.js';
import { expectedPage, normaliseNewlines } from '../render/expected.js';
import { checkMerged, originalOf, type LocalCommit } from './check-merged.js';
import {
  commitsBetween,
  conflictSide,
  currentBranch,
  fetchBranch,
  isAncestor,
  pushBranch,
  rebaseOnto,
  remoteUrl,
  restoreBranch,
  revParse,
  stage,
  uncommitted,
  type ConflictResolver,
} from './git-remote.js';

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
  const saved = await revParse(o.root, 'HEAD');
  if (saved === undefined)
    throw new EnvironmentError(
      `${branch} has no commits yet: there is nothing to sync`,
      'commit the registry first (`git add registry schemas && git commit`), then run ase sync',
    );
  let pulled = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const remoteTip = await fetchBranch(o.root, o.remote, branch);
    const originals = await commitsBetween(o.root, remoteTip, saved);
    if (remoteTip && !(await isAncestor(o.root, remoteTip, 'HEAD'))) {
      const rebase = await rebaseOnto(o.root, remoteTip, pageResolver(o));
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
    if ((await pushBranch(o.root, o.remote, branch, remoteTip)) === 'pushed') return { remote: o.remote, branch, pushed: rebased, pulled, attempts: attempt };
    if (attempt < MAX_ATTEMPTS)
      o.say(`ase: ${o.remote}/${branch} moved while pushing; fetching and checking again (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
  }
  throw new EnvironmentError(
    `${o.remote}/${branch} kept moving: ${MAX_ATTEMPTS} pushes were overtaken by other pushes`,
    'your commits are rebased locally and were checked each time; run ase sync again in a moment',
  );
}

/**
 * Both sides changed the generated page: it is rendered again from the merged files (keeping the
 * remote's date stamp), as \`ase render\` would. Any other conflict is for people to resolve.
 */
function pageResolver(o: SyncOptions): ConflictResolver {
  return async (conflicts) => {
    if (conflicts.length !== 1 || conflicts[0] !== o.location.files.page) return false;
    const theirs = (await conflictSide(o.root, conflicts[0], 2)) ?? '';
    const merged = readRegistry(o.location);
    writeFileSync(pagePath(o.location), expectedPage(withDetails(merged), normaliseNewlines(theirs)));
    await stage(o.root, conflicts[0]);
    return true;
  };
}

function ruleRefusal(introduced: readonly Finding[], culprit: LocalCommit | undefined, remote: string, branch: string): RefusedError {
  const rules = introduced.map((f) => `${f.rule}: ${f.message} (${f.file}:${f.line})`);
  const revisit = culprit ? `revisit your commit ${culprit.hash.slice(0, 7)} "${culprit.subject}"` : 'revisit your local commits';
  return new RefusedError(
    `not pushed: merged with ${remote}/${branch}, your commits break ${introduced.length === 1 ? 'a rule' : `${introduced.length} rules`}:\n  ${rules.join('\n  ')}\n${revisit}; your branch is back where it was`,
    `someone else's change landed first: drop or change that commit (\`git rebase -i ${remote}/${branch}\` takes the remote's commits and lets you edit yours), or make room first (e.g. \`ase end <slug>\`), then run ase sync again`,
  );
}
