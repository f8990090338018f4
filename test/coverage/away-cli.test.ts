/** `ase away` and `ase who` end to end, in temporary git repos: the plan, the rules, one commit each. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, commitCount, git, MODELINE, read, registryRepo, sampleRepo, TEST_PEOPLE } from '../helpers/repo.js';

const TODAY = '2026-11-28';

function preSales(name: string, engineer = 'alice'): string {
  return activeCustomer(name)
    .replace('segment: post-sales', 'segment: pre-sales')
    .replace('backup: bob\n', '')
    .replace('communicated: true', 'communicated: false')
    .replace('engineer: alice', `engineer: ${engineer}`);
}

/** alice: engineer of acme (post-sales, backup bob) and initech (pre-sales, no backup). */
function coverageRepo(extra: Record<string, string> = {}): string {
  return registryRepo({ customers: { acme: activeCustomer('Acme'), initech: preSales('Initech'), ...extra } });
}

/** The files the last commit touched. */
function lastCommitFiles(dir: string): string[] {
  return git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean);
}

function lintJson(dir: string) {
  const r = ase(['lint', '--format', 'json'], { cwd: dir, today: TODAY });
  return JSON.parse(r.stdout) as {
    errors: number;
    warnings: number;
    findings: { rule: string; severity: string; file: string; line: number; column: number; message: string }[];
  };
}

