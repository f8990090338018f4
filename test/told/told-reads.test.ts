/** What the reading commands say about telling: history, diff, show, note, and import's "told" column. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ase } from '../helpers/cli.js';
import { activeCustomer, git, registryRepo } from '../helpers/repo.js';

const untoldAcme = () =>
  activeCustomer('Acme', 'history:\n  - on: 2026-11-01\n    event: assigned\n    engineer: alice\n    backup: bob\n').replace(
    'communicated: true',
    'communicated: false',
  );

/** A repo where acme was assigned, then told on 2026-11-05 with a note (HEAD), then handed over to carl (when `handOver`). */
function toldRepo(handOver = false): string {
  const dir = registryRepo({ customers: { acme: untoldAcme() } });
  expect(ase(['told', 'acme', '--on', '2026-11-05', '--note', 'QBR call'], { cwd: dir }).code).toBe(0);
  if (handOver) expect(ase(['transition', 'acme', '--to', 'carl', '--reason', 'workload'], { cwd: dir }).code).toBe(0);
  return dir;
}

describe('reading the telling', () => {
  it('history --json attaches each telling to the period it announced; text shows a TOLD column', () => {
    const dir = toldRepo(true);
    const periods = JSON.parse(ase(['history', 'acme', '--json'], { cwd: dir }).stdout) as {
      engineer: string;
      from: string;
      told: { on: string; note: string | null; commit: string | null; author: string | null }[];
    }[];
    expect(periods.map((p) => p.engineer)).toEqual(['alice', 'carl']);
    expect(periods[0]!.told).toEqual([{ on: '2026-11-05', note: 'QBR call', commit: git(dir, 'rev-parse', 'HEAD~1'), author: 'Test User' }]);
    expect(periods[1]!.told).toEqual([]);
    const text = ase(['history', 'acme'], { cwd: dir }).stdout;
    expect(text).toContain('TOLD');
    expect(text).toMatch(/2026-11-01 +2026-11-28 +alice +bob +.*2026-11-05/);
  });

  it('diff shows the telling as its own change, in text, markdown and json', () => {
    const dir = toldRepo();
    const json = JSON.parse(ase(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: dir }).stdout) as { changes: Record<string, unknown>[] };
    expect(json.changes).toEqual([
      {
        kind: 'told',
        slug: 'acme',
        name: 'Acme',
        handle: null,
        field: 'communicated_on',
        from: null,
        to: '2026-11-05',
        reason: null,
        note: 'QBR call',
        engineer: 'alice',
        backup: 'bob',
      },
    ]);
    expect(ase(['diff', 'HEAD~1', 'HEAD'], { cwd: dir }).stdout).toContain('acme: customer told on 2026-11-05, engineer alice, backup bob (QBR call)');
    expect(ase(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], { cwd: dir }).stdout).toContain(
      '- **acme**: customer told on 2026-11-05, engineer alice, backup bob (QBR call)',
    );
  });

  it('show says who the customer knows and since when, or whom to announce', () => {
    const dir = toldRepo();
    expect(ase(['show', 'acme'], { cwd: dir }).stdout).toContain(
      'communicated  yes — knows Alice Able (alice) and Bob Baker (bob) since 2026-11-05 (23 days ago)',
    );
    expect(ase(['transition', 'acme', '--to', 'carl', '--reason', 'workload'], { cwd: dir }).code).toBe(0);
    const after = ase(['show', 'acme'], { cwd: dir }).stdout;
    expect(after).toContain('no — not yet told of Carl Cook (carl) and Bob Baker (bob); last told of Alice Able (alice) and Bob Baker (bob) on 2026-11-05');
    expect(after).toContain('ase told acme');
  });

  it('show reads communicated_on from the file on warm reads too (the lint cache keeps only the head)', () => {
    const dated = activeCustomer('Acme').replace('communicated: true\n', 'communicated: true\ncommunicated_on: 2026-11-03\n');
    const dir = registryRepo({ customers: { acme: dated } });
    expect(ase(['lint'], { cwd: dir }).code).toBe(0);
    for (let run = 0; run < 2; run++)
      expect(ase(['show', 'acme'], { cwd: dir }).stdout).toContain('knows Alice Able (alice) and Bob Baker (bob) since 2026-11-03');
  });

  it('note says whether the customer knows their engineer', () => {
    const dir = registryRepo({ customers: { acme: untoldAcme(), beta: activeCustomer('Beta') } });
    expect(ase(['note', 'beta'], { cwd: dir }).stdout).toContain('Communicated: yes, the customer knows their engineer\n');
    const untold = ase(['note', 'acme'], { cwd: dir }).stdout;
    expect(untold).toContain('Communicated: not yet — the customer does not know @alice yet');
    expect(untold).toContain('`ase told acme`');
  });

  it('import maps a "told" yes to communicated: true without a date, which is not a finding', () => {
    const dir = registryRepo({});
    writeFileSync(
      join(dir, 'page.md'),
      '| Customer | Engineer | Backup | CE | Type | Told customer? |\n|---|---|---|---|---|---|\n| Acme | alice | bob | carol | post-sales | yes |\n',
    );
    expect(ase(['import', 'page.md'], { cwd: dir }).code).toBe(0);
    const data = parse(readFileSync(join(dir, 'registry/customers/acme.yaml'), 'utf8')) as Record<string, unknown>;
    expect(data.communicated).toBe(true);
    expect(data).not.toHaveProperty('communicated_on');
    // Give it a start date long ago: told without a date still counts as told.
    writeFileSync(join(dir, 'registry/customers/acme.yaml'), `${readFileSync(join(dir, 'registry/customers/acme.yaml'), 'utf8')}since: 2025-01-01\n`);
    const lint = JSON.parse(ase(['lint', '--format', 'json'], { cwd: dir }).stdout) as { findings: { rule: string }[] };
    expect(lint.findings.filter((f) => f.rule === 'not-communicated')).toEqual([]);
  });
});
