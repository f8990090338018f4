/** Black-box: `ase list` and `ase show` on the sample and on small registries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ase, SAMPLE_REGISTRY } from '../helpers/cli.js';
import { activeCustomer, MODELINE, registryRepo } from '../helpers/repo.js';
import { edit } from '../rules/lint-texts.js';

const SUMMARY_FIELDS = ['slug', 'name', 'segment', 'term', 'status', 'engineer', 'backup', 'ce', 'communicated', 'ends_on'];

function listJson(args: string[], cwd?: string): Record<string, unknown>[] {
  const r = ase(['list', '--json', ...args], { cwd });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const slugs = (args: string[]) => listJson(args).map((c) => c.slug);

describe('ase list', () => {
  it('--json gives every summary field, null where absent', () => {
    const repo = registryRepo({
      customers: {
        acme: activeCustomer('Acme'),
        bare: `${MODELINE.customer}name: Bare\nsegment: pre-sales\nterm: long-term\nstatus: requested\n`,
      },
    });
    const rows = listJson([], repo);
    for (const row of rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(SUMMARY_FIELDS));
    expect(rows.find((c) => c.slug === 'acme')).toMatchObject({
      slug: 'acme',
      name: 'Acme',
      segment: 'post-sales',
      term: 'long-term',
      status: 'active',
      engineer: 'alice',
      backup: 'bob',
      ce: 'carol',
      communicated: true,
      ends_on: null,
    });
    expect(rows.find((c) => c.slug === 'bare')).toMatchObject({
      slug: 'bare',
      name: 'Bare',
      segment: 'pre-sales',
      term: 'long-term',
      status: 'requested',
      engineer: null,
      backup: null,
      ce: null,
      communicated: null,
      ends_on: null,
    });
  });

  it('shows requested and active by default, everything with --all', () => {
    expect(slugs([])).toEqual([
      'cyberdyne',
      'globex',
      'initech',
      'northwind-logistics',
      'oscorp',
      'pied-piper',
      'stark-fabrication',
      'umbrella-health',
      'wayne-biotech',
      'soylent-foods',
      'tyrell-robotics',
    ]);
    const all = slugs(['--all']);
    expect(all).toHaveLength(13);
    expect(all).toEqual(expect.arrayContaining(['hooli', 'vandelay-imports']));
    expect(listJson(['--all']).find((c) => c.slug === 'initech')).toMatchObject({ backup: null, ends_on: '2027-01-15', communicated: false });
  });

  it('filters by --engineer (primary or backup), --segment and --status, together', () => {
    expect(slugs(['--engineer', 'bruno'])).toEqual(['initech', 'northwind-logistics', 'oscorp']);
    expect(slugs(['--segment', 'pre-sales'])).toEqual(['initech', 'stark-fabrication', 'soylent-foods']);
    expect(slugs(['--status', 'ended'])).toEqual(['hooli']);
    expect(slugs(['--status', 'rejected', '--segment', 'pre-sales'])).toEqual(['vandelay-imports']);
    expect(slugs(['--status', 'requested', '--segment', 'post-sales'])).toEqual(['tyrell-robotics']);
  });

  it('prints an aligned table under the cap usage', () => {
    const r = ase(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^active 9\/15\b/);
    expect(lines[0]).toContain('2 requested');
    const header = lines[2]!;
    expect(header).toMatch(/^SLUG +NAME +SEGMENT +TERM +STATUS +ENGINEER +BACKUP +CE$/);
    const col = header.indexOf('STATUS');
    for (const line of lines.slice(3)) expect(line.slice(col)).toMatch(/^(active|requested) /);
    expect(r.stdout).toContain('until 2027-01-15');
    expect(lines).toHaveLength(3 + 11);
  });

  it('says when nothing matches', () => {
    const r = ase(['list', '--status', 'ended', '--segment', 'pre-sales']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No customers match');
    expect(JSON.parse(ase(['list', '--status', 'ended', '--segment', 'pre-sales', '--json']).stdout)).toEqual([]);
  });

  it('counts cap usage from config.yaml', () => {
    const repo = registryRepo({ config: `${MODELINE.config}cap: 1\n`, customers: { acme: activeCustomer('Acme'), beta: activeCustomer('Beta') } });
    expect(ase(['list'], { cwd: repo }).stdout).toMatch(/^active 2\/1\b/);
  });
});

describe('ase show', () => {
  it('--json gives every stored field plus the slug', () => {
    for (const slug of ['northwind-logistics', 'initech', 'hooli']) {
      const r = ase(['show', slug, '--json']);
      expect(r.code).toBe(0);
      const stored = parse(readFileSync(join(SAMPLE_REGISTRY, 'customers', `${slug}.yaml`), 'utf8'));
      expect(JSON.parse(r.stdout)).toEqual({ slug, ...stored });
    }
  });

  it('prints the customer in full for people', () => {
    const r = ase(['show', 'northwind-logistics']);
    expect(r.code).toBe(0);
    for (const text of [
      'Northwind Logistics',
      'post-sales',
      'Amara Okafor (amara)',
      'Bruno Lindqvist (bruno)',
      'Hana Sato (hana)',
      'https://docs.example.com/customers/northwind-logistics',
      '2026-11-24',
      'Berlin rollout by mid-December',
    ]) {
      expect(r.stdout).toContain(text);
    }
  });

  it('shows what needs attention on that customer', () => {
    const r = ase(['show', 'cyberdyne']);
    expect(r.stdout).toContain('checkin-overdue');
    expect(ase(['show', 'northwind-logistics']).stdout).not.toContain('checkin-overdue');
  });

  it('shows a customer of a broken registry, with the problem', () => {
    const repo = registryRepo({ customers: { acme: edit(activeCustomer('Acme'), 'backup: bob', 'backup: alice') } });
    const r = ase(['show', 'acme'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('backup-is-engineer');
  });

  it('refuses to show a file it cannot read, saying where it breaks (exit 1)', () => {
    const repo = registryRepo({ customers: { acme: edit(activeCustomer('Acme'), 'name: Acme', 'name: "Acme') } });
    for (const args of [
      ['show', 'acme'],
      ['show', 'acme', '--json'],
    ]) {
      const r = ase(args, { cwd: repo });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^ase: registry\/customers\/acme\.yaml cannot be read \(2:7 .+\)\nhint: .*ase lint/);
    }
  });
});
