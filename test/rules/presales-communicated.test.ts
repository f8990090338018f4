import { describe, expect, it } from 'vitest';
import { at, customerFile, edit, lintTexts, preSalesCustomer, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

describe('presales-communicated', () => {
  it('flags a pre-sales assignment marked communicated, at the flag', () => {
    const text = edit(preSalesCustomer('Initech'), 'communicated: false', 'communicated: true');
    const findings = lintTexts({ customers: { initech: text } });
    expect(where(findings)).toEqual([
      { rule: 'presales-communicated', severity: 'error', file: customerFile('initech'), ...at(text, 'true', 'communicated:') },
    ]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('communicated: false');
  });

  it('is quiet for pre-sales kept internal', () => {
    expect(lintTexts({ customers: { initech: preSalesCustomer('Initech') } })).toEqual([]);
  });
});
