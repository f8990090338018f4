/** Hand formatting survives writes: comments, a custom field order, and a diff of only the changed lines. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { git, MODELINE, registryRepo } from '../helpers/repo.js';

const HAND = `${MODELINE.customer}# Acme: our biggest account. Talk to Carol before any change.
status: requested     # waiting for leadership
name: Acme Corp
term: long-term
segment: post-sales
ce: carol
request:
  on: 2026-10-01      # the kickoff call
  by: carol
  reason: Weekly escalations.
approvals:
  sales: {by: gina, on: 2026-10-03}
  cs:
    by: erin
    on: 2026-10-02
  ce:
    by: fred
    on: 2026-10-02

# Free-form notes kept at the end on purpose
notes: >-
  Prefers email.
`;

/** The +/- lines of the last commit's diff. */
function changedLines(dir: string): string[] {
  return git(dir, 'show', '--format=', '--unified=0', 'HEAD')
    .split('\n')
    .filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l));
}

describe('in-place YAML edits', () => {
  it('keep comments and field order through assign and transition, and touch only changed lines', () => {
    const dir = registryRepo({ customers: { acme: HAND } });
    const r = ase(['assign', 'acme', '--engineer', 'alice', '--backup', 'bob', '--since', '2026-11-02'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(changedLines(dir)).toEqual([
      '-status: requested     # waiting for leadership',
      '+status: active        # waiting for leadership', // the comment keeps its column
      '+engineer: alice',
      '+backup: bob',
      '+communicated: false',
      '+since: 2026-11-02',
      '+history:',
      '+  - on: 2026-11-02',
      '+    event: assigned',
      '+    engineer: alice',
      '+    backup: bob',
      '+    reason: request approved',
    ]);
    const after = readFileSync(join(dir, 'registry/customers/acme.yaml'), 'utf8');
    expect(after.startsWith(`${MODELINE.customer}# Acme: our biggest account.`)).toBe(true);
    expect(after).toContain('  on: 2026-10-01      # the kickoff call\n  by: carol\n');
    expect(after).toContain('  sales: {by: gina, on: 2026-10-03}\n');
    expect(after).toContain('\n# Free-form notes kept at the end on purpose\nnotes: >-\n  Prefers email.\n');

    const t = ase(['transition', 'acme', '--to', 'carl', '--reason', 'workload', '--note', 'Alice has three already', '--today', '2026-12-01'], { cwd: dir });
    expect(t.code).toBe(0);
    expect(changedLines(dir)).toEqual([
      '-engineer: alice',
      '+engineer: carl',
      '-since: 2026-11-02',
      '+since: 2026-12-01',
      '+  - on: 2026-12-01',
      '+    event: transition',
      '+    engineer: carl',
      '+    backup: bob',
      '+    reason: workload',
      '+    note: Alice has three already',
    ]);
    expect(ase(['lint'], { cwd: dir }).code).toBe(0);
  });
});
