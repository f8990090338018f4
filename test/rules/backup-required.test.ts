import { describe, expect, it } from 'vitest';
import { activeCustomer } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, only, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

describe('backup-required', () => {
  it('flags an active post-sales customer without a backup, at its engineer', () => {
    const text = edit(activeCustomer('Acme'), 'backup: bob\n', '');
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([{ rule: 'backup-required', severity: 'error', file: customerFile('acme'), ...at(text, 'engineer:') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('backup');
  });

  it('is quiet with a backup, for requested customers and for pre-sales', () => {
    expect(lintTexts({ customers: { acme: activeCustomer('Acme') } })).toEqual([]);
    const requested = edit(edit(activeCustomer('Acme'), 'backup: bob\n', ''), 'status: active', 'status: requested');
    expect(only(lintTexts({ customers: { acme: requested } }), 'backup-required')).toEqual([]);
    const presales = edit(
      edit(edit(activeCustomer('Acme'), 'segment: post-sales', 'segment: pre-sales'), 'backup: bob\n', ''),
      'communicated: true',
      'communicated: false',
    );
    expect(lintTexts({ customers: { acme: presales } })).toEqual([]);
  });
});
