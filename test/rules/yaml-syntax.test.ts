import { describe, expect, it } from 'vitest';
import { activeCustomer } from '../helpers/repo.js';
import { at, customerFile, edit, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

const file = customerFile('acme');
const syntaxAt = (text: string, needle: string, after?: string) => ({ rule: 'yaml-syntax', severity: 'error', file, ...at(text, needle, after) });
const lint = (text: string) => lintTexts({ customers: { acme: text } });

describe('yaml-syntax', () => {
  it('flags a duplicate key at the second occurrence, naming the key', () => {
    const text = edit(activeCustomer('Acme'), 'ce: carol\n', 'ce: carol\nstatus: ended\n');
    const findings = lint(text);
    expect(where(findings)).toEqual([syntaxAt(text, 'status: ended')]);
    expect(findings[0]!.message).toContain('`status`');
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
  });

  it('flags an unterminated quote at its opening quote, not at the end of the file', () => {
    const text = edit(activeCustomer('Acme'), 'name: Acme', 'name: "Acme');
    expect(where(lint(text))).toEqual([syntaxAt(text, '"Acme')]);
    expect(lint(text)[0]!.message).toMatch(/closing "/);
  });

  it('flags each merge-conflict marker on its line', () => {
    const text = edit(activeCustomer('Acme'), 'engineer: alice\n', '<<<<<<< HEAD\nengineer: alice\n=======\nengineer: bob\n>>>>>>> theirs\n');
    expect(where(lint(text))).toEqual([syntaxAt(text, '<<<<<<<'), syntaxAt(text, '======='), syntaxAt(text, '>>>>>>>')]);
    expect(lint(text)[0]!.message).toMatch(/conflict/);
  });

  it('flags anchors at the & and aliases at the *', () => {
    const text = edit(edit(activeCustomer('Acme'), 'ce: carol', 'ce: &who carol'), '    with: carol', '    with: *who');
    expect(where(lint(text))).toEqual([syntaxAt(text, '&who'), syntaxAt(text, '*who')]);
  });

  it('flags a tab used for indentation', () => {
    const text = edit(activeCustomer('Acme'), '  cs:\n', '\tcs:\n');
    const findings = lint(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(where(findings)[0]).toEqual(syntaxAt(text, '\tcs:'));
    expect(findings[0]!.message).toMatch(/tab/i);
  });

  it('flags a NUL byte where it is', () => {
    const text = edit(activeCustomer('Acme'), 'ce: carol', 'ce: car\0ol');
    expect(where(lint(text))).toEqual([syntaxAt(text, '\0')]);
  });

  it('never runs the rules on data it could not read, and is quiet on valid YAML', () => {
    const text = edit(activeCustomer('Acme'), 'backup: bob\n', 'backup: bob\nbackup: bob\n');
    expect(lint(text).map((f) => f.rule)).toEqual(['yaml-syntax']);
    expect(lint(activeCustomer('Acme'))).toEqual([]);
  });
});

describe('yaml-syntax: what the registry does not allow even in valid YAML', () => {
  it('flags explicit tags at the tag', () => {
    const text = edit(edit(activeCustomer('Acme'), 'ce: carol', 'ce: !!str carol'), 'with: carol', 'with: [!!binary aGk=]');
    const findings = lint(text);
    expect(where(findings)).toEqual([syntaxAt(text, '!!str'), syntaxAt(text, '!!binary')]);
    expect(findings[0]!.message).toContain('!!str');
  });

  it('flags a list or mapping used as a key', () => {
    const text = `${activeCustomer('Acme')}? [a, b]\n: c\n`;
    expect(where(lint(text))).toEqual([syntaxAt(text, '[a, b]')]);
  });

  it('stops at nesting too deep to parse the same way every time, whatever the line breaks', () => {
    // Past the limit the parser would run out of stack at a depth that varies between runs.
    for (const br of ['\n', '\r\n', '\r']) {
      const text = `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join(br)} end${br}`;
      const findings = lint(text);
      expect(findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
      expect(findings[0]!.message).toMatch(/indented more than 500 columns/);
    }
  });
});
