/** The sample registry read straight from registry/ (no CLI), for the pure renderer's tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkRegistry } from '../../src/core/check.js';
import type { DetailedRegistry } from '../../src/core/model.js';
import { normaliseConfig, normaliseCustomer, normalisePeople } from '../../src/core/normalise.js';
import { renderReport, type CoverageDay } from '../../src/report-html/page.js';
import { coverageDays } from '../../src/report-html/coverage-days.js';
import { addDays } from '../../src/core/dates.js';
import { SAMPLE_REGISTRY } from '../helpers/cli.js';

export const SAMPLE_TODAY = '2026-11-28';

export function sampleRegistry(): DetailedRegistry {
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

/** Every place the page would load something from: src, srcset, <link href>, url(), @import. */
export function resourceReferences(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/<(\w+)\b([^>]*)>/g)) {
    const [, tag, attrs] = m;
    for (const a of attrs!.matchAll(/\s(src|srcset|href|xlink:href|data|poster|action)="([^"]*)"/g)) {
      if (a[1] === 'href' && tag!.toLowerCase() === 'a') continue;
      refs.push(`<${tag} ${a[1]}="${a[2]}">`);
    }
  }
  for (const m of html.matchAll(/url\(([^)]*)\)|@import\s+[^;]+/g)) refs.push(m[0]);
  return refs;
}
