/** A purpose-built registry for `ase status`: each customer triggers exactly one kind of item. */
import { stringify } from 'yaml';
import { MODELINE, registryRepo, TEST_PEOPLE } from '../helpers/repo.js';

export const TODAY = '2026-11-28';

type Fields = Record<string, unknown>;

/** An active post-sales customer with nothing to report on TODAY, with fields replaced or removed (undefined). */
export function customerYaml(name: string, fields: Fields = {}): string {
  const base: Fields = {
    name,
    segment: 'post-sales',
    term: 'long-term',
    status: 'active',
    engineer: 'bob',
    backup: 'carl',
    ce: 'carol',
    communicated: true,
    since: '2026-11-01',
    approvals: { cs: { by: 'erin', on: '2026-10-30' }, ce: { by: 'fred', on: '2026-10-30' }, sales: { by: 'gina', on: '2026-10-30' } },
    docs: { design_doc: `https://docs.example.com/${name.toLowerCase().replace(/\W+/g, '-')}`, updated_on: '2026-11-01', salesforce_synced_on: '2026-11-02' },
    checkins: [{ on: '2026-11-25', with: 'carol', going_well: 'Fine.', context: 'Self-hosted.' }],
  };
  const merged: Fields = { ...base, ...fields };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return MODELINE.customer + stringify(merged);
}

const docs = (updated_on: string | undefined, salesforce_synced_on: string | undefined, name: string) => ({
  design_doc: `https://docs.example.com/${name}`,
  ...(updated_on ? { updated_on } : {}),
  ...(salesforce_synced_on ? { salesforce_synced_on } : {}),
});

/** Slug -> file text. Alice carries 5 primaries (max 4); dan said he is overloaded; 13 of 14 used. */
export const STATUS_CUSTOMERS: Record<string, string> = {
  clean: customerYaml('Clean Co'),
  'no-backup': customerYaml('No Backup', { backup: undefined, engineer: 'alice' }),
  expired: customerYaml('Expired', { term: 'temporary', ends_on: '2026-11-20', engineer: 'alice' }),
  'ends-in-7': customerYaml('Ends In Seven', { term: 'temporary', ends_on: '2026-12-05', engineer: 'alice' }),
  'ends-in-3': customerYaml('Ends In Three', { term: 'temporary', ends_on: '2026-12-01', engineer: 'alice' }),
  'never-checked': customerYaml('Never Checked', { since: '2026-10-01', checkins: undefined, engineer: 'alice', backup: 'bob' }),
  'late-checkin': customerYaml('Late Checkin', { checkins: [{ on: '2026-11-10', with: 'carol' }] }),
  'no-doc': customerYaml('No Doc', { docs: undefined }),
  'old-doc': customerYaml('Old Doc', { docs: docs('2026-08-01', '2026-08-02', 'old-doc') }),
  'synced-behind': customerYaml('Synced Behind', { docs: docs('2026-11-02', '2026-10-01', 'synced-behind'), engineer: 'carl', backup: 'bob' }),
  'never-synced': customerYaml('Never Synced', { docs: docs('2026-11-02', undefined, 'never-synced'), engineer: 'carl', backup: 'bob' }),
  unapproved: customerYaml('Unapproved', {
    approvals: { cs: { by: 'erin', on: '2026-10-30' }, ce: { by: 'fred', on: '2026-10-30' } },
    engineer: 'carl',
    backup: 'bob',
  }),
  'long-timer': customerYaml('Long Timer', { since: '2025-06-01', engineer: 'carl', backup: 'bob' }),
  pending: customerYaml('Pending', {
    status: 'requested',
    engineer: undefined,
    backup: undefined,
    communicated: false,
    since: undefined,
    request: { by: 'carol', on: '2026-11-20', reason: 'Big rollout.' },
    approvals: { cs: { by: 'erin', on: '2026-11-21' } },
    docs: undefined,
    checkins: undefined,
  }),
  // Ended as `ase end` leaves a customer: with the history entry that says when and why.
  gone: customerYaml('Gone', {
    status: 'ended',
    ended_on: '2026-06-01',
    since: '2024-01-01',
    checkins: undefined,
    docs: undefined,
    history: [
      { on: '2024-01-01', event: 'assigned', engineer: 'bob', backup: 'carl', reason: 'request approved' },
      { on: '2026-06-01', event: 'ended', reason: 'Contract ended' },
    ],
  }),
};

export const STATUS_PEOPLE = TEST_PEOPLE.replace(
  '    name: Dan Drake\n    roles: [support-engineer]\n',
  '    name: Dan Drake\n    roles: [support-engineer]\n    overloaded: true\n',
);

export const STATUS_CONFIG = `${MODELINE.config}cap: 14\nmax_per_engineer: 4\nends_soon_days: 14\nrotation_hint_days: 365\n`;

/** A committed temp repo holding the status registry. */
export function statusRepo(): string {
  return registryRepo({ config: STATUS_CONFIG, people: STATUS_PEOPLE, customers: STATUS_CUSTOMERS });
}
