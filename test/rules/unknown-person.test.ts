import { describe, expect, it } from 'vitest';
import { activeCustomer, TEST_PEOPLE } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

const file = customerFile('acme');
const finding = (text: string, needle: string, after?: string) => ({ rule: 'unknown-person', severity: 'error', file, ...at(text, needle, after) });

describe('unknown-person', () => {
  it('flags a handle that people.yaml does not have, at the handle', () => {
    const text = edit(activeCustomer('Acme'), 'engineer: alice', 'engineer: zed');
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([finding(text, 'zed')]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('registry/people.yaml');
  });

  it('flags a person without the role the place needs: CE, engineer, approver', () => {
    let text = edit(activeCustomer('Acme'), 'ce: carol', 'ce: dan');
    text = edit(text, 'by: gina', 'by: erin');
    text = edit(text, 'backup: bob', 'backup: carol');
    const findings = lintTexts({ customers: { acme: text } });
    expect(where(findings)).toEqual([finding(text, 'carol', 'backup:'), finding(text, 'dan', 'ce:'), finding(text, 'erin', 'sales:')]);
    for (const f of findings) expect(f.message).toMatch(/role/);
  });

  it('flags an inactive engineer on an active customer, and unknown handles in lists', () => {
    const people = edit(TEST_PEOPLE, 'name: Bob Baker\n', 'name: Bob Baker\n    active: false\n');
    const text = activeCustomer('Acme', '  - on: 2026-11-26\n    with: nobody\n');
    const findings = lintTexts({ people, customers: { acme: text } });
    expect(where(findings)).toEqual([finding(text, 'bob', 'backup:'), finding(text, 'nobody')]);
    expect(findings[0]!.message).toMatch(/inactive/);
  });

  it('is quiet when every handle is known with the right role', () => {
    expect(lintTexts({ customers: { acme: activeCustomer('Acme') } })).toEqual([]);
  });
});
