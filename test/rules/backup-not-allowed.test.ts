import { describe, expect, it } from 'vitest';
import { at, customerFile, edit, lintTexts, preSalesCustomer, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

describe('backup-not-allowed', () => {
  it('flags a backup on a pre-sales customer, at the backup', () => {
    const text = edit(preSalesCustomer('Initech'), 'engineer: alice\n', 'engineer: alice\nbackup: bob\n');
    const findings = lintTexts({ customers: { initech: text } });
    expect(where(findings)).toEqual([{ rule: 'backup-not-allowed', severity: 'error', file: customerFile('initech'), ...at(text, 'bob') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('backup');
  });

  it('flags it whatever the status, and is quiet without one', () => {
    const requested = edit(edit(preSalesCustomer('Initech'), 'engineer: alice\n', 'backup: bob\n'), 'status: active', 'status: requested');
    expect(where(lintTexts({ customers: { initech: requested } }))).toEqual([
      { rule: 'backup-not-allowed', severity: 'error', file: customerFile('initech'), ...at(requested, 'bob') },
    ]);
    expect(lintTexts({ customers: { initech: preSalesCustomer('Initech') } })).toEqual([]);
  });
});
