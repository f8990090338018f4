/**
 * What `ase verify` remembers between runs (src/verify/verify-cache.ts) never changes its answer:
 * the same repository gives the same output and exit code with the cache off, cold and warm,
 * including after edits the registry finds by their content alone, commits, renames and a damaged
 * or foreign cache.
 */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { git, sampleRepo, ageCustomerFiles } from '../helpers/repo.js';

const CACHE = join('.git', 'ase-cache');
const STORE = join(CACHE, 'verify.txt');
const GLOBEX = 'registry/customers/globex.yaml';

function verify(cwd: string, env: Record<string, string> = {}): { code: number; stdout: string } {
  const r = ase(['verify', '--format', 'json'], { cwd, env });
  expect(r.stderr).toBe('');
  return { code: r.code, stdout: r.stdout };
}

/** verify's outcome with the cache off, then cold (cache deleted), then warm, all the same; returns it. */
function expectSameWithAndWithoutCache(cwd: string): { code: number; stdout: string } {
  const off = verify(cwd, { ASE_CACHE: 'off' });
  rmSync(join(cwd, CACHE), { recursive: true, force: true });
  expect(verify(cwd), 'cold').toEqual(off);
  expect(readFileSync(join(cwd, STORE), 'utf8')).toMatch(/^ase-verify 1 \S+\n[vw]/);
  expect(verify(cwd), 'warm').toEqual(off);
  return off;
}

/** The sample registry with a history: approvals by ase's trailers and by hand, a rename, check-ins. */
function historyRepo(): string {
  const dir = sampleRepo();
  const edit = (file: string, from: RegExp, to: string) => {
    const abs = join(dir, file);
    writeFileSync(abs, readFileSync(abs, 'utf8').replace(from, to));
  };
  edit(GLOBEX, /( {4}on: )2024-09-04/, '$12024-09-05');
  git(
    dir,
    '-c',
    'user.email=kim@example.com',
    'commit',
    '-qam',
    'approve(globex): cs by kim\n\nAction: approve\nCustomer: globex\nApproval: cs\nApproved-By: kim',
  );
  git(dir, 'mv', 'registry/customers/initech.yaml', 'registry/customers/initech-corp.yaml');
  git(dir, 'commit', '-qm', 'rename initech');
  edit('registry/customers/oscorp.yaml', /( {4}by: maya\n)/, '$1    evidence: https://chat.example.com/x\n');
  git(dir, 'commit', '-qam', 'checkin(oscorp): weekly\n\nAction: checkin\nCustomer: oscorp');
  return dir;
}

describe("verify's cache", () => {
  it('gives the same findings off, cold and warm, and is not rewritten by a run that learns nothing', () => {
    const dir = historyRepo();
    const r = expectSameWithAndWithoutCache(dir);
    expect(JSON.parse(r.stdout).warnings).toBeGreaterThan(0);
    const written = statSync(join(dir, STORE)).mtimeMs;
    verify(dir);
    expect(statSync(join(dir, STORE)).mtimeMs).toBe(written);
  });

  it('sees an uncommitted edit of the same size and time, then its commit', () => {
    const dir = historyRepo();
    ageCustomerFiles(dir);
    expectSameWithAndWithoutCache(dir);
    // Another approver of the same length, the old modification time: found by content alone.
    const abs = join(dir, GLOBEX);
    const { mtime } = statSync(abs);
    writeFileSync(abs, readFileSync(abs, 'utf8').replace('    by: leo\n', '    by: kim\n'));
    utimesSync(abs, mtime, mtime);
    const edited = verify(dir);
    expect(edited).toEqual(verify(dir, { ASE_CACHE: 'off' }));
    expect(edited.stdout).toContain('is not committed');
    git(dir, 'commit', '-qam', 'ce by kim, by hand');
    const committed = verify(dir);
    expect(committed).toEqual(verify(dir, { ASE_CACHE: 'off' }));
    expect(committed.stdout).not.toContain('is not committed');
  });

  it('ignores a damaged store and one written by other code', () => {
    const dir = historyRepo();
    const off = expectSameWithAndWithoutCache(dir);
    const store = join(dir, STORE);
    const text = readFileSync(store, 'utf8');
    // Every entry's JSON cut short: unreadable entries are read again from git and the files.
    writeFileSync(store, text.replace(/^([vw]\S+) .*$/gm, '$1 [["cs",'));
    expect(verify(dir)).toEqual(off);
    // Entries that would change the answer, under another build's header: not used.
    writeFileSync(store, text.replace(/^ase-verify 1 \S+/, 'ase-verify 1 0000000000').replace(/"kim"/g, '"nobody"'));
    expect(verify(dir)).toEqual(off);
    expect(verify(dir)).toEqual(off);
  });
});
