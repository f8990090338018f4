/**
 * Content keys git can vouch for without ase reading a file: tracked files whose work-tree copy
 * matches the index have the index's blob id. One `git ls-files` lists the index and the files
 * that differ from it (git compares stat data, and the contents when the stat data cannot be
 * trusted); files it flags as assume-unchanged or skip-worktree are left out, so ase reads them.
 */
import { spawnSync } from 'node:child_process'; // not simple-git: `readRegistry` is synchronous (sync callers list git's blobs), and simple-git runs only async.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runGit } from '../../git/exec.js';

/** Display path (relative to the work tree) -> blob id, for files git vouches for; undefined when git cannot say. */
export function cleanBlobs(gitRoot: string, dir: string): Map<string, string> | undefined {
  if (nothingAdded(gitRoot)) return undefined;
  try {
    const r = spawnSync('git', lsFiles(dir), { cwd: gitRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    return r.status === 0 && typeof r.stdout === 'string' ? parse(r.stdout) : undefined;
  } catch {
    return undefined;
  }
}

/** `cleanBlobs`, with git running while the caller goes on. */
export async function cleanBlobsAsync(gitRoot: string, dir: string): Promise<Map<string, string> | undefined> {
  if (nothingAdded(gitRoot)) return undefined;
  const r = await runGit(gitRoot, lsFiles(dir));
  return r.code === 0 ? parse(r.stdout) : undefined;
}

/** A repository whose index does not exist yet knows no file. */
function nothingAdded(gitRoot: string): boolean {
  return !existsSync(join(gitRoot, '.git', 'index')) && statSync(join(gitRoot, '.git'), { throwIfNoEntry: false })?.isDirectory() === true;
}

function lsFiles(dir: string): string[] {
  return ['--no-optional-locks', 'ls-files', '-z', '--cached', '--modified', '--deleted', '--stage', '-v', '--', dir];
}

function parse(out: string): Map<string, string> {
  const blobs = new Map<string, string>();
  const changed = new Set<string>();
  // `H <mode> <blob> <stage>\t<path>` for index entries; `C <path>` modified, `R <path>` deleted.
  for (const entry of out.split('\0')) {
    if (entry.length < 3) continue;
    const tag = entry[0];
    if (tag === 'H') {
      const tab = entry.indexOf('\t');
      const [mode, blob, stage] = entry.slice(2, tab).split(' ');
      if (mode === '100644' && stage === '0' && blob) blobs.set(entry.slice(tab + 1), blob);
    } else {
      // Modified, deleted, unmerged, assume-unchanged (lower case) or skip-worktree: read the file.
      const tab = entry.indexOf('\t');
      changed.add(tab === -1 ? entry.slice(2) : entry.slice(tab + 1));
    }
  }
  for (const path of changed) blobs.delete(path);
  return blobs;
}
