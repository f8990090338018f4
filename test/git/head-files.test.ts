/** HEAD and first parents read from .git's files agree with git, and give up where the layout is not the plain one. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstParentFromFiles, headFromFiles } from '../../src/git/head-files.js';
import { git, initRepo, tempDir } from '../helpers/repo.js';

function commit(dir: string, file: string, text: string): string {
  writeFileSync(join(dir, file), text);
  git(dir, 'add', '--', file);
  git(dir, 'commit', '-q', '-m', `write ${file}`);
  return git(dir, 'rev-parse', 'HEAD');
}

describe('headFromFiles', () => {
  it('reads HEAD through a loose ref, a packed ref and a detached HEAD', () => {
    const dir = initRepo(tempDir());
    const gitDir = join(dir, '.git');
    expect(headFromFiles(gitDir)).toBeUndefined(); // no commit yet
    const first = commit(dir, 'a.txt', 'one\n');
    expect(headFromFiles(gitDir)).toBe(first);
    git(dir, 'pack-refs', '--all');
    expect(headFromFiles(gitDir)).toBe(first);
    const second = commit(dir, 'a.txt', 'two\n'); // a loose ref again, newer than the packed one
    expect(headFromFiles(gitDir)).toBe(second);
    git(dir, 'checkout', '-q', '--detach', first);
    expect(headFromFiles(gitDir)).toBe(first);
  });

  it('gives up for a linked worktree, whose refs live elsewhere', () => {
    const dir = initRepo(tempDir());
    commit(dir, 'a.txt', 'one\n');
    const other = join(tempDir(), 'wt');
    git(dir, 'worktree', 'add', '-q', '-b', 'side', other);
    const wtGitDir = git(other, 'rev-parse', '--absolute-git-dir');
    expect(headFromFiles(wtGitDir)).toBeUndefined();
  });
});

describe('firstParentFromFiles', () => {
  it('gives the first parent of a loose commit, null for the root commit', () => {
    const dir = initRepo(tempDir());
    const gitDir = join(dir, '.git');
    const root = commit(dir, 'a.txt', 'one\n');
    const next = commit(dir, 'a.txt', 'two\n');
    expect(firstParentFromFiles(gitDir, root)).toBeNull();
    expect(firstParentFromFiles(gitDir, next)).toBe(root);
    git(dir, 'checkout', '-q', '-b', 'side', root);
    const side = commit(dir, 'b.txt', 'side\n');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'side');
    const merge = git(dir, 'rev-parse', 'HEAD');
    expect(git(dir, 'rev-parse', 'HEAD^2')).toBe(side);
    expect(firstParentFromFiles(gitDir, merge)).toBe(next);
  });

  it('gives up when the object is packed, missing or not a commit', () => {
    const dir = initRepo(tempDir());
    const gitDir = join(dir, '.git');
    const head = commit(dir, 'a.txt', 'one\n');
    const blob = git(dir, 'rev-parse', 'HEAD:a.txt');
    expect(firstParentFromFiles(gitDir, blob)).toBeUndefined();
    expect(firstParentFromFiles(gitDir, '0'.repeat(40))).toBeUndefined();
    git(dir, 'gc', '-q', '--prune=now');
    expect(firstParentFromFiles(gitDir, head)).toBeUndefined();
  });
});
