/** `ase status` takes its overdue, stale, expired, overloaded and approvals items from the lint rules. */
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { MODELINE, registryRepo, sampleRepo } from '../helpers/repo.js';
import { customerYaml, statusRepo, TODAY } from './fixture.js';

interface Finding {
  rule: string;
  severity: string;
  file: string;
  message: string;
}
interface Item {
  kind: string;
  severity: string;
  slug?: string;
  handle?: string;
  message: string;
  rule?: string;
}

function both(cwd: string, today: string): { findings: Finding[]; items: Item[] } {
  const lint = ase(['lint', '--format', 'json'], { cwd, today });
  const status = ase(['status', '--json'], { cwd, today });
  expect(lint.stderr).toBe('');
  expect(status.stderr).toBe('');
  expect(status.code).toBe(0);
  return { findings: JSON.parse(lint.stdout).findings, items: JSON.parse(status.stdout).items };
}

const key = (rule: string | undefined, severity: string, message: string) => `${rule} | ${severity} | ${message}`;

/** Every lint finding but cap-exceeded is one status item with the same rule, severity and message, and vice versa. */
function expectAgreement(cwd: string, today: string): Finding[] {
  const { findings, items } = both(cwd, today);
  const fromLint = findings
    .filter((f) => f.rule !== 'cap-exceeded')
    .map((f) => key(f.rule, f.severity, f.message))
    .sort();
  const fromStatus = items
    .filter((i) => i.rule !== undefined)
    .map((i) => key(i.rule, i.severity, i.message))
    .sort();
  // Status lists only the coverage gaps of the next ends_soon_days: every other finding is an item, and no item is not a finding.
  expect(fromStatus.filter((k) => !fromLint.includes(k))).toEqual([]);
  expect(fromLint.filter((k) => !fromStatus.includes(k) && !k.startsWith('coverage-gap |'))).toEqual([]);
  // The slug of each customer item is the file lint names.
  for (const i of items.filter((x) => x.rule !== undefined && x.slug !== undefined)) {
    expect(findings.some((f) => f.file.endsWith(`/customers/${i.slug}.yaml`) && f.message === i.message)).toBe(true);
  }
  return findings;
}

describe('status and lint agree', () => {
  it('on the purpose-built registry', () => {
    const findings = expectAgreement(statusRepo(), TODAY);
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of ['checkin-overdue', 'docs-stale', 'assignment-expired', 'engineer-overloaded', 'approvals-missing', 'backup-required'])
      expect(rules).toContain(r);
  });

  // On a copy of the sample (not the live checkout), where every one of these days has findings to agree on.
  it.each(['2026-03-01', '2026-11-28', '2026-12-10', '2027-02-01', '2027-06-30'])('on the sample registry on %s', (today) => {
    expect(expectAgreement(sampleRepo(), today).length).toBeGreaterThan(0);
  });

  it('status lists a coverage gap once it is within ends_soon_days; lint warns of it before', () => {
    // The sample: emeka away 2026-12-07..2026-12-11, the pre-sales Stark Fabrication uncovered; ends_soon_days 14.
    const cwd = sampleRepo();
    const gaps = (today: string) => ({
      lint: both(cwd, today).findings.filter((f) => f.rule === 'coverage-gap').length,
      status: both(cwd, today).items.filter((i) => i.kind === 'coverage-gap').length,
    });
    expect(gaps('2026-11-22')).toEqual({ lint: 1, status: 0 }); // 15 days ahead
    expect(gaps('2026-11-23')).toEqual({ lint: 1, status: 1 }); // 14 days ahead
  });

  it('the day a check-in becomes overdue, both say so; the day before, neither does', () => {
    // Last check-in 2026-11-25; cadence 7 + grace 3: overdue from 2026-12-06.
    const cwd = registryRepo({ customers: { acme: customerYaml('Acme') } });
    const kinds = (today: string) => both(cwd, today).items.filter((i) => i.kind === 'checkin-overdue').length;
    expect(kinds('2026-12-05')).toBe(0);
    expect(kinds('2026-12-06')).toBe(1);
    expectAgreement(cwd, '2026-12-06');
  });

  it('over the cap: one cap error item where lint flags each customer beyond it', () => {
    const cwd = registryRepo({
      config: `${MODELINE.config}cap: 2\n`,
      customers: { a: customerYaml('A'), b: customerYaml('B', { engineer: 'alice' }), c: customerYaml('C', { engineer: 'dan' }) },
    });
    const { findings, items } = both(cwd, TODAY);
    expect(findings.filter((f) => f.rule === 'cap-exceeded')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'cap')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/^3 active assignments, 1 over the cap of 2 \(registry\/config\.yaml: cap\)/),
      }),
    ]);
    expect(items[0]!.kind).toBe('cap');
    expectAgreement(cwd, TODAY);
  });
});
