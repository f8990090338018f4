/**
 * The one write transaction every write command goes through: lock, load, apply the change in
 * memory, re-check the whole registry, refuse what breaks a rule or touches uncommitted edits,
 * write atomically, commit exactly the changed files, and put everything back if the commit fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { compareFindings } from '../core/findings.js';
import { AseError, EnvironmentError, RefusedError } from '../errors.js';
import { gitFailure, git, gitStarted, runGit } from '../git/exec.js';
import { firstParentFromFiles, headFromFiles } from '../git/head-files.js';
import { gitDir as findGitDir, headCommit } from '../git/repo.js';
import { replaceFiles, withDetails, type LoadedRegistry } from '../registry/build.js';
import { discoverRegistry, type RegistryLocation } from '../registry/discover.js';
import { evaluateChange, placed, type ChangeFinding } from '../registry/evaluate-change.js';
import { pagePath } from '../registry/page-check.js';
import { readRegistryAsync } from '../registry/reader.js';
import { expectedPage, normaliseNewlines } from '../render/expected.js';
import { loadFile, type LoadedFile } from '../source/load-file.js';
import { removeFile, tempPathFor, writeAtomic } from './atomic.js';
import { pauseAt } from './pause-point.js';
import { likelyTouched, startStatus, statusOf, type EarlyStatus } from './clean-check.js';
import { commitMessage } from './commit-message.js';
import { clearJournal, recoverInterrupted, rollBack, sha256, writeJournal, type Journal } from './journal.js';
import { unifiedDiff } from './line-diff.js';
import { acquireLock, type Lock } from './lock.js';
import { introducedErrors, refusalLines } from './refusal.js';
import { ChangeSet, type FileChange, type RegistryEdit } from './registry-edit.js';

export type { RegistryEdit, YamlDocEdit } from './registry-edit.js';

/** One change to the registry, as data plus the edit that makes it. */
export interface Change {
  /** Verb: request, approve, reject, assign, transition, end, checkin, docs, engineers-set, import, ... */
  action: string;
  /** Customer concerned (Customer trailer). */
  slug?: string;
  /** Commit subject, e.g. "transition(acme): alice -> bob (stagnating)". */
  subject: string;
  /** Readable body lines. */
  body?: string[];
  /** Engineer, Backup, Reason, ... (sanitised to one line each). */
  trailers?: Record<string, string | undefined>;
  /**
   * Makes the change on `edit` (in memory). Throw UsageError/RefusedError to refuse. It runs with
   * the lock held on the registry as it is now, so it may still fill in subject, body and trailers
   * from what it finds (they are read after it returns).
   */
  apply(edit: RegistryEdit): void;
}

export interface WriteOptions {
  dryRun?: boolean;
}

export interface WriteResult {
  /** Full hash of the new commit (absent under --dry-run or when nothing changed). */
  commit?: string;
  /** The commit subject as recorded. */
  subject: string;
  /** Display paths (relative to the git work tree) of the files written. */
  changedFiles: string[];
  /** Unified diff of the change. */
  diff: string;
  dryRun: boolean;
  /** Notes for people: warnings the change brings, "nothing to change". */
  messages: string[];
}

const DEFAULT_LOCK_WAIT_MS = 10_000;

