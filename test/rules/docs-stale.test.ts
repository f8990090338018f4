import { describe, expect, it } from 'vitest';
import { activeCustomer } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

const updatedOn = (date: string) => edit(activeCustomer('Acme'), 'updated_on: 2026-11-01', `updated_on: ${date}`);

describe('docs-stale', () => {
  it('warns when the design doc is older than docs_stale_after_days, at its date', () => {
    const text = updatedOn('2026-08-29'); // 91 days before 2026-11-28
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([{ rule: 'docs-stale', severity: 'warning', file: customerFile('acme'), ...at(text, '2026-08-29') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('ase docs acme --updated');
  });

  it('is quiet at exactly the limit', () => {
    expect(lintTexts({ customers: { acme: updatedOn('2026-08-30') } })).toEqual([]);
  });

  it('warns when no design doc is linked, at docs', () => {
    const text = edit(activeCustomer('Acme'), '  design_doc: https://docs.example.com/acme\n', '');
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([{ rule: 'docs-stale', severity: 'warning', file: customerFile('acme'), ...at(text, 'docs:') }]);
    expect(findings[0]!.message).toContain('design_doc');
  });
});
