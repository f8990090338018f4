/**
 * fast-check generators of hostile registry files: random YAML of the wrong shape, valid files
 * with fields of the wrong type, and text mutations (BOMs, CRLF, tabs, NUL bytes, conflict
 * markers, truncation, huge strings, unicode, deep nesting, anchors and alias bombs, binary).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { SAMPLE_REGISTRY } from '../../helpers/cli.js';

/** The sample registry's texts: the valid starting point that mutations break. */
export const SAMPLE = {
  config: readFileSync(join(SAMPLE_REGISTRY, 'config.yaml'), 'utf8'),
  people: readFileSync(join(SAMPLE_REGISTRY, 'people.yaml'), 'utf8'),
  customers: Object.fromEntries(
    readdirSync(join(SAMPLE_REGISTRY, 'customers'))
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => [n.slice(0, -5), readFileSync(join(SAMPLE_REGISTRY, 'customers', n), 'utf8')]),
  ) as Record<string, string>,
};
export const SAMPLE_SLUGS = Object.keys(SAMPLE.customers);

/** Cases `npm test` runs in process; `npm run fuzz` sets `FUZZ_RUNS` to 25,000. */
export const DEFAULT_FUZZ_RUNS = 1_000;

/** This property's share of FUZZ_RUNS cases (at least one). */
export function runs(share: number): number {
  const total = Number(process.env.FUZZ_RUNS ?? DEFAULT_FUZZ_RUNS);
  return Math.max(1, Math.round((Number.isFinite(total) && total > 0 ? total : DEFAULT_FUZZ_RUNS) * share));
}

/** A test timeout for `n` cases on a busy machine: no case is slow, but CI runners are. */
export function timeoutFor(n: number): number {
  return Math.max(120_000, n * 300);
}

/** A text mutation with a name for the counterexample report. */
export interface Mutation {
  name: string;
  apply(text: string): string;
}

const insertAt = (text: string, frac: number, piece: string) => {
  const i = Math.floor(frac * (text.length + 1));
  return text.slice(0, i) + piece + text.slice(i);
};

const lineOp = (text: string, frac: number, f: (lines: string[], i: number) => void) => {
  const lines = text.split('\n');
  f(lines, Math.min(lines.length - 1, Math.floor(frac * lines.length)));
  return lines.join('\n');
};

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const unicodeText = fc.string({ unit: 'binary', maxLength: 40 });
const nastyChar = fc.constantFrom(
  '\t',
  '\0',
  '\r',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\ud800',
  '\udfff',
  '\u0085',
  '\x1b[31m',
  ':',
  '#',
  '- ',
  '&a ',
  '*a',
  '!!binary ',
  '!!js/function ',
  '? ',
  '|',
  '>',
  '"',
  "'",
  '{',
  '[',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
);

/** Scalars and values of the wrong type for any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    'yes',
    'no',
    '~',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '9999-12-31',
    '../etc/passwd',
    'Acme\nCorp',
    '-rf',
    'active ',
    'ACTIVE',
  ),
  fc.integer(),
  fc.double(),
  unicodeText,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

function dumpYaml(value: unknown): string {
  try {
    return stringify(value, { version: '1.2' }) ?? '';
  } catch {
    return JSON.stringify(value) ?? '';
  }
}

/** A named mutation; fast-check prints the name in counterexamples. */
function mut(name: string, apply: (text: string) => string): Mutation {
  return { name, apply, [fc.toStringMethod]: () => name } as Mutation;
}

