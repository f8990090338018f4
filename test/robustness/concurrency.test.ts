/**
 * Concurrency: many ase processes writing to one registry at once never lose a change, never
 * take the registry past its cap, and never commit each other's files.
 */
import { describe, expect, it } from 'vitest';
import { aseAsync } from '../helpers/cli.js';
import { git, sampleRepo } from '../helpers/repo.js';

/** Writers wait for each other: give the lock time on a busy machine. */
const ENV = { ASE_LOCK_WAIT_MS: '300000' };
const CHECKIN = ['--going-well', 'a', '--frustrations', 'b', '--goals', 'c', '--context', 'd'];

/** Customers with `status: active` in the commit `rev`. */
function activeCount(repo: string, rev = 'HEAD'): number {
  return git(repo, 'grep', '-l', '^status: active', rev, '--', 'registry/customers').split('\n').filter(Boolean).length;
}

/** Files each commit since `base` changed, by commit subject. */
function commitsSince(repo: string, base: string): { subject: string; files: string[]; customer: string }[] {
  const hashes = git(repo, 'rev-list', '--reverse', `${base}..HEAD`).split('\n').filter(Boolean);
  return hashes.map((h) => ({
    subject: git(repo, 'log', '-1', '--format=%s', h),
    files: git(repo, 'show', '--name-only', '--format=', h).split('\n').filter(Boolean),
    customer: git(repo, 'log', '-1', '--format=%(trailers:key=Customer,valueonly)', h).trim(),
  }));
}

describe('concurrent writers', () => {
  it('lets exactly as many new assignments land as the cap allows, and refuses the rest with the cap message', async () => {
    const repo = sampleRepo(); // 9 active of 15
    const base = git(repo, 'rev-parse', 'HEAD');
    const engineers = ['bruno', 'emeka', 'amara', 'dara', 'chen', 'bruno', 'emeka', 'amara', 'dara', 'chen'];
    const results = await Promise.all(
      engineers.map((e, i) =>
        aseAsync(
          ['assign', `race-${i}`, '--engineer', e, '--name', `Race ${i}`, '--segment', 'pre-sales', '--ce', 'jules', '--by', 'kim', '--reason', 'race'],
          { cwd: repo, env: ENV },
        ),
      ),
    );
    const ok = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code !== 0);
    expect(ok.length, results.map((r) => r.stderr).join('\n')).toBe(6);
    for (const r of refused) {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/cap/);
    }
    expect(activeCount(repo)).toBe(15);
    const commits = commitsSince(repo, base);
    expect(commits).toHaveLength(6);
    for (const c of commits) {
      expect(
        c.files.filter((f) => f !== 'registry/customer-exceptions.md'),
        c.subject,
      ).toEqual([`registry/customers/${c.customer}.yaml`]);
    }
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    const lint = await aseAsync(['lint'], { cwd: repo });
    expect(lint.code, lint.stdout).toBe(0);
  }, 600_000);

  it('keeps every change when many writers touch different customers and the same customer at once', async () => {
    const repo = sampleRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    const jobs: string[][] = [
      ['checkin', 'cyberdyne', '--with', 'hana', '--on', '2026-11-20', ...CHECKIN],
      ['checkin', 'cyberdyne', '--with', 'hana', '--on', '2026-11-21', ...CHECKIN],
      ['checkin', 'cyberdyne', '--with', 'hana', '--on', '2026-11-22', ...CHECKIN],
      ['checkin', 'cyberdyne', '--with', 'hana', '--on', '2026-11-23', ...CHECKIN],
      ['docs', 'oscorp', '--updated'],
      ['docs', 'globex', '--salesforce-synced'],
      ['transition', 'northwind-logistics', '--to', 'emeka', '--reason', 'exposure'],
      ['end', 'umbrella-health', '--reason', 'launch settled'],
      ['approve', 'soylent-foods', '--as', 'ce', '--by', 'leo', '--evidence', 'https://chat.example.com/archives/C01/p1'],
      ['engineers', 'set', 'bruno', '--overloaded'],
    ];
    const results = await Promise.all(jobs.map((args) => aseAsync(args, { cwd: repo, env: ENV })));
    results.forEach((r, i) => expect(r.code, `${jobs[i]!.join(' ')}: ${r.stderr}`).toBe(0));
    const commits = commitsSince(repo, base);
    expect(commits).toHaveLength(jobs.length);
    for (const c of commits) {
      const own = c.customer ? [`registry/customers/${c.customer}.yaml`] : ['registry/people.yaml'];
      expect(
        c.files.filter((f) => f !== 'registry/customer-exceptions.md'),
        c.subject,
      ).toEqual(own);
    }
    // No change lost: every check-in, every field.
    const cyberdyne = git(repo, 'show', 'HEAD:registry/customers/cyberdyne.yaml');
    for (const d of ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']) expect(cyberdyne).toContain(`on: ${d}`);
    expect(git(repo, 'show', 'HEAD:registry/customers/oscorp.yaml')).toMatch(/updated_on: 2026-11-28/);
    expect(git(repo, 'show', 'HEAD:registry/customers/globex.yaml')).toMatch(/salesforce_synced_on: 2026-11-28/);
    expect(git(repo, 'show', 'HEAD:registry/customers/northwind-logistics.yaml')).toMatch(/^engineer: emeka$/m);
    expect(git(repo, 'show', 'HEAD:registry/customers/umbrella-health.yaml')).toMatch(/^status: ended$/m);
    expect(git(repo, 'show', 'HEAD:registry/customers/soylent-foods.yaml')).toMatch(/ce:\n\s+by: leo/);
    expect(git(repo, 'show', 'HEAD:registry/people.yaml')).toMatch(/handle: bruno[\s\S]*?overloaded: true/);
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(() => git(repo, 'fsck', '--no-progress', '--no-dangling')).not.toThrow();
  }, 600_000);
});