describe('ase away', () => {
  it('records time off with one commit on time-off.yaml, prints the plan with the gap and its fix; --cover closes it', () => {
    const dir = coverageRepo();
    const before = commitCount(dir);
    const r = ase(['away', 'alice', '--from', '2026-12-21', '--to', '2027-01-04', '--note', 'Winter break'], { cwd: dir, today: TODAY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/acme\s+bob \(backup\)/);
    expect(r.stdout).toMatch(/initech\s+nobody/);
    expect(r.stdout).toContain('ase away alice --from 2026-12-21 --cover initech=<handle>');
    expect(commitCount(dir)).toBe(before + 1);
    expect(lastCommitFiles(dir)).toEqual(['registry/time-off.yaml']);
    const message = git(dir, 'log', '-1', '--format=%B');
    expect(message).toContain('Action: away');
    expect(message).toContain('Person: alice');
    expect(message).toContain('From: 2026-12-21');
    expect(message).toContain('To: 2027-01-04');
    const text = read(join(dir, 'registry', 'time-off.yaml'));
    expect(text.startsWith(`${MODELINE.config.replace('config', 'time-off')}`)).toBe(true);

    const gaps = lintJson(dir).findings.filter((f) => f.rule === 'coverage-gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ severity: 'warning', file: 'registry/time-off.yaml', line: 3, column: 5 });
    expect(gaps[0]!.message).toContain('initech');
    expect(gaps[0]!.message).toContain('ase away alice --from 2026-12-21 --cover initech=<handle>');

    const fix = ase(['away', 'alice', '--from', '2026-12-21', '--cover', 'initech=carl'], { cwd: dir, today: TODAY });
    expect(fix.code, fix.stderr).toBe(0);
    expect(fix.stdout).toMatch(/initech\s+carl \(cover\)/);
    expect(fix.stdout).not.toContain('gap:');
    expect(commitCount(dir)).toBe(before + 2);
    expect(lastCommitFiles(dir)).toEqual(['registry/time-off.yaml']);
    expect(lintJson(dir).findings.filter((f) => f.rule === 'coverage-gap')).toEqual([]);
    // A cover can be removed again, even one for a customer the person is no longer on.
    const drop = ase(['away', 'alice', '--from', '2026-12-21', '--cover', 'initech=', '--cover', 'globex=', '--dry-run'], { cwd: dir, today: TODAY });
    expect(drop.code, drop.stderr).toBe(0);
    expect(drop.stdout).toContain('-      initech: carl');
    // The update kept the entry's dates and note.
    expect(read(join(dir, 'registry', 'time-off.yaml'))).toMatch(/to: 2027-01-04\n\s+note: Winter break\n\s+cover:\n\s+initech: carl/);
  });

  it('lists current and upcoming time off with coverage as SPEC gives it, and cancels an entry', () => {
    const dir = coverageRepo();
    expect(ase(['away', 'alice', '--from', '2026-12-21', '--to', '2026-12-23'], { cwd: dir, today: TODAY }).code).toBe(0);
    expect(ase(['away', 'bob', '--from', '2026-11-01', '--to', '2026-11-03'], { cwd: dir, today: TODAY }).code).toBe(0);
    const list = ase(['away', '--json'], { cwd: dir, today: TODAY });
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout);
    // The past entry of bob is not listed.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ handle: 'alice', name: 'Alice Able', from: '2026-12-21', to: '2026-12-23', note: null });
    expect(rows[0].customers).toEqual([
      { slug: 'acme', handler: 'bob', role: 'backup', gap_days: [] },
      { slug: 'initech', handler: null, role: null, gap_days: ['2026-12-21', '2026-12-22', '2026-12-23'] },
    ]);
    const before = commitCount(dir);
    const cancel = ase(['away', 'alice', '--cancel', '--from', '2026-12-21'], { cwd: dir, today: TODAY });
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(commitCount(dir)).toBe(before + 1);
    expect(lastCommitFiles(dir)).toEqual(['registry/time-off.yaml']);
    expect(JSON.parse(ase(['away', '--json'], { cwd: dir, today: TODAY }).stdout)).toEqual([]);
  });

  it('refuses bad input with one line and a hint, writing nothing', () => {
    const dir = coverageRepo();
    const head = git(dir, 'rev-parse', 'HEAD');
    const cases: [string[], number, RegExp][] = [
      [['away', 'alice', '--from', '2026-12-21', '--to', '2026-12-01'], 2, /before --from/],
      [['away', 'alice', '--from', '2026-02-30', '--to', '2026-03-01'], 2, /not a real date/],
      [['away', 'zed', '--from', '2026-12-21', '--to', '2026-12-22'], 2, /"zed" is not in/],
      [['away', 'carol', '--from', '2026-12-21', '--to', '2026-12-22'], 1, /support-engineer/],
      [['away', 'alice', '--from', '2026-12-21', '--to', '2026-12-22', '--cover', 'globex=bob'], 2, /neither engineer nor backup/],
      [['away', 'alice', '--from', '2026-12-21', '--to', '2026-12-22', '--cover', 'initech=zed'], 2, /"zed" is not in/],
      [['away', 'alice', '--from', '2026-12-21'], 2, /--to/],
      [['away', 'alice', '--cancel', '--from', '2026-12-21'], 2, /no time off starting/],
    ];
    for (const [args, code, message] of cases) {
      const r = ase(args, { cwd: dir, today: TODAY });
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).toContain('hint:');
      expect(r.stderr).not.toContain('    at ');
    }
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(dir, 'registry', 'time-off.yaml'))).toBe(false);
  });

  it('refuses a write that would make two entries of one person overlap; lint reports such an overlap as an error', () => {
    const dir = coverageRepo();
    expect(ase(['away', 'alice', '--from', '2026-12-21', '--to', '2026-12-31'], { cwd: dir, today: TODAY }).code).toBe(0);
    const head = git(dir, 'rev-parse', 'HEAD');
    const r = ase(['away', 'alice', '--from', '2026-12-28', '--to', '2027-01-02'], { cwd: dir, today: TODAY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('time-off-conflict');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    // By hand, lint says so at the second entry.
    const handMade = registryRepo({
      customers: { acme: activeCustomer('Acme') },
      files: {
        'time-off.yaml': `${MODELINE.config.replace('config', 'time-off')}time_off:\n  - handle: alice\n    from: 2026-12-21\n    to: 2026-12-31\n  - handle: alice\n    from: 2026-12-28\n    to: 2027-01-02\n`,
      },
    });
    const lint = lintJson(handMade);
    const conflict = lint.findings.find((f) => f.rule === 'time-off-conflict');
    expect(conflict).toMatchObject({ severity: 'error', file: 'registry/time-off.yaml', line: 7 });
    expect(ase(['lint'], { cwd: handMade, today: TODAY }).code).toBe(1);
  });

  it('warns team-thin in lint and status when more engineers are away on a day than max_away_at_once', () => {
    const dir = coverageRepo();
    for (const who of ['alice', 'bob', 'carl']) {
      expect(ase(['away', who, '--from', '2026-12-22', '--to', '2026-12-24'], { cwd: dir, today: TODAY }).code).toBe(0);
    }
    const thin = lintJson(dir).findings.filter((f) => f.rule === 'team-thin');
    expect(thin).toHaveLength(1);
    expect(thin[0]!.file).toBe('registry/time-off.yaml');
    expect(thin[0]!.message).toContain('alice, bob, carl');
    const status = JSON.parse(ase(['status', '--json'], { cwd: dir, today: TODAY }).stdout) as { items: { kind: string }[] };
    expect(status.items.some((i) => i.kind === 'team-thin')).toBe(true);
    // Two away is within the default of 2.
    expect(ase(['away', 'carl', '--cancel', '--from', '2026-12-22'], { cwd: dir, today: TODAY }).code).toBe(0);
    expect(lintJson(dir).findings.filter((f) => f.rule === 'team-thin')).toEqual([]);
  });
});

