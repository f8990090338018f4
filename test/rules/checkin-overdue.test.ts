import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

const lastOn = (date: string) => edit(activeCustomer('Acme'), '  - on: 2026-11-25', `  - on: ${date}`);

describe('checkin-overdue', () => {
  it('warns when the last check-in is older than cadence + grace, at checkins', () => {
    const text = lastOn('2026-11-17'); // 11 days before today: 4 days past the 7-day cadence, grace 3
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([{ rule: 'checkin-overdue', severity: 'warning', file: customerFile('acme'), ...at(text, 'checkins:') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('ase checkin acme');
  });

  it('is quiet within the grace days, and follows config.yaml', () => {
    expect(lintTexts({ customers: { acme: lastOn('2026-11-18') } })).toEqual([]);
    const strict = `${MODELINE.config}checkin_grace_days: 0\n`;
    expect(where(lintTexts({ config: strict, customers: { acme: lastOn('2026-11-20') } })).map((f) => f.rule)).toEqual(['checkin-overdue']);
  });

  it('counts from `since` when there was no check-in yet, pointing at since', () => {
    const text = edit(activeCustomer('Acme'), 'checkins:\n  - on: 2026-11-25\n    with: carol\n', '');
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([{ rule: 'checkin-overdue', severity: 'warning', file: customerFile('acme'), ...at(text, 'since:') }]);
  });

  it('ignores customers that are not active', () => {
    const ended = edit(lastOn('2026-01-01'), 'status: active', 'status: ended');
    expect(lintTexts({ customers: { acme: ended } }).filter((f) => f.rule === 'checkin-overdue')).toEqual([]);
  });
});
