/** The sample registry read straight from registry/ (no CLI), for the pure renderer's tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkRegistry } from '../../src/core/check.js';
import type { Registry } from '../../src/core/model.js';
import { normaliseConfig, normaliseCustomer, normalisePeople } from '../../src/core/normalise.js';
import { renderReport, type CoverageDay } from '../../src/report-html/page.js';
import { coverageDays } from '../../src/report-html/coverage-days.js';
import { addDays } from '../../src/core/dates.js';
import { SAMPLE_REGISTRY } from '../helpers/cli.js';

export const SAMPLE_TODAY = '2026-11-28';

export function sampleRegistry(): Registry {
  const read = (f: string) => parse(readFileSync(join(SAMPLE_REGISTRY, f), 'utf8'));
  const dir = join(SAMPLE_REGISTRY, 'customers');
  return {
    files: { config: 'registry/config.yaml', people: 'registry/people.yaml', customersDir: 'registry/customers', page: 'registry/customer-exceptions.md' },
    config: normaliseConfig(read('config.yaml')),
    people: normalisePeople(read('people.yaml')),
    customers: readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => normaliseCustomer(f.slice(0, -5), `registry/customers/${f}`, read(`customers/${f}`))),
  };
}

export function sampleReport(today = SAMPLE_TODAY, coverage?: CoverageDay[]): string {
  const registry = sampleRegistry();
  return renderReport({ registry, today, findings: checkRegistry(registry, today), coverage: coverage ?? coverageDays(registry, today, addDays(today, 41)) });
}
