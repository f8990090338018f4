/** The git steps of `ase sync`: fetch, rebase, push, restore. Every call is execFile-style, never a shell. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';
import { git, gitFailure, runGit } from '../git/exec.js';

/** Git remote names: no leading dash (never an option), no spaces or control characters. */
const REMOTE_RE = /^[A-Za-z0-9_][A-Za-z0-9._/-]{0,99}$/;

/** Checks `--remote` and that the repository has it; the remote's URL. */
export async function remoteUrl(root: string, remote: string): Promise<string> {
  if (!REMOTE_RE.test(remote) || remote.includes('..')) {
    throw new UsageError(`"${remote}" is not a git remote name`, 'name a remote of this repository, e.g. --remote origin (`git remote -v` lists them)');
  }
  const r = await runGit(root, ['remote', 'get-url', '--', remote]);
  if (r.code === 0) return r.stdout.trim();
  if (r.code === 127) throw gitFailure(['remote'], r, 'install git and make sure it is on PATH');
  throw new EnvironmentError(
    `this repository has no remote named "${remote}"`,
    `add one with \`git remote add ${remote} <url>\`, or name another with --remote (\`git remote -v\` lists them)`,
  );
}

/** The checked-out branch; sync needs one (not a detached HEAD, not mid-rebase or mid-merge). */
export async function currentBranch(root: string, gitDir: string): Promise<string> {
  for (const [marker, what] of [
    ['rebase-merge', 'a rebase'],
    ['rebase-apply', 'a rebase'],
    ['MERGE_HEAD', 'a merge'],
    ['CHERRY_PICK_HEAD', 'a cherry-pick'],
  ] as const) {
    if (existsSync(join(gitDir, marker)))
      throw new EnvironmentError(
        `${what} is in progress in this repository`,
        `finish it or abort it (\`git ${what === 'a rebase' ? 'rebase' : what === 'a merge' ? 'merge' : 'cherry-pick'} --abort\`), then run ase sync again`,
      );
  }
  const r = await runGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (r.code !== 0)
    throw new EnvironmentError('HEAD is detached: ase sync works on a branch', 'check out your branch (`git switch main`), then run ase sync again');
  return r.stdout.trim();
}

/** Tracked files with uncommitted edits (untracked files do not block a rebase). */
export async function uncommitted(root: string): Promise<string[]> {
  const out = await git(root, ['status', '--porcelain', '-z', '--untracked-files=no']);
  return out
    .split('\0')
    .filter(Boolean)
    .map((l) => l.slice(3));
}

export async function revParse(root: string, rev: string): Promise<string | undefined> {
  const r = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** Fetches `branch` of `remote` into its tracking ref; the remote's commit, or undefined when it has no such branch yet. */
export async function fetchBranch(root: string, remote: string, branch: string): Promise<string | undefined> {
  const tracking = `refs/remotes/${remote}/${branch}`;
  const args = ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', remote, `+refs/heads/${branch}:${tracking}`];
  const r = await runGit(root, args, { env: quietEnv() });
  if (r.code === 0) return revParse(root, tracking);
  if (/couldn't find remote ref|no such ref/i.test(r.stderr)) return undefined;
  throw gitFailure(args, r, `check that the remote "${remote}" is reachable (\`git fetch ${remote}\`), then run ase sync again`);
}

/** Commits on `head` that `base` lacks, oldest first (all of them when there is no base). */
export async function commitsBetween(root: string, base: string | undefined, head: string): Promise<{ hash: string; subject: string }[]> {
  const range = base ? [`${base}..${head}`] : [head];
  const out = await git(root, ['log', '--reverse', '--no-merges', '--format=%H%x00%s', ...range, '--']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [hash, subject] = l.split('\0');
      return { hash: hash!, subject: subject ?? '' };
    });
}

export async function isAncestor(root: string, a: string, b: string): Promise<boolean> {
  return (await runGit(root, ['merge-base', '--is-ancestor', a, b])).code === 0;
}

export type RebaseOutcome = { ok: true } | { ok: false; conflicts: string[]; said: string };

/** Settles a conflict the rebase stopped on (writes and stages the files); false when it cannot. */
export type ConflictResolver = (conflicts: string[]) => Promise<boolean>;

/**
 * Rebases the current branch onto `onto`. A stop whose conflicts `resolve` settles is continued;
 * any other conflict is aborted, so the branch is as it was.
 */
export async function rebaseOnto(root: string, onto: string, resolve?: ConflictResolver): Promise<RebaseOutcome> {
  const args = ['-c', 'rebase.autoStash=false', '-c', 'rebase.updateRefs=false', 'rebase', '--quiet', '--no-autostash', onto];
  let r = await runGit(root, args, { env: quietEnv() });
  for (let step = 0; r.code !== 0 && step < 1000; step++) {
    const unmerged = await runGit(root, ['diff', '--name-only', '--diff-filter=U', '-z']);
    const conflicts = unmerged.stdout.split('\0').filter(Boolean);
    if (conflicts.length === 0 || !resolve || !(await resolve(conflicts))) {
      await runGit(root, ['rebase', '--abort']);
      return { ok: false, conflicts, said: (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-4).join('\n  ') };
    }
    r = await runGit(root, ['-c', 'core.editor=true', 'rebase', '--continue'], { env: quietEnv() });
  }
  return { ok: true };
}

/** The text of `path` on one side of a conflict (2: the branch being rebased onto, 3: yours), if it has one. */
export async function conflictSide(root: string, path: string, stage: 2 | 3): Promise<string | undefined> {
  const r = await runGit(root, ['show', `:${stage}:${path}`]);
  return r.code === 0 ? r.stdout : undefined;
}

export async function stage(root: string, path: string): Promise<void> {
  await git(root, ['add', '--', path]);
}

/** Puts the branch (and the work tree, which sync required clean) back on `commit`. */
export async function restoreBranch(root: string, commit: string): Promise<void> {
  await git(root, ['reset', '--quiet', '--hard', commit]);
}

export type PushOutcome = 'pushed' | 'moved';

/**
 * Pushes `branch` to the same branch on `remote`; 'moved' when the remote took other commits
 * first. git words a lost race many ways (client or server side, by version and transport), so
 * beyond the known wordings a failed push counts as lost when the remote branch is no longer
 * `base`, the tip the commits were rebased onto.
 */
export async function pushBranch(root: string, remote: string, branch: string, base: string | undefined): Promise<PushOutcome> {
  const args = ['push', '--porcelain', '--quiet', remote, `refs/heads/${branch}:refs/heads/${branch}`];
  const r = await runGit(root, args, { env: quietEnv() });
  if (r.code === 0) return 'pushed';
  const said = `${r.stdout}\n${r.stderr}`;
  if (/\[rejected\]|fetch first|non-fast-forward|stale info|cannot lock ref|failed to (update ref|lock)|incorrect old value/i.test(said)) return 'moved';
  const now = await runGit(root, ['ls-remote', '--end-of-options', remote, `refs/heads/${branch}`], { env: quietEnv() });
  if (now.code === 0 && (now.stdout.split('\t')[0]?.trim() || undefined) !== base) return 'moved';
  throw gitFailure(args, r, `your commits are rebased locally but not pushed; fix what git reports (access to "${remote}"?), then run ase sync again`);
}

/** No prompts for credentials or editors: sync runs unattended (CI, scripts). */
function quietEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', GIT_SEQUENCE_EDITOR: 'true' };
}
