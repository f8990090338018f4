/** Black-box: hand-broken copies of the sample give one finding at the right place, exit 1, no stack trace. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { git, MODELINE } from '../helpers/repo.js';
import { at, edit } from '../rules/lint-texts.js';
import { breakSample, expectErrors } from './break-sample.js';

const NORTHWIND = 'registry/customers/northwind-logistics.yaml';
const INITECH = 'registry/customers/initech.yaml';

describe('hand-breaking the sample registry', () => {
  it('unknown field: schema error at the key', () => {
    const b = breakSample(NORTHWIND, (t) => edit(t, 'term: long-term\n', 'term: long-term\nfavourite: yes\n'));
    expectErrors(b, [{ rule: 'schema', file: NORTHWIND, ...at(b.text, 'favourite') }]);
  });

  it('wrong enum: schema error at the value', () => {
    const b = breakSample(NORTHWIND, (t) => edit(t, 'status: active', 'status: actve'));
    expectErrors(b, [{ rule: 'schema', file: NORTHWIND, ...at(b.text, 'actve') }]);
  });

  it('a date that does not exist (2026-02-30): schema error at the value', () => {
    const b = breakSample(NORTHWIND, (t) => edit(t, 'since: 2025-03-03', 'since: 2026-02-30'));
    expectErrors(b, [{ rule: 'schema', file: NORTHWIND, ...at(b.text, '2026-02-30') }]);
  });

  it('a backup on a pre-sales customer: backup-not-allowed at the backup', () => {
    const b = breakSample(INITECH, (t) => edit(t, '\nengineer: bruno\n', '\nengineer: bruno\nbackup: chen\n'));
    expectErrors(b, [{ rule: 'backup-not-allowed', file: INITECH, ...at(b.text, 'chen') }]);
  });

  it('a 16th active customer: cap-exceeded on the newest, at its status', () => {
    const b = breakSample('registry/config.yaml', (t) => t);
    const engineers = ['bruno', 'emeka', 'emeka', 'chen', 'dara', 'bruno', 'amara'];
    let last = '';
    engineers.forEach((engineer, i) => {
      last = `${MODELINE.customer}name: Extra ${i}\nsegment: pre-sales\nterm: long-term\nstatus: active\nengineer: ${engineer}\nce: hana\ncommunicated: false\nsince: 2026-11-2${i}\n`;
      writeFileSync(join(b.repo, 'registry', 'customers', `extra-${i}.yaml`), last);
    });
    const r = ase(['lint', '--format', 'json'], { cwd: b.repo });
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(
      json.findings
        .filter((f: { severity: string; rule: string }) => f.severity === 'error' && f.rule !== 'page-out-of-date')
        .map(({ rule, file, line, column }: Record<string, unknown>) => ({ rule, file, line, column })),
    ).toEqual([{ rule: 'cap-exceeded', file: 'registry/customers/extra-6.yaml', ...at(last, 'active') }]);
    expect(ase(['list'], { cwd: b.repo }).stdout).toMatch(/active 16\/15/);
  });

  it('duplicate key: yaml-syntax at the second key', () => {
    const b = breakSample(NORTHWIND, (t) => edit(t, 'ce: hana\n', 'ce: hana\nengineer: chen\n'));
    expectErrors(b, [{ rule: 'yaml-syntax', file: NORTHWIND, ...at(b.text, 'engineer: chen') }]);
  });

  it('unterminated quote: yaml-syntax at the opening quote', () => {
    const b = breakSample(NORTHWIND, (t) => edit(t, 'name: Northwind Logistics', 'name: "Northwind Logistics'));
    expectErrors(b, [{ rule: 'yaml-syntax', file: NORTHWIND, ...at(b.text, '"Northwind') }]);
  });

  it('merge-conflict markers: yaml-syntax on each marker line', () => {
    const b = breakSample(NORTHWIND, (t) => edit(t, '\nbackup: bruno\n', '\n<<<<<<< HEAD\nbackup: bruno\n=======\nbackup: chen\n>>>>>>> feature\n'));
    expectErrors(
      b,
      ['<<<<<<<', '=======', '>>>>>>>'].map((m) => ({ rule: 'yaml-syntax', file: NORTHWIND, ...at(b.text, m) })),
    );
  });

  it('anchors and aliases: yaml-syntax at each', () => {
    const b = breakSample(NORTHWIND, (t) => edit(edit(t, 'ce: hana', 'ce: &ce hana'), 'with: hana\n    going_well: SSO', 'with: *ce\n    going_well: SSO'));
    expectErrors(b, [
      { rule: 'yaml-syntax', file: NORTHWIND, ...at(b.text, '&ce') },
      { rule: 'yaml-syntax', file: NORTHWIND, ...at(b.text, '*ce') },
    ]);
  });

  it('a tab used for indentation: yaml-syntax at the tab', () => {
    const b = breakSample(NORTHWIND, (t) => edit(t, '  pros:\n', '\tpros:\n'));
    expect(b.result.code).toBe(1);
    expect(b.errors[0]).toMatchObject({ rule: 'yaml-syntax', file: NORTHWIND, ...at(b.text, '\tpros') });
    expect(b.errors.every((f) => f.rule === 'yaml-syntax')).toBe(true);
  });

  it('an empty file: schema error at 1:1 saying it is empty', () => {
    const b = breakSample(NORTHWIND, () => '');
    expectErrors(b, [{ rule: 'schema', file: NORTHWIND, line: 1, column: 1 }]);
    expect(b.errors[0]!.message).toMatch(/empty/);
  });

  it('CRLF line endings are fine, and positions stay right in them', () => {
    const clean = breakSample(NORTHWIND, (t) => t.replace(/\n/g, '\r\n'));
    expect(clean.result.code).toBe(0);
    expect(clean.json.errors).toBe(0);
    const b = breakSample(NORTHWIND, (t) => edit(t, 'status: active', 'status: actve').replace(/\n/g, '\r\n'));
    expectErrors(b, [{ rule: 'schema', file: NORTHWIND, ...at(b.text, 'actve') }]);
  });

  it('a UTF-8 byte-order mark is fine, and columns on line 1 and 2 stay right', () => {
    const clean = breakSample(NORTHWIND, (t) => `\uFEFF${t}`);
    expect(clean.result.code).toBe(0);
    const b = breakSample(
      NORTHWIND,
      (t) => `\uFEFF${edit(t, '# yaml-language-server: $schema=../../schemas/customer.schema.json\nname: Northwind Logistics', 'name: [Northwind')}`,
    );
    expect(b.result.code).toBe(1);
    expect(b.errors[0]).toMatchObject({ rule: 'yaml-syntax', file: NORTHWIND });
    // A schema error on line 1 itself, right after the mark: its column counts from the first character, not the mark.
    const first = breakSample(
      NORTHWIND,
      (t) => `\uFEFF${edit(t, '# yaml-language-server: $schema=../../schemas/customer.schema.json\nname: Northwind Logistics', 'name: [1, 2]')}`,
    );
    expectErrors(first, [{ rule: 'schema', file: NORTHWIND, line: 1, column: 7 }]);
    const typo = breakSample(NORTHWIND, (t) => `\uFEFF${edit(t, 'segment: post-sales', 'segment: postsales')}`);
    expectErrors(typo, [{ rule: 'schema', file: NORTHWIND, ...at(typo.text.slice(1), 'postsales') }]);
  });

  it('the clean sample still exits 0 with its five warnings', () => {
    const b = breakSample(NORTHWIND, (t) => t);
    expect(b.result.code).toBe(0);
    expect(b.json).toMatchObject({ errors: 0, warnings: 5 });
    expect(git(b.repo, 'status', '--porcelain')).toBe('');
  });
});
