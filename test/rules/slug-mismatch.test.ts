import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE } from '../helpers/repo.js';
import { at, customerFile, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

describe('slug-mismatch', () => {
  it('flags a file name that is not a valid slug, at the start of its content', () => {
    const text = activeCustomer('Acme');
    const findings = lintTexts({ customers: { Acme_Corp: text } });
    expect(where(findings)).toEqual([{ rule: 'slug-mismatch', severity: 'error', file: customerFile('Acme_Corp'), ...at(text, 'name:') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('Acme_Corp.yaml');
  });

  it('flags the second of two customers with the same name (ignoring case and spaces), at its name', () => {
    const second = activeCustomer('ACME  Corp').replace(/^name: .*$/m, 'name: "ACME  Corp"');
    const customers = { acme: activeCustomer('Acme Corp'), 'acme-2': second };
    const findings = lintTexts({ customers });
    expect(where(findings)).toEqual([{ rule: 'slug-mismatch', severity: 'error', file: customerFile('acme-2'), ...at(second, '"ACME') }]);
    expect(findings[0]!.message).toContain('acme.yaml');
  });

  it('is quiet for valid slugs and distinct names', () => {
    const requested = `${MODELINE.customer}name: Beta\nsegment: pre-sales\nterm: long-term\nstatus: requested\n`;
    expect(lintTexts({ customers: { acme: activeCustomer('Acme'), 'beta-2': requested } })).toEqual([]);
  });
});
