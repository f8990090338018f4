/** Helpers for the write-path tests: repo snapshots and commit inspection in temp repos. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { git } from '../helpers/repo.js';

/** Files changed by the commit `rev` (default HEAD). */
export function filesOf(dir: string, rev = 'HEAD'): string[] {
  return git(dir, 'show', '--name-only', '--format=', rev).split('\n').filter(Boolean).sort();
}

export { commitCount } from '../helpers/repo.js';

/** Every file under `dir` (except .git/objects and logs) as bytes, plus the index and HEAD: a byte-for-byte snapshot. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      const rel = relative(dir, abs);
      if (rel === '.git/objects' || rel === '.git/logs' || rel === '.git/hooks' || rel === '.git/ase-cache') continue; // ase-cache: the lint cache
      if (statSync(abs).isDirectory()) walk(abs);
      else out[rel] = readFileSync(abs).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** `git status --porcelain` including untracked files. */
export function status(dir: string): string {
  return git(dir, '--no-optional-locks', 'status', '--porcelain=v1', '--untracked-files=all');
}

/** A people.yaml with n extra support engineers eng1..engN on top of the test roster. */
export function manyEngineers(base: string, n: number): string {
  let text = base;
  for (let i = 1; i <= n; i++) text += `  - handle: eng${i}\n    name: Engineer ${i}\n    roles: [support-engineer]\n`;
  return text;
}
