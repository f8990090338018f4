/**
 * Property-based fuzzing of reading a registry folder from disk: symlinks out of the registry,
 * dangling and looping links, folders where files belong, binary and oversized files, odd file
 * names. readRegistry never throws, every finding is well formed, and nothing outside the
 * registry is ever read into it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/registry/open.js';
import { locationOf } from '../../src/registry/discover.js';
import { readRegistry } from '../../src/registry/reader.js';
import { applyAll, damaged, SAMPLE, SAMPLE_SLUGS, runs, timeoutFor } from './fuzz/arbitraries.js';
import { expectWellFormed, timed } from './fuzz/invariants.js';

/** Content outside the registry that must never show up in a lint result. */
const SECRET = 'OUTSIDE-SECRET-7f3a';
const SECRET_YAML = `name: ${SECRET}\nsegment: post-sales\nterm: long-term\nstatus: active\nengineer: ${SECRET.toLowerCase()}\n`;

type Entry =
  | { kind: 'sample' | 'damaged'; text: string }
  | {
      kind: 'link-outside-file' | 'link-outside-dir' | 'link-inside' | 'link-dangling' | 'link-loop' | 'directory' | 'huge' | 'binary' | 'missing';
      bytes?: Uint8Array;
    };

const entryArb = (base: fc.Arbitrary<string>, kind: 'config' | 'people' | 'customer'): fc.Arbitrary<Entry> =>
  fc.oneof(
    { weight: 4, arbitrary: base.map((text): Entry => ({ kind: 'sample', text })) },
    { weight: 4, arbitrary: fc.tuple(base, damaged(kind)).map(([t, d]): Entry => ({ kind: 'damaged', text: applyAll(t, d) })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((bytes): Entry => ({ kind: 'binary', bytes })) },
    {
      weight: 3,
      arbitrary: fc.constantFrom<Entry>(
        ...(['link-outside-file', 'link-outside-dir', 'link-inside', 'link-dangling', 'link-loop', 'directory', 'huge', 'missing'] as const).map((k) => ({
          kind: k,
        })),
      ),
    },
  );

const fileName = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SAMPLE_SLUGS).map((s) => `${s}.yaml`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Ünïcode.yaml',
      '-rf.yaml',
      'a b.yaml',
      '.hidden.yaml',
      'x.yaml.bak',
      '.yaml',
      'new-one.yaml',
      'UPPER.yaml',
      'x\u202eyaml.yaml',
      'tab\there.yaml',
      'line\nbreak.yaml',
    ),
  },
);

const caseArb = fc.record({
  config: entryArb(fc.constant(SAMPLE.config), 'config'),
  people: entryArb(fc.constant(SAMPLE.people), 'people'),
  customersDir: fc.constantFrom('dir', 'dir', 'dir', 'dir', 'link-outside-dir', 'file', 'missing'),
  customers: fc.uniqueArray(fc.tuple(fileName, entryArb(fc.constantFrom(...Object.values(SAMPLE.customers)), 'customer')), {
    maxLength: 6,
    selector: ([n]) => n,
  }),
});

let cases = 0;
const made: string[] = [];

/** Writes one entry at `abs`; returns its text when it is a regular UTF-8 file. */
function writeEntry(abs: string, e: Entry, outside: string): string | undefined {
  switch (e.kind) {
    case 'sample':
    case 'damaged':
      writeFileSync(abs, e.text);
      return e.text;
    case 'binary':
      writeFileSync(abs, e.bytes ?? new Uint8Array());
      return Buffer.from(e.bytes ?? []).toString('utf8');
    case 'huge':
      writeFileSync(abs, `name: "${'x'.repeat(1024 * 1024 + 10)}"\n`);
      return undefined;
    case 'link-outside-file':
      symlinkSync(join(outside, 'secret.yaml'), abs);
      return undefined;
    case 'link-outside-dir':
      symlinkSync(outside, abs);
      return undefined;
    case 'link-inside':
      symlinkSync('../config.yaml', abs);
      return undefined;
    case 'link-dangling':
      symlinkSync(join(outside, 'nope.yaml'), abs);
      return undefined;
    case 'link-loop':
      symlinkSync(abs, abs);
      return undefined;
    case 'directory':
      mkdirSync(abs);
      return undefined;
    case 'missing':
      return undefined;
  }
}

