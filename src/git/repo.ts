/** The few git questions and actions the write path needs, over `runGit`. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { git, runGit } from './exec.js';

/** The repository's git folder (`.git`, or where a `.git` file points for worktrees). */
export async function gitDir(root: string): Promise<string> {
  const dotGit = join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
  } catch {
    /* fall through to git */
  }
  const out = (await git(root, ['rev-parse', '--git-dir'])).trim();
  return isAbsolute(out) ? out : resolve(root, out);
}

/** The commit HEAD points at, or undefined before the first commit. */
export async function headCommit(root: string): Promise<string | undefined> {
  const r = await runGit(root, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** What `git status` says about some paths: HEAD then, and the paths that differ from it. */
export interface PathStatus {
  /** The commit HEAD pointed at, or undefined before the first commit. */
  head: string | undefined;
  /** Path (relative to root) -> two-letter code (`??` untracked, else index and work tree status). */
  dirty: Map<string, string>;
}

/** Paths among `files` (relative to root) that differ from HEAD in the index or the work tree, or are untracked, and HEAD: one git process. */
export async function pathStatus(root: string, files: readonly string[]): Promise<PathStatus> {
  return parseStatus(await git(root, statusArgs(files)));
}

/** `pathStatus` started now and answered later; undefined when git failed (ask again to get its error). */
export async function pathStatusLater(root: string, files: readonly string[]): Promise<PathStatus | undefined> {
  const r = await runGit(root, statusArgs(files));
  return r.code === 0 ? parseStatus(r.stdout) : undefined;
}

/** Paths among `files` (relative to root) that differ from HEAD in the index or the work tree, or are untracked. */
export async function dirtyPaths(root: string, files: readonly string[]): Promise<Map<string, string>> {
  if (files.length === 0) return new Map();
  return (await pathStatus(root, files)).dirty;
}

function statusArgs(files: readonly string[]): string[] {
  return [
    '--no-optional-locks',
    'status',
    '--porcelain=v2',
    '--branch',
    '--no-ahead-behind',
    '-z',
    '--untracked-files=all',
    '--ignored=no',
    '--',
    ...files.map((f) => `:(literal)${f}`),
  ];
}

/** Fields before the path in porcelain v2 entries: `1 XY sub mH mI mW hH hI path`, `2 ... Xscore path`, `u ... h3 path`. */
const FIELDS_BEFORE_PATH: Record<string, number> = { '1': 8, '2': 9, u: 10 };

function parseStatus(out: string): PathStatus {
  let head: string | undefined;
  const dirty = new Map<string, string>();
  const parts = out.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const entry = parts[i]!;
    if (entry.startsWith('# branch.oid ')) {
      const oid = entry.slice('# branch.oid '.length);
      head = oid === '(initial)' ? undefined : oid;
    } else if (entry.startsWith('? ')) {
      dirty.set(entry.slice(2), '??');
    } else if (FIELDS_BEFORE_PATH[entry[0]!] !== undefined && entry[1] === ' ') {
      let at = 0;
      for (let n = 0; n < FIELDS_BEFORE_PATH[entry[0]!]!; n++) at = entry.indexOf(' ', at) + 1;
      dirty.set(entry.slice(at), entry.slice(2, 4).replaceAll('.', ' '));
      if (entry[0] === '2') i++; // the source path follows
    }
  }
  return { head, dirty };
}

/** Whether `root` is inside a git work tree (cheap: looks for `.git` upwards is done by discover). */
export function hasGit(root: string | undefined): root is string {
  return root !== undefined && existsSync(join(root, '.git'));
}

/** The file's bytes, or undefined when it does not exist. */
export function readBytes(abs: string): Buffer | undefined {
  try {
    return readFileSync(abs);
  } catch {
    return undefined;
  }
}
