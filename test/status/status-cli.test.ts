import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { registryRepo } from '../helpers/repo.js';
import { customerYaml, statusRepo, TODAY } from './fixture.js';

interface Item {
  kind: string;
  severity: string;
  slug?: string;
  handle?: string;
  days?: number;
  message: string;
  rule?: string;
}

function status(cwd: string, ...extra: string[]): { cap: { used: number; limit: number }; items: Item[] } {
  const r = ase(['status', '--json', ...extra], { cwd, today: TODAY });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('ase status --json on a purpose-built registry', () => {
  it('lists exactly the expected items, most urgent first', () => {
    const out = status(statusRepo());
    expect(out.cap).toEqual({ used: 13, limit: 14 });
    const rows = out.items.map((i) => [i.severity, i.kind, i.slug ?? i.handle ?? null, i.days ?? null]);
    expect(rows).toEqual([
      ['error', 'lint', 'no-backup', null],
      ['warning', 'cap', null, null],
      ['warning', 'expired', 'expired', 8],
      ['warning', 'checkin-overdue', 'never-checked', 51],
      ['warning', 'checkin-overdue', 'late-checkin', 11],
      ['warning', 'docs-stale', 'no-doc', null],
      ['warning', 'docs-stale', 'old-doc', 119],
      ['warning', 'approvals-missing', 'unapproved', null],
      ['warning', 'overloaded', 'alice', null],
      ['warning', 'overloaded', 'dan', null],
      ['info', 'ending-soon', 'ends-in-3', 3],
      ['info', 'ending-soon', 'ends-in-7', 7],
      ['info', 'salesforce-stale', 'never-synced', null],
      ['info', 'salesforce-stale', 'synced-behind', 26],
      ['info', 'pending-request', 'pending', 8],
      ['info', 'rotation', 'long-timer', 545],
    ]);
  });

  it('says what to do, and whom a request waits on', () => {
    const items = status(statusRepo()).items;
    const msg = (kind: string, who?: string) => items.find((i) => i.kind === kind && (i.slug ?? i.handle) === who)!.message;
    expect(items[0]!.rule).toBe('backup-required');
    expect(msg('cap')).toMatch(/^13 of 14 active assignments used, 1 free/);
    expect(msg('pending-request', 'pending')).toContain('waiting on CE leadership (fred) and Sales leadership (gina)');
    expect(msg('pending-request', 'pending')).toContain('`ase approve pending --as ce --by fred`');
    expect(msg('ending-soon', 'ends-in-3')).toContain('ends in 3 days (2026-12-01)');
    expect(msg('salesforce-stale', 'synced-behind')).toContain('before the design doc update of 2026-11-02');
    expect(msg('salesforce-stale', 'never-synced')).toContain('never synced');
    expect(msg('rotation', 'long-timer')).toContain('carl has been the engineer since 2025-06-01 (545 days)');
    expect(msg('overloaded', 'alice')).toContain('primary on 5 active customers');
  });

  it('shows a file lint cannot read as an error item naming the file, and exits 0 unless --strict', () => {
    const cwd = registryRepo({ customers: { acme: customerYaml('Acme'), broken: 'name: [broken\n' } });
    const r = ase(['status', '--json'], { cwd, today: TODAY });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items).toEqual([
      expect.objectContaining({ kind: 'lint', severity: 'error', slug: 'broken', file: 'registry/customers/broken.yaml', rule: 'yaml-syntax' }),
    ]);
    expect(ase(['status', '--strict'], { cwd, today: TODAY }).code).toBe(1);
  });
});
