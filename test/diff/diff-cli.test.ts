import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, git, MODELINE, registryRepo, tempDir, TEST_PEOPLE, writeRegistry } from '../helpers/repo.js';

const history = (...entries: string[]) => `history:\n${entries.join('')}`;
const assigned = (engineer: string, backup: string) =>
  `  - on: 2026-11-01\n    event: assigned\n    engineer: ${engineer}\n    backup: ${backup}\n    reason: request approved\n`;

const requested = `${MODELINE.customer}name: Gamma
segment: post-sales
term: long-term
status: requested
ce: carol
request:
  by: carol
  on: 2026-11-10
`;

/** Two commits of a test registry with one change of every kind between them; returns the repo. */
function twoCommits(): string {
  const repo = registryRepo({
    customers: {
      acme: activeCustomer('Acme', history(assigned('alice', 'bob'))),
      beta: activeCustomer('Beta', history(assigned('alice', 'bob'))).replace(/checkins:\n {2}- on: 2026-11-25\n {4}with: carol\n/, ''),
      gamma: requested,
      delta: activeCustomer('Delta', history(assigned('bob', 'carl')))
        .replace('engineer: alice', 'engineer: bob')
        .replace('backup: bob', 'backup: carl'),
      gone: activeCustomer('Gone').replace('engineer: alice', 'engineer: carl').replace('backup: bob', 'backup: dan'),
    },
  });
  const dir = join(repo, 'registry');
  const customers = join(dir, 'customers');
  writeFileSync(
    join(customers, 'acme.yaml'),
    activeCustomer(
      'Acme',
      history(
        assigned('alice', 'bob'),
        '  - on: 2026-11-20\n    event: transition\n    engineer: carl\n    backup: bob\n    reason: stagnating\n    note: Wants new problems\n',
      ),
    ).replace('engineer: alice', 'engineer: carl'),
  );
  writeFileSync(
    join(customers, 'beta.yaml'),
    activeCustomer(
      'Beta',
      history(assigned('alice', 'bob'), '  - on: 2026-11-21\n    event: transition\n    engineer: alice\n    backup: dan\n    reason: leave\n'),
    )
      .replace('backup: bob', 'backup: dan')
      .replace('updated_on: 2026-11-01', 'updated_on: 2026-11-22')
      .replace('  - on: 2026-11-25\n    with: carol\n', '  - on: 2026-11-26\n    with: carol\n'),
  );
  writeFileSync(join(customers, 'gamma.yaml'), requested.replace('status: requested', 'status: active\nengineer: dan\nbackup: carl\ncommunicated: true'));
  writeFileSync(
    join(customers, 'delta.yaml'),
    activeCustomer('Delta', history(assigned('bob', 'carl'), '  - on: 2026-11-27\n    event: ended\n    reason: Contract over\n'))
      .replace('status: active', 'status: ended\nended_on: 2026-11-27')
      .replace('engineer: alice\n', '')
      .replace('backup: bob\n', ''),
  );
  rmSync(join(customers, 'gone.yaml'));
  writeFileSync(join(customers, 'epsilon.yaml'), activeCustomer('Epsilon').replace('engineer: alice', 'engineer: dan').replace('backup: bob', 'backup: alice'));
  writeFileSync(join(dir, 'config.yaml'), `${MODELINE.config}cap: 3\n`);
  writeFileSync(join(dir, 'people.yaml'), TEST_PEOPLE.replace('    name: Dan Drake\n', '    name: Dan Drake\n    overloaded: true\n'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'changes');
  return repo;
}

describe('ase diff', () => {
  const repo = twoCommits;

  it('names every kind of change in JSON, with cap, load and findings', () => {
    const r = ase(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo() });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.base).toBe('HEAD~1');
    expect(d.head).toBe('HEAD');
    const brief = d.changes.map((c: any) => [c.kind, c.slug ?? c.handle, c.field, c.from, c.to, c.reason].filter((x) => x !== null).join(' '));
    expect(brief).toContain('config cap 15 3');
    expect(brief).toContain('person dan overloaded false true');
    expect(brief).toContain('reassigned acme engineer alice carl stagnating');
    expect(brief).toContain('backup beta backup bob dan leave');
    expect(brief).toContain('checkin beta checkins 2026-11-26');
    expect(brief).toContain('field beta docs.updated_on 2026-11-01 2026-11-22');
    expect(brief).toContain('ended delta active ended Contract over');
    expect(brief).toContain('added epsilon active');
    expect(brief).toContain('status gamma requested active');
    expect(brief).toContain('removed gone active');
    const acme = d.changes.find((c: any) => c.kind === 'reassigned');
    expect(acme).toEqual({
      kind: 'reassigned',
      slug: 'acme',
      name: 'Acme',
      handle: null,
      field: 'engineer',
      from: 'alice',
      to: 'carl',
      reason: 'stagnating',
      note: 'Wants new problems',
      engineer: null,
      backup: null,
    });
    expect(d.changes.find((c: any) => c.kind === 'added')).toMatchObject({ engineer: 'dan', backup: 'alice' });
    expect(d.changes.find((c: any) => c.kind === 'ended')).toMatchObject({ engineer: 'bob', backup: 'carl' });
    expect(d.changes.filter((c: any) => c.slug === 'gamma').map((c: any) => `${c.kind} ${c.field}`)).toEqual(['status null', 'field communicated']);
    expect(d.changes.filter((c: any) => c.slug === 'delta').map((c: any) => c.kind)).toEqual(['ended']);
    expect(d.cap).toEqual({ before: { used: 4, limit: 15 }, after: { used: 4, limit: 3 } });
    expect(d.load).toEqual(
      [
        { handle: 'alice', name: 'Alice Able', before: { primary: 2, backup: 0 }, after: { primary: 1, backup: 1 } },
        { handle: 'bob', name: 'Bob Baker', before: { primary: 1, backup: 2 }, after: { primary: 0, backup: 1 } },
        { handle: 'carl', name: 'Carl Cook', before: { primary: 1, backup: 1 }, after: { primary: 1, backup: 1 } },
        { handle: 'dan', name: 'Dan Drake', before: { primary: 0, backup: 1 }, after: { primary: 2, backup: 1 } },
      ].filter((row) => row.before.primary !== row.after.primary || row.before.backup !== row.after.backup),
    );
    const introduced = d.findings.introduced.map((f: any) => `${f.rule} ${f.file}`);
    expect(introduced.some((f: string) => f.startsWith('cap-exceeded '))).toBe(true);
    expect(introduced).toContain('engineer-overloaded registry/people.yaml');
    expect(d.findings.fixed.map((f: any) => `${f.rule} ${f.file}`)).toContain('checkin-overdue registry/customers/beta.yaml');
    expect(Object.keys(d.findings.introduced[0]).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
  });

  it('says the same in text', () => {
    const r = ase(['diff', 'HEAD~1', 'HEAD'], { cwd: repo() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('acme: engineer alice -> carl, reason stagnating (Wants new problems)');
    expect(r.stdout).toContain('beta: backup bob -> dan, reason leave');
    expect(r.stdout).toContain('beta: docs.updated_on 2026-11-01 -> 2026-11-22');
    expect(r.stdout).toContain('beta: check-in on 2026-11-26 with carol');
    expect(r.stdout).toContain('delta: ended (was engineer bob), reason Contract over');
    expect(r.stdout).toContain('epsilon: added as active, engineer dan, backup alice');
    expect(r.stdout).toContain('gamma: status requested -> active, engineer dan, backup carl');
    expect(r.stdout).toContain('gone: removed (was active, engineer carl, backup dan)');
    expect(r.stdout).toContain('config: cap 15 -> 3');
    expect(r.stdout).toContain('people: dan: overloaded false -> true');
    expect(r.stdout).toContain('Cap: 4 of 15 -> 4 of 3 active (over the cap)');
    expect(r.stdout).toMatch(/^ {2}dan +0\/1 -> 2\/1 +Dan Drake$/m);
    expect(r.stdout).toMatch(/Findings introduced \(\d+\)\n(.*\n)*.*cap-exceeded/);
    expect(r.stdout).toMatch(/Findings fixed \(1\)\n.*registry\/customers\/beta\.yaml.*checkin-overdue/);
  });

  it('says the same in markdown for the job summary', () => {
    const r = ase(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], { cwd: repo() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^### Registry changes: `HEAD~1` → `HEAD`/);
    expect(r.stdout).toContain('- **acme**: engineer alice → carl, reason stagnating (Wants new problems)');
    expect(r.stdout).toContain('- **delta**: ended (was engineer bob), reason Contract over');
    expect(r.stdout).toContain('- **gone**: removed (was active, engineer carl, backup dan)');
    expect(r.stdout).toContain('- **config**: cap 15 → 3');
    expect(r.stdout).toContain('**Cap:** 4 of 15 → 4 of 3 active (over the cap)');
    expect(r.stdout).toContain('| Dan Drake (dan) | 0 → 2 | 1 → 1 |');
    expect(r.stdout).toContain('record them with `ase approve gamma --as cs --by <handle>`');
    expect(r.stdout).toMatch(/- ❌ error `cap-exceeded` `registry\/[^`]+:\d+`: cap exceeded/);
    expect(r.stdout).toMatch(/- ✅ warning `checkin-overdue` `registry\/customers\/beta.yaml:\d+`/);
  });

  it('compares HEAD with the work tree by default, and says when nothing changed', () => {
    const dir = repo();
    const clean = ase(['diff'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No registry changes.');
    const file = join(dir, 'registry/customers/acme.yaml');
    writeFileSync(file, activeCustomer('Acme Renamed').replace('engineer: alice', 'engineer: carl'));
    const r = ase(['diff', '--format', 'json'], { cwd: dir });
    const d = JSON.parse(r.stdout);
    expect(d.head).toBe('work tree');
    expect(d.changes.some((c: any) => c.kind === 'field' && c.field === 'name' && c.to === 'Acme Renamed')).toBe(true);
    git(dir, 'checkout', '-q', '--', 'registry/customers/acme.yaml');
  });

  it('exits 2 for a bad revision and 3 outside git', () => {
    const dir = repo();
    const bad = ase(['diff', 'no-such-branch'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown git revision "no-such-branch"');
    expect(ase(['diff', 'HEAD', '--', '--upload-pack=x'], { cwd: dir }).code).toBe(2);
    const plain = tempDir();
    writeRegistry(plain, {});
    const outside = ase(['diff'], { cwd: plain });
    expect(outside.code).toBe(3);
    expect(outside.stderr).toContain('git');
  });

  it('treats a revision before the registry existed as an empty registry', () => {
    const dir = initEmptyThenRegistry();
    const d = JSON.parse(ase(['diff', 'HEAD~1', 'HEAD', '--json'], { cwd: dir }).stdout);
    expect(d.changes.filter((c: any) => c.kind === 'added').map((c: any) => c.slug)).toEqual(['acme']);
    expect(d.cap.before.used).toBe(0);
  });
});

function initEmptyThenRegistry(): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test User');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, 'README.md'), 'hello\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  writeRegistry(dir, { customers: { acme: activeCustomer('Acme') } });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'registry');
  return dir;
}
