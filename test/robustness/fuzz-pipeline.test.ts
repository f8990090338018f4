/**
 * Property-based fuzzing of the pure lint pipeline (loadFile -> buildRegistry -> checkRegistry ->
 * resolveFindings), in process: damaged registry files never make it throw, hang, or report a
 * finding without a rule code and a position inside the file.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import type { RegistryFiles } from '../../src/core/model.js';
import { buildRegistry, type CustomerSource } from '../../src/registry/build.js';
import { evaluate } from '../../src/registry/open.js';
import { loadFile, type LoadedFile } from '../../src/source/load-file.js';
import type { FileKind } from '../../src/source/schema-findings.js';
import { applyAll, damaged, SAMPLE, SAMPLE_SLUGS, runs, timeoutFor, type Mutation } from './fuzz/arbitraries.js';
import { expectWellFormed, timed } from './fuzz/invariants.js';

const FILES: RegistryFiles = {
  config: 'registry/config.yaml',
  people: 'registry/people.yaml',
  customersDir: 'registry/customers',
  page: 'registry/customer-exceptions.md',
};
const customerFile = (slug: string) => `registry/customers/${slug}.yaml`;

/** Untouched sample files are loaded once: loadFile is pure, so they can be shared. */
const cache = new Map<string, LoadedFile>();
function load(file: string, kind: FileKind, text: string, mutated: boolean): LoadedFile {
  if (mutated) return loadFile(file, kind, text);
  const key = `${file}\0${text}`;
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = loadFile(file, kind, text)));
  return hit;
}

interface Case {
  config: Mutation[] | null | 'missing';
  people: Mutation[] | null | 'missing';
  customers: { slug: string; base: string; damage: Mutation[] | null }[];
  today: string;
}

let cases = 0;

/** Lints one case in process and checks the invariants; returns the findings. */
function lintCase(c: Case): Finding[] {
  cases++;
  const texts = new Map<string, string | undefined>();
  const unreadable: string[] = [];
  const one = (file: string, kind: FileKind, base: string, damage: Mutation[] | null | 'missing') => {
    if (damage === 'missing') return undefined;
    const text = damage ? applyAll(base, damage) : base;
    texts.set(file, text);
    const loaded = load(file, kind, text, damage !== null);
    if (loaded.data === undefined) unreadable.push(file);
    return loaded;
  };
  const config = one(FILES.config, 'config', SAMPLE.config, c.config);
  const people = one(FILES.people, 'people', SAMPLE.people, c.people);
  const bySlug = new Map(SAMPLE_SLUGS.map((s) => [s, { slug: s, base: SAMPLE.customers[s]!, damage: null as Mutation[] | null }]));
  for (const x of c.customers) bySlug.set(x.slug, x);
  const customers: CustomerSource[] = [];
  for (const x of bySlug.values()) {
    const loaded = one(customerFile(x.slug), 'customer', x.base, x.damage);
    if (loaded) customers.push({ slug: x.slug, loaded });
  }
  const findings = timed(() => evaluate(buildRegistry(FILES, config, people, customers), c.today), 'lint');
  expectWellFormed(findings, texts, unreadable);
  return findings;
}

const today = fc.oneof(
  { weight: 4, arbitrary: fc.constant('2026-11-28') },
  { weight: 1, arbitrary: fc.date({ min: new Date('1970-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
);
const slug = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SAMPLE_SLUGS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('Bad Slug', 'x'.repeat(80), 'ünïcode', '-rf', '.hidden', 'a.b', 'CON', '') },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: arb });

const caseArb: fc.Arbitrary<Case> = fc.record({
  config: fc.oneof({ weight: 6, arbitrary: maybe(damaged('config')) }, { weight: 1, arbitrary: fc.constant('missing' as const) }),
  people: fc.oneof({ weight: 6, arbitrary: maybe(damaged('people')) }, { weight: 1, arbitrary: fc.constant('missing' as const) }),
  customers: fc.array(fc.record({ slug, base: fc.constantFrom(...Object.values(SAMPLE.customers)), damage: maybe(damaged('customer')) }), {
    minLength: 0,
    maxLength: 4,
  }),
  today,
});

/** Every property here runs from this seed, printed before and after: FUZZ_SEED=<n> replays a failure. */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe('fuzz: the lint pipeline in process', () => {
  beforeAll(() => {
    fc.configureGlobal({ seed: SEED });
    console.log(`fuzz-pipeline: FUZZ_SEED=${SEED}`);
  });
  afterAll(() => {
    console.log(`fuzz-pipeline: ${cases} cases linted in process (FUZZ_SEED=${SEED})`);
  });

  it('lints the untouched sample with no errors (the oracle is not vacuous)', () => {
    const findings = lintCase({ config: null, people: null, customers: [], today: '2026-11-28' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.rule).sort()).toEqual(['checkin-overdue', 'docs-stale', 'engineer-overloaded', 'not-communicated']);
  });

  it(
    'never throws, hangs or misplaces a finding on damaged registries',
    () => {
      fc.assert(
        fc.property(caseArb, (c) => void lintCase(c)),
        { numRuns: runs(0.7) },
      );
    },
    timeoutFor(runs(0.7)),
  );

  it(
    'reports every damaged customer file that no longer parses as an error in that file',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...SAMPLE_SLUGS), damaged('customer'), (s, damage) => {
          const findings = lintCase({ config: null, people: null, customers: [{ slug: s, base: SAMPLE.customers[s]!, damage }], today: '2026-11-28' });
          const text = applyAll(SAMPLE.customers[s]!, damage);
          // A marker as git writes it: at the start of a line (the text or a \n, as YAML and git count
          // lines; not a lone \r, U+2028 or U+2029, as /m would), then a space or the end of the line
          // (`=======: x` is a key).
          if (text.includes('\0') || /(?:^|\n)(<{7}|={7}|>{7})(?=[ \t\r\n]|$)/.test(text)) {
            expect(findings.some((f) => f.file === customerFile(s) && f.rule === 'yaml-syntax')).toBe(true);
          }
        }),
        { numRuns: runs(0.2) },
      );
    },
    timeoutFor(runs(0.2)),
  );

  it(
    'gives the same findings for the same input (no hidden state)',
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          expect(lintCase(c)).toEqual(lintCase(c));
        }),
        { numRuns: runs(0.05) },
      );
    },
    timeoutFor(runs(0.1)),
  );
});
