import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { git, read, registryRepo, sampleRepo, TEST_PEOPLE } from '../helpers/repo.js';
import { join } from 'node:path';
import { customerYaml, TODAY } from '../status/fixture.js';

function repo(): string {
  return registryRepo({
    config: '# yaml-language-server: $schema=../schemas/config.schema.json\nmax_per_engineer: 2\n',
    customers: {
      acme: customerYaml('Acme', { engineer: 'alice', backup: 'bob' }),
      beta: customerYaml('Beta', { engineer: 'alice', backup: 'carl' }),
      gamma: customerYaml('Gamma', { engineer: 'alice', backup: 'bob' }),
      delta: customerYaml('Delta', { engineer: 'bob', backup: 'alice' }),
      old: customerYaml('Old', { engineer: 'carl', backup: 'dan', status: 'ended' }),
    },
  });
}

describe('ase engineers', () => {
  it('--json gives each support engineer with counts, customers and the overloaded flag', () => {
    const r = ase(['engineers', '--json'], { cwd: repo(), today: TODAY });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((e: { handle: string }) => e.handle)).toEqual(['alice', 'bob', 'carl', 'dan']);
    expect(out[0]).toMatchObject({
      handle: 'alice',
      name: 'Alice Able',
      primary: 3,
      backup: 1,
      overloaded: true,
      customers: [
        { slug: 'acme', name: 'Acme', role: 'primary' },
        { slug: 'beta', name: 'Beta', role: 'primary' },
        { slug: 'gamma', name: 'Gamma', role: 'primary' },
        { slug: 'delta', name: 'Delta', role: 'backup' },
      ],
    });
    expect(out[1]).toMatchObject({ handle: 'bob', primary: 1, backup: 2, overloaded: false });
    // Ended assignments do not count.
    expect(out[3]).toMatchObject({ handle: 'dan', primary: 0, backup: 0, customers: [], overloaded: false });
  });

  it('shows a load bar against max_per_engineer, customers by name, within 80 columns', () => {
    const r = ase(['engineers'], { cwd: repo(), today: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^alice {2}Alice Able {2}██\+ 3\/2 primary · 1 backup {2}overloaded$/m);
    expect(r.stdout).toMatch(/^ {2}primary {2}Acme, Beta, Gamma$/m);
    expect(r.stdout).toMatch(/^ {2}backup {3}Delta$/m);
    expect(r.stdout).toMatch(/^bob {4}Bob Baker {3}█░ 1\/2 {2}primary · 2 backups$/m);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('keeps an inactive engineer who still carries an assignment, marked inactive', () => {
    const people = TEST_PEOPLE.replace('    name: Dan Drake\n', '    name: Dan Drake\n    active: false\n');
    const cwd = registryRepo({ people, customers: { acme: customerYaml('Acme', { engineer: 'alice', backup: 'dan' }) } });
    const out = JSON.parse(ase(['engineers', '--json'], { cwd, today: TODAY }).stdout);
    expect(out.find((e: { handle: string }) => e.handle === 'dan')).toMatchObject({ primary: 0, backup: 1, active: false });
    expect(ase(['engineers'], { cwd, today: TODAY }).stdout).toMatch(/^dan .*1 backup {2}inactive$/m);
  });

  it('on the sample: six active engineers, farah flagged, gus (inactive) left out', () => {
    const out = JSON.parse(ase(['engineers', '--json']).stdout);
    expect(out.map((e: { handle: string }) => e.handle)).toEqual(['amara', 'bruno', 'chen', 'dara', 'emeka', 'farah']);
    expect(out.filter((e: { overloaded: boolean }) => e.overloaded).map((e: { handle: string }) => e.handle)).toEqual(['farah']);
  });
});

describe('ase engineers set', () => {
  it('flags an engineer overloaded and back, one commit each, keeping the rest of people.yaml', () => {
    const cwd = sampleRepo();
    const file = join(cwd, 'registry', 'people.yaml');
    const before = read(file);
    const r = ase(['engineers', 'set', 'amara', '--overloaded'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[[0-9a-f]{7}\] engineers\(amara\): overloaded$/m);
    expect(git(cwd, 'log', '-1', '--format=%B')).toContain('Action: engineers-set');
    expect(git(cwd, 'show', '--name-only', '--format=', 'HEAD')).toBe('registry/people.yaml');
    expect(git(cwd, 'status', '--porcelain')).toBe('');
    const after = read(file);
    expect(after).toContain('    timezone: Europe/London\n    overloaded: true\n');
    expect(after).toContain('# The roster: everyone a customer file may name.');
    const out = JSON.parse(ase(['engineers', '--json'], { cwd }).stdout);
    expect(out.find((e: { handle: string }) => e.handle === 'amara').overloaded).toBe(true);

    expect(ase(['engineers', 'set', 'amara', '--available'], { cwd }).code).toBe(0);
    expect(read(file)).toBe(before);
    expect(git(cwd, 'rev-list', '--count', 'HEAD')).toBe('3');
  });

  it('does nothing when the flag already says so', () => {
    const cwd = sampleRepo();
    const r = ase(['engineers', 'set', 'farah', '--overloaded'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('already marked overloaded');
    expect(git(cwd, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it.each([
    [['engineers', 'set', 'nobody', '--overloaded'], 'not in'],
    [['engineers', 'set', 'hana', '--overloaded'], 'not a support engineer'],
    [['engineers', 'set', 'amara'], 'exactly one of --overloaded or --available'],
    [['engineers', 'set', 'amara', '--overloaded', '--available'], 'exactly one of --overloaded or --available'],
  ])('%j is bad usage (exit 2) and writes nothing', (args, message) => {
    const cwd = sampleRepo();
    const r = ase(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(git(cwd, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(cwd, 'status', '--porcelain')).toBe('');
  });

  it('--dry-run shows the diff and writes nothing', () => {
    const cwd = sampleRepo();
    const r = ase(['engineers', 'set', 'bruno', '--overloaded', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+    overloaded: true');
    expect(git(cwd, 'status', '--porcelain')).toBe('');
    expect(git(cwd, 'rev-list', '--count', 'HEAD')).toBe('1');
  });
});
