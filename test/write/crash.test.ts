/** A write killed by SIGKILL at any point leaves the repository as before or after, and the next write cleans up. */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ase } from '../helpers/cli.js';
import { activeCustomer, git, MODELINE, registryRepo } from '../helpers/repo.js';
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

/** Starts `ase args` and SIGKILLs it when `when` resolves; resolves once it is gone. */
async function killDuring(dir: string, args: string[], when: () => Promise<void>): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASE_TODAY: '2026-11-28' };
  for (const k of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'ASE_REGISTRY']) delete env[k];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  await Promise.race([when(), exited]);
  child.kill('SIGKILL');
  await exited;
}

async function waitFor(path: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!existsSync(path) && Date.now() < end) await sleep(2);
}

function leftovers(dir: string): string[] {
  const git = readdirSync(join(dir, '.git')).filter((n) => /^ase[.-](lock|journal|index)/.test(n));
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
    await killDuring(dir, ASSIGN, () => waitFor(mark));
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
    await killDuring(dir, ASSIGN, () => waitFor(mark));
    const next = ase(['approve', 'c1', '--as', 'cs', '--by', 'erin'], { cwd: dir });
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('had already committed');
    expect(commitCount(dir)).toBe(count + 1);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('assign(c2): carl, backup dan');
    expect(status(dir)).toBe('');
    expect(leftovers(dir)).toEqual([]);
  });

  it('killed at many moments of the write: always before or after, never in between', async () => {
    // Delays count from the moment the lock (then the journal) appears, so kills land inside the write itself.
    const moments = [
      ...[0].map((delay) => ({ after: 'ase.lock', delay })),
      ...[0, 2, 5, 10, 20, 40, 250].map((delay) => ({ after: 'ase-journal.json', delay })),
    ];
    for (const { after: marker, delay } of moments) {
      const dir = registryRepo({ customers: { c1: activeCustomer('One'), c2: requested } });
      const count = commitCount(dir);
      const before = snapshot(dir);
      await killDuring(dir, ASSIGN, async () => {
        await waitFor(join(dir, '.git', marker));
        await sleep(delay);
      });
      const next = ase(['approve', 'c1', '--as', 'cs', '--by', 'erin'], { cwd: dir });
      expect(next.code, next.stderr).toBe(0);
      expect(status(dir)).toBe('');
      expect(leftovers(dir)).toEqual([]);
      const now = commitCount(dir);
      if (now === count) {
        const s = snapshot(dir);
        for (const f of Object.keys(before).filter((k) => k.startsWith('registry/'))) expect(s[f], `${f} after kill ${delay} ms after ${marker}`).toBe(before[f]);
      } else {
        expect(now).toBe(count + 1);
        expect(git(dir, 'log', '-1', '--format=%s')).toBe('assign(c2): carl, backup dan');
      }
    }
  }, 300_000);
});
