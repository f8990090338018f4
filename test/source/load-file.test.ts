/** Unit tests of the text -> data step: positions, syntax findings, schema problems. No IO. */
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/source/load-file.js';
import { parseYaml } from '../../src/source/parse-yaml.js';
import { schemaProblems } from '../../src/source/schema-findings.js';
import { at } from '../rules/lint-texts.js';

const TEXT = `# comment line
name: Acme
docs:
  design_doc: https://x.example
checkins:
  - on: 2026-11-01
    with: carol
  - on: 2026-11-08
    with: dan
`;

describe('loadFile positions', () => {
  const f = loadFile('c.yaml', 'customer', TEXT);

  it('finds values, keys and list items, 1-based', () => {
    expect(f.position(['name'])).toEqual(at(TEXT, 'Acme'));
    expect(f.position(['name'], true)).toEqual(at(TEXT, 'name'));
    expect(f.position(['checkins', 1, 'with'])).toEqual(at(TEXT, 'dan'));
    expect(f.position(['checkins', 1])).toEqual(at(TEXT, 'on: 2026-11-08'));
    expect(f.position(['docs', 'design_doc'], true)).toEqual(at(TEXT, 'design_doc'));
  });

  it('falls back to the deepest key that exists when the path goes further', () => {
    expect(f.position(['docs', 'updated_on'])).toEqual(at(TEXT, 'docs:'));
    expect(f.position(['checkins', 5, 'with'])).toEqual(at(TEXT, 'checkins:'));
    expect(f.position(['nothing'])).toEqual(at(TEXT, 'name:'));
    expect(f.position([])).toEqual(at(TEXT, 'name:'));
  });

  it('reports syntax problems as yaml-syntax findings and never throws', () => {
    for (const text of [
      'a: [1, 2',
      'a: b: c',
      '- a\nb: 1',
      '\u0000',
      '"',
      'a:\n\t- b',
      '{',
      '? [a]\n: b',
      'a: !!binary aGk=',
      'a: 1\n---\nb: 2\n',
      'a: &x 1\nb: *x\n',
    ]) {
      const loaded = loadFile('x.yaml', 'config', text);
      expect(loaded.data, text).toBeUndefined();
      expect(loaded.findings.length, text).toBeGreaterThan(0);
      for (const finding of loaded.findings) {
        expect(finding.rule, text).toBe('yaml-syntax');
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.column).toBeGreaterThanOrEqual(1);
        expect(finding.message).toMatch(/: \S/);
      }
    }
  });

  it('keeps dates as strings (YAML 1.2 core schema) and does not read data it could not parse', () => {
    expect(parseYaml('x.yaml', 'on: 2026-11-01\nflag: yes\n').data).toEqual({ on: '2026-11-01', flag: 'yes' });
    expect(loadFile('x.yaml', 'customer', 'a: 1\na: 2\n').data).toBeUndefined();
  });

  it('finds the whole-line merge-conflict markers only', () => {
    const text = 'name: "a <<<<<<< b"\n<<<<<<< HEAD\nx: 1\n=======\nx: 2\n>>>>>>> main\n';
    expect(parseYaml('x.yaml', text).findings.map((f) => f.line)).toEqual([2, 4, 6]);
  });
});

describe('schemaProblems', () => {
  it('says one thing per node even when several keywords fail on it', () => {
    const problems = schemaProblems('customer', { name: 'A', segment: 'pre-sales', term: 'long-term', status: 'requested', since: '2026-1-5' });
    expect(problems).toEqual([{ path: ['since'], key: false, message: expect.stringContaining('YYYY-MM-DD') }]);
  });

  it('points an unknown field at its key and a missing field at its parent', () => {
    const problems = schemaProblems('people', {
      people: [
        { handle: 'a', name: 'A', roles: ['support-engineer'], nick: 'x' },
        { handle: 'b', roles: ['support-engineer'] },
      ],
    });
    expect(problems.map((p) => [p.path, p.key])).toEqual([
      [['people', 0, 'nick'], true],
      [['people', 1], true],
    ]);
    expect(problems[1]!.message).toContain('`name`');
  });

  it('explains a rationale that is neither text nor why/pros/cons once', () => {
    const problems = schemaProblems('customer', { name: 'A', segment: 'pre-sales', term: 'long-term', status: 'requested', rationale: 42 });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(['rationale']);
  });

  it('accepts the defaults: an empty config mapping is valid', () => {
    expect(schemaProblems('config', {})).toEqual([]);
  });
});