/** Field paths of a customer file worth breaking. */
const CUSTOMER_PATHS: (string | number)[][] = [
  ['name'],
  ['segment'],
  ['term'],
  ['ends_on'],
  ['status'],
  ['engineer'],
  ['backup'],
  ['ce'],
  ['communicated'],
  ['since'],
  ['request'],
  ['request', 'by'],
  ['request', 'on'],
  ['approvals'],
  ['approvals', 'cs'],
  ['approvals', 'cs', 'on'],
  ['approvals', 'sales', 'by'],
  ['docs'],
  ['docs', 'updated_on'],
  ['docs', 'design_doc'],
  ['checkins'],
  ['checkins', 0],
  ['checkins', 0, 'on'],
  ['checkins', 0, 'with'],
  ['history'],
  ['history', 0, 'event'],
  ['history', 0, 'on'],
  ['rationale'],
  ['environment'],
  ['unknown_field'],
  [],
];
const CONFIG_PATHS: (string | number)[][] = [
  ['cap'],
  ['max_per_engineer'],
  ['checkin_every_days'],
  ['checkin_grace_days'],
  ['docs_stale_after_days'],
  ['ends_soon_days'],
  ['require_approvals'],
  ['extra'],
  [],
];
const PEOPLE_PATHS: (string | number)[][] = [
  ['people'],
  ['people', 0],
  ['people', 0, 'handle'],
  ['people', 1, 'roles'],
  ['people', 2, 'roles', 0],
  ['people', 3, 'active'],
  ['people', 5, 'overloaded'],
  ['people', 0, 'email'],
  [],
];

function setPath(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const container = (root !== null && typeof root === 'object' ? root : typeof path[0] === 'number' ? [] : {}) as Record<string | number, unknown>;
  container[path[0]!] = setPath(container[path[0]!], path.slice(1), value);
  return container;
}

/** Replaces one field of a valid file with a value of the wrong type, re-serialised. */
function wrongField(paths: (string | number)[][]): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.constantFrom(...paths), wrongValue).map(([path, value]) =>
    mut(`set ${path.join('.') || '<root>'} = ${JSON.stringify(value)?.slice(0, 60)}`, (text) => {
      let data: unknown;
      try {
        data = parse(text, { logLevel: 'silent' });
      } catch {
        data = {};
      }
      return dumpYaml(setPath(data, path, value));
    }),
  );
}

