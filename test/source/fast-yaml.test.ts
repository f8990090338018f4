/**
 * The fast reader against the full parser: on every text, either it gives up (undefined) or the
 * full parser finds nothing wrong and gives the very same data, key order included.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types
import { generateRegistry } from '../../bench/generate.mjs';
import { fastParse } from '../../src/source/fast-yaml.js';
import { parseEntry } from '../../src/source/parse-entry.js';
import { parseYaml } from '../../src/source/parse-yaml.js';
import { schemaProblems, type FileKind } from '../../src/source/schema-findings.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { activeCustomer, TEST_PEOPLE } from '../helpers/repo.js';
import { applyAll, damaged } from '../robustness/fuzz/arbitraries.js';
import { STATUS_CONFIG, STATUS_CUSTOMERS, STATUS_PEOPLE } from '../status/fixture.js';

interface Sample {
  name: string;
  kind: Exclude<FileKind, 'time-off'>;
  text: string;
}

const kindOf = (path: string): Exclude<FileKind, 'time-off'> =>
  path.endsWith('config.yaml') ? 'config' : path.endsWith('people.yaml') ? 'people' : 'customer';

function registryFiles(dir: string): Sample[] {
  const paths = [
    join(dir, 'config.yaml'),
    join(dir, 'people.yaml'),
    ...readdirSync(join(dir, 'customers'))
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => join(dir, 'customers', n)),
  ];
  return paths.map((p) => ({ name: relative(dir, p), kind: kindOf(p), text: readFileSync(p, 'utf8') }));
}

/** Same data, same types, same key order. */
function expectSameData(fast: unknown, full: unknown, text: string): void {
  expect(fast, text).toStrictEqual(full);
  expect(JSON.stringify(fast), text).toBe(JSON.stringify(full));
}

/** The invariant; true when the fast path was taken. */
function agrees(text: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return false;
  const full = parseYaml('', text);
  expect(full.findings, text).toEqual([]);
  expectSameData(fast, full.data, text);
  return true;
}

/**
 * Every string literal in the test sources that could be YAML: fixtures, hand-broken files,
 * edge cases. Literals are read with the JavaScript parser itself (templates with `${}` skipped).
 */
