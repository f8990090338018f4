import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, only, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

/** Three active customers started on different days; `gamma` is the newest. */
function customers(): Record<string, string> {
  return {
    alpha: edit(activeCustomer('Alpha'), 'since: 2026-11-01', 'since: 2026-01-01'),
    beta: edit(activeCustomer('Beta'), 'since: 2026-11-01', 'since: 2026-02-01'),
    gamma: edit(activeCustomer('Gamma'), 'since: 2026-11-01', 'since: 2026-03-01'),
  };
}

describe('cap-exceeded', () => {
  it('flags the most recently started active customer beyond the cap, at its status', () => {
    const cs = customers();
    const findings = lintTexts({ config: `${MODELINE.config}cap: 2\n`, customers: cs });
    expect(where(findings)).toEqual([{ rule: 'cap-exceeded', severity: 'error', file: customerFile('gamma'), ...at(cs.gamma!, 'active') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('cap');
    expect(findings[0]!.message).toContain('registry/config.yaml');
  });

  it('is quiet at the cap, and ended or requested customers do not count', () => {
    const cs = customers();
    expect(only(lintTexts({ config: `${MODELINE.config}cap: 3\n`, customers: cs }), 'cap-exceeded')).toEqual([]);
    const ended = { ...cs, gamma: edit(cs.gamma!, 'status: active', 'status: ended') };
    expect(lintTexts({ config: `${MODELINE.config}cap: 2\n`, customers: ended }).filter((f) => f.rule === 'cap-exceeded')).toEqual([]);
  });

  it('uses the default cap of 15 when config.yaml does not set one', () => {
    const many: Record<string, string> = {};
    for (let i = 1; i <= 16; i++)
      many[`c${String(i).padStart(2, '0')}`] = edit(activeCustomer(`C${i}`), 'since: 2026-11-01', `since: 2026-10-${String(i).padStart(2, '0')}`);
    const findings = only(lintTexts({ config: `${MODELINE.config}require_approvals: false\n`, customers: many }), 'cap-exceeded');
    expect(findings.map((f) => f.file)).toEqual([customerFile('c16')]);
  });
});