function lockWaitMs(io: Io): number {
  const v = Number(io.env.ASE_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_LOCK_WAIT_MS;
}

/** Loads, applies, checks and (unless dryRun) commits `change`. */
export async function runWrite(change: Change, globals: Globals, io: Io, options: WriteOptions = {}): Promise<WriteResult> {
  const dryRun = options.dryRun === true;
  const location = discoverRegistry(io.cwd, globals.registry);
  const root = location.gitRoot;
  if (root === undefined && !dryRun) {
    throw new EnvironmentError(
      `the registry ${location.dir} is not inside a git work tree, so ase cannot commit the change`,
      'run `git init` in the folder above the registry (or `ase init`), then try again',
    );
  }
  const gitDir = root !== undefined ? await findGitDir(root) : undefined;
  let lock: Lock | undefined;
  if (gitDir !== undefined && !dryRun) {
    lock = await acquireLock(gitDir, `ase ${change.action}${change.slug ? ` ${change.slug}` : ''}`, { waitMs: lockWaitMs(io), say: (l) => io.err(`${l}\n`) });
  }
  try {
    if (gitDir !== undefined && root !== undefined && !dryRun) {
      const note = recoverInterrupted(gitDir, root, location.dir, lockWaitMs(io));
      if (note) io.err(`${note}\n`);
    }
    return await transact(change, globals, location, gitDir, dryRun);
  } finally {
    lock?.release();
  }
}

async function transact(change: Change, globals: Globals, location: RegistryLocation, gitDir: string | undefined, dryRun: boolean): Promise<WriteResult> {
  const root = location.gitRoot;
  // git looks at the files the change will likely touch while the registry is read.
  const early = root !== undefined && gitDir !== undefined ? startStatus(root, gitDir, likelyTouched(location, change.slug)) : undefined;
  if (early) await gitStarted();
  // No day: a write checks the changed customers itself (evaluateChange), so no verdicts are needed.
  const loaded = await readRegistryAsync(location);
  const set = new ChangeSet(location, loaded, globals.today);
  change.apply(set);
  const changes = set.changes();
  const subject = change.subject;
  if (changes.length === 0) {
    return { subject, changedFiles: [], diff: '', dryRun, messages: ['nothing to change: the registry already says so'] };
  }
  const after = withTexts(loaded, changes);
  const page = pageChange(location, after);
  if (page) changes.push(page);
  const head = root !== undefined ? await refuseDirty(root, changes, early) : undefined;

  const rewritten = new Set(changes.filter((c) => c.kind !== 'page').map((c) => c.file));
  const { before: beforeFindings, after: afterFindings } = evaluateChange(loaded, after, rewritten, globals.today);
  const introduced = placed(after, introducedErrors(beforeFindings, afterFindings)).sort(compareFindings);
  if (introduced.length > 0) {
    const lines = refusalLines(introduced, loaded.registry, after.registry);
    throw new RefusedError(
      lines.length === 1 ? `refused: ${lines[0]}` : `refused, the change would break ${lines.length} rules:\n  ${lines.join('\n  ')}`,
      'nothing was written; fix what the message names and run the command again (`ase lint` shows the registry as it is)',
    );
  }
  const messages = placed(after, newWarnings(beforeFindings, afterFindings))
    .sort(compareFindings)
    .map((f) => `warning: ${f.rule}: ${f.message} (${f.file})`);
  const diff = changes.map((c) => unifiedDiff(c.file, c.before, c.after)).join('');
  const changedFiles = changes.map((c) => c.file);
  if (dryRun || root === undefined || gitDir === undefined) return { subject, changedFiles, diff, dryRun: true, messages };

  const message = commitMessage({
    subject,
    body: change.body,
    trailers: { Action: change.action, Customer: change.slug, ...(change.trailers ?? {}) },
  });
  // refuseDirty showed every existing file it touches is tracked and clean: only new ones need `git add`.
  const commit = await commitFiles(root, gitDir, changes, message, `ase ${change.action}`, { existingTracked: true, head });
  return { commit, subject, changedFiles, diff, dryRun: false, messages };
}

/**
 * When the registry keeps a rendered page, the change carries the page rendered again, so the
 * commit leaves it up to date (as `ase render` would write it, keeping its date stamp).
 */
function pageChange(location: RegistryLocation, after: LoadedRegistry): FileChange | undefined {
  const abs = pagePath(location);
  if (!existsSync(abs)) return undefined;
  const before = readFileSync(abs, 'utf8');
  const text = expectedPage(withDetails(after), normaliseNewlines(before));
  return text === normaliseNewlines(before) ? undefined : { abs, file: location.files.page, kind: 'page', before, after: text };
}

/**
 * Refuses (exit 1) when a file the change touches has uncommitted edits, staged or not; else
 * returns the commit HEAD was at when git said so (undefined before the first commit).
 */
async function refuseDirty(root: string, changes: readonly FileChange[], early: EarlyStatus | undefined): Promise<string | undefined> {
  const { dirty, head } = await statusOf(root, changes, early);
  if (dirty.size === 0) return head;
  const [file, code] = [...dirty.entries()][0]!;
  const what = code === '??' ? 'is not committed yet' : 'has uncommitted edits';
  throw new RefusedError(
    `${file} ${what}; ase changes only files that match the last commit, so your edits are never mixed into its commit`,
    `commit your edits first (\`git add ${file} && git commit\`) or discard them (\`git checkout -- ${file}\`), then run the command again`,
  );
}

/**
 * The registry as it would be with `changes` applied, built from the new texts; unchanged files
 * keep their loaded file and customer (building them again would give the same).
 */
export function withTexts(loaded: LoadedRegistry, changes: readonly FileChange[]): LoadedRegistry {
  const changed = new Map<string, LoadedFile>();
  for (const c of changes) if (c.kind !== 'page') changed.set(c.file, loadFile(c.file, c.kind, c.after));
  // Unchanged files keep their content keys (changed ones are new objects): their verdicts are reused.
  // Not the snapshot: its rows are the files as read, not as changed.
  const cache = loaded.cache && { verdicts: loaded.cache.verdicts, keyOf: loaded.cache.keyOf };
  return { ...replaceFiles(loaded, changed), cache };
}

/** Warnings of `after` that `before` did not have. */
function newWarnings(before: readonly ChangeFinding[], after: readonly ChangeFinding[]): ChangeFinding[] {
  // Warnings keyed without their message: a count that changes is not a new warning.
  const key = (f: ChangeFinding) => `${f.rule}\u0000${f.file}\u0000${f.subject?.handle ?? ''}`;
  const had = new Set(before.map(key));
  return after.filter((f) => f.severity === 'warning' && !had.has(key(f)));
}

/**
 * Writes `changes` and commits exactly those paths. On any failure the files and the index are put
 * back byte for byte and an EnvironmentError (exit 3) says what git said.
 */
export async function commitFiles(
  root: string,
  gitDir: string,
  changes: readonly Pick<FileChange, 'abs' | 'file' | 'after'>[],
  message: string,
  command: string,
  opts: { existingTracked?: boolean; head?: string } = {},
): Promise<string> {
  // A HEAD git named earlier is used when it is still HEAD; the journal must hold HEAD as it is now.
  const head = (opts.head !== undefined && headFromFiles(gitDir) === opts.head ? opts.head : await headCommit(root)) ?? null;
  const journal: Journal = {
    pid: process.pid,
    command,
    time: new Date().toISOString(),
    head,
    subject: message.split('\n')[0]!,
    index: existsSync(join(gitDir, 'index')),
    files: changes.map((c) => ({ abs: c.abs, original: existsSync(c.abs) ? readFileSync(c.abs).toString('base64') : null, after: sha256(c.after) })),
  };
  writeJournal(gitDir, journal);
  const paths = changes.map((c) => c.file);
  try {
    for (const c of changes) {
      mkdirSync(dirname(c.abs), { recursive: true });
      writeAtomic(c.abs, c.after);
    }
    pauseAt('after-files-written');
    // `commit --only` stages tracked paths itself; one git process fewer when nothing is new.
    const toAdd = opts.existingTracked ? paths.filter((_, i) => journal.files[i]!.original === null) : paths;
    // Not quiet: simple-git waits 50 ms more for a git that prints nothing.
    if (toAdd.length > 0) await git(root, ['--literal-pathspecs', 'add', '--verbose', '--', ...toAdd]);
    // The message from a file in .git, not stdin: a git commit that outlives a killed ase still has
    // all of it. A temp file's name, so recovery removes it if ase dies before doing so below.
    const messageFile = tempPathFor(join(gitDir, 'ase-commit-message'));
    writeFileSync(messageFile, message);
    const args = ['--literal-pathspecs', 'commit', '--only', '--cleanup=whitespace', `--file=${messageFile}`, '--', ...paths];
    const r = await runGit(root, args).finally(() => removeFile(messageFile));
    const [now, parent] = await headAndParent(root, gitDir);
    if (now === undefined || now === head || parent !== head) {
      throw gitFailure(
        args,
        r.code === 0 ? { ...r, code: 0, stderr: r.stderr || 'git reported success but made no commit' } : r,
        'nothing was changed: the files and the index are as they were; fix what git reports (a hook?) and try again',
      );
    }
    pauseAt('after-commit');
    clearJournal(gitDir);
    return now;
  } catch (err) {
    try {
      rollBack(gitDir, journal);
    } catch (restoreErr) {
      throw new EnvironmentError(
        `the write failed (${(err as Error).message}) and restoring the files failed too (${(restoreErr as Error).message})`,
        'run any ase write command again: it finds the journal in .git and restores the files',
      );
    }
    if (err instanceof AseError) throw err;
    throw new EnvironmentError(
      `could not write the change: ${(err as Error).message}`,
      'nothing was changed; check permissions and free space, then try again',
    );
  }
}

/** HEAD and its first parent (null for a root commit), from .git's files or else one git process; HEAD undefined when there is none. */
async function headAndParent(root: string, gitDir: string): Promise<[string | undefined, string | null | undefined]> {
  const now = headFromFiles(gitDir);
  const parent = now === undefined ? undefined : firstParentFromFiles(gitDir, now);
  if (now !== undefined && parent !== undefined) return [now, parent];
  const r = await runGit(root, ['rev-list', '--parents', '-n', '1', 'HEAD^{commit}', '--']);
  if (r.code !== 0) return [undefined, undefined];
  const out = r.stdout.trim().split(' ');
  return [out[0] || undefined, out.length === 1 ? null : out[1]];
}
