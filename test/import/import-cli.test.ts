import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ase } from '../helpers/cli.js';
import { activeCustomer, commitCount as commits, git, MODELINE, registryRepo } from '../helpers/repo.js';

function customer(repo: string, slug: string): Record<string, unknown> {
  return parse(readFileSync(join(repo, 'registry/customers', `${slug}.yaml`), 'utf8'));
}

function lintErrors(repo: string): { errors: number; findings: { rule: string; severity: string; file: string }[] } {
  return JSON.parse(ase(['lint', '--format', 'json'], { cwd: repo }).stdout);
}

/** Imports `page` into a fresh test registry; returns the repo and the result. */
function importPage(page: string, reg: Parameters<typeof registryRepo>[0] = {}) {
  const repo = registryRepo(reg);
  writeFileSync(join(repo, 'page.md'), page);
  const before = commits(repo);
  const r = ase(['import', 'page.md'], { cwd: repo });
  return { repo, r, newCommits: commits(repo) - before };
}

const MIXED = `# Customer exceptions (hand-kept)

Ping #support-leads before editing.

| Customer | Assigned SE | Backup | CE | Type | Until | Told customer? | Notes |
|---|---|---|:--|---|---|---|---|
| [Acme Corp](https://crm.example.com/acme) | @alice | Bob Baker | carol | Strategic | | YES | big one |
| **Beta Labs** | bob | | Carol Chen | pre-sales | 2027-02-28 | no | |
| Gamma Inc | Carl | dan | carol | post-sales | | | |
|  |  |  |  |  |  |  |  |
| Delta | zed | | | post-sales | | yes | |
| Epsilon | | | carol | | | | type unknown |
| Zeta | dan | alice | carol | post sales | 01/02/2027 | yes | |
| | alice | | | pre-sales | | | |
`;

const SECTIONS = `Customer exceptions
===================

## Strategic customers (post-sales)

Account | TSE | Backup TSE | Customer Engineer | End date | Communicated
--- | --- | --- | --- | --- | ---
Initech | Alice Able | Carl Cook | Carol Chen | — | Yes
Hooli | Dan | Bob | carol | 31 Mar 2027 | no

## Pre-sales

| Name | Engineer | CE | Until | ARR |
|------|----------|----|-------|-----|
| Pied Piper | \`carl\` | carol | March 3, 2027 | $1M |
| Raviga | | carol | | |
`;

