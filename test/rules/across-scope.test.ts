import { describe, expect, it } from 'vitest';
import { acrossScope } from '../../src/core/across-scope.js';
import { checkAcross, ruleContext } from '../../src/core/check.js';
import type { Registry } from '../../src/core/model.js';
import { normaliseConfig, normaliseCustomer, normalisePeople } from '../../src/core/normalise.js';

const FILES = { config: 'registry/config.yaml', people: 'registry/people.yaml', customersDir: 'registry/customers', page: 'registry/customer-exceptions.md' };
const STATUSES = ['active', 'active', 'requested', 'ended', 'rejected', undefined];
// Names that collide in every way the name key allows: case, white space, compatibility forms.
const NAMES = ['Acme', 'acme', ' ACME  ', 'Globex Corp', 'globex\tcorp', 'ＡＣＭＥ', 'Initech', 'Hooli', undefined];
const HANDLES = ['amara', 'bruno', 'chen', 'dara'];

/** A small generator, so every run checks the same registries. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function registry(seed: number): Registry {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const n = 1 + Math.floor(r() * 14);
  const customers = Array.from({ length: n }, (_, i) => {
    const slug = `c${String(i).padStart(2, '0')}`;
    const name = pick(NAMES);
    return normaliseCustomer(slug, `${FILES.customersDir}/${slug}.yaml`, {
      ...(name === undefined ? {} : { name }),
      segment: 'post-sales',
      status: pick(STATUSES),
      engineer: pick(HANDLES),
      since: `2026-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    });
  });
  const people = HANDLES.map((handle) => ({ handle, name: handle, roles: ['support-engineer'], ...(r() < 0.2 ? { overloaded: true } : {}) }));
  if (r() < 0.3) people.push({ handle: 'amara', name: 'twice', roles: ['support-engineer'] });
  return {
    files: FILES,
    config: normaliseConfig({ cap: Math.floor(r() * 5), max_per_engineer: Math.floor(r() * 3) }),
    people: normalisePeople({ people }),
    customers,
  };
}

describe('acrossScope', () => {
  it('gives every rule across customers the same findings as the whole registry', () => {
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const whole = registry(seed);
      const findings = checkAcross(ruleContext(whole, '2026-11-28'));
      const scoped = checkAcross(ruleContext({ ...whole, customers: acrossScope(whole.customers) }, '2026-11-28'));
      expect(scoped, `seed ${seed}`).toEqual(findings);
      if (findings.some((f) => f.rule === 'slug-mismatch') && findings.some((f) => f.rule === 'cap-exceeded')) checked++;
    }
    // The registries do exercise the rules: duplicate names and the cap together, many times.
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves out customers that are neither active nor share their name', () => {
    const only = (status: string, name: string, slug: string) => normaliseCustomer(slug, `${FILES.customersDir}/${slug}.yaml`, { name, status });
    const customers = [
      only('ended', 'Acme', 'a'),
      only('ended', 'ACME', 'b'),
      only('ended', 'Solo', 'c'),
      only('active', 'Other', 'd'),
      only('rejected', 'Lone', 'e'),
    ];
    expect(acrossScope(customers).map((c) => c.slug)).toEqual(['a', 'b', 'd']);
  });
});
