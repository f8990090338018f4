import { describe, expect, it } from 'vitest';
import { ase } from './helpers/cli.js';

describe('the sample registry', () => {
  it('lints without errors; its warnings are the four the README names', () => {
    const r = ase(['lint', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(0);
    expect(out.findings.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`).sort()).toEqual([
      'checkin-overdue registry/customers/cyberdyne.yaml',
      'docs-stale registry/customers/wayne-biotech.yaml',
      'engineer-overloaded registry/people.yaml',
      'not-communicated registry/customers/oscorp.yaml',
    ]);
  });

  it('lists requested and active customers with cap usage', () => {
    const r = ase(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/active 9\/15/);
    expect(r.stdout).toContain('northwind-logistics');
    expect(r.stdout).not.toContain('hooli');
  });
});
