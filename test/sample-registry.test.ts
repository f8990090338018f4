import { describe, expect, it } from 'vitest';
import { ase } from './helpers/cli.js';

describe('the sample registry', () => {
  it('lints without errors; its warnings are the three the README names', () => {
    const r = ase(['lint', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(0);
    expect(out.findings.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`).sort()).toEqual([
      'checkin-overdue registry/customers/cyberdyne.yaml',
      'docs-stale registry/customers/wayne-biotech.yaml',
      'engineer-overloaded registry/people.yaml',
    ]);
  });

  it('has its CODEOWNERS up to date, and every approval by someone other than the approver carries evidence', () => {
    expect(ase(['codeowners', '--check']).code).toBe(0);
    const customers = JSON.parse(ase(['list', '--all', '--json']).stdout) as { slug: string }[];
    for (const { slug } of customers) {
      const approvals = (JSON.parse(ase(['show', slug, '--json']).stdout).approvals ?? {}) as Record<string, { by: string; evidence?: string }>;
      // The story: kim (CS leadership) records her own approvals and, with the chat link, leo's and maya's.
      for (const [role, a] of Object.entries(approvals)) expect(a.evidence !== undefined, `${slug} ${role}`).toBe(a.by !== 'kim');
    }
  });

  it('lists requested and active customers with cap usage', () => {
    const r = ase(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/active 9\/15/);
    expect(r.stdout).toContain('northwind-logistics');
    expect(r.stdout).not.toContain('hooli');
  });
});
