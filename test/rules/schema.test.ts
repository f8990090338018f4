import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE, TEST_PEOPLE } from '../helpers/repo.js';
import { at, customerFile, edit, FILES, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

const file = customerFile('acme');
const schemaAt = (text: string, needle: string, after?: string, f = file) => ({ rule: 'schema', severity: 'error', file: f, ...at(text, needle, after) });
const lint = (text: string) => lintTexts({ customers: { acme: text } });

describe('schema', () => {
  it('flags an unknown field at its key', () => {
    const text = edit(activeCustomer('Acme'), 'ce: carol\n', 'ce: carol\nengineeer: bob\n');
    const findings = lint(text);
    expect(where(findings)).toEqual([schemaAt(text, 'engineeer')]);
    expect(findings[0]!.message).toContain('engineeer');
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
  });

  it('flags an unknown field inside a nested map and inside a list item at its key', () => {
    const text = edit(
      edit(activeCustomer('Acme'), '  updated_on: 2026-11-01\n', '  updated_on: 2026-11-01\n  colour: blue\n'),
      '    with: carol\n',
      '    with: carol\n    mood: fine\n',
    );
    expect(where(lint(text))).toEqual([schemaAt(text, 'colour'), schemaAt(text, 'mood')]);
  });

  it('flags a wrong enum value at the value, listing the allowed ones', () => {
    const text = edit(activeCustomer('Acme'), 'segment: post-sales', 'segment: postsales');
    const findings = lint(text);
    expect(where(findings)).toEqual([schemaAt(text, 'postsales')]);
    expect(findings[0]!.message).toContain('post-sales, pre-sales');
  });

  it('flags a date that does not exist at the value, also inside lists', () => {
    const text = edit(edit(activeCustomer('Acme'), 'since: 2026-11-01', 'since: 2026-02-30'), '  - on: 2026-11-25', '  - on: 2026-11-31');
    const findings = lint(text).filter((f) => f.rule === 'schema');
    expect(where(findings)).toEqual([schemaAt(text, '2026-02-30'), schemaAt(text, '2026-11-31')]);
    expect(findings[0]!.message).toContain('YYYY-MM-DD');
  });

  it('flags a wrong type at the value, saying how to write it', () => {
    const text = edit(activeCustomer('Acme'), 'communicated: true', 'communicated: "yes"');
    const findings = lint(text);
    expect(where(findings)).toEqual([schemaAt(text, '"yes"')]);
    expect(findings[0]!.message).toMatch(/true or false/);
  });

  it('flags a missing required field of a nested map at its parent key', () => {
    const text = edit(activeCustomer('Acme'), '    by: erin\n', '');
    const findings = lint(text).filter((f) => f.rule === 'schema');
    expect(where(findings)).toEqual([schemaAt(text, 'cs:')]);
    expect(findings[0]!.message).toContain('`by`');
  });

  it('flags a missing required field of a list item at the item', () => {
    const text = edit(activeCustomer('Acme'), '    with: carol\n', '');
    expect(where(lint(text).filter((f) => f.rule === 'schema'))).toEqual([schemaAt(text, 'on: 2026-11-25')]);
  });

  it('flags a missing top-level field at the start of the mapping', () => {
    const text = edit(activeCustomer('Acme'), 'term: long-term\n', '');
    const findings = lint(text);
    expect(where(findings)).toEqual([schemaAt(text, 'name:')]);
    expect(findings[0]!.message).toContain('`term`');
  });

  it('flags a field required by another at the field that requires it', () => {
    const temporary = edit(activeCustomer('Acme'), 'term: long-term', 'term: temporary');
    expect(where(lint(temporary))).toEqual([schemaAt(temporary, 'term:')]);
    expect(lint(temporary)[0]!.message).toContain('ends_on');
    const noEngineer = edit(activeCustomer('Acme'), 'engineer: alice\n', '');
    expect(where(lint(noEngineer).filter((f) => f.rule === 'schema'))).toEqual([schemaAt(noEngineer, 'status:')]);
  });

  it('flags an empty file at 1:1 and says what to do', () => {
    for (const text of ['', MODELINE.customer]) {
      const findings = lint(text);
      expect(where(findings)).toEqual([{ rule: 'schema', severity: 'error', file, line: 1, column: 1 }]);
      expect(findings[0]!.message).toMatch(/empty/);
    }
  });

  it('checks people.yaml and config.yaml against their schemas too', () => {
    const people = edit(TEST_PEOPLE, 'roles: [customer-engineer]', 'roles: [customer-engneer]');
    expect(where(lintTexts({ people }))).toEqual([schemaAt(people, 'customer-engneer', undefined, FILES.people)]);
    const config = `${MODELINE.config}cap: ten\n`;
    expect(where(lintTexts({ config }))).toEqual([schemaAt(config, 'ten', undefined, FILES.config)]);
  });

  it('is quiet on a valid file', () => {
    expect(lint(activeCustomer('Acme'))).toEqual([]);
  });
});
