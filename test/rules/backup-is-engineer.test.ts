import { describe, expect, it } from 'vitest';
import { activeCustomer } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

describe('backup-is-engineer', () => {
  it('flags a backup who is also the engineer, at the backup', () => {
    const text = edit(activeCustomer('Acme'), 'backup: bob', 'backup: alice');
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([{ rule: 'backup-is-engineer', severity: 'error', file: customerFile('acme'), ...at(text, 'alice', 'backup:') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('backup');
  });

  it('is quiet when they differ', () => {
    expect(lintTexts({ customers: { acme: activeCustomer('Acme') } })).toEqual([]);
  });
});
