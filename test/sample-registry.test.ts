import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ase, PROJECT_ROOT } from './helpers/cli.js';

describe('the sample registry', () => {
  it('lints without errors; its warnings are the five the README names', () => {
    const r = ase(['lint', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(0);
    expect(out.findings.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`).sort()).toEqual([
      'checkin-overdue registry/customers/cyberdyne.yaml',
      'coverage-gap registry/time-off.yaml',
      'docs-stale registry/customers/wayne-biotech.yaml',
      'engineer-overloaded registry/people.yaml',
      'not-communicated registry/customers/oscorp.yaml',
    ]);
  });

  it('the README table of intentional warnings names the same rules and files', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The sample registry'), readme.indexOf('## Rules'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| `([^`]+)` \|/gm)].map((m) => `${m[1]} registry/${m[2]}`);
    const out = JSON.parse(ase(['lint', '--format', 'json']).stdout);
    expect(rows.sort()).toEqual(out.findings.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`).sort());
  });

  it('has past, current and upcoming time off on 2026-11-28, and a covered pre-sales customer', () => {
    const away = JSON.parse(ase(['away', '--json']).stdout) as {
      handle: string;
      from: string;
      to: string;
      customers: { slug: string; handler: string | null; role: string | null; gap_days: string[] }[];
    }[];
    expect(away.map((e) => `${e.handle} ${e.from}`)).toEqual(['dara 2026-11-26', 'emeka 2026-12-07', 'bruno 2026-12-21']);
    expect(away[0]!.from <= '2026-11-28' && away[0]!.to >= '2026-11-28').toBe(true);
    expect(away[2]!.customers.find((c) => c.slug === 'initech')).toEqual({ slug: 'initech', handler: 'emeka', role: 'cover', gap_days: [] });
    expect(away[1]!.customers.find((c) => c.slug === 'stark-fabrication')!.gap_days).toHaveLength(5);
    // The past entry (chen, October) is on the page, which lists every entry.
    expect(ase(['render', '--check']).code).toBe(0);
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
