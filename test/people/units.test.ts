/** The pure parts of the roster commands: input checks, time zones, where a person is needed, list style. */
import { describe, expect, it } from 'vitest';
import { type Document, parseDocument } from 'yaml';
import { isValidTimeZone } from '../../src/core/time-zone.js';
import { placesOf } from '../../src/core/person-places.js';
import { normaliseCustomer, normalisePeople } from '../../src/core/normalise.js';
import { DEFAULT_CONFIG, type Registry } from '../../src/core/model.js';
import { checkDays, checkHours, checkRoles } from '../../src/roster/person-input.js';
import { editDocument } from '../../src/write/yaml-edit.js';
import { UsageError } from '../../src/errors.js';

describe('isValidTimeZone', () => {
  it('knows IANA names and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Europe/London; rm -rf /')).toBe(false);
  });
});

describe('person input', () => {
  it('hours are HH:MM-HH:MM on a 24-hour clock', () => {
    expect(checkHours('09:00-17:30')).toBe('09:00-17:30');
    for (const bad of ['25:00-26:00', '9:00-17:00', '09:00-24:00', '09:60-17:00', '09:00', '09:00 - 17:00']) {
      expect(() => checkHours(bad)).toThrow(UsageError);
    }
  });

  it('days come back in week order, once each; roles may be comma-separated', () => {
    expect(checkDays('fri, mon,MON,wed')).toEqual(['mon', 'wed', 'fri']);
    expect(() => checkDays('')).toThrow(/not a list of weekdays/);
    expect(checkRoles(['support-engineer,cs-leadership', 'support-engineer'], '--role')).toEqual(['support-engineer', 'cs-leadership']);
    expect(() => checkRoles(['engineer'], '--role')).toThrow(/"engineer" is not a role/);
  });
});

describe('placesOf', () => {
  it('lists engineer, backup and CE places on active customers only, with what frees each', () => {
    const people = normalisePeople({ people: [{ handle: 'alice', name: 'A', roles: ['support-engineer', 'customer-engineer'] }] });
    const customer = (slug: string, status: string, extra: object) =>
      normaliseCustomer(slug, `registry/customers/${slug}.yaml`, { name: slug, segment: 'post-sales', term: 'long-term', status, ...extra });
    const registry: Registry = {
      files: { config: 'registry/config.yaml', people: 'registry/people.yaml', customersDir: 'registry/customers', page: 'registry/customer-exceptions.md' },
      config: DEFAULT_CONFIG,
      people,
      customers: [
        customer('acme', 'active', { engineer: 'alice', backup: 'bob', ce: 'carol' }),
        customer('beta', 'active', { engineer: 'bob', backup: 'alice', ce: 'alice' }),
        customer('old', 'ended', { engineer: 'alice', backup: 'bob' }),
      ],
    };
    expect(placesOf(registry, 'alice', '2026-11-28').map((p) => `${p.as} ${p.slug}: ${p.fix}`)).toEqual([
      'engineer acme: ase transition acme --to <handle> --reason leave',
      'backup beta: ase transition beta --backup <handle> --reason leave',
      'CE beta: set `ce:` in registry/customers/beta.yaml to another customer engineer and commit it',
    ]);
    expect(placesOf(registry, 'dan', '2026-11-28')).toEqual([]);
  });
});

describe('appending a map to a list', () => {
  const append = (text: string, value: object) => {
    const doc = parseDocument(text, { version: '1.2' }) as Document;
    editDocument(doc, 'people.yaml').append(['people'], value);
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  };

  it('writes lists in the style of the item before it', () => {
    const text = 'people:\n  - handle: a\n    roles: [x]\n';
    expect(append(text, { handle: 'b', roles: ['y', 'z'], working_days: ['mon'] })).toBe(
      'people:\n  - handle: a\n    roles: [x]\n  - handle: b\n    roles: [y, z]\n    working_days: [mon]\n',
    );
    const block = 'people:\n  - handle: a\n    roles:\n      - x\n';
    expect(append(block, { handle: 'b', roles: ['y'] })).toBe('people:\n  - handle: a\n    roles:\n      - x\n  - handle: b\n    roles:\n      - y\n');
  });

  it('turns an empty `people: []` into a block list, short lists on one line', () => {
    expect(append('people: []\n', { handle: 'b', roles: ['y'] })).toBe('people:\n  - handle: b\n    roles: [y]\n');
  });
});
