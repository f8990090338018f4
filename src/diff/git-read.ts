/** Reads registry file texts at a git revision (`git ls-tree` + `git cat-file --batch`), without a shell. */
import { execFile } from 'node:child_process'; // not simple-git: one `git cat-file --batch` streams every blob as bytes, sizes and all, which simple-git's text output cannot carry.
import { EnvironmentError, UsageError } from '../errors.js';
import { gitFailure, runGit } from '../git/exec.js';

/** The commit a revision names; a usage error (exit 2) when it names none. */
export async function resolveCommit(root: string, rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new UsageError(`"${rev}" is not a git revision`, 'name a commit, branch or tag, for example HEAD~1 or origin/main');
  const r = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (r.code === 0) return r.stdout.trim();
  if (r.code === 127) throw gitFailure(['rev-parse'], r, 'install git and make sure it is on PATH');
  throw new UsageError(
    `unknown git revision "${rev}"`,
    'name a commit, branch or tag that exists here (`git log --oneline` lists commits); in CI fetch history with fetch-depth: 0',
  );
}

/**
 * Every regular file under `dir` (relative to the work tree root, '' for all) at `commit`,
 * as path -> text. Paths are relative to the root, with forward slashes.
 */
export async function readTree(root: string, commit: string, dir: string): Promise<Map<string, string>> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit, ...(dir === '' ? [] : ['--', `${dir}/`])];
  const listed = await runGit(root, args);
  if (listed.code !== 0) throw gitFailure(args, listed);
  const blobs: { sha: string; path: string }[] = [];
  for (const entry of listed.stdout.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m && (m[1] === '100644' || m[1] === '100755')) blobs.push({ sha: m[2]!, path: m[3]! });
  }
  const files = new Map<string, string>();
  if (blobs.length === 0) return files;
  const out = await catFileBatch(
    root,
    blobs.map((b) => b.sha),
  );
  let at = 0;
  for (const blob of blobs) {
    const nl = out.indexOf(0x0a, at);
    const header = out.subarray(at, nl).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (!Number.isFinite(size))
      throw new EnvironmentError(`git cat-file gave an unexpected answer for ${blob.path}: ${header}`, 'check the repository with `git fsck`');
    const text = out.subarray(nl + 1, nl + 1 + size).toString('utf8');
    files.set(blob.path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    at = nl + 1 + size + 1;
  }
  return files;
}

function catFileBatch(root: string, shas: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', ['cat-file', '--batch'], { cwd: root, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err)
        reject(
          gitFailure(['cat-file', '--batch'], {
            code: typeof err.code === 'number' ? err.code : 127,
            stdout: '',
            stderr: stderr.toString('utf8') || err.message,
          }),
        );
      else resolve(stdout);
    });
    child.stdin?.end(`${shas.join('\n')}\n`);
  });
}
