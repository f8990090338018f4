import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { registryRepo } from '../helpers/repo.js';
import { customerYaml, statusRepo, TODAY } from './fixture.js';

function expectNarrow(text: string): void {
  const long = text.split('\n').filter((l) => l.length > 80);
  expect(long).toEqual([]);
}

describe('ase status (text)', () => {
  it('reads well at 80 columns on the sample registry (the README quick start)', () => {
    const r = ase(['status']);
    expect(r.code).toBe(0);
    expectNarrow(r.stdout);
    expect(r.stdout.split('\n')[0]).toBe('Status on 2026-11-28 · 9 of 15 active assignments (6 free)');
    expect(r.stdout).toContain('Warnings (5)');
    expect(r.stdout).toContain('  • customer not told · Oscorp Industries (oscorp)');
    expect(r.stdout).toContain('  • check-in overdue · Cyberdyne Systems (cyberdyne)');
    expect(r.stdout).toContain('  • overloaded · Farah Haddad (farah)');
    expect(r.stdout).toContain('`ase engineers set farah --available`');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^⚠ 0 errors, 5 warnings, \d+ hints$/);
  });

  it('keeps every line within 80 columns with long names and every kind', () => {
    const long = 'An Extraordinarily Long Customer Name That Goes On And On Incorporated International';
    const cwd = registryRepo({ customers: { long: customerYaml(long, { checkins: undefined, since: '2025-01-01', docs: undefined }) } });
    const r = ase(['status'], { cwd, today: TODAY });
    expectNarrow(r.stdout);
    expect(r.stdout).toContain('An Extraordinarily Long');
    expectNarrow(ase(['status'], { cwd: statusRepo(), today: TODAY }).stdout);
  });

  it('groups errors, warnings and hints in that order, counted as the JSON lists them', () => {
    const cwd = statusRepo();
    const out = ase(['status'], { cwd, today: TODAY }).stdout;
    // The counts come from the same registry's JSON (status-cli.test.ts pins its items), so a new rule firing here changes one test, not two.
    const items: { severity: string }[] = JSON.parse(ase(['status', '--json'], { cwd, today: TODAY }).stdout).items;
    const n = (severity: string) => items.filter((i) => i.severity === severity).length;
    const [errors, warnings, hints] = [n('error'), n('warning'), n('info')];
    expect(Math.min(errors, warnings, hints), 'the fixture has items of every severity').toBeGreaterThan(0);
    const at = (s: string) => out.indexOf(s);
    expect(at(`Errors (${errors})`)).toBeGreaterThan(0);
    expect(at(`Errors (${errors})`)).toBeLessThan(at(`Warnings (${warnings})`));
    expect(at(`Warnings (${warnings})`)).toBeLessThan(at(`Hints (${hints})`));
    expect(out).toContain(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warnings, ${hints} hints`);
  });

  it('says when nothing needs attention, and --strict passes then', () => {
    const cwd = registryRepo({ customers: { acme: customerYaml('Acme') } });
    const r = ase(['status', '--strict'], { cwd, today: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Nothing needs attention.');
    expect(JSON.parse(ase(['status', '--json'], { cwd, today: TODAY }).stdout)).toEqual({ cap: { used: 1, limit: 15 }, items: [] });
  });
});

describe('ase status --strict', () => {
  it('fails on warnings (the sample has four)', () => {
    expect(ase(['status', '--strict']).code).toBe(1);
    expect(ase(['status']).code).toBe(0);
  });

  it('passes when only hints remain', () => {
    const cwd = registryRepo({ customers: { soon: customerYaml('Soon', { term: 'temporary', ends_on: '2026-12-01' }) } });
    const r = ase(['status', '--strict', '--json'], { cwd, today: TODAY });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items.map((i: { kind: string; severity: string }) => `${i.severity} ${i.kind}`)).toEqual(['info ending-soon']);
  });
});
