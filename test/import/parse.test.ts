import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normaliseConfig, normalisePeople } from '../../src/core/normalise.js';
import type { Registry } from '../../src/core/model.js';
import { cellText, dateIn, headerKey, segmentOf, yesNo } from '../../src/import/cells.js';
import { mapColumns } from '../../src/import/columns.js';
import { findTables, splitRow } from '../../src/import/markdown-tables.js';
import { matchPerson } from '../../src/import/people-match.js';
import { planImport } from '../../src/import/plan.js';
import { TEST_PEOPLE } from '../helpers/repo.js';

const people = normalisePeople(parse(TEST_PEOPLE));
const registry: Registry = {
  files: { config: 'registry/config.yaml', people: 'registry/people.yaml', customersDir: 'registry/customers', page: 'registry/customer-exceptions.md' },
  config: normaliseConfig({}),
  people,
  customers: [],
};

describe('markdown tables', () => {
  it('splits rows on unescaped pipes outside code', () => {
    expect(splitRow('| a | b \\| c | `x|y` |')).toEqual(['a', 'b | c', '`x|y`']);
    expect(splitRow('a | b')).toEqual(['a', 'b']);
  });

  it('finds tables with their lines and headings, skipping fenced code', () => {
    const page = [
      '# Title',
      '',
      '## Pre-sales',
      '',
      'Customer | TSE',
      ':-- | --',
      'Acme | alice',
      'Beta | bob',
      '',
      '```',
      '| x | y |',
      '|---|---|',
      '| 1 | 2 |',
      '```',
      '| A | B |',
      '|---|---|',
      '| 1 | 2 |',
    ].join('\n');
    const tables = findTables(page);
    expect(tables).toHaveLength(2);
    expect(tables[0]).toMatchObject({ line: 5, headers: ['Customer', 'TSE'], heading: 'Pre-sales' });
    expect(tables[0]!.rows.map((r) => r.line)).toEqual([7, 8]);
    expect(tables[1]!.line).toBe(15);
  });
});

describe('cells', () => {
  it('strips links, bold, code and html, and treats dashes as blank', () => {
    expect(cellText('[**Acme** Corp](https://x.example)')).toEqual({ text: 'Acme Corp', url: 'https://x.example' });
    expect(cellText('__Beta__ <br> `labs`').text).toBe('Beta labs');
    expect(cellText(' — ').text).toBe('');
    expect(cellText('N/A').text).toBe('');
    expect(cellText('_snake_case_name_').text).toBe('snake_case_name');
    expect(headerKey('**Assigned SE**')).toBe('assigned se');
  });

  it('reads yes/no in any case, kinds and dates without guessing', () => {
    expect([yesNo('YES'), yesNo('no'), yesNo('Y'), yesNo('Yes, in QBR'), yesNo('maybe')]).toEqual([true, false, true, true, undefined]);
    expect([
      segmentOf('Strategic'),
      segmentOf('Pre-Sales POC'),
      segmentOf('post sales'),
      segmentOf('both pre-sales and post-sales'),
      segmentOf('gold'),
    ]).toEqual(['post-sales', 'pre-sales', 'post-sales', undefined, undefined]);
    expect(dateIn('until 2027-01-31')).toBe('2027-01-31');
    expect(dateIn('31 Jan 2027')).toBe('2027-01-31');
    expect(dateIn('March 3, 2027')).toBe('2027-03-03');
    expect(dateIn('2027/2/30')).toBe('ambiguous');
    expect(dateIn('01/02/2027')).toBe('ambiguous');
    expect(dateIn('Q3')).toBeUndefined();
  });

  it('maps the column names people use and lists the rest as ignored', () => {
    const m = mapColumns(['Account', 'TSE', 'Backup SE', 'Customer Engineer', 'Segment', 'End date', 'Told customer', 'ARR']);
    expect(m.fields).toEqual({ customer: 0, engineer: 1, backup: 2, ce: 3, segment: 4, ends_on: 5, communicated: 6 });
    expect(m.ignored).toEqual(['ARR']);
  });

  it('matches people by handle, @handle, display name or unique first name, with their role', () => {
    expect(matchPerson('@alice', people, 'support-engineer', 'people.yaml')).toEqual({ handle: 'alice' });
    expect(matchPerson('Bob Baker', people, 'support-engineer', 'people.yaml')).toEqual({ handle: 'bob' });
    expect(matchPerson('carl', people, 'support-engineer', 'people.yaml')).toEqual({ handle: 'carl' });
    expect(matchPerson('Carol', people, 'customer-engineer', 'people.yaml')).toEqual({ handle: 'carol' });
    expect(matchPerson('carol', people, 'support-engineer', 'people.yaml')).toHaveProperty('problem');
    expect(matchPerson('Zed', people, 'support-engineer', 'people.yaml')).toHaveProperty('problem');
    expect(matchPerson('alice / bob', people, 'support-engineer', 'people.yaml')).toHaveProperty('problem');
  });
});

describe('planImport', () => {
  it('never invents: missing facts stay absent and are listed; conflicts are left out with a note', () => {
    const page = [
      '| Customer | Engineer | Backup | Type | Communicated |',
      '|---|---|---|---|---|',
      '| Acme | alice | | strategic | yes |',
      '| Beta | bob | carl | pre-sales | YES |',
      '| Gamma | | | post-sales | |',
      '| Delta | dan | dan | post-sales | no |',
    ].join('\n');
    const plan = planImport(page, registry);
    const by = Object.fromEntries(plan.customers.map((c) => [c.slug, c]));
    expect(by.acme!.data).toEqual({ name: 'Acme', segment: 'post-sales', term: 'long-term', status: 'requested', engineer: 'alice', communicated: true });
    expect(by.acme!.notes.join()).toContain('no backup');
    expect(by.beta!.data).toEqual({ name: 'Beta', segment: 'pre-sales', term: 'long-term', status: 'active', engineer: 'bob' });
    expect(by.beta!.notes).toHaveLength(2);
    expect(by.gamma!.data.status).toBe('requested');
    expect(by.gamma!.missing).toContain('ce');
    expect(by.delta!.data).toEqual({ name: 'Delta', segment: 'post-sales', term: 'long-term', status: 'requested', engineer: 'dan', communicated: false });
    expect(plan.skipped).toEqual([]);
  });
});
