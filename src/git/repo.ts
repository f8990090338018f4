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

/** Paths among `files` (relative to root) that differ from HEAD in the index or the work tree, or are untracked. */
export async function dirtyPaths(root: string, files: readonly string[]): Promise<Map<string, string>> {
  const dirty = new Map<string, string>();
  if (files.length === 0) return dirty;
  const out = await git(root, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=no', '--', ...files.map((f) => `:(literal)${f}`)]);
  const parts = out.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const entry = parts[i]!;
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    dirty.set(entry.slice(3), code);
    if (code[0] === 'R' || code[0] === 'C') i++; // the source path follows
  }
  return dirty;
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
