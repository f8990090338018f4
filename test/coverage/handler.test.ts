/** The handler rule as a pure function: order of the chain, working hours through Intl, the day-by-day view. */
import { describe, expect, it } from 'vitest';
import { coverageByDay, handlerOf } from '../../src/core/coverage.js';
import { DEFAULT_CONFIG, type Customer, type Person, type Registry, type TimeOff } from '../../src/core/model.js';
import { isValidTimeZone } from '../../src/core/time-zone.js';
import { inHours, localTime } from '../../src/core/working-hours.js';

const person = (handle: string, extra: Partial<Person> = {}): Person => ({
  handle,
  name: handle.toUpperCase(),
  roles: ['support-engineer'],
  active: true,
  overloaded: false,
  ...extra,
});
const customer = (slug: string, engineer: string, backup?: string): Customer =>
  ({
    slug,
    file: `registry/customers/${slug}.yaml`,
    name: slug,
    named: true,
    status: 'active',
    segment: backup ? 'post-sales' : 'pre-sales',
    engineer,
    backup,
    approvals: {},
    docs: {},
    checkins: [],
    history: [],
    raw: {},
  }) as Customer;
const off = (handle: string, from: string, to: string, cover: Record<string, string> = {}, index = 0): TimeOff => ({ handle, from, to, cover, index });

function registry(
  timeOff: TimeOff[],
  people: Person[] = ['ann', 'ben', 'cat', 'dov'].map((h) => person(h)),
  customers = [customer('acme', 'ann', 'ben'), customer('initech', 'ann')],
): Registry {
  return { files: { config: 'c', people: 'registry/people.yaml', customersDir: 'd', page: 'p' }, config: DEFAULT_CONFIG, people, customers, timeOff };
}

describe('handlerOf', () => {
  const r = registry([off('ann', '2026-12-21', '2026-12-31', { acme: 'cat', initech: 'dov' }), off('ben', '2026-12-25', '2026-12-26')]);
  const acme = r.customers[0]!;
  it("is the engineer, then the backup, then the cover of the engineer's entry", () => {
    expect(handlerOf(r, acme, '2026-12-20').handler).toEqual({ handle: 'ann', role: 'engineer' });
    expect(handlerOf(r, acme, '2026-12-21').handler).toEqual({ handle: 'ben', role: 'backup' });
    expect(handlerOf(r, acme, '2026-12-25').handler).toEqual({ handle: 'cat', role: 'cover' });
    expect(handlerOf(r, r.customers[1]!, '2026-12-22').handler).toEqual({ handle: 'dov', role: 'cover' });
    // The last day of an entry is a day away (inclusive).
    expect(handlerOf(r, acme, '2026-12-31').handler?.role).toBe('backup');
    expect(handlerOf(r, acme, '2027-01-01').handler?.role).toBe('engineer');
  });
  it('is null with a gap when nobody is left', () => {
    const lonely = registry([off('ann', '2026-12-21', '2026-12-31')]);
    const h = handlerOf(lonely, lonely.customers[1]!, '2026-12-22');
    expect(h).toEqual({
      slug: 'initech',
      on: '2026-12-22',
      handler: null,
      gap: true,
      chain: [{ handle: 'ann', role: 'engineer', away: { from: '2026-12-21', to: '2026-12-31' }, in_hours: null }],
    });
  });
  it('with an instant tells each person in or out of hours in their own zone, and prefers who is in hours', () => {
    const people = [
      person('ann', { timezone: 'Asia/Tokyo', working_hours: '09:00-17:00' }),
      person('ben', { timezone: 'America/New_York', working_hours: '09:00-17:00' }),
    ];
    const z = registry([], people);
    const at = (iso: string) => handlerOf(z, z.customers[0]!, iso.slice(0, 10), Date.parse(iso));
    // 01:00 UTC Tue = 10:00 Tokyo Tue (in), 20:00 New York Mon (out).
    expect(at('2026-12-08T01:00:00Z').handler?.handle).toBe('ann');
    // 15:00 UTC Tue = 00:00 Tokyo Wed (out), 10:00 New York Tue (in).
    expect(at('2026-12-08T15:00:00Z').handler?.handle).toBe('ben');
    expect(at('2026-12-08T15:00:00Z').chain.map((l) => l.in_hours)).toEqual([false, true]);
    // Away is the person's local date: 2026-12-20T16:00Z is already the 21st in Tokyo.
    const away = registry([off('ann', '2026-12-21', '2026-12-21')], people);
    expect(handlerOf(away, away.customers[0]!, '2026-12-20', Date.parse('2026-12-20T16:00:00Z')).chain[0]!.away).not.toBeNull();
    expect(handlerOf(away, away.customers[0]!, '2026-12-20', Date.parse('2026-12-20T14:00:00Z')).chain[0]!.away).toBeNull();
  });
});

describe('working hours', () => {
  it('reads hours and days through Intl, overnight shifts included', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    const monNoon = localTime(Date.parse('2026-12-07T12:00:00Z'), 'UTC');
    expect(monNoon).toEqual({ date: '2026-12-07', weekday: 'mon', minutes: 720 });
    expect(inHours(monNoon, '09:00-17:00', undefined)).toBe(true);
    expect(inHours(monNoon, '13:00-17:00', undefined)).toBe(false);
    expect(inHours(monNoon, undefined, ['sat', 'sun'])).toBe(false);
    expect(inHours(monNoon, undefined, undefined)).toBeNull();
    // 22:00-06:00 from Sunday night: Monday 02:00 counts as Sunday's shift.
    const monTwo = localTime(Date.parse('2026-12-07T02:00:00Z'), 'UTC');
    expect(inHours(monTwo, '22:00-06:00', ['sun'])).toBe(true);
    expect(inHours(monTwo, '22:00-06:00', ['mon'])).toBe(false);
  });
});

describe('coverageByDay', () => {
  it('gives away handles, gap slugs and thin days for each day', () => {
    const r = registry([off('ann', '2026-12-21', '2026-12-22'), off('ben', '2026-12-22', '2026-12-22'), off('cat', '2026-12-22', '2026-12-23')]);
    expect(coverageByDay(r, '2026-12-20', '2026-12-23')).toEqual([
      { date: '2026-12-20', away: [], gaps: [], thin: false },
      { date: '2026-12-21', away: ['ann'], gaps: ['initech'], thin: false },
      { date: '2026-12-22', away: ['ann', 'ben', 'cat'], gaps: ['acme', 'initech'], thin: true },
      { date: '2026-12-23', away: ['cat'], gaps: [], thin: false },
    ]);
  });
});
