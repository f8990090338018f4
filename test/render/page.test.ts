import { describe, expect, it } from 'vitest';
import { normaliseConfig, normaliseCustomer, normalisePeople } from '../../src/core/normalise.js';
import type { DetailedRegistry } from '../../src/core/model.js';
import { parse } from 'yaml';
import { deletionsFirst, expectedPage, firstDifferentLine, pageToWrite } from '../../src/render/expected.js';
import { pageStamp, renderPage } from '../../src/render/page.js';
import { activeCustomer, TEST_PEOPLE } from '../helpers/repo.js';

function registryOf(customers: Record<string, string>, cap = 15): DetailedRegistry {
  return {
    files: { config: 'registry/config.yaml', people: 'registry/people.yaml', customersDir: 'registry/customers', page: 'registry/customer-exceptions.md' },
    config: normaliseConfig({ cap }),
    people: normalisePeople(parse(TEST_PEOPLE)),
    customers: Object.entries(customers).map(([slug, text]) => normaliseCustomer(slug, `registry/customers/${slug}.yaml`, parse(text))),
  };
}

const ended = (name: string, endedOn: string) => `name: ${name}
segment: post-sales
term: long-term
status: ended
ended_on: ${endedOn}
history:
  - on: 2025-01-01
    event: assigned
    engineer: carl
    backup: dan
  - on: ${endedOn}
    event: ended
    reason: Contract done
`;

const requested = `name: Zeta Pending
segment: pre-sales
term: temporary
ends_on: 2027-02-01
status: requested
ce: carol
request:
  by: carol
  on: 2026-11-20
  reason: Trial | evaluation
approvals:
  sales:
    by: gina
    on: 2026-11-21
`;

describe('renderPage', () => {
  const reg = registryOf({
    beta: activeCustomer('Beta'),
    alpha: activeCustomer('Alpha', 'backup: carl\n').replace('backup: bob\n', ''),
    zeta: requested,
    old: ended('Old Ended', '2025-01-10'),
    recent: ended('Recent Ended', '2026-10-01'),
  });
  const page = renderPage(reg);

  it('lists active customers sorted by name with people by name and the cap', () => {
    const alpha = page.indexOf('[Alpha](customers/alpha.yaml)');
    const beta = page.indexOf('[Beta](customers/beta.yaml)');
    expect(alpha).toBeGreaterThan(0);
    expect(beta).toBeGreaterThan(alpha);
    expect(page).toContain('| [Alpha](customers/alpha.yaml) | post-sales | long-term | — | Alice Able | Carl Cook | Carol Chen | yes |');
    expect(page).toContain('**Active: 2 of 15**');
  });

  it('shows pending requests with approvals so far, escaping pipes', () => {
    expect(page).toContain('## Pending requests');
    expect(page).toContain(
      '| [Zeta Pending](customers/zeta.yaml) | pre-sales | temporary | 2027-02-01 | Carol Chen | Carol Chen | 2026-11-20 | Trial \\| evaluation | 1 of 3: Sales: Gina Gray (2026-11-21) |',
    );
  });

  it('lists only recently ended customers, counting back from the newest date in the data', () => {
    expect(page).toContain('| [Recent Ended](customers/recent.yaml) | post-sales | Carl Cook | 2026-10-01 | Contract done |');
    expect(page).not.toContain('Old Ended');
  });

  it('is deterministic, carries the generated notice, and stamps a date only when asked', () => {
    expect(renderPage(reg)).toBe(page);
    expect(page).toContain('do not edit by hand');
    expect(pageStamp(page)).toBeUndefined();
    const stamped = renderPage(reg, { asOf: '2026-11-28' });
    expect(pageStamp(stamped)).toBe('2026-11-28');
    expect(pageToWrite(reg, { today: '2026-11-28', todayGiven: false })).toBe(page);
    expect(pageToWrite(reg, { today: '2026-11-28', todayGiven: true })).toBe(stamped);
  });

  it('checks an existing page against a render for the date stamped on it', () => {
    const stamped = renderPage(reg, { asOf: '2026-11-28' });
    expect(expectedPage(reg, stamped)).toBe(stamped);
    expect(expectedPage(reg, page)).toBe(page);
    const edited = stamped.replace('Alice Able', 'Bob Baker');
    expect(expectedPage(reg, edited)).toBe(stamped);
    expect(firstDifferentLine(edited, stamped)).toBe(stamped.split('\n').findIndex((l) => l.includes('Alice Able')) + 1);
  });

  it('says None when a section is empty', () => {
    const empty = renderPage(registryOf({}));
    expect(empty.match(/_None\._/g)).toHaveLength(3);
    expect(empty).toContain('**Active: 0 of 15**');
  });
});

describe('deletionsFirst', () => {
  it('puts removed lines before added ones within a run', () => {
    const d = ['--- a/x', '+++ b/x', '@@ -1,2 +1,2 @@', ' same', '+new', '-old', ' end', ''].join('\n');
    expect(deletionsFirst(d)).toBe(['--- a/x', '+++ b/x', '@@ -1,2 +1,2 @@', ' same', '-old', '+new', ' end', ''].join('\n'));
  });
});