describe('fuzz: reading damaged registry folders from disk', () => {
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
    console.log(`fuzz-disk: ${cases} registry folders read from disk`);
  });

  it(
    'never throws, never reads outside the registry, reports every file it cannot use, and caches faithfully',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          cases++;
          const root = mkdtempSync(join(tmpdir(), 'ase-fuzz-disk-'));
          made.push(root);
          const outside = join(root, 'outside');
          mkdirSync(outside);
          writeFileSync(join(outside, 'secret.yaml'), SECRET_YAML);
          writeFileSync(join(outside, 'config.yaml'), `cap: 0\n# ${SECRET}\n`);
          const dir = join(root, 'registry');
          mkdirSync(dir);
          const texts = new Map<string, string | undefined>();
          const show = (name: string) => `registry/${name}`;
          texts.set(show('config.yaml'), writeEntry(join(dir, 'config.yaml'), c.config, outside));
          texts.set(show('people.yaml'), writeEntry(join(dir, 'people.yaml'), c.people, outside));
          const customers = join(dir, 'customers');
          if (c.customersDir === 'dir') {
            mkdirSync(customers);
            for (const [name, e] of c.customers) texts.set(show(`customers/${name}`), writeEntry(join(customers, name), e, outside));
          } else if (c.customersDir === 'link-outside-dir') {
            symlinkSync(outside, customers);
            texts.set(show('customers/secret.yaml'), SECRET_YAML);
            texts.set(show('customers/config.yaml'), undefined);
          } else if (c.customersDir === 'file') writeFileSync(customers, SECRET_YAML);
          for (const f of ['customers', 'customers/secret.yaml']) if (!texts.has(show(f))) texts.set(show(f), undefined);

          // The lint cache lives in the test's folder; a second read must come back the same from it.
          const env = { XDG_CACHE_HOME: join(root, 'cache') };
          const loaded = timed(() => readRegistry(locationOf(dir), { env }), 'read');
          const findings = timed(() => evaluate(loaded, '2026-11-28'), 'lint');
          await new Promise((r) => setImmediate(r));
          const again = evaluate(readRegistry(locationOf(dir), { env }), '2026-11-28');
          const brief = (fs: typeof findings) => fs.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message.slice(0, 80)}`);
          expect(brief(again), 'a read from the lint cache differs from the first read').toEqual(brief(findings));
          expectWellFormed(findings, texts);
          const everything = JSON.stringify({ findings, customers: loaded.registry.customers, people: loaded.registry.people, config: loaded.registry.config });
          expect(everything.includes(SECRET), 'content from outside the registry was read into it').toBe(false);
          if (c.customersDir === 'dir') {
            for (const [name, e] of c.customers) {
              if (e.kind.startsWith('link') || e.kind === 'directory' || e.kind === 'huge') {
                if (!name.endsWith('.yaml') || name.startsWith('.')) continue;
                expect(
                  findings.some((f) => f.file === show(`customers/${name}`) && f.severity === 'error'),
                  `${e.kind} ${name} has no error`,
                ).toBe(true);
              }
            }
          }
          for (const [name, e] of [
            ['config.yaml', c.config],
            ['people.yaml', c.people],
          ] as const) {
            if (e.kind !== 'sample' && e.kind !== 'damaged' && e.kind !== 'binary') {
              expect(
                findings.some((f) => f.file === show(name) && f.severity === 'error'),
                `${e.kind} ${name} has no error`,
              ).toBe(true);
            }
          }
          if (c.customersDir === 'link-outside-dir' || c.customersDir === 'file') {
            expect(
              findings.some((f) => f.file === show('customers') && f.severity === 'error'),
              `customers/ as ${c.customersDir} has no error`,
            ).toBe(true);
          }
          rmSync(root, { recursive: true, force: true });
          made.pop();
        }),
        { numRuns: runs(0.04) },
      );
    },
    timeoutFor(runs(0.04) * 5),
  );
});
