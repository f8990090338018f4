import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ase, BIN } from '../helpers/cli.js';
import { commitCount as commits, git, GIT_ENV, read, sampleRepo } from '../helpers/repo.js';
import { aseInTerminal } from './pty.js';

const checkins = (cwd: string, slug: string) => parse(read(join(cwd, 'registry', 'customers', `${slug}.yaml`))).checkins as Record<string, string>[];

describe('ase checkin with flags', () => {
  it('appends the check-in, with the CE and today by default, in one commit', () => {
    const cwd = sampleRepo();
    const r = ase(
      ['checkin', 'cyberdyne', '--going-well', 'Upgrade went fine', '--frustrations', 'None', '--goals', 'SSO rollout', '--context', 'Air-gapped'],
      { cwd },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[[0-9a-f]{7}\] checkin\(cyberdyne\): with hana on 2026-11-28$/m);
    expect(checkins(cwd, 'cyberdyne').at(-1)).toEqual({
      on: '2026-11-28',
      with: 'hana',
      going_well: 'Upgrade went fine',
      frustrations: 'None',
      goals: 'SSO rollout',
      context: 'Air-gapped',
    });
    expect(commits(cwd)).toBe(2);
    expect(git(cwd, 'show', '--name-only', '--format=', 'HEAD')).toBe('registry/customers/cyberdyne.yaml');
    const message = git(cwd, 'log', '-1', '--format=%B');
    expect(message).toContain('Action: checkin\nCustomer: cyberdyne\nWith: hana\nOn: 2026-11-28');
    expect(message).toContain('- Goals: SSO rollout');
    // The comment above checkins survives, and the check-in is no longer overdue.
    expect(read(join(cwd, 'registry', 'customers', 'cyberdyne.yaml'))).toContain('# The last check-in is deliberately old');
    const lint = JSON.parse(ase(['lint', '--format', 'json'], { cwd }).stdout);
    expect(lint.findings.map((f: { rule: string }) => f.rule)).not.toContain('checkin-overdue');
    const status = JSON.parse(ase(['status', '--json'], { cwd }).stdout);
    expect(status.items.map((i: { kind: string }) => i.kind)).not.toContain('checkin-overdue');
  });

  it('takes --with and --on, and leaves out answers not given', () => {
    const cwd = sampleRepo();
    const r = ase(['checkin', 'initech', '--with', 'hana', '--on', '2026-11-26', '--goals', 'Pass the security review'], { cwd });
    expect(r.code).toBe(0);
    expect(checkins(cwd, 'initech').at(-1)).toEqual({ on: '2026-11-26', with: 'hana', goals: 'Pass the security review' });
  });

  it('with no terminal never waits for input, even with stdin left open', async () => {
    const cwd = sampleRepo();
    const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, NO_COLOR: '1', ASE_TODAY: '2026-11-28' };
    for (const k of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'ASE_REGISTRY']) delete env[k];
    const child = spawn(process.execPath, [BIN, 'checkin', 'globex', '--goals', 'Migrate CI'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    // stdin stays open: a prompt would wait forever and the timeout below would fire.
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => resolve('timed out waiting'), 20_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c ?? -1);
      });
    });
    child.stdin.end();
    if (code === 'timed out waiting') child.kill();
    expect(code).toBe(0);
    expect(stdout).toContain('checkin(globex)');
    expect(checkins(cwd, 'globex').at(-1)).toEqual({ on: '2026-11-28', with: 'ivan', goals: 'Migrate CI' });
  });

  it.each([
    [['checkin', 'cyberdyne'], 'no answers given'],
    [['checkin', 'cyberdyne', '--goals', 'x', '--with', 'nobody'], '--with "nobody" is not in'],
    [['checkin', 'cyberdyne', '--goals', 'x', '--on', '2026-12-01'], 'is in the future'],
    [['checkin', 'cyberdyne', '--goals', 'x', '--on', '2026-02-30'], 'not a real date'],
    [['checkin', 'no-such', '--goals', 'x'], 'unknown customer'],
    [['checkin', 'Bad/Slug', '--goals', 'x'], 'not a valid customer slug'],
  ])('%j is bad usage (exit 2) and writes nothing', (args, message) => {
    const cwd = sampleRepo();
    const r = ase(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(commits(cwd)).toBe(1);
    expect(git(cwd, 'status', '--porcelain')).toBe('');
  });

  it('refuses an ended assignment (exit 1)', () => {
    const cwd = sampleRepo();
    const r = ase(['checkin', 'hooli', '--goals', 'x'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hooli is ended');
    expect(commits(cwd)).toBe(1);
  });

  it('--dry-run shows the new entry and writes nothing', () => {
    const cwd = sampleRepo();
    const r = ase(['checkin', 'oscorp', '--goals', 'Plan Q1', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+  - on: 2026-11-28\n+    with: ivan\n+    goals: Plan Q1');
    expect(git(cwd, 'status', '--porcelain')).toBe('');
  });
});

describe('ase checkin in a terminal', () => {
  it('asks each missing question in turn, showing the last answer, and records the replies', () => {
    const cwd = sampleRepo();
    const r = aseInTerminal(['checkin', 'northwind-logistics', '--goals', 'Berlin rollout'], ['Berlin team onboarded', '', '='], cwd);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Check-in for Northwind Logistics with Hana Sato (hana) on 2026-11-28');
    // Only the three questions the flags left open, one at a time, each with last week's answer.
    expect(r.out).toContain('1/3 What is going well with the customer?\n    last time (2026-11-24): SSO ticket closed; the admins are happy.');
    expect(r.out).toContain('2/3 What, if anything, is causing frustration for the customer?\n    last time (2026-11-24): None this week.');
    expect(r.out).toContain(
      '3/3 What context would be useful for any troubleshooting that may come up?\n    last time (2026-11-24): Change freeze from 2026-12-15 to 2027-01-05.',
    );
    expect(r.out).not.toContain('What are we currently trying to make happen');
    expect(r.out).toMatch(/\[[0-9a-f]{7}\] checkin\(northwind-logistics\): with hana on 2026-11-28/);
    expect(checkins(cwd, 'northwind-logistics').at(-1)).toEqual({
      on: '2026-11-28',
      with: 'hana',
      going_well: 'Berlin team onboarded',
      goals: 'Berlin rollout',
      context: 'Change freeze from 2026-12-15 to 2027-01-05.',
    });
    expect(commits(cwd)).toBe(2);
  });

  it('Ctrl-D cancels: exit 1, nothing recorded', () => {
    const cwd = sampleRepo();
    const r = aseInTerminal(['checkin', 'cyberdyne'], ['All good', null], cwd);
    expect(r.code).toBe(1);
    expect(r.out).toContain('cancelled: nothing was recorded');
    expect(commits(cwd)).toBe(1);
    expect(git(cwd, 'status', '--porcelain')).toBe('');
  });

  it('does not ask when every answer is given as a flag', () => {
    const cwd = sampleRepo();
    const r = aseInTerminal(['checkin', 'oscorp', '--going-well', 'a', '--frustrations', 'b', '--goals', 'c', '--context', 'd'], [], cwd);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('> ');
    expect(checkins(cwd, 'oscorp').at(-1)).toMatchObject({ going_well: 'a', frustrations: 'b', goals: 'c', context: 'd' });
  });
});
