import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, only, preSalesCustomer, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

/** An active post-sales customer (alice, backup bob) that started on `since` and was not told. */
const untold = (since: string, extra = '') =>
  edit(edit(activeCustomer('Acme', extra), 'communicated: true', 'communicated: false'), 'since: 2026-11-01', `since: ${since}`);

describe('not-communicated', () => {
  it('warns when a post-sales customer is not told within 7 days of since, at the communicated key', () => {
    const text = untold('2026-11-20'); // 8 days before today (2026-11-28)
    const findings = only(lintTexts({ customers: { acme: text } }), 'not-communicated');
    expect(where(findings)).toEqual([{ rule: 'not-communicated', severity: 'warning', file: customerFile('acme'), ...at(text, 'communicated:') }]);
    const message = findings[0]!.message;
    expect(message).toMatch(SAYS_WHAT_TO_DO);
    expect(message).toContain('alice');
    expect(message).toContain('bob');
    expect(message).toMatch(/ase told acme$/);
  });

  it('is quiet on the last day of the grace period, and follows communicate_within_days', () => {
    expect(only(lintTexts({ customers: { acme: untold('2026-11-21') } }), 'not-communicated')).toEqual([]);
    const slow = `${MODELINE.config}communicate_within_days: 30\n`;
    expect(only(lintTexts({ config: slow, customers: { acme: untold('2026-11-01') } }), 'not-communicated')).toEqual([]);
    const strict = `${MODELINE.config}communicate_within_days: 0\n`;
    expect(only(lintTexts({ config: strict, customers: { acme: untold('2026-11-27') } }), 'not-communicated')).toHaveLength(1);
  });

  it('counts told customers as told, with or without communicated_on (an imported page has no date)', () => {
    expect(lintTexts({ customers: { acme: activeCustomer('Acme') } })).toEqual([]);
    const dated = edit(activeCustomer('Acme'), 'communicated: true\n', 'communicated: true\ncommunicated_on: 2026-11-03\n');
    expect(lintTexts({ customers: { acme: dated } })).toEqual([]);
  });

  it('ignores pre-sales customers and customers that are not active', () => {
    const presales = edit(preSalesCustomer('Initech'), 'since: 2026-11-01', 'since: 2026-01-01');
    expect(only(lintTexts({ customers: { initech: presales } }), 'not-communicated')).toEqual([]);
    const ended = edit(untold('2026-01-01'), 'status: active', 'status: ended');
    expect(only(lintTexts({ customers: { acme: ended } }), 'not-communicated')).toEqual([]);
  });

  it('counts from a later hand-over of the backup alone, which leaves since as it was', () => {
    const history =
      'history:\n  - on: 2026-11-01\n    event: assigned\n    engineer: alice\n    backup: carl\n  - on: 2026-11-25\n    event: transition\n    engineer: alice\n    backup: bob\n    reason: leave\n';
    expect(only(lintTexts({ customers: { acme: untold('2026-11-01', history) } }), 'not-communicated')).toEqual([]);
    expect(only(lintTexts({ customers: { acme: untold('2026-11-01', history) } }, '2026-12-03'), 'not-communicated')).toHaveLength(1);
  });

  it('points at since when the file has no communicated field', () => {
    const text = edit(untold('2026-11-01'), 'communicated: false\n', '');
    const findings = only(lintTexts({ customers: { acme: text } }), 'not-communicated');
    expect(where(findings)).toEqual([{ rule: 'not-communicated', severity: 'warning', file: customerFile('acme'), ...at(text, 'since:') }]);
  });
});
