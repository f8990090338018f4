import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Finding } from '../../src/core/findings.js';
import type { DetailedRegistry } from '../../src/core/model.js';
import { normaliseConfig, normaliseCustomer, normalisePeople } from '../../src/core/normalise.js';
import { describeChange } from '../../src/diff/describe.js';
import { diffRegistries, flatten, isEmptyDiff } from '../../src/diff/semantic.js';
import { activeCustomer, TEST_PEOPLE } from '../helpers/repo.js';

function reg(customers: Record<string, string>, people = TEST_PEOPLE): DetailedRegistry {
  return {
    files: { config: 'registry/config.yaml', people: 'registry/people.yaml', customersDir: 'registry/customers', page: 'registry/customer-exceptions.md' },
    config: normaliseConfig({}),
    people: normalisePeople(parse(people)),
    customers: Object.entries(customers).map(([slug, text]) => normaliseCustomer(slug, `registry/customers/${slug}.yaml`, parse(text))),
  };
}

const side = (label: string, registry: DetailedRegistry, findings: Finding[] = []) => ({ label, registry, findings });
const finding = (rule: Finding['rule'], line: number): Finding => ({
  rule,
  severity: 'warning',
  file: 'registry/customers/acme.yaml',
  line,
  column: 1,
  message: 'm',
});

describe('diffRegistries', () => {
  it('is empty for the same registry, even when unrelated edits move findings to other lines', () => {
    const r = reg({ acme: activeCustomer('Acme') });
    const d = diffRegistries(side('a', r, [finding('docs-stale', 3)]), side('b', r, [finding('docs-stale', 9)]));
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('reports a history-only edit as a field change, and people added and removed', () => {
    const a = reg({ acme: activeCustomer('Acme', 'history:\n  - on: 2026-11-01\n    event: assigned\n    engineer: alice\n') });
    const b = reg(
      { acme: activeCustomer('Acme', 'history:\n  - on: 2026-11-02\n    event: assigned\n    engineer: alice\n') },
      `${TEST_PEOPLE.replace(/ {2}- handle: dan\n( {4}.*\n)+?(?= {2}- handle)/, '')}  - handle: zoe\n    name: Zoe Zed\n    roles: [support-engineer]\n`,
    );
    const d = diffRegistries(side('a', a), side('b', b));
    expect(d.changes.map((c) => `${c.kind}:${c.handle ?? c.slug}:${c.field}:${describeChange(c)}`)).toEqual([
      'person:dan:removed:removed (was support-engineer)',
      'person:zoe:added:added (support-engineer)',
      'field:acme:history:history 1 entry -> 1 entry',
    ]);
  });

  it('flattens nested fields to dotted paths, approvals as one value each', () => {
    const f = flatten({
      docs: { design_doc: 'x', updated_on: '2026-01-01' },
      approvals: { cs: { by: 'erin', on: '2026-01-02' } },
      rationale: { pros: ['a', 'b'] },
    });
    expect(Object.fromEntries(f)).toEqual({
      'docs.design_doc': 'x',
      'docs.updated_on': '2026-01-01',
      'approvals.cs': 'erin on 2026-01-02',
      'rationale.pros': 'a; b',
    });
  });
});