function deepNesting(depth: number, kind: number): string {
  switch (kind) {
    case 0:
      return `name: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    case 1:
      return `name: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
    case 2:
      return `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} end\n`;
    default:
      return `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}-`).join('\n')} x\n`;
  }
}

/** "Billion laughs": each anchor aliases the one before it many times. */
function aliasBomb(levels: number, width: number): string {
  const lines = ['a0: &a0 [lol]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
  lines.push(`name: *a${levels}`);
  return `${lines.join('\n')}\n`;
}

/** Damage that is cheap to lint. */
const lightMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant(mut('BOM', (t) => `\ufeff${t}`)),
  fc.constant(mut('CRLF', (t) => t.replace(/\n/g, '\r\n'))),
  fc.constant(mut('CR only', (t) => t.replace(/\n/g, '\r'))),
  fc.constant(mut('empty', () => '')),
  fc.constant(mut('whitespace only', () => ' \n\t\n  ')),
  fc.constant(mut('comment only', (t) => t.split('\n')[0]!)),
  fc.constant(mut('document markers', (t) => `---\n${t}\n---\n${t}`)),
  frac.map((f): Mutation => mut(`tab indent @${f.toFixed(3)}`, (t) => lineOp(t, f, (l, i) => void (l[i] = `\t${l[i]}`)))),
  frac.map((f): Mutation => mut(`NUL @${f.toFixed(3)}`, (t) => insertAt(t, f, '\0'))),
  fc
    .tuple(frac, fc.constantFrom('<<<<<<< HEAD', '=======', '>>>>>>> theirs', '||||||| base'))
    .map(([f, m]): Mutation => mut(`conflict ${m} @${f.toFixed(3)}`, (t) => lineOp(t, f, (l, i) => void l.splice(i, 0, m)))),
  frac.map((f): Mutation => mut(`truncate @${f.toFixed(3)}`, (t) => t.slice(0, Math.floor(f * t.length)))),
  fc.tuple(frac, fc.integer({ min: 1, max: 40 })).map(
    ([f, n]): Mutation =>
      mut(`delete ${n} @${f.toFixed(3)}`, (t) => {
        const i = Math.floor(f * t.length);
        return t.slice(0, i) + t.slice(i + n);
      }),
  ),
  fc.tuple(frac, unicodeText).map(([f, s]): Mutation => mut(`insert ${JSON.stringify(s)} @${f.toFixed(3)}`, (t) => insertAt(t, f, s))),
  fc.tuple(frac, nastyChar).map(([f, s]): Mutation => mut(`insert ${JSON.stringify(s)} @${f.toFixed(3)}`, (t) => insertAt(t, f, s))),
  frac.map((f): Mutation => mut(`duplicate line @${f.toFixed(3)}`, (t) => lineOp(t, f, (l, i) => void l.splice(i, 0, l[i]!)))),
  frac.map((f): Mutation => mut(`dedent line @${f.toFixed(3)}`, (t) => lineOp(t, f, (l, i) => void (l[i] = l[i]!.trimStart())))),
  fc
    .tuple(frac, fc.integer({ min: 1, max: 9 }))
    .map(([f, n]): Mutation => mut(`indent line +${n} @${f.toFixed(3)}`, (t) => lineOp(t, f, (l, i) => void (l[i] = ' '.repeat(n) + l[i])))),
  fc.constant(mut('anchor on a field', (t) => `${t.replace(/^name: /m, 'name: &n ')}ce2: *n\n`)),
  fc.constant(mut('merge key', (t) => `base: &b {status: active}\n<<: *b\n${t}`)),
  fc.uint8Array({ minLength: 0, maxLength: 512 }).map((bytes): Mutation => mut(`binary ${bytes.length} bytes`, () => Buffer.from(bytes).toString('utf8'))),
  fc.jsonValue({ maxDepth: 4 }).map((v): Mutation => mut(`random YAML ${JSON.stringify(v)?.slice(0, 60)}`, () => dumpYaml(v))),
  fc.anything({ maxDepth: 3 }).map((v): Mutation => mut('random value', () => dumpYaml(v))),
  fc.string({ maxLength: 200 }).map((s): Mutation => mut(`random text ${JSON.stringify(s).slice(0, 60)}`, () => s)),
);

/** Damage that makes the parser work hard: huge strings, deep nesting, alias bombs. */
const heavyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(frac, fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom('x', 'é', '😀', ' ', '\\', '"'))
    .map(
      ([f, n, c]): Mutation =>
        mut(`huge string ${n}x${JSON.stringify(c)}`, (t) => lineOp(t, f, (l, i) => void l.splice(i, 0, `huge: "${c.repeat(n).replace(/["\\]/g, '\\$&')}"`))),
    ),
  fc
    .tuple(fc.integer({ min: 50, max: 1500 }), fc.integer({ min: 0, max: 3 }))
    .map(([d, k]): Mutation => mut(`deep nesting ${d} kind ${k}`, (t) => (k < 2 ? t + deepNesting(d, k) : deepNesting(d, k)))),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 10 })).map(([lv, w]): Mutation => mut(`alias bomb ${lv}x${w}`, () => aliasBomb(lv, w))),
);

/** Every kind of damage a registry file can take; the costly kinds one time in ten. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof({ weight: 9, arbitrary: lightMutation }, { weight: 1, arbitrary: heavyMutation });

/** Mutations that keep a file structurally YAML but give fields wrong types, for each kind. */
export const fieldMutation = {
  customer: wrongField(CUSTOMER_PATHS),
  config: wrongField(CONFIG_PATHS),
  people: wrongField(PEOPLE_PATHS),
};

/** One to four mutations, field or text, applied in order. */
export function damaged(kind: keyof typeof fieldMutation): fc.Arbitrary<Mutation[]> {
  return fc.array(fc.oneof({ weight: 1, arbitrary: fieldMutation[kind] }, { weight: 3, arbitrary: mutation }), { minLength: 1, maxLength: 4 });
}

export function applyAll(text: string, ms: readonly Mutation[]): string {
  return ms.reduce((t, m) => m.apply(t), text);
}
