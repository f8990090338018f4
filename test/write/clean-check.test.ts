/**
 * The check that the files a change touches match the last commit: git's codes, and an answer
 * asked early that is used only while the files, the index and HEAD are as they were.
 */
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathStatus } from '../../src/git/repo.js';
import { startStatus, statusOf, type Touched } from '../../src/write/clean-check.js';
import { activeCustomer, git, registryRepo } from '../helpers/repo.js';

const C1 = 'registry/customers/c1.yaml';
const C2 = 'registry/customers/c2.yaml';

function touched(dir: string, ...files: string[]): Touched[] {
  return files.map((file) => ({ file, abs: join(dir, file) }));
}

function repo(): string {
  return registryRepo({ customers: { c1: activeCustomer('One'), c2: activeCustomer('Two'), 'with space': activeCustomer('Three') } });
}

describe('pathStatus', () => {
  it('names staged, unstaged, untracked and renamed files, and HEAD', async () => {
    const dir = repo();
    appendFileSync(join(dir, C1), '# edited\n');
    appendFileSync(join(dir, 'registry/people.yaml'), '# staged\n');
    git(dir, 'add', 'registry/people.yaml');
    writeFileSync(join(dir, 'registry/customers/new.yaml'), activeCustomer('New'));
    git(dir, 'mv', 'registry/customers/with space.yaml', 'registry/customers/moved here.yaml');
    const files = [C1, C2, 'registry/people.yaml', 'registry/customers/new.yaml', 'registry/customers/moved here.yaml', 'registry/customers/with space.yaml'];
    const { head, dirty } = await pathStatus(dir, files);
    expect(head).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(Object.fromEntries(dirty)).toEqual({
      [C1]: ' M',
      'registry/people.yaml': 'M ',
      'registry/customers/new.yaml': '??',
      'registry/customers/moved here.yaml': 'R ',
    });
  });
});

describe('statusOf with an early answer', () => {
  it('uses it while nothing moved, and only for the files asked about', async () => {
    const dir = repo();
    appendFileSync(join(dir, C2), '# edited before\n');
    const early = startStatus(dir, join(dir, '.git'), touched(dir, C1, C2));
    expect(Object.fromEntries((await statusOf(dir, touched(dir, C1, C2), early)).dirty)).toEqual({ [C2]: ' M' });
    const only = await statusOf(dir, touched(dir, C1), early);
    expect(only).toEqual({ head: git(dir, 'rev-parse', 'HEAD'), dirty: new Map() });
  });

  it('asks again when a file was edited after git looked', async () => {
    const dir = repo();
    const early = startStatus(dir, join(dir, '.git'), touched(dir, C1));
    await early.answer;
    appendFileSync(join(dir, C1), '# edited meanwhile\n');
    expect(Object.fromEntries((await statusOf(dir, touched(dir, C1), early)).dirty)).toEqual({ [C1]: ' M' });
  });

  it('asks again when the index changed though the file did not', async () => {
    const dir = repo();
    const early = startStatus(dir, join(dir, '.git'), touched(dir, C1));
    await early.answer;
    const blob = git(dir, 'hash-object', '-w', '--stdin', '--path', C1); // the empty text, staged for c1
    git(dir, 'update-index', '--cacheinfo', `100644,${blob},${C1}`);
    expect(Object.fromEntries((await statusOf(dir, touched(dir, C1), early)).dirty)).toEqual({ [C1]: 'MM' });
  });

  it('asks again when HEAD moved, and reports the new HEAD', async () => {
    const dir = repo();
    const first = git(dir, 'rev-parse', 'HEAD');
    appendFileSync(join(dir, C1), '# committed later\n');
    git(dir, 'commit', '-q', '-am', 'later');
    const early = startStatus(dir, join(dir, '.git'), touched(dir, C1));
    await early.answer;
    // Back to the first commit, keeping the index and files: c1 is now a staged change.
    git(dir, 'reset', '-q', '--soft', first);
    const now = await statusOf(dir, touched(dir, C1), early);
    expect(now.head).toBe(first);
    expect(Object.fromEntries(now.dirty)).toEqual({ [C1]: 'M ' });
  });

  it('asks again for a file it did not cover, and when the early git failed', async () => {
    const dir = repo();
    appendFileSync(join(dir, C2), '# edited\n');
    const early = startStatus(dir, join(dir, '.git'), touched(dir, C1));
    expect(Object.fromEntries((await statusOf(dir, touched(dir, C1, C2), early)).dirty)).toEqual({ [C2]: ' M' });
    // A broken index makes the early git fail; the answer then comes from git asked again.
    const index = join(dir, '.git', 'index');
    const saved = readFileSync(index);
    writeFileSync(index, 'not an index');
    const failed = startStatus(dir, join(dir, '.git'), touched(dir, C1));
    expect(await failed.answer).toBeUndefined();
    writeFileSync(`${index}.new`, saved);
    renameSync(`${index}.new`, index);
    expect((await statusOf(dir, touched(dir, C1), failed)).dirty.size).toBe(0);
  });
});
