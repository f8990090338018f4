/** The time-off rules: coverage-gap, team-thin, time-off-conflict and unknown-person on time off, at the entry at fault. */
import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE, TEST_PEOPLE } from '../helpers/repo.js';
import { at, edit, lintTexts, only, preSalesCustomer, SAYS_WHAT_TO_DO, TIME_OFF_FILE, where } from './lint-texts.js';

const HEADER = `${MODELINE.config.replace('config', 'time-off')}time_off:\n`;

function entry(handle: string, from: string, to: string, cover?: Record<string, string>): string {
  const covers = cover
    ? `    cover:\n${Object.entries(cover)
        .map(([s, h]) => `      ${s}: ${h}\n`)
        .join('')}`
    : '';
  return `  - handle: ${handle}\n    from: ${from}\n    to: ${to}\n${covers}`;
}

const customers = { acme: activeCustomer('Acme'), initech: preSalesCustomer('Initech') };

describe('coverage-gap', () => {
  it("warns at the engineer's entry for a pre-sales customer with nobody, naming the days and the fix", () => {
    const timeOff = HEADER + entry('alice', '2026-12-21', '2026-12-23');
    const found = only(lintTexts({ customers, timeOff }), 'coverage-gap');
    expect(where(found)).toEqual([{ rule: 'coverage-gap', severity: 'warning', file: TIME_OFF_FILE, ...at(timeOff, 'handle: alice') }]);
    expect(found[0]!.message).toContain('initech');
    expect(found[0]!.message).toContain('2026-12-21..2026-12-23');
    expect(found[0]!.message).toContain('`ase away alice --from 2026-12-21 --cover initech=<handle>`');
    expect(found[0]!.message).toMatch(SAYS_WHAT_TO_DO);
  });

  it('warns when engineer and backup are both away without a cover, and only on the days they overlap', () => {
    const timeOff = HEADER + entry('alice', '2026-12-21', '2026-12-31', { initech: 'carl' }) + entry('bob', '2026-12-30', '2027-01-02');
    const found = only(lintTexts({ customers, timeOff }), 'coverage-gap');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('acme has nobody to take its tickets on 2026-12-30..2026-12-31');
  });

  it('is quiet with a cover, for past entries, and from today on counts only the days left', () => {
    expect(only(lintTexts({ customers, timeOff: HEADER + entry('alice', '2026-12-21', '2026-12-23', { initech: 'carl' }) }), 'coverage-gap')).toEqual([]);
    expect(only(lintTexts({ customers, timeOff: HEADER + entry('alice', '2026-11-01', '2026-11-27') }), 'coverage-gap')).toEqual([]);
    const running = only(lintTexts({ customers, timeOff: HEADER + entry('alice', '2026-11-20', '2026-11-30') }), 'coverage-gap');
    expect(running[0]!.message).toContain('2026-11-28..2026-11-30');
    // A cover who is away too does not help.
    const coverAway = HEADER + entry('alice', '2026-12-21', '2026-12-23', { initech: 'carl' }) + entry('carl', '2026-12-23', '2026-12-23');
    expect(only(lintTexts({ customers, timeOff: coverAway }), 'coverage-gap')[0]!.message).toContain('on 2026-12-23 ');
  });
});

describe('team-thin', () => {
  it('warns when more support engineers are away on a day than max_away_at_once, at the entry that tipped it', () => {
    const timeOff = HEADER + entry('alice', '2026-12-20', '2026-12-24') + entry('bob', '2026-12-22', '2026-12-28') + entry('carl', '2026-12-23', '2026-12-23');
    const found = only(lintTexts({ customers: {}, timeOff }), 'team-thin');
    expect(where(found)).toEqual([{ rule: 'team-thin', severity: 'warning', file: TIME_OFF_FILE, ...at(timeOff, 'handle: carl') }]);
    expect(found[0]!.message).toContain('3 support engineers away on 2026-12-23 (alice, bob, carl)');
    expect(found[0]!.message).toMatch(SAYS_WHAT_TO_DO);
  });

  it('follows max_away_at_once in config and ignores days before today', () => {
    const timeOff = HEADER + entry('alice', '2026-12-20', '2026-12-24') + entry('bob', '2026-12-22', '2026-12-28');
    expect(only(lintTexts({ customers: {}, timeOff }), 'team-thin')).toEqual([]);
    const one = `${MODELINE.config}cap: 15\nmax_away_at_once: 1\n`;
    expect(only(lintTexts({ config: one, customers: {}, timeOff }), 'team-thin')[0]!.message).toContain('2026-12-22..2026-12-24');
    const past = HEADER + entry('alice', '2026-11-01', '2026-11-03') + entry('bob', '2026-11-01', '2026-11-03') + entry('carl', '2026-11-01', '2026-11-03');
    expect(only(lintTexts({ customers: {}, timeOff: past }), 'team-thin')).toEqual([]);
  });
});

