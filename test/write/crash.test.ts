/** A write killed by SIGKILL at any point leaves the repository as before or after, and the next write cleans up. */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ase } from '../helpers/cli.js';
import { activeCustomer, git, MODELINE, registryRepo, tempDir } from '../helpers/repo.js';
import { commitCount, snapshot, status } from './support.js';

const requested = `${MODELINE.customer}name: Two\nsegment: post-sales\nterm: long-term\nstatus: requested\nrequest:\n  by: carol\n  on: 2026-11-01\n`;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function hook(dir: string, body: string): void {
  const path = join(dir, '.git/hooks/pre-commit');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `ase args` in its own process group, SIGKILLs ase alone once `path` exists (ase's git
 * children live on, as after a real crash), then waits until every process of the group is gone,
 * so what the test checks next is what the crash left. Fails if ase ended before `path` appeared:
 * a kill that interrupted nothing proves nothing.
 */
async function killWhenExists(dir: string, args: string[], path: string, env: Record<string, string> = {}): Promise<void> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASE_TODAY: '2026-11-28', ...env };
  for (const k of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'ASE_REGISTRY']) delete childEnv[k];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  let gone = false;
  const exited = new Promise<void>((r) =>
    child.on('exit', () => {
      gone = true;
      r();
    }),
  );
  while (!existsSync(path) && !gone) await sleep(5);
  const reached = existsSync(path);
  child.kill('SIGKILL');
  await exited;
  while (groupAlive(child.pid!)) await sleep(10);
  expect(reached, `ase ended before ${path} appeared: ${stderr}`).toBe(true);
}

function leftovers(dir: string): string[] {
  const git = readdirSync(join(dir, '.git')).filter((n) => /^ase[.-](lock|journal|index)/.test(n) || n.includes('.ase-tmp-'));
  const reg = [...readdirSync(join(dir, 'registry')), ...readdirSync(join(dir, 'registry/customers'))].filter((n) => n.includes('.ase-tmp-'));
  return [...git, ...reg];
}

const ASSIGN = ['assign', 'c2', '--engineer', 'carl', '--backup', 'dan'];

describe('interrupted writes', () => {
  it('killed while git runs a hook that then fails: the next command rolls the files and index back', async () => {
    const dir = registryRepo({ customers: { c1: activeCustomer('One'), c2: requested } });
    const mark = join(dir, 'hook-started');
    hook(dir, `touch "${mark}"\nsleep 1\nexit 1`);
    git(dir, 'update-index', '--refresh');
    const before = { snap: snapshot(dir), count: commitCount(dir) };
    await killWhenExists(dir, ASSIGN, mark);
    expect(existsSync(join(dir, '.git/ase-journal.json'))).toBe(true);
    hook(dir, 'exit 0');
    // Even a command that only reads finishes the interrupted write before reading.
    const next = ase(['list', '--json'], { cwd: dir });
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('recovered a stale registry lock');
    expect(next.stderr).toContain('rolled back an interrupted write');
    expect(JSON.parse(next.stdout).find((c: { slug: string }) => c.slug === 'c2').status).toBe('requested');
    expect(commitCount(dir)).toBe(before.count);
    const after = snapshot(dir);
    delete after['hook-started'];
    expect(after['registry/customers/c2.yaml']).toBe(before.snap['registry/customers/c2.yaml']);
    expect(status(dir)).toBe('?? hook-started');
    expect(leftovers(dir)).toEqual([]);
  });

  it('killed while git runs a hook that then succeeds: the commit stands and the next write just cleans up', async () => {
    const dir = registryRepo({ customers: { c1: activeCustomer('One'), c2: requested } });
    const mark = join(dir, '.git/hook-started');
    hook(dir, `touch "${mark}"\nsleep 1\nexit 0`);
    const count = commitCount(dir);
    await killWhenExists(dir, ASSIGN, mark);
    const next = ase(['approve', 'c1', '--as', 'cs', '--by', 'erin'], { cwd: dir });
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('had already committed');
    expect(commitCount(dir)).toBe(count + 1);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('assign(c2): carl, backup dan');
    expect(status(dir)).toBe('');
    expect(leftovers(dir)).toEqual([]);
  });

  // Each moment of the write, reached through a test-only pause point (src/write/pause-point.ts).
  const MOMENTS = ['after-journal', 'after-index-backup', 'after-files-written', 'after-commit', 'mid-clear'] as const;
  for (const moment of MOMENTS) {
    it(`killed ${moment}: the next command, even one that only reads, leaves it before or after with nothing left over`, async () => {
      const dir = registryRepo({ customers: { c1: activeCustomer('One'), c2: requested } });
      const count = commitCount(dir);
      const before = snapshot(dir);
      const paused = join(tempDir('ase-pause-'), 'paused');
      await killWhenExists(dir, ASSIGN, paused, { ASE_TEST_PAUSE_AT: moment, ASE_TEST_PAUSE_FILE: paused });
      const read = ase(['list', '--json'], { cwd: dir });
      expect(read.code, read.stderr).toBe(0);
      expect(leftovers(dir)).toEqual([]);
      expect(status(dir)).toBe('');
      const landed = commitCount(dir) !== count;
      const c2 = JSON.parse(read.stdout).find((c: { slug: string }) => c.slug === 'c2');
      expect(c2.status).toBe(landed ? 'active' : 'requested');
      if (landed) {
        expect(commitCount(dir)).toBe(count + 1);
        expect(git(dir, 'log', '-1', '--format=%s')).toBe('assign(c2): carl, backup dan');
      } else {
        const s = snapshot(dir);
        for (const f of Object.keys(before).filter((k) => k.startsWith('registry/') || k === '.git/index')) expect(s[f], f).toBe(before[f]);
      }
      const next = ase(['approve', 'c1', '--as', 'cs', '--by', 'erin'], { cwd: dir });
      expect(next.code, next.stderr).toBe(0);
      expect(status(dir)).toBe('');
      expect(leftovers(dir)).toEqual([]);
    });
  }

  it('an index backup left with no journal (by an older ase) is removed by the next command, never restored', async () => {
    const dir = registryRepo({ customers: { c1: activeCustomer('One'), c2: requested } });
    const index = readFileSync(join(dir, '.git/index'));
    // Half a backup, as a copy cut short would leave.
    writeFileSync(join(dir, '.git/ase-index.bak'), index.subarray(0, index.length >> 1));
    const read = ase(['list', '--json'], { cwd: dir });
    expect(read.code, read.stderr).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(join(dir, '.git/index')).equals(index)).toBe(true);
    expect(status(dir)).toBe('');
  });
});
