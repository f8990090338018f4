/** Rule messages quote user values briefly (as schema messages do) and count in the right number. */
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, MODELINE, registryRepo, TEST_PEOPLE } from '../helpers/repo.js';
import { edit, lintTexts } from './lint-texts.js';

describe('rule messages', () => {
  it('clip a long quoted value to 60 characters, as schema messages do', () => {
    const handle = `z${'x'.repeat(100_000)}`;
    const name = `Acme ${'y'.repeat(5_000)}`;
    const people = `${TEST_PEOPLE}  - handle: ${'h'.repeat(200)}\n    name: Twice\n    roles: [support-engineer]\n  - handle: ${'h'.repeat(200)}\n    name: Twice Again\n    roles: [support-engineer]\n`;
    const text = edit(edit(activeCustomer(name), 'engineer: alice', `engineer: ${handle}`), 'backup: bob', 'backup: alice');
    const findings = lintTexts({ people, customers: { acme: text, 'Bad Slug': activeCustomer(name) } });
    const rules = new Set(findings.map((f) => f.rule));
    for (const rule of ['unknown-person', 'duplicate-handle', 'slug-mismatch']) expect(rules, rule).toContain(rule);
    for (const f of findings) {
      expect(f.message.length, `${f.rule}: ${f.message.slice(0, 200)}`).toBeLessThan(400);
      for (const quoted of f.message.match(/"[^"]*"/g) ?? []) expect(quoted.length, f.message.slice(0, 200)).toBeLessThanOrEqual(62);
    }
    expect(findings.find((f) => f.rule === 'unknown-person')!.message).toContain(`"z${'x'.repeat(56)}..."`);
  });

  it('say "1 day", not "1 days"', () => {
    // A check-in every day, no grace, the last two days ago; a temporary assignment that ended yesterday.
    const config = `${MODELINE.config}cap: 15\ncheckin_every_days: 1\ncheckin_grace_days: 0\n`;
    const text = edit(edit(activeCustomer('Acme'), 'term: long-term', 'term: temporary\nends_on: 2026-11-27'), 'on: 2026-11-25', 'on: 2026-11-26');
    const findings = lintTexts({ config, customers: { acme: text } });
    const messages = findings.map((f) => f.message).join('\n');
    expect(messages).toContain('(1 day ago)');
    expect(messages).toContain('1 day overdue (every 1 day)');
    expect(messages).not.toMatch(/\b1 days\b/);
  });

  it('list counts one customer as "1 customer in all"', () => {
    const dir = registryRepo({ customers: { acme: activeCustomer('Acme') } });
    const r = ase(['list'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 customer in all');
    expect(r.stdout).not.toContain('1 customers');
  });
});