describe('time-off-conflict', () => {
  it('is an error for an end before the start, an overlap, a cover on a customer the person is not on, and a self-cover', () => {
    const backwards = HEADER + entry('alice', '2026-12-21', '2026-12-01');
    expect(where(only(lintTexts({ customers, timeOff: backwards }), 'time-off-conflict'))).toEqual([
      { rule: 'time-off-conflict', severity: 'error', file: TIME_OFF_FILE, ...at(backwards, '2026-12-01') },
    ]);
    const overlap = HEADER + entry('alice', '2026-12-21', '2026-12-31') + entry('alice', '2026-12-31', '2027-01-02');
    const o = only(lintTexts({ customers, timeOff: overlap }), 'time-off-conflict');
    expect(where(o)).toEqual([{ rule: 'time-off-conflict', severity: 'error', file: TIME_OFF_FILE, ...at(overlap, '2026-12-31', 'from: 2026-12-31') }]);
    const notOn = HEADER + entry('carl', '2026-12-21', '2026-12-31', { acme: 'dan' });
    expect(only(lintTexts({ customers, timeOff: notOn }), 'time-off-conflict')[0]!.message).toContain('neither its engineer nor its backup');
    const self = HEADER + entry('alice', '2026-12-21', '2026-12-31', { initech: 'alice' });
    expect(only(lintTexts({ customers, timeOff: self }), 'time-off-conflict')).toHaveLength(1);
    const other = HEADER + entry('alice', '2026-12-21', '2026-12-31') + entry('bob', '2026-12-21', '2026-12-31');
    expect(only(lintTexts({ customers, timeOff: other }), 'time-off-conflict')).toEqual([]);
  });
});

describe('unknown-person on time off', () => {
  it('flags a handle or cover that is not an active support engineer, at the node', () => {
    const timeOff = HEADER + entry('zed', '2026-12-21', '2026-12-31') + entry('alice', '2027-01-10', '2027-01-11', { initech: 'carol' });
    const found = only(lintTexts({ customers, timeOff }), 'unknown-person');
    expect(where(found)).toEqual([
      { rule: 'unknown-person', severity: 'error', file: TIME_OFF_FILE, ...at(timeOff, 'zed') },
      { rule: 'unknown-person', severity: 'error', file: TIME_OFF_FILE, ...at(timeOff, 'carol') },
    ]);
    const inactive = edit(TEST_PEOPLE, '    name: Dan Drake\n', '    name: Dan Drake\n    active: false\n');
    const gone = HEADER + entry('dan', '2026-12-21', '2026-12-31');
    expect(only(lintTexts({ people: inactive, customers, timeOff: gone }), 'unknown-person')).toHaveLength(1);
    // A past entry of someone who has left stays as history.
    expect(only(lintTexts({ people: inactive, customers, timeOff: HEADER + entry('dan', '2026-10-01', '2026-10-02') }), 'unknown-person')).toEqual([]);
  });
});

describe('working hours in people.yaml', () => {
  it('are HH:MM-HH:MM and need a time zone, each said in words at the node', () => {
    const people = edit(TEST_PEOPLE, '    name: Alice Able\n', '    name: Alice Able\n    working_hours: "25:00-26:00"\n');
    const found = only(lintTexts({ people }), 'schema');
    expect(found.map((f) => f.message)).toEqual([
      '`working_hours` in `people.0` needs `timezone` too: add `timezone` (an IANA name such as Europe/London)',
      '`people.0.working_hours` is "25:00-26:00", expected working hours written HH:MM-HH:MM in 24-hour time, such as "09:00-17:00"',
    ]);
    expect(found[0]).toMatchObject(at(people, 'working_hours'));
    const good = edit(
      TEST_PEOPLE,
      '    name: Alice Able\n',
      '    name: Alice Able\n    timezone: Asia/Tokyo\n    working_hours: "22:00-06:00"\n    working_days: [sun, mon]\n',
    );
    expect(lintTexts({ people: good })).toEqual([]);
  });
});