function testLiterals(): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        for (const [literal] of readFileSync(path, 'utf8').matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.|\$(?!\{))*`/g)) {
          try {
            const value: unknown = new Function(`return ${literal};`)();
            if (typeof value === 'string' && value.includes(':')) out.add(value);
          } catch {
            // not a literal after all (a quote inside a comment); skip it
          }
        }
      }
    }
  };
  walk(join(PROJECT_ROOT, 'test'));
  return [...out];
}

/** Texts near the edge of the subset, each checked both ways. */
const EDGES = [
  'a: 1\n',
  'a:\n- x\n- y\nb: 2\n',
  'a:\n  b: 1\n# c\n  d: 2\n',
  'a: b\n  # c\nc: d\n',
  'x:\n  - a:\n    - q\n',
  'x:\n  - a:\n      b: 1\n    c: 2\n',
  'a: b]\n',
  'a: b{c}\n',
  'a: x, y\n',
  "a: 'it''s' # c\n",
  "a: ''\n",
  'a: ""\n',
  'a: "x # y"\n',
  'a: [ ]\n',
  'a: [a, true, null, 12]\n',
  'a: [a,]\n',
  'a: 007\n',
  'a: 400 GB\n',
  'a: 2026-01-01\n',
  'a: ~\n',
  'a: ~x\n',
  'constructor: 1\ntoString: x\n',
  'a:\n',
  'a:   # c\nb: 1\n',
  'a: b #c\n',
  'a: b#c\n',
  'a: b :c\n',
  'a:\n  b:\n  c: 1\n',
  'a:\n  -\n',
  'a: 1\n---\n',
  'a: é中😀\n',
  'a: x\\y\n',
  'a: "x\\"y"\n',
  "a: 'x'#\n",
  'a: [a]#\n',
  '# only\n',
  '',
  'a: %x\n',
  'a: x\u00a0\n',
  'a: -\n',
  'a:\n  - x\n  -  y\n',
  'a: [.5]\n',
  'a: 1e3\n',
  'a: 0x1\n',
  'a: 1.5\n',
  'a: .inf\n',
  'a: -1\n',
  'a: x:\n',
  'a: x: y\n',
  'key: v\n  more\n',
  'a:\n    b: 1\n  c: 2\n',
  '- a\n',
  'a: 1\na: 2\n',
  '__proto__: 1\n',
  'true: 1\n',
  'a: &x 1\n',
  'a: *x\n',
  'a: !t x\n',
  'a: |\n  x\n',
  'a: >\n  x\n',
  '? a\n: b\n',
  'a: {b: 1}\n',
  'a: 1\r\n',
  '\ufeffa: 1\n',
  'a: 1\u2028\n',
  'a\t: 1\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 123456789012345\n',
  'a: 1234567890123456\n',
  'a: TRUE\nb: False\nc: NULL\nd: Null\n',
  'a: yes\nb: on\n',
];

let generated: Sample[] = [];
let quoted: Sample[] = [];
let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ase-fast-yaml-'));
  generated = registryFiles(generateRegistry(join(root, 'plain'), 1000) as string);
  quoted = registryFiles(generateRegistry(join(root, 'quoted'), 200, { quoteDates: true }) as string);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const sample = () => registryFiles(join(PROJECT_ROOT, 'registry'));
const fixtures = (): Sample[] => [
  { name: 'TEST_PEOPLE', kind: 'people', text: TEST_PEOPLE },
  { name: 'STATUS_PEOPLE', kind: 'people', text: STATUS_PEOPLE },
  { name: 'STATUS_CONFIG', kind: 'config', text: STATUS_CONFIG },
  { name: 'activeCustomer', kind: 'customer', text: activeCustomer('Acme') },
  ...Object.entries(STATUS_CUSTOMERS).map(([name, text]): Sample => ({ name, kind: 'customer', text })),
];

describe('fastParse on whole files', () => {
  it('reads every sample registry file, generated benchmark file and test fixture exactly as the full parser does', () => {
    for (const f of [...sample(), ...generated, ...quoted, ...fixtures()]) expect(agrees(f.text), f.name).toBe(true);
    expect(generated).toHaveLength(1002);
  });

  it('agrees with the full parser on every YAML-like string in the tests, giving up where unsure', () => {
    const literals = testLiterals();
    expect(literals.length).toBeGreaterThan(200);
    const taken = literals.filter((t) => agrees(t)).length;
    expect(taken).toBeGreaterThan(20);
  });

  it('takes the edge cases it can be sure of and gives up on the rest', () => {
    const taken = EDGES.filter((t) => agrees(t));
    expect(taken).toContain("a: 'it''s' # c\n");
    expect(taken).toContain('a:\n- x\n- y\nb: 2\n');
    for (const t of ['a: 007\n', 'a: 1\na: 2\n', '__proto__: 1\n', 'true: 1\n', 'a: 1\r\n', 'key: v\n  more\n', 'a: [a,]\n', '', '# only\n', '- a\n']) {
      expect(fastParse(t), t).toBeUndefined();
    }
  });
});

const EDIT_CHARS = [...` :#-'"[]{}&*!|>?%@\`~,\\\t\n\r0.`, 'a', 'Z', '_', '1', '\u00a0', 'é', '\ufeff', '\u2028', '\0'];
const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
type Edit = (text: string) => string;

const lineEdit =
  (f: number, change: (lines: string[], i: number) => void): Edit =>
  (text) => {
    const lines = text.split('\n');
    change(lines, Math.min(lines.length - 1, Math.floor(f * lines.length)));
    return lines.join('\n');
  };

/** One small edit: a character inserted, deleted or replaced, a line duplicated, indented or dedented. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(frac, fc.constantFrom(...EDIT_CHARS)).map(
    ([f, c]): Edit =>
      (t) => {
        const i = Math.floor(f * (t.length + 1));
        return t.slice(0, i) + c + t.slice(i);
      },
  ),
  frac.map(
    (f): Edit =>
      (t) => {
        const i = Math.floor(f * t.length);
        return t.slice(0, i) + t.slice(i + 1);
      },
  ),
  fc.tuple(frac, fc.constantFrom(...EDIT_CHARS)).map(
    ([f, c]): Edit =>
      (t) => {
        const i = Math.floor(f * t.length);
        return t.slice(0, i) + c + t.slice(i + 1);
      },
  ),
  frac.map((f) => lineEdit(f, (l, i) => void l.splice(i, 0, l[i]!))),
  fc
    .tuple(frac, fc.integer({ min: -4, max: 4 }))
    .map(([f, by]) => lineEdit(f, (l, i) => void (l[i] = by >= 0 ? ' '.repeat(by) + l[i] : l[i]!.replace(new RegExp(`^ {0,${-by}}`), '')))),
);

describe('fastParse on damaged files', () => {
  it('never disagrees with the full parser after small random edits', () => {
    const bases = [...sample(), ...generated.filter((_, i) => i % 20 === 0), ...quoted.slice(0, 5), ...fixtures()]
      .map((f) => f.text)
      .concat(EDGES.filter((t) => t.length > 0));
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (b, edits) => {
        runs++;
        if (agrees(edits.reduce((t, e) => e(t), bases[b]!))) fast++;
      }),
      { seed: 20261128, numRuns: 4000 },
    );
    // Many edits keep a text in the subset (most bases are whole files): the fast path is being tested.
    expect(fast).toBeGreaterThan(runs / 8);
    console.log(`fast-yaml mutation differential: ${fast} of ${runs} edited texts took the fast path`);
  });
});

describe('parseEntry', () => {
  const same = (kind: FileKind, text: string) => {
    const fast = parseEntry(kind, text);
    const full = parseEntry(kind, text, true);
    expect(fast, text).toStrictEqual(full);
    expect(JSON.stringify(fast), text).toBe(JSON.stringify(full));
  };

  it('gives the same entry with and without the fast path on valid files, which do take it', () => {
    for (const f of [...sample(), ...generated.slice(0, 300), ...quoted.slice(0, 50), ...fixtures()]) {
      expect(schemaProblems(f.kind, fastParse(f.text)), f.name).toEqual([]);
      same(f.kind, f.text);
    }
  });

  it('gives the same entry with and without the fast path on damaged files, schema problems included', () => {
    const bases = [...sample(), ...generated.slice(0, 40)];
    const damage = fc.nat(bases.length - 1).chain((b) => fc.tuple(fc.constant(bases[b]!), fc.array(edit, { maxLength: 2 }), damaged(bases[b]!.kind)));
    fc.assert(
      fc.property(damage, ([base, edits, mutations]) => {
        const text = edits.reduce((t, e) => e(t), base.text);
        same(base.kind, text);
        // Fields of the wrong type, re-serialised, keep a file in the subset but fail the schema.
        same(base.kind, applyAll(text, mutations));
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
