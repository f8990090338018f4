import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';

describe('ase note', () => {
  it('gives a plain note for a post-sales customer: engineer, backup, CE, why, latest context', () => {
    const r = ase(['note', 'northwind-logistics'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b/);
    expect(r.stdout).toBe(
      [
        'Northwind Logistics (northwind-logistics) has an assigned support engineer',
        'Segment: post-sales (strategic), long-term',
        'Engineer: Amara Okafor (@amara)',
        'Backup: Bruno Lindqvist (@bruno)',
        'CE: Hana Sato (@hana)',
        'Communicated: yes, the customer knows their engineer',
        'Why: Strategic renewal next year and a complex multi-region setup.',
        'Environment: Two-region Kubernetes emulation in the support sandbox; CE has access.',
        'Context (check-in 2026-11-24): Change freeze from 2026-12-15 to 2027-01-05.',
        'Current goals: Berlin rollout by mid-December.',
        'Design doc: https://docs.example.com/customers/northwind-logistics',
        '',
      ].join('\n'),
    );
  });

  it('marks a pre-sales assignment internal only, with its end date and no backup', () => {
    const r = ase(['note', 'initech']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('internal only');
    expect(r.stdout).toContain('Internal only — do not tell the customer.');
    expect(r.stdout).toContain('temporary until 2027-01-15');
    expect(r.stdout).not.toContain('Backup');
  });

  it('unknown customer: exit 2', () => {
    expect(ase(['note', 'nope']).code).toBe(2);
  });
});

describe('ase show additions', () => {
  it('shows the latest check-in answers, Salesforce freshness and hand-over readiness', () => {
    const r = ase(['show', 'cyberdyne']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('going well    Indexing times back to normal.');
    expect(r.stdout).toContain('context       Very large monorepo (400 GB).');
    expect(r.stdout).toContain('hand-over     not ready: CE check-in overdue');
    const ready = ase(['show', 'northwind-logistics']).stdout;
    expect(ready).toContain('hand-over     ready: docs, check-ins and notes are current');
    const initech = ase(['show', 'initech']).stdout;
    expect(initech).toContain('salesforce    never — ask the CE to update Salesforce');
    expect(ase(['show', 'wayne-biotech']).stdout).toContain('not ready: design doc stale');
  });
});
