/** `ase people` and its subcommands, black-box in temporary git repos. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ase } from '../helpers/cli.js';
import { activeCustomer, commitCount, git, GIT_ENV, read, registryRepo, sampleRepo, tempDir } from '../helpers/repo.js';

/** Files the last commit touched. */
function lastCommitFiles(dir: string): string[] {
  return git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean);
}

/** The registry stays clean: lint without errors and the page up to date. */
function expectGreen(dir: string): void {
  const lint = ase(['lint', '--format', 'json'], { cwd: dir });
  expect(JSON.parse(lint.stdout).errors).toBe(0);
  expect(ase(['render', '--check'], { cwd: dir }).code).toBe(0);
}

/** Alice engineer, bob backup, carol CE of the active customer acme; the page rendered and committed. */
function acmeRepo(): string {
  const dir = registryRepo({ customers: { acme: activeCustomer('Acme') } });
  expect(ase(['render'], { cwd: dir }).code).toBe(0);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'page');
  return dir;
}

describe('ase people add', () => {
  it('stores --github without the @ (set changes it), and refuses a name GitHub would not allow (exit 2, nothing written)', () => {
    const dir = sampleRepo();
    expect(ase(['people', 'add', 'noor', '--name', 'Noor Haddad', '--role', 'cs-leadership', '--github', '@noor-h'], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, 'registry', 'people.yaml'))).toContain('  - handle: noor\n    name: Noor Haddad\n    roles: [cs-leadership]\n    github: noor-h\n');
    expect(ase(['people', 'set', 'noor', '--github', 'noor-haddad'], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, 'registry', 'people.yaml'))).toContain('    github: noor-haddad\n');
    const before = commitCount(dir);
    const bad = ase(['people', 'set', 'noor', '--github', 'not a name'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a GitHub user name');
    expect(commitCount(dir)).toBe(before);
  });

  it('adds someone in one commit touching only people.yaml, in the roster style, and they can be assigned', () => {
    const dir = sampleRepo();
    const before = commitCount(dir);
    const people = join(dir, 'registry', 'people.yaml');
    const original = read(people);
    const r = ase(
      [
        'people',
        'add',
        'noor',
        '--name',
        'Noor Haddad',
        '--role',
        'support-engineer',
        '--email',
        'noor@example.com',
        '--timezone',
        'Asia/Dubai',
        '--hours',
        '08:00-16:00',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('people(noor): add Noor Haddad');
    expect(commitCount(dir)).toBe(before + 1);
    expect(lastCommitFiles(dir)).toEqual(['registry/people.yaml']);
    const message = git(dir, 'log', '-1', '--format=%B');
    expect(message).toContain('Action: people-add');
    expect(message).toContain('Person: noor');
    // Appended after the last entry, flow-style roles like its neighbours; everything above untouched.
    expect(read(people)).toBe(
      `${original}  - handle: noor\n    name: Noor Haddad\n    roles: [support-engineer]\n    email: noor@example.com\n    timezone: Asia/Dubai\n    working_hours: 08:00-16:00\n`,
    );
    expectGreen(dir);

    const assign = ase(
      [
        'assign',
        'acme',
        '--engineer',
        'noor',
        '--backup',
        'bruno',
        '--name',
        'Acme',
        '--segment',
        'post-sales',
        '--ce',
        'hana',
        '--by',
        'kim',
        '--reason',
        'Trial',
      ],
      { cwd: dir },
    );
    expect(assign.stderr).toBe('');
    expect(assign.code).toBe(0);
    expect(JSON.parse(ase(['show', 'acme', '--json'], { cwd: dir }).stdout).engineer).toBe('noor');
    expectGreen(dir);
  });

  it.each([
    ['a bad handle', ['people', 'add', 'Noor/x', '--name', 'N', '--role', 'support-engineer'], /not a valid handle/],
    ['an unknown role', ['people', 'add', 'noor', '--name', 'N', '--role', 'wizard'], /"wizard" is not a role/],
    ['no role', ['people', 'add', 'noor', '--name', 'N'], /at least one --role/],
    ['no name', ['people', 'add', 'noor', '--role', 'support-engineer'], /--name is required/],
    [
      'a bad time zone',
      ['people', 'add', 'noor', '--name', 'N', '--role', 'support-engineer', '--timezone', 'Mars/Olympus'],
      /"Mars\/Olympus" is not an IANA time zone/,
    ],
    [
      'a bad hours string',
      ['people', 'add', 'noor', '--name', 'N', '--role', 'support-engineer', '--timezone', 'UTC', '--hours', '25:00-26:00'],
      /"25:00-26:00" is not a span of working hours/,
    ],
    [
      'hours without a time zone',
      ['people', 'add', 'noor', '--name', 'N', '--role', 'support-engineer', '--hours', '09:00-17:00'],
      /--hours needs a time zone/,
    ],
    ['bad days', ['people', 'add', 'noor', '--name', 'N', '--role', 'support-engineer', '--days', 'mon,funday'], /"funday"/],
    ['a bad email', ['people', 'add', 'noor', '--name', 'N', '--role', 'support-engineer', '--email', 'not-an-email'], /not an email address/],
  ])('refuses %s as bad input (exit 2), one line and a hint, nothing written', (_what, args, message) => {
    const dir = acmeRepo();
    const before = commitCount(dir);
    const r = ase(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).toMatch(/^hint: /m);
    expect(commitCount(dir)).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses a taken handle (exit 1)', () => {
    const dir = acmeRepo();
    const r = ase(['people', 'add', 'alice', '--name', 'Another Alice', '--role', 'support-engineer'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the handle "alice" is taken by Alice Able');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('--dry-run shows the entry and writes nothing', () => {
    const dir = acmeRepo();
    const before = commitCount(dir);
    const r = ase(['people', 'add', 'zoe', '--name', 'Zoe Z', '--role', 'customer-engineer', '--role', 'cs-leadership', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+  - handle: zoe');
    expect(r.stdout).toContain('+    roles:');
    expect(commitCount(dir)).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('ase people set', () => {
  it('changes fields in place: new keys in roster order, roles kept on one line, comments kept', () => {
    const dir = sampleRepo();
    const people = join(dir, 'registry', 'people.yaml');
    const r = ase(['people', 'set', 'farah', '--add-role', 'cs-leadership', '--hours', '09:00-17:00', '--days', 'tue,mon,wed', '--not-overloaded'], {
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lastCommitFiles(dir)).toEqual(['registry/people.yaml']);
    expect(git(dir, 'log', '-1', '--format=%B')).toContain('Action: people-set');
    const text = read(people);
    expect(text).toContain(
      '  - handle: farah\n    name: Farah Haddad\n    roles: [support-engineer, cs-leadership]\n    email: farah@example.com\n    github: farah-haddad\n    timezone: America/Toronto\n    working_hours: "09:00-17:00"\n    working_days: [mon, tue, wed]\n  - handle: gus\n',
    );
    expect(text).toContain('    active: false          # on leave; kept for history\n');
    expect(text).toContain('  # Customer engineers\n');
    expectGreen(dir);
    const row = JSON.parse(ase(['people', '--json'], { cwd: dir }).stdout).find((p: { handle: string }) => p.handle === 'farah');
    expect(row).toMatchObject({ roles: ['support-engineer', 'cs-leadership'], hours: '09:00-17:00', days: ['mon', 'tue', 'wed'], overloaded: false });
  });

  it('refuses removing the role an assignment needs (exit 1), naming the rule, the place and nothing written', () => {
    const dir = acmeRepo();
    const before = commitCount(dir);
    const r = ase(['people', 'set', 'alice', '--remove-role', 'support-engineer'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown-person');
    expect(r.stderr).toContain('registry/customers/acme.yaml');
    expect(commitCount(dir)).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // The same with a second role left.
    expect(ase(['people', 'set', 'alice', '--add-role', 'cs-leadership'], { cwd: dir }).code).toBe(0);
    const again = ase(['people', 'set', 'alice', '--remove-role', 'support-engineer'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/unknown-person: "alice" is engineer but does not have the support-engineer role/);
  });

  it('refuses a bad time zone (exit 2) and an unknown person (exit 2)', () => {
    const dir = acmeRepo();
    expect(ase(['people', 'set', 'alice', '--timezone', 'Mars/Olympus'], { cwd: dir }).code).toBe(2);
    const unknown = ase(['people', 'set', 'zed', '--name', 'Zed'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"zed" is not in registry/people.yaml');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('ase people on a new or shown roster', () => {
  it('adds the first person to the empty roster of `ase init`', () => {
    const dir = tempDir();
    expect(ase(['init'], { cwd: dir, env: GIT_ENV }).code).toBe(0);
    const r = ase(['people', 'add', 'alice', '--name', 'Alice Able', '--role', 'support-engineer', '--role', 'cs-leadership'], { cwd: dir, env: GIT_ENV });
    expect(r.stderr).toBe('');
    expect(read(join(dir, 'registry', 'people.yaml'))).toMatch(
      /\npeople:\n {2}- handle: alice\n {4}name: Alice Able\n {4}roles: \[support-engineer, cs-leadership\]\n$/,
    );
    expect(ase(['lint'], { cwd: dir }).code).toBe(0);
  });

  it('a new name of an assigned engineer re-renders the page in the same commit', () => {
    const dir = acmeRepo();
    const r = ase(['people', 'set', 'alice', '--name', 'Alice Archer'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lastCommitFiles(dir)).toEqual(['registry/customer-exceptions.md', 'registry/people.yaml']);
    expect(read(join(dir, 'registry', 'customer-exceptions.md'))).toContain('Alice Archer');
    expectGreen(dir);
  });
});

describe('ase people deactivate', () => {
  it('is refused while the person covers an active customer in time off still to come, naming the cover command', () => {
    const dir = sampleRepo();
    const before = commitCount(dir);
    const r = ase(['people', 'deactivate', 'emeka'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cover of initech: ase away bruno --from 2026-12-21 --cover initech=<handle>');
    expect(commitCount(dir)).toBe(before);
    const people = ase(['people', '--json'], { cwd: dir });
    expect(JSON.parse(people.stdout).find((p: { handle: string }) => p.handle === 'dara').away).toEqual({ from: '2026-11-26', to: '2026-12-02' });
  });

  it('is refused while the person is engineer of an active customer, listing it and the transition; after the transition it succeeds', () => {
    const dir = acmeRepo();
    const before = commitCount(dir);
    const refused = ase(['people', 'deactivate', 'alice'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('engineer of acme: ase transition acme --to <handle> --reason leave');
    expect(commitCount(dir)).toBe(before);

    const backup = ase(['people', 'deactivate', 'bob'], { cwd: dir });
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('backup of acme: ase transition acme --backup <handle> --reason leave');
    const ce = ase(['people', 'deactivate', 'carol'], { cwd: dir });
    expect(ce.code).toBe(1);
    expect(ce.stderr).toContain('CE of acme');

    expect(ase(['transition', 'acme', '--to', 'carl', '--reason', 'leave'], { cwd: dir }).code).toBe(0);
    const ok = ase(['people', 'deactivate', 'alice'], { cwd: dir });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(lastCommitFiles(dir)).toEqual(['registry/people.yaml']);
    expect(git(dir, 'log', '-1', '--format=%B')).toContain('Action: people-deactivate');
    expect(read(join(dir, 'registry', 'people.yaml'))).toContain('  - handle: alice\n    name: Alice Able\n    roles: [support-engineer]\n    active: false\n');
    expectGreen(dir);
    expect(JSON.parse(ase(['people', '--json'], { cwd: dir }).stdout)[0]).toMatchObject({ handle: 'alice', active: false });

    // Active again: the `active:` line goes (true is the default).
    expect(ase(['people', 'activate', 'alice'], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, 'registry', 'people.yaml'))).not.toContain('active: false');
    expect(lastCommitFiles(dir)).toEqual(['registry/people.yaml']);
  });
});

describe('ase people (the roster)', () => {
  it('--json gives every person with the roster fields, away null without time off', () => {
    const out = JSON.parse(ase(['people', '--json'], { cwd: sampleRepo() }).stdout);
    expect(out).toHaveLength(13);
    expect(out[0]).toEqual({
      handle: 'amara',
      name: 'Amara Okafor',
      roles: ['support-engineer'],
      email: 'amara@example.com',
      timezone: 'Europe/London',
      hours: null,
      days: null,
      active: true,
      overloaded: false,
      away: null,
    });
    expect(out.find((p: { handle: string }) => p.handle === 'gus').active).toBe(false);
  });

  it('prints a table with a header and one row per person; --active hides the inactive', () => {
    const dir = sampleRepo();
    const r = ase(['people'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^HANDLE +NAME +ROLES +TIMEZONE +HOURS +ACTIVE +OVERLOADED +AWAY$/);
    expect(r.stdout).toMatch(/^farah +Farah Haddad +support-engineer +America\/Toronto +09:00-17:00 mon,tue,wed,thu +yes +yes +-$/m);
    expect(r.stdout).toMatch(/^gus +.* no +/m);
    expect(ase(['people', '--active'], { cwd: dir }).stdout).not.toMatch(/^gus /m);
  });

  it('--help teaches the subcommands', () => {
    const r = ase(['people', '--help']);
    expect(r.code).toBe(0);
    for (const sub of ['add', 'set', 'deactivate', 'activate']) expect(r.stdout).toMatch(new RegExp(`^  ${sub} \\[options\\] <handle>`, 'm'));
    expect(r.stdout).toContain('$ ase people add');
  });
});

describe('ase diff names person changes', () => {
  it('added, changed and deactivated people in text, markdown and json', () => {
    const dir = acmeRepo();
    expect(ase(['people', 'add', 'zoe', '--name', 'Zoe Z', '--role', 'support-engineer'], { cwd: dir }).code).toBe(0);
    expect(ase(['people', 'set', 'dan', '--timezone', 'Europe/Paris'], { cwd: dir }).code).toBe(0);
    expect(ase(['people', 'deactivate', 'carl'], { cwd: dir }).code).toBe(0);
    const text = ase(['diff', 'HEAD~3', 'HEAD'], { cwd: dir }).stdout;
    expect(text).toContain('people: zoe: added (support-engineer)');
    expect(text).toContain('people: dan: timezone (none) -> Europe/Paris');
    expect(text).toContain('people: carl: deactivated');
    const md = ase(['diff', 'HEAD~3', 'HEAD', '--format', 'markdown'], { cwd: dir }).stdout;
    expect(md).toContain('- **people: carl**: deactivated');
    const changes = JSON.parse(ase(['diff', 'HEAD~3', 'HEAD', '--json'], { cwd: dir }).stdout).changes;
    expect(changes.map((c: { kind: string; handle: string; field: string; to: unknown }) => `${c.kind} ${c.handle} ${c.field} ${String(c.to)}`)).toEqual([
      'person carl active false',
      'person dan timezone Europe/Paris',
      'person zoe added support-engineer',
    ]);
  });
});
