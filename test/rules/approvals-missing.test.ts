import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, only, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

const withoutSales = () => edit(activeCustomer('Acme'), '  sales:\n    by: gina\n    on: 2026-10-30\n', '');

describe('approvals-missing', () => {
  it('warns when an active customer lacks an approval, at approvals', () => {
    const text = withoutSales();
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([{ rule: 'approvals-missing', severity: 'warning', file: customerFile('acme'), ...at(text, 'approvals:') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('ase approve acme --as sales');
    expect(findings[0]!.message).not.toContain('--as cs');
  });

  it('is an error under require_approvals', () => {
    const findings = lintTexts({ config: `${MODELINE.config}require_approvals: true\n`, customers: { acme: withoutSales() } });
    expect(where(findings)).toEqual([{ rule: 'approvals-missing', severity: 'error', file: customerFile('acme'), ...at(withoutSales(), 'approvals:') }]);
  });

  it('points at status when there is no approvals block at all', () => {
    const text = edit(activeCustomer('Acme'), /approvals:\n( {2}.*\n)+/.exec(activeCustomer('Acme'))![0], '');
    expect(where(only(lintTexts({ customers: { acme: text } }), 'approvals-missing'))).toEqual([
      { rule: 'approvals-missing', severity: 'warning', file: customerFile('acme'), ...at(text, 'status:') },
    ]);
  });

  it('is quiet with all three, and for requests still being vetted', () => {
    expect(lintTexts({ customers: { acme: activeCustomer('Acme') } })).toEqual([]);
    const requested = edit(withoutSales(), 'status: active', 'status: requested');
    expect(only(lintTexts({ customers: { acme: requested } }), 'approvals-missing')).toEqual([]);
  });
});