describe('ase import', () => {
  it('imports a realistic page in one commit, reports unmapped rows with their lines, and the files lint', () => {
    const { repo, r, newCommits } = importPage(MIXED);
    expect(r.code).toBe(0);
    expect(newCommits).toBe(1);
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('import: 4 customers from page.md');
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([
      'registry/customers/acme-corp.yaml',
      'registry/customers/beta-labs.yaml',
      'registry/customers/delta.yaml',
      'registry/customers/gamma-inc.yaml',
    ]);
    expect(git(repo, 'status', '--porcelain', '--', 'registry')).toBe('');
    expect(customer(repo, 'acme-corp')).toEqual({
      name: 'Acme Corp',
      segment: 'post-sales',
      term: 'long-term',
      status: 'active',
      engineer: 'alice',
      backup: 'bob',
      ce: 'carol',
      communicated: true,
    });
    expect(customer(repo, 'beta-labs')).toEqual({
      name: 'Beta Labs',
      segment: 'pre-sales',
      term: 'temporary',
      ends_on: '2027-02-28',
      status: 'active',
      engineer: 'bob',
      ce: 'carol',
      communicated: false,
    });
    expect(customer(repo, 'gamma-inc')).toMatchObject({ status: 'active', engineer: 'carl', backup: 'dan' });
    expect(customer(repo, 'gamma-inc')).not.toHaveProperty('communicated');
    expect(customer(repo, 'delta')).toEqual({ name: 'Delta', segment: 'post-sales', term: 'long-term', status: 'requested', communicated: true });
    expect(readFileSync(join(repo, 'registry/customers/delta.yaml'), 'utf8').startsWith(MODELINE.customer)).toBe(true);

    expect(r.stdout).toContain('page.md:12: Epsilon: the page does not say whether it is post-sales');
    expect(r.stdout).toContain('page.md:13: Zeta: end date "01/02/2027" is ambiguous');
    expect(r.stdout).toContain('page.md:14: no customer name');
    expect(r.stdout).toContain('page.md:11: delta: Assigned SE: "zed" is not in registry/people.yaml');
    expect(r.stdout).toMatch(/delta: ce, request \(by, on\), approvals/);
    expect(r.stdout).toContain('Columns ignored: Notes');

    const lint = lintErrors(repo);
    expect(lint.errors).toBe(0);
    expect(lint.findings.map((f) => f.rule)).toContain('approvals-missing');
  });

  it('reads sections, display names, bare tables and written-out dates', () => {
    const { repo, r, newCommits } = importPage(SECTIONS);
    expect(r.code).toBe(0);
    expect(newCommits).toBe(1);
    expect(customer(repo, 'initech')).toEqual({
      name: 'Initech',
      segment: 'post-sales',
      term: 'long-term',
      status: 'active',
      engineer: 'alice',
      backup: 'carl',
      ce: 'carol',
      communicated: true,
    });
    expect(customer(repo, 'hooli')).toEqual({
      name: 'Hooli',
      segment: 'post-sales',
      term: 'temporary',
      ends_on: '2027-03-31',
      status: 'active',
      engineer: 'dan',
      backup: 'bob',
      ce: 'carol',
      communicated: false,
    });
    expect(customer(repo, 'pied-piper')).toEqual({
      name: 'Pied Piper',
      segment: 'pre-sales',
      term: 'temporary',
      ends_on: '2027-03-03',
      status: 'active',
      engineer: 'carl',
      ce: 'carol',
    });
    expect(customer(repo, 'raviga')).toEqual({ name: 'Raviga', segment: 'pre-sales', term: 'long-term', status: 'requested', ce: 'carol' });
    expect(r.stdout).toContain('Read 2 tables');
    expect(r.stdout).toContain('Columns ignored: ARR');
    expect(lintErrors(repo).errors).toBe(0);
  });

  it('reads back a page that ase render wrote, requests and ended customers included', () => {
    const source = registryRepo({
      customers: {
        acme: activeCustomer('Acme'),
        zeta: `${MODELINE.customer}name: Zeta\nsegment: pre-sales\nterm: temporary\nends_on: 2027-02-01\nstatus: requested\nce: carol\nrequest:\n  by: carol\n  on: 2026-11-20\n  reason: Trial\n`,
        old: `${MODELINE.customer}name: Old Co\nsegment: post-sales\nterm: long-term\nstatus: ended\nended_on: 2026-10-01\nhistory:\n  - on: 2026-01-05\n    event: assigned\n    engineer: carl\n    backup: dan\n`,
      },
    });
    expect(ase(['render'], { cwd: source }).code).toBe(0);
    const page = readFileSync(join(source, 'registry/customer-exceptions.md'), 'utf8');
    const { repo, r, newCommits } = importPage(page);
    expect(r.code).toBe(0);
    expect(newCommits).toBe(1);
    expect(customer(repo, 'acme')).toEqual({
      name: 'Acme',
      segment: 'post-sales',
      term: 'long-term',
      status: 'active',
      engineer: 'alice',
      backup: 'bob',
      ce: 'carol',
      communicated: true,
    });
    expect(customer(repo, 'zeta')).toEqual({
      name: 'Zeta',
      segment: 'pre-sales',
      term: 'temporary',
      ends_on: '2027-02-01',
      status: 'requested',
      ce: 'carol',
      request: { by: 'carol', on: '2026-11-20', reason: 'Trial' },
    });
    expect(customer(repo, 'old-co')).toEqual({ name: 'Old Co', segment: 'post-sales', term: 'long-term', status: 'ended', ended_on: '2026-10-01' });
    expect(lintErrors(repo).errors).toBe(0);
  });

  it('skips customers already in the registry and repeated rows', () => {
    const page =
      '| Customer | Engineer | Backup | Type |\n|---|---|---|---|\n| Acme | alice | bob | post-sales |\n| New Co | carl | dan | post-sales |\n| New Co | alice | bob | post-sales |\n';
    const { repo, r } = importPage(page, { customers: { acme: activeCustomer('Acme') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('page.md:3: Acme: acme is already in the registry; not changed');
    expect(r.stdout).toContain('page.md:5: New Co: same customer as line 4');
    expect(customer(repo, 'new-co')).toMatchObject({ engineer: 'carl' });
    expect(customer(repo, 'acme')).toMatchObject({ communicated: true });
  });

  it('refuses without committing: no table (2), nothing mappable (1), a page that breaks the cap (1)', () => {
    const none = importPage('# Just prose\n\nNo table here.\n');
    expect(none.r.code).toBe(2);
    expect(none.r.stderr).toContain('no markdown table with a customer column');
    expect(none.newCommits).toBe(0);

    const bad = importPage('| Customer | Engineer |\n|---|---|\n| Acme | alice |\n| | bob |\n');
    expect(bad.r.code).toBe(1);
    expect(bad.r.stderr).toContain('page.md:3: Acme: the page does not say whether it is post-sales');
    expect(bad.r.stderr).toContain('page.md:4: no customer name');
    expect(bad.newCommits).toBe(0);

    const cap = importPage(
      '| Customer | Engineer | Backup | Type |\n|---|---|---|---|\n| One | alice | bob | post-sales |\n| Two | carl | dan | post-sales |\n',
      { config: `${MODELINE.config}cap: 1\n` },
    );
    expect(cap.r.code).toBe(1);
    expect(cap.r.stderr).toContain('cap');
    expect(cap.newCommits).toBe(0);
    expect(existsSync(join(cap.repo, 'registry/customers/one.yaml'))).toBe(false);
  });

  it('--dry-run shows the files and writes nothing', () => {
    const repo = registryRepo();
    writeFileSync(join(repo, 'page.md'), MIXED);
    const r = ase(['import', 'page.md', '--dry-run'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+++ b/registry/customers/acme-corp.yaml');
    expect(existsSync(join(repo, 'registry/customers/acme-corp.yaml'))).toBe(false);
    expect(commits(repo)).toBe(1);
  });
});
