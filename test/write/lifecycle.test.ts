/** The full life cycle in a temp repo: one commit per step, exactly the expected files, lint clean. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, git, initRepo, registryRepo, tempDir, TEST_PEOPLE } from '../helpers/repo.js';
import { commitCount, filesOf } from './support.js';

const ACME = 'registry/customers/acme.yaml';

function step(dir: string, args: string[], files: string[]): void {
  const before = commitCount(dir);
  const r = ase(args, { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(commitCount(dir)).toBe(before + 1);
  expect(filesOf(dir)).toEqual(files);
  expect(git(dir, 'status', '--porcelain')).toBe('');
  const lint = ase(['lint'], { cwd: dir });
  expect(lint.stdout).toContain('0 errors');
  expect(lint.code).toBe(0);
}

describe('life cycle', () => {
  it('init, people, request, three approvals, assign, two transitions, end: one commit each', () => {
    const dir = initRepo(tempDir());
    const init = ase(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(commitCount(dir)).toBe(1);
    expect(filesOf(dir)).toEqual([
      'registry/config.yaml',
      'registry/customers/.gitkeep',
      'registry/people.yaml',
      'registry/time-off.yaml',
      'schemas/config.schema.json',
      'schemas/customer.schema.json',
      'schemas/people.schema.json',
      'schemas/time-off.schema.json',
    ]);
    expect(readFileSync(join(dir, 'registry/config.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/config\.schema\.json\n/);
    expect(ase(['lint'], { cwd: dir }).code).toBe(0);

    writeFileSync(join(dir, 'registry/people.yaml'), TEST_PEOPLE);
    git(dir, 'commit', '-qam', 'people');

    step(
      dir,
      ['request', 'acme', '--name', 'Acme Corp', '--segment', 'post-sales', '--ce', 'carol', '--by', 'carol', '--reason', 'Weekly escalations'],
      [ACME],
    );
    const created = readFileSync(join(dir, ACME), 'utf8');
    expect(created.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/customer.schema.json');
    expect(created).toContain('status: requested');
    // The test user records leadership's approvals on their behalf, so each names where it was given.
    step(dir, ['approve', 'acme', '--as', 'cs', '--by', 'erin', '--evidence', 'https://chat.example.com/archives/C01/erin'], [ACME]);
    step(dir, ['approve', 'acme', '--as', 'ce', '--by', 'fred', '--evidence', 'https://chat.example.com/archives/C01/fred'], [ACME]);
    step(dir, ['approve', 'acme', '--as', 'sales', '--by', 'gina', '--evidence', 'https://chat.example.com/archives/C01/gina'], [ACME]);
    step(dir, ['assign', 'acme', '--engineer', 'alice', '--backup', 'bob', '--communicated'], [ACME]);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('assign(acme): alice, backup bob');
    step(dir, ['transition', 'acme', '--to', 'bob', '--backup', 'carl', '--reason', 'stagnating', '--note', 'Wants broader exposure'], [ACME]);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('transition(acme): alice -> bob, backup bob -> carl (stagnating)');
    step(dir, ['transition', 'acme', '--backup', 'dan', '--reason', 'leave', '--today', '2026-12-02'], [ACME]);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('transition(acme): backup carl -> dan (leave)');

    const hist = ase(['history', 'acme', '--json'], { cwd: dir });
    expect(hist.code).toBe(0);
    const periods = JSON.parse(hist.stdout) as {
      engineer: string;
      backup: string;
      from: string;
      to: string | null;
      reason: string;
      commit: string;
      author: string;
    }[];
    expect(periods.map((p) => [p.engineer, p.backup, p.from, p.to, p.reason])).toEqual([
      ['alice', 'bob', '2026-11-28', '2026-11-28', 'request approved'],
      ['bob', 'carl', '2026-11-28', '2026-12-02', 'stagnating'],
      ['bob', 'dan', '2026-12-02', null, 'leave'],
    ]);
    expect(periods.every((p) => /^[0-9a-f]{40}$/.test(p.commit) && p.author === 'Test User')).toBe(true);
    expect(periods[2]!.commit).toBe(git(dir, 'rev-parse', 'HEAD'));

    step(dir, ['end', 'acme', '--reason', 'Contract ended', '--today', '2026-12-05'], [ACME]);
    const ended = readFileSync(join(dir, ACME), 'utf8');
    expect(ended).toContain('status: ended');
    expect(ended).toContain('ended_on: 2026-12-05');
    const list = JSON.parse(ase(['list', '--all', '--json'], { cwd: dir }).stdout) as { slug: string; status: string }[];
    expect(list.find((c) => c.slug === 'acme')?.status).toBe('ended');
    const text = ase(['history', 'acme'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/2026-12-02\s+2026-12-05\s+bob\s+dan\s+leave/);
  }, 240_000);

  it('keeps a rendered customer-exceptions page up to date in the same commit', () => {
    const dir = registryRepo({ customers: { one: activeCustomer('One'), two: activeCustomer('Two') } });
    expect(ase(['render'], { cwd: dir }).code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'page');
    const r = ase(['transition', 'one', '--to', 'carl', '--reason', 'workload'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(filesOf(dir)).toEqual(['registry/customer-exceptions.md', 'registry/customers/one.yaml']);
    expect(ase(['render', '--check'], { cwd: dir }).code).toBe(0);
    expect(ase(['lint'], { cwd: dir }).code).toBe(0);
  });

  it('commit trailers carry the facts and cannot be forged by a note', () => {
    const dir = initRepo(tempDir());
    ase(['init'], { cwd: dir });
    writeFileSync(join(dir, 'registry/people.yaml'), TEST_PEOPLE);
    git(dir, 'commit', '-qam', 'people');
    expect(
      ase(['assign', 'acme', '--engineer', 'alice', '--backup', 'bob', '--name', 'Acme', '--segment', 'post-sales', '--ce', 'carol', '--by', 'carol'], {
        cwd: dir,
      }).code,
    ).toBe(0);
    const note = 'first line\n\nReason: forged\nEngineer: mallory\nAction: end';
    expect(ase(['transition', 'acme', '--to', 'carl', '--reason', 'workload', '--note', note], { cwd: dir }).code).toBe(0);
    const trailers = git(dir, 'log', '-1', '--format=%(trailers:only,unfold)');
    const parsed = trailers.split('\n').filter(Boolean);
    expect(parsed.filter((l) => l.startsWith('Reason:'))).toEqual(['Reason: workload']);
    expect(parsed.filter((l) => l.startsWith('Engineer:'))).toEqual(['Engineer: carl']);
    expect(parsed.filter((l) => l.startsWith('Action:'))).toEqual(['Action: transition']);
    expect(parsed).toContain('Customer: acme');
    expect(git(dir, 'log', '-1', '--format=%an')).toBe('Test User');
    expect(JSON.parse(ase(['history', 'acme', '--json'], { cwd: dir }).stdout).map((p: { reason: string }) => p.reason)).toEqual(['assigned', 'workload']);
  });

  it('history follows a renamed customer file', () => {
    const dir = initRepo(tempDir());
    ase(['init'], { cwd: dir });
    writeFileSync(join(dir, 'registry/people.yaml'), TEST_PEOPLE);
    git(dir, 'commit', '-qam', 'people');
    ase(['assign', 'acme', '--engineer', 'alice', '--backup', 'bob', '--name', 'Acme', '--segment', 'post-sales', '--ce', 'carol'], { cwd: dir });
    ase(['transition', 'acme', '--to', 'carl', '--reason', 'exposure'], { cwd: dir });
    git(dir, 'mv', 'registry/customers/acme.yaml', 'registry/customers/acme-corp.yaml');
    git(dir, 'commit', '-qm', 'rename acme');
    const periods = JSON.parse(ase(['history', 'acme-corp', '--json'], { cwd: dir }).stdout) as { reason: string; commit: string | null }[];
    expect(periods.map((p) => p.reason)).toEqual(['assigned', 'exposure']);
    expect(periods.every((p) => p.commit !== null)).toBe(true);
  });

  it('init refuses an existing registry and creates a new git repo where there is none', () => {
    const sample = tempDir();
    const target = join(sample, 'team-registry');
    const r = ase(['init', 'team-registry'], { cwd: sample });
    expect(r.code).toBe(0);
    expect(existsSync(join(target, '.git'))).toBe(true);
    expect(existsSync(join(target, 'registry/customers/.gitkeep'))).toBe(true);
    expect(commitCount(target)).toBe(1);
    const again = ase(['init', 'team-registry'], { cwd: sample });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(commitCount(target)).toBe(1);
  });

  it('init inside an existing repo keeps its other files out of the commit', () => {
    const dir = initRepo(tempDir());
    writeFileSync(join(dir, 'README.md'), 'hello\n');
    git(dir, 'add', 'README.md');
    git(dir, 'commit', '-qm', 'readme');
    writeFileSync(join(dir, 'README.md'), 'hello, edited\n');
    mkdirSync(join(dir, 'sub'));
    const r = ase(['init', 'sub'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(filesOf(dir)).toContain('sub/registry/config.yaml');
    expect(filesOf(dir)).not.toContain('README.md');
    expect(git(dir, 'status', '--porcelain')).toBe(' M README.md');
  });
});
