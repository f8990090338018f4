/** Changes that must not land: the cap, pre-sales and post-sales rules, unknown people, dirty files. */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, git, MODELINE, registryRepo, tempDir } from '../helpers/repo.js';
import { commitCount, filesOf, snapshot, status } from './support.js';

function customers(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= n; i++) out[`c${i}`] = activeCustomer(`Customer ${i}`);
  return out;
}

const NEW = ['--name', 'New Co', '--segment', 'post-sales', '--ce', 'carol', '--by', 'carol'];

describe('refused changes', () => {
  it('refuses the 16th active customer at cap 15: exit 1, cap message, no commit, status unchanged', () => {
    const dir = registryRepo({ customers: customers(15) });
    writeFileSync(join(dir, 'notes.txt'), 'untracked\n');
    appendFileSync(join(dir, 'registry/customers/c1.yaml'), ''); // untouched, still clean
    const before = { status: status(dir), count: commitCount(dir), snap: snapshot(dir) };
    const r = ase(['assign', 'newco', '--engineer', 'carl', '--backup', 'dan', ...NEW], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cap reached: 15 of 15 active (registry/config.yaml: cap) — end or transition an assignment first');
    expect(commitCount(dir)).toBe(before.count);
    expect(status(dir)).toBe(before.status);
    expect(snapshot(dir)).toEqual(before.snap);
  });

  it('refuses a backup for pre-sales, communicated pre-sales, and post-sales without a backup', () => {
    const dir = registryRepo({ customers: customers(2) });
    const count = commitCount(dir);
    const pre = ['--name', 'Pre Co', '--segment', 'pre-sales', '--ce', 'carol'];
    const a = ase(['assign', 'preco', '--engineer', 'carl', '--backup', 'dan', ...pre], { cwd: dir });
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('pre-sales customers never get a backup');
    const b = ase(['assign', 'preco', '--engineer', 'carl', '--communicated', ...pre], { cwd: dir });
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('never communicated');
    const c = ase(['assign', 'postco', '--engineer', 'carl', ...NEW], { cwd: dir });
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('--backup is missing');
    expect(commitCount(dir)).toBe(count);
    const ok = ase(['assign', 'preco', '--engineer', 'carl', ...pre], { cwd: dir });
    expect(ok.code).toBe(0);
    const text = readFileSync(join(dir, 'registry/customers/preco.yaml'), 'utf8');
    expect(text).toContain('communicated: false');
    expect(text).not.toContain('backup');
    const t = ase(['transition', 'preco', '--backup', 'dan', '--reason', 'leave'], { cwd: dir });
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('never get a backup');
  });

  it('checks --by and handles against people.yaml with the right role', () => {
    const dir = registryRepo({
      customers: { req: `${MODELINE.customer}name: Req\nsegment: post-sales\nterm: long-term\nstatus: requested\nrequest:\n  by: carol\n  on: 2026-11-01\n` },
    });
    const count = commitCount(dir);
    const wrongRole = ase(['approve', 'req', '--as', 'cs', '--by', 'fred'], { cwd: dir });
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toContain('cs-leadership');
    const unknown = ase(['approve', 'req', '--as', 'cs', '--by', 'zed'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('not in registry/people.yaml');
    const notEngineer = ase(['assign', 'req', '--engineer', 'carol', '--backup', 'bob'], { cwd: dir });
    expect(notEngineer.code).toBe(1);
    expect(notEngineer.stderr).toContain('support-engineer');
    const unknownCustomer = ase(['transition', 'nope', '--to', 'bob', '--reason', 'other'], { cwd: dir });
    expect(unknownCustomer.code).toBe(2);
    const badSlug = ase(['request', '../etc', '--name', 'X', '--segment', 'pre-sales', '--by', 'carol'], { cwd: dir });
    expect(badSlug.code).toBe(2);
    expect(commitCount(dir)).toBe(count);
    // The test repo's git user is not erin (who has no email): the approval is recorded with evidence.
    expect(ase(['approve', 'req', '--as', 'cs', '--by', 'erin', '--evidence', 'https://chat.example.com/archives/C01/p1'], { cwd: dir }).code).toBe(0);
    expect(ase(['reject', 'req', '--by', 'erin', '--reason', 'Round-robin covers it'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'registry/customers/req.yaml'), 'utf8')).toContain('status: rejected');
    expect(ase(['end', 'req', '--reason', 'x'], { cwd: dir }).code).toBe(1);
  });

  it('refuses a customer file with uncommitted edits, staged or not, and leaves it untouched', () => {
    const dir = registryRepo({ customers: customers(3) });
    const file = join(dir, 'registry/customers/c2.yaml');
    appendFileSync(file, '# my hand edit\n');
    const edited = readFileSync(file);
    const count = commitCount(dir);
    const r = ase(['transition', 'c2', '--to', 'carl', '--reason', 'workload'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('registry/customers/c2.yaml has uncommitted edits');
    expect(readFileSync(file)).toEqual(edited);
    git(dir, 'add', 'registry/customers/c2.yaml');
    const staged = ase(['transition', 'c2', '--to', 'carl', '--reason', 'workload'], { cwd: dir });
    expect(staged.code).toBe(1);
    expect(readFileSync(file)).toEqual(edited);
    expect(commitCount(dir)).toBe(count);
    expect(status(dir)).toBe('M  registry/customers/c2.yaml');
  });

  it('never includes or disturbs unrelated staged and unstaged changes', () => {
    const dir = registryRepo({ customers: customers(3), files: { 'extra.txt': 'one\n' } });
    appendFileSync(join(dir, 'registry/customers/c1.yaml'), '# staged edit\n');
    git(dir, 'add', 'registry/customers/c1.yaml');
    appendFileSync(join(dir, 'registry/customers/c1.yaml'), '# and an unstaged one on top\n');
    appendFileSync(join(dir, 'registry/extra.txt'), 'two\n');
    writeFileSync(join(dir, 'scratch.md'), 'untracked\n');
    const statusBefore = status(dir);
    const stagedBefore = git(dir, 'diff', '--cached');
    const unstagedBefore = git(dir, 'diff');
    const r = ase(['transition', 'c3', '--to', 'carl', '--reason', 'exposure'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(filesOf(dir)).toEqual(['registry/customers/c3.yaml']);
    expect(status(dir)).toBe(statusBefore);
    expect(git(dir, 'diff', '--cached')).toBe(stagedBefore);
    expect(git(dir, 'diff')).toBe(unstagedBefore);
  });

  it('--dry-run prints a unified diff and writes nothing; a refused dry run exits 1', () => {
    const dir = registryRepo({ customers: customers(15) });
    const snap = snapshot(dir);
    const r = ase(['transition', 'c4', '--to', 'carl', '--reason', 'stagnating', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/registry/customers/c4.yaml\n+++ b/registry/customers/c4.yaml\n');
    expect(r.stdout).toContain('-engineer: alice\n+engineer: carl\n');
    expect(r.stdout).toContain('+    reason: stagnating\n');
    const patch = join(tempDir('ase-patch-'), 'change.diff'); // removed after the test, like the repo
    writeFileSync(patch, r.stdout);
    git(dir, 'apply', '--check', patch); // a real patch, not just text
    const refused = ase(['assign', 'newco', '--engineer', 'carl', '--backup', 'dan', ...NEW, '--dry-run'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cap reached');
    const created = ase(['request', 'newco', ...NEW, '--dry-run'], { cwd: dir });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('+++ b/registry/customers/newco.yaml\n');
    expect(created.stdout).toContain('+# yaml-language-server: $schema=../../schemas/customer.schema.json\n');
    expect(snapshot(dir)).toEqual(snap);
  });
});