describe('ase who', () => {
  it('gives the engineer, then the backup, then the cover, then nobody', () => {
    const people = TEST_PEOPLE;
    const dir = registryRepo({
      people,
      customers: { acme: activeCustomer('Acme') },
      files: {
        'time-off.yaml': `${MODELINE.config.replace('config', 'time-off')}time_off:
  - handle: alice
    from: 2026-12-21
    to: 2026-12-31
    cover:
      acme: carl
  - handle: bob
    from: 2026-12-24
    to: 2026-12-31
  - handle: carl
    from: 2026-12-28
    to: 2026-12-31
`,
      },
    });
    const who = (on: string) => {
      const r = ase(['who', 'acme', '--json', '--on', on], { cwd: dir, today: TODAY });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const before = who('2026-12-20');
    expect(before).toMatchObject({
      slug: 'acme',
      name: 'Acme',
      on: '2026-12-20',
      handler: { handle: 'alice', name: 'Alice Able', role: 'engineer' },
      gap: false,
      ce: 'carol',
    });
    expect(before.chain).toEqual([
      { handle: 'alice', name: 'Alice Able', role: 'engineer', away: null, in_hours: null },
      { handle: 'bob', name: 'Bob Baker', role: 'backup', away: null, in_hours: null },
    ]);
    expect(who('2026-12-22').handler).toMatchObject({ handle: 'bob', role: 'backup' });
    const cover = who('2026-12-25');
    expect(cover.handler).toMatchObject({ handle: 'carl', role: 'cover' });
    expect(cover.chain.map((l: { role: string }) => l.role)).toEqual(['engineer', 'backup', 'cover']);
    expect(cover.chain[0].away).toEqual({ from: '2026-12-21', to: '2026-12-31' });
    const none = who('2026-12-29');
    expect(none.handler).toBeNull();
    expect(none.gap).toBe(true);
    // Without a slug: every active customer.
    const all = JSON.parse(ase(['who', '--json', '--on', '2026-12-29'], { cwd: dir, today: TODAY }).stdout);
    expect(all.map((w: { slug: string }) => w.slug)).toEqual(['acme']);
    expect(ase(['who', 'nope'], { cwd: dir, today: TODAY }).code).toBe(2);
    expect(ase(['who', 'acme', '--at', 'yesterday'], { cwd: dir, today: TODAY }).code).toBe(2);
  });

  it('with --at picks the person in working hours across two time zones', () => {
    const people = TEST_PEOPLE.replace(
      '  - handle: alice\n    name: Alice Able\n    roles: [support-engineer]\n',
      '  - handle: alice\n    name: Alice Able\n    roles: [support-engineer]\n    timezone: Europe/London\n    working_hours: "09:00-17:00"\n',
    ).replace(
      '  - handle: bob\n    name: Bob Baker\n    roles: [support-engineer]\n',
      '  - handle: bob\n    name: Bob Baker\n    roles: [support-engineer]\n    timezone: America/Chicago\n    working_hours: "09:00-17:00"\n',
    );
    const dir = registryRepo({ people, customers: { acme: activeCustomer('Acme') } });
    expect(ase(['lint'], { cwd: dir, today: TODAY }).code).toBe(0);
    const at = (instant: string) => JSON.parse(ase(['who', 'acme', '--json', '--at', instant], { cwd: dir, today: TODAY }).stdout);
    // 10:00 UTC on a Monday: 10:00 in London (in hours), 04:00 in Chicago (out).
    const morning = at('2026-12-07T10:00:00Z');
    expect(morning.handler).toMatchObject({ handle: 'alice', role: 'engineer' });
    expect(morning.chain.map((l: { in_hours: boolean }) => l.in_hours)).toEqual([true, false]);
    // 20:00 UTC: 20:00 in London (out), 14:00 in Chicago (in): the backup takes it.
    const evening = at('2026-12-07T20:00:00Z');
    expect(evening.handler).toMatchObject({ handle: 'bob', role: 'backup' });
    expect(evening.chain.map((l: { in_hours: boolean }) => l.in_hours)).toEqual([false, true]);
    // 03:00 UTC: nobody in hours, so the first who is not away.
    const night = at('2026-12-07T03:00:00Z');
    expect(night.handler).toMatchObject({ handle: 'alice' });
    expect(night.chain.map((l: { in_hours: boolean }) => l.in_hours)).toEqual([false, false]);
    // Saturday is not a working day.
    expect(at('2026-12-05T10:00:00Z').chain[0].in_hours).toBe(false);
  });
});

describe('time off elsewhere', () => {
  it('keeps the page up to date after every write, lists entries with covers, and diff names the entry', () => {
    const dir = sampleRepo();
    const r = ase(['away', 'emeka', '--from', '2027-02-01', '--to', '2027-02-05', '--cover', 'stark-fabrication=chen'], { cwd: dir, today: TODAY });
    expect(r.code, r.stderr).toBe(0);
    expect(ase(['render', '--check'], { cwd: dir, today: TODAY }).code).toBe(0);
    const page = read(join(dir, 'registry', 'customer-exceptions.md'));
    expect(page).toContain('## Time off and coverage');
    expect(page).toMatch(/\| Emeka Nwosu \| 2027-02-01 \| 2027-02-05 \|.*Stark Fabrication: Chen Wei/);
    const text = ase(['diff', 'HEAD~1', 'HEAD'], { cwd: dir, today: TODAY });
    expect(text.stdout).toContain('time off: emeka: away 2027-02-01..2027-02-05');
    const md = ase(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], { cwd: dir, today: TODAY });
    expect(md.stdout).toContain('#### Time off');
    expect(md.stdout).toContain('time off: emeka');
    const json = JSON.parse(ase(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: dir, today: TODAY }).stdout);
    expect(json.changes).toContainEqual(
      expect.objectContaining({ kind: 'time-off', handle: 'emeka', field: 'added', to: '2027-02-01..2027-02-05, cover stark-fabrication=chen' }),
    );
    expect(ase(['away', 'emeka', '--cancel', '--from', '2027-02-01'], { cwd: dir, today: TODAY }).code).toBe(0);
    expect(ase(['render', '--check'], { cwd: dir, today: TODAY }).code).toBe(0);
  });

  it("engineers marks who is away and show and note name today's handler", () => {
    const dir = coverageRepo();
    expect(ase(['away', 'alice', '--from', '2026-11-27', '--to', '2026-12-02'], { cwd: dir, today: TODAY }).code).toBe(0);
    const engineers = JSON.parse(ase(['engineers', '--json'], { cwd: dir, today: TODAY }).stdout) as { handle: string; away: unknown }[];
    expect(engineers.find((e) => e.handle === 'alice')!.away).toEqual({ from: '2026-11-27', to: '2026-12-02', note: null });
    expect(engineers.find((e) => e.handle === 'bob')!.away).toBeNull();
    expect(ase(['show', 'acme'], { cwd: dir, today: TODAY }).stdout).toMatch(/today\s+Bob Baker \(bob\) takes tickets as backup/);
    expect(ase(['note', 'acme'], { cwd: dir, today: TODAY }).stdout).toContain('Today (2026-11-28): Bob Baker (@bob) takes tickets as backup');
    expect(ase(['note', 'acme'], { cwd: dir, today: '2026-12-03' }).stdout).not.toContain('Today');
    const status = JSON.parse(ase(['status', '--json'], { cwd: dir, today: TODAY }).stdout) as {
      items: { kind: string; handle?: string; slug?: string; days?: number; message: string }[];
    };
    expect(status.items.find((i) => i.kind === 'away')).toMatchObject({ handle: 'alice' });
    const gap = status.items.find((i) => i.kind === 'coverage-gap')!;
    expect(gap).toMatchObject({ handle: 'alice', days: 0 });
    expect(gap.message).toContain('initech');
  });

  it('ase init creates an empty time-off.yaml that lints clean', () => {
    const dir = registryRepo();
    const fresh = join(dir, 'fresh');
    expect(ase(['init', fresh], { cwd: dir }).code).toBe(0);
    expect(read(join(fresh, 'registry', 'time-off.yaml'))).toContain('time_off: []');
    expect(ase(['lint'], { cwd: fresh }).code).toBe(0);
  });
});
