/**
 * Black-box fuzzing: the built `ase` on damaged registries in real git repos. Lint exits 1 with
 * JSON findings (never a stack trace or an internal error), and the read commands fail cleanly.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { read, sampleRepo } from '../helpers/repo.js';
import { applyAll, damaged, SAMPLE_SLUGS } from './fuzz/arbitraries.js';
import { expectWellFormed } from './fuzz/invariants.js';

const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 8);
let runs = 0;

const caseArb = fc.record({
  config: fc.option(damaged('config'), { nil: undefined, freq: 3 }),
  people: fc.option(damaged('people'), { nil: undefined, freq: 3 }),
  customers: fc.uniqueArray(fc.tuple(fc.constantFrom(...SAMPLE_SLUGS), damaged('customer')), { minLength: 1, maxLength: 3, selector: ([s]) => s }),
  other: fc.constantFrom(['list', '--all'], ['status', '--json'], ['engineers'], ['show', 'cyberdyne'], ['list', '--json'], ['render', '--check'], ['diff']),
});

/** No stack frames and no internal-error banner: a user never sees ase's insides. */
function expectClean(stderr: string, label: string): void {
  expect(stderr, label).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(stderr, label).not.toContain('internal error');
  expect(stderr, label).not.toMatch(/\(node:\d+\)|Warning:/);
}

describe('fuzz: ase lint on damaged registries, black-box', () => {
  afterAll(() => {
    console.log(`fuzz-cli: ${runs} ase runs on damaged registries`);
  });

  it('exits 1 with well-formed JSON findings and no stack trace; other commands fail cleanly', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const repo = sampleRepo();
        const reg = join(repo, 'registry');
        const damage = (rel: string, ms: Parameters<typeof applyAll>[1] | undefined) => {
          if (!ms) return;
          const text = applyAll(read(join(reg, rel)), ms);
          writeFileSync(join(reg, rel), text);
        };
        damage('config.yaml', c.config);
        damage('people.yaml', c.people);
        for (const [slug, ms] of c.customers) damage(`customers/${slug}.yaml`, ms);
        const texts = new Map<string, string | undefined>();
        for (const rel of ['config.yaml', 'people.yaml', 'time-off.yaml', ...SAMPLE_SLUGS.map((s) => `customers/${s}.yaml`)]) {
          const raw = read(join(reg, rel));
          texts.set(`registry/${rel}`, raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
        }
        texts.set('registry/customer-exceptions.md', undefined);
        texts.set('registry/customers', undefined);

        runs++;
        const r = ase(['lint', '--format', 'json'], { cwd: repo });
        expectClean(r.stderr, 'lint');
        expect([0, 1]).toContain(r.code);
        const out = JSON.parse(r.stdout) as { errors: number; warnings: number; findings: Parameters<typeof expectWellFormed>[0] };
        expect(r.code).toBe(out.errors > 0 ? 1 : 0);
        expectWellFormed(out.findings, texts);

        runs++;
        const o = ase(c.other, { cwd: repo });
        expectClean(o.stderr, c.other.join(' '));
        expect([0, 1, 2], `${c.other.join(' ')}: ${o.stderr}`).toContain(o.code);
      }),
      { numRuns: CLI_RUNS },
    );
  }, 300_000);
});
