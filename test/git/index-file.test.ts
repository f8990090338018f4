/** git's index read directly agrees with `git ls-files --stage` in every index version, and gives up where it cannot vouch. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexChecksum, indexEntriesUnder } from '../../src/git/index-file.js';
import { git, initRepo, tempDir } from '../helpers/repo.js';

/** `name blob plain` per entry under `folder/`, as read here. */
function entries(dir: string, folder: string): string[] | undefined {
  const out: string[] = [];
  const checksum = indexEntriesUnder(join(dir, '.git'), folder, 20, (e) => {
    out.push(`${e.buf.toString('utf8', e.nameStart, e.nameEnd)} ${e.buf.toString('hex', e.oid, e.oid + 20)} ${e.plain}`);
  });
  return checksum === undefined ? undefined : out;
}

/** The same, as git lists it (stage 0 regular files are plain unless flagged; `ls-files` shows no intent-to-add flag). */
function fromGit(dir: string, folder: string, intentToAdd: string[] = []): string[] {
  const flagged = new Set([
    ...intentToAdd.map((n) => `${folder}/${n}`),
    ...git(dir, '-c', 'core.quotePath=false', 'ls-files', '-v', '-t', '--', folder)
      .split('\n')
      .filter((l) => /^[a-zS]/.test(l))
      .map((l) => l.slice(2)),
  ]);
  return git(dir, '-c', 'core.quotePath=false', 'ls-files', '--stage', '--', folder)
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [meta, path] = l.split('\t') as [string, string];
      const [mode, blob, stage] = meta.split(' ');
      return `${path.slice(folder.length + 1)} ${blob} ${mode === '100644' && stage === '0' && !flagged.has(path)}`;
    });
}

function repoWithFiles(): string {
  const dir = initRepo(tempDir());
  mkdirSync(join(dir, 'reg', 'customers', 'nested'), { recursive: true });
  for (let i = 0; i < 40; i++)
    writeFileSync(join(dir, 'reg', 'customers', `customer-${String(i).padStart(3, '0')}-${'x'.repeat(i * 5)}.yaml`), `name: C${i}\n`);
  writeFileSync(join(dir, 'reg', 'customers', 'nested', 'deep.yaml'), 'name: deep\n');
  writeFileSync(join(dir, 'reg', 'customers', 'zé.yaml'), 'name: accent\n');
  writeFileSync(join(dir, 'reg', 'config.yaml'), 'cap: 15\n');
  writeFileSync(join(dir, 'other.txt'), 'x\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'files');
  return dir;
}

describe('indexEntriesUnder', () => {
  it('lists the entries under a folder as git does, in index versions 2, 3 and 4', () => {
    const dir = repoWithFiles();
    for (const version of ['2', '4', '3']) {
      git(dir, 'update-index', '--index-version', version);
      expect(entries(dir, 'reg/customers'), `version ${version}`).toEqual(fromGit(dir, 'reg/customers'));
    }
    // Version 3 with extended flags: skip-worktree, intent-to-add; and assume-unchanged.
    git(dir, 'update-index', '--skip-worktree', 'reg/customers/customer-001-xxxxx.yaml');
    git(dir, 'update-index', '--assume-unchanged', 'reg/customers/customer-002-xxxxxxxxxx.yaml');
    writeFileSync(join(dir, 'reg', 'customers', 'new.yaml'), 'name: new\n');
    git(dir, 'add', '-N', 'reg/customers/new.yaml');
    const listed = entries(dir, 'reg/customers')!;
    expect(listed).toEqual(fromGit(dir, 'reg/customers', ['new.yaml']));
    expect(listed.filter((l) => l.endsWith('false')).map((l) => l.split(' ')[0])).toEqual([
      'customer-001-xxxxx.yaml',
      'customer-002-xxxxxxxxxx.yaml',
      'new.yaml',
    ]);
    git(dir, 'update-index', '--index-version', '4');
    expect(entries(dir, 'reg/customers')).toEqual(fromGit(dir, 'reg/customers', ['new.yaml']));
  });

  it('gives the checksum git wrote, and nothing for a split index or an index without a checksum', () => {
    const dir = repoWithFiles();
    const gitDir = join(dir, '.git');
    const checksum = indexChecksum(gitDir, 20);
    expect(checksum).toMatch(/^[0-9a-f]{40}$/);
    expect(indexEntriesUnder(gitDir, 'reg/customers', 20, () => undefined)).toBe(checksum);
    git(dir, 'update-index', '--split-index');
    expect(entries(dir, 'reg/customers')).toBeUndefined();
    git(dir, 'update-index', '--no-split-index');
    expect(entries(dir, 'reg/customers')).toEqual(fromGit(dir, 'reg/customers'));
    git(dir, 'config', 'index.skipHash', 'true');
    writeFileSync(join(dir, 'other.txt'), 'y\n');
    git(dir, 'add', 'other.txt');
    const version = git(dir, 'version');
    // index.skipHash exists from git 2.40 on; older versions still write a checksum.
    if (indexChecksum(gitDir, 20) !== undefined) expect(version).toMatch(/git version 2\.([0-9]|[1-3][0-9])\./);
    else expect(entries(dir, 'reg/customers')).toBeUndefined();
  });
});
