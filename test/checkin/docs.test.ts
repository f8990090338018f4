import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { commitCount as commits, git, read, sampleRepo } from '../helpers/repo.js';

const docsOf = (cwd: string, slug: string) => parse(read(join(cwd, 'registry', 'customers', `${slug}.yaml`))).docs;
const kinds = (cwd: string, slug: string) =>
  JSON.parse(ase(['status', '--json'], { cwd }).stdout)
    .items.filter((i: { slug?: string }) => i.slug === slug)
    .map((i: { kind: string }) => i.kind);

describe('ase docs', () => {
  it('--updated records today; docs-stale goes away in lint and status alike', () => {
    const cwd = sampleRepo();
    expect(kinds(cwd, 'wayne-biotech')).toContain('docs-stale');
    const r = ase(['docs', 'wayne-biotech', '--updated'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[[0-9a-f]{7}\] docs\(wayne-biotech\): design doc updated 2026-11-28$/m);
    expect(docsOf(cwd, 'wayne-biotech')).toEqual({
      design_doc: 'https://docs.example.com/customers/wayne-biotech',
      updated_on: '2026-11-28',
      salesforce_synced_on: '2026-05-05',
    });
    expect(commits(cwd)).toBe(2);
    expect(git(cwd, 'log', '-1', '--format=%B')).toContain('Action: docs\nCustomer: wayne-biotech');
    const lint = JSON.parse(ase(['lint', '--format', 'json'], { cwd }).stdout);
    expect(lint.findings.map((f: { rule: string }) => f.rule)).not.toContain('docs-stale');
    // Salesforce is now behind the design doc: status says so until the CE syncs it.
    expect(kinds(cwd, 'wayne-biotech')).toEqual(['salesforce-stale', 'rotation']);
    expect(ase(['docs', 'wayne-biotech', '--salesforce-synced'], { cwd }).code).toBe(0);
    expect(kinds(cwd, 'wayne-biotech')).toEqual(['rotation']);
  });

  it('--salesforce-synced --on and --link set their fields in one commit', () => {
    const cwd = sampleRepo();
    const r = ase(['docs', 'initech', '--updated', '--salesforce-synced', '--on', '2026-11-20', '--link', 'https://wiki.example.com/initech'], { cwd });
    expect(r.code).toBe(0);
    expect(docsOf(cwd, 'initech')).toEqual({ design_doc: 'https://wiki.example.com/initech', updated_on: '2026-11-20', salesforce_synced_on: '2026-11-20' });
    expect(commits(cwd)).toBe(2);
  });

  it('creates the docs section when a customer has none', () => {
    const cwd = sampleRepo();
    expect(ase(['docs', 'tyrell-robotics', '--updated', '--link', 'https://docs.example.com/tyrell'], { cwd }).code).toBe(0);
    expect(docsOf(cwd, 'tyrell-robotics')).toEqual({ design_doc: 'https://docs.example.com/tyrell', updated_on: '2026-11-28' });
  });

  it.each([
    [['docs', 'initech'], 'say what happened'],
    [['docs', 'initech', '--link', 'https://x.example.com'], 'say what happened'],
    [['docs', 'initech', '--updated', '--link', 'not a url'], 'is not a web address'],
    [['docs', 'initech', '--updated', '--on', '2027-01-01'], 'is in the future'],
    [['docs', 'initech', '--updated', '--on', 'yesterday'], 'not a real date'],
    [['docs', 'nope', '--updated'], 'unknown customer'],
  ])('%j is bad usage (exit 2) and writes nothing', (args, message) => {
    const cwd = sampleRepo();
    const r = ase(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(commits(cwd)).toBe(1);
    expect(git(cwd, 'status', '--porcelain')).toBe('');
  });
});
