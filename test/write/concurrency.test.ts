/** Two writers never interleave: the lock serialises them, stale locks are recovered, live ones are respected. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase, aseAsync } from '../helpers/cli.js';
import { activeCustomer, git, registryRepo, TEST_PEOPLE } from '../helpers/repo.js';
import { commitCount, manyEngineers } from './support.js';

function customers(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= n; i++) out[`c${i}`] = activeCustomer(`Customer ${i}`);
  return out;
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function writeLock(dir: string, pid: number, host = hostname()): string {
  const path = join(dir, '.git/ase.lock');
  writeFileSync(path, `${JSON.stringify({ pid, host, command: 'ase assign somebody', time: '2026-11-28T08:00:00.000Z' })}\n`);
  return path;
}

describe('concurrent writers', () => {
  it('ten concurrent assigns at 13 of 15: exactly two land, eight are refused by the cap, history stays linear', async () => {
    const dir = registryRepo({ customers: customers(13), people: manyEngineers(TEST_PEOPLE, 20) });
    const base = commitCount(dir);
    const runs = Array.from({ length: 10 }, (_, i) =>
      aseAsync(
        [
          'assign',
          `new${i}`,
          '--engineer',
          `eng${2 * i + 1}`,
          '--backup',
          `eng${2 * i + 2}`,
          '--name',
          `New ${i}`,
          '--segment',
          'post-sales',
          '--ce',
          'carol',
          '--by',
          'carol',
        ],
        {
          cwd: dir,
          env: { ASE_LOCK_WAIT_MS: '120000' },
        },
      ),
    );
    const results = await Promise.all(runs);
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    for (const r of results.filter((x) => x.code === 1)) expect(r.stderr).toContain('cap reached: 15 of 15 active (registry/config.yaml: cap)');
    expect(commitCount(dir)).toBe(base + 2);
    expect(git(dir, 'rev-list', '--merges', 'HEAD')).toBe('');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const lint = ase(['lint', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(lint.stdout).errors).toBe(0);
    expect(existsSync(join(dir, '.git/ase.lock'))).toBe(false);
  }, 240_000);

  it('recovers a lock whose process no longer runs, and says so', () => {
    const dir = registryRepo({ customers: customers(2) });
    const lock = writeLock(dir, deadPid());
    const r = ase(['transition', 'c1', '--to', 'carl', '--reason', 'workload'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/recovered a stale registry lock left by pid \d+/);
    expect(existsSync(lock)).toBe(false);
  });

  it("never takes a live holder's lock: waits, then exits 3 naming the holder", () => {
    const dir = registryRepo({ customers: customers(2) });
    const lock = writeLock(dir, process.pid);
    const held = readFileSync(lock);
    const count = commitCount(dir);
    const r = ase(['transition', 'c1', '--to', 'carl', '--reason', 'workload'], { cwd: dir, env: { ASE_LOCK_WAIT_MS: '400' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`locked by pid ${process.pid} on ${hostname()}`);
    expect(r.stderr).toContain('ase assign somebody');
    expect(readFileSync(lock)).toEqual(held);
    expect(commitCount(dir)).toBe(count);
  });

  it('never takes a lock held from another host, even if that pid is free here', () => {
    const dir = registryRepo({ customers: customers(2) });
    const lock = writeLock(dir, deadPid(), 'some-other-host');
    const r = ase(['transition', 'c1', '--to', 'carl', '--reason', 'workload'], { cwd: dir, env: { ASE_LOCK_WAIT_MS: '300' } });
    expect(r.code).toBe(3);
    expect(existsSync(lock)).toBe(true);
  });
});
