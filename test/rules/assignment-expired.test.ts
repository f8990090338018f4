import { describe, expect, it } from 'vitest';
import { activeCustomer } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, only, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

const temporary = (endsOn: string) => edit(activeCustomer('Acme'), 'term: long-term', `term: temporary\nends_on: ${endsOn}`);

describe('assignment-expired', () => {
  it('warns when a temporary assignment is still active after its end date, at ends_on', () => {
    const text = temporary('2026-11-27');
    const findings = lintTexts({ customers: { acme: text } }, '2026-11-28');
    expect(where(findings)).toEqual([{ rule: 'assignment-expired', severity: 'warning', file: customerFile('acme'), ...at(text, '2026-11-27') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('ase end acme');
  });

  it('is quiet on the last day, once ended, and for long-term', () => {
    expect(lintTexts({ customers: { acme: temporary('2026-11-28') } }, '2026-11-28')).toEqual([]);
    const ended = edit(temporary('2026-11-01'), 'status: active', 'status: ended');
    expect(only(lintTexts({ customers: { acme: ended } }), 'assignment-expired')).toEqual([]);
    expect(lintTexts({ customers: { acme: activeCustomer('Acme') } }, '2030-01-01').filter((f) => f.rule === 'assignment-expired')).toEqual([]);
  });

  it('takes today from the caller, not the clock', () => {
    expect(only(lintTexts({ customers: { acme: temporary('2026-11-27') } }, '2026-11-20'), 'assignment-expired')).toEqual([]);
  });
});
