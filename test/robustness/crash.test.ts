/**
 * Crash safety: `ase` write commands are killed with SIGKILL at random moments (the ase process
 * alone, leaving its git child running, or its whole process group). Afterwards the commit is
 * exactly the one before or exactly the intended one, `git fsck` is clean, `ase lint` passes, and
 * the next write works, recovering whatever the dead process left (lock, journal, temp files).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type CliResult } from '../helpers/cli.js';
import { git, sampleRepo, tempDir } from '../helpers/repo.js';

/** Kills per kind of write; `npm run fuzz` sets CRASH_KILLS higher. */
const KILLS_PER_KIND = Number(process.env.CRASH_KILLS ?? 2);
/** Kill delays come from this seed (printed, and in every failure message): CRASH_SEED=<n> replays a run. */
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, one stream per kind so parallel kinds do not share draws. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a dead write may leave in .git that `git status` cannot see; the next write must clear it. */
function aseLeftovers(repo: string): string[] {
  return readdirSync(join(repo, '.git')).filter((n) => /^ase[.-](lock|journal|index)/.test(n) || n.includes('.ase-tmp-'));
}

const CHECKIN = ['--going-well', 'a', '--frustrations', 'b', '--goals', 'c', '--context', 'd'];
const KINDS: Record<string, string[]> = {
  request: ['request', 'newco', '--name', 'New Co', '--segment', 'pre-sales', '--ce', 'jules', '--by', 'kim', '--reason', 'trial'],
  assign: ['assign', 'newco', '--engineer', 'emeka', '--name', 'New Co', '--segment', 'pre-sales', '--ce', 'jules', '--by', 'kim', '--reason', 'trial'],
  transition: ['transition', 'cyberdyne', '--to', 'bruno', '--reason', 'workload'],
  checkin: ['checkin', 'cyberdyne', '--with', 'hana', ...CHECKIN],
  end: ['end', 'globex', '--reason', 'contract ended'],
  approve: ['approve', 'soylent-foods', '--as', 'ce', '--by', 'leo', '--evidence', 'https://chat.example.com/archives/C01/p1'],
  'engineers-set': ['engineers', 'set', 'emeka', '--overloaded'],
  docs: ['docs', 'oscorp', '--updated'],
};
/** The write after each crash: touches a file none of the kinds touch. */
const NEXT_WRITE = ['checkin', 'wayne-biotech', '--with', 'ivan', ...CHECKIN];

/**
 * A private copy of the built CLI: a rebuild of dist/ in the project (by a watcher or another
 * test run) during a long crash campaign would otherwise look like a crash of ase itself.
 */
let bin = '';
let binRoot = '';

const ENV = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASE_TODAY: '2026-11-28' };
  for (const k of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'ASE_REGISTRY', 'FORCE_COLOR']) delete env[k];
  return env;
};

/** Runs the private ase copy to completion. */
function run(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: ENV() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end();
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let kills = 0;
let landed = 0;
let recovered = 0;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `ase args` in its own process group and SIGKILLs it after `delay` ms (ase alone or the group). */
async function killDuring(repo: string, args: string[], delay: number, wholeGroup: boolean): Promise<void> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repo, detached: true, stdio: 'ignore', env: ENV() });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  await sleep(delay);
  try {
    if (wholeGroup) process.kill(-child.pid!, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // already gone
  }
  await exited;
  kills++;
  // An orphaned `git commit` may still be finishing: the checks below look at what it leaves, so
  // wait for it however long it takes (the test's timeout is the bound).
  while (groupAlive(child.pid!)) await sleep(25);
}

/** Tree of HEAD: equal trees mean byte-identical files. */
const tree = (repo: string, rev = 'HEAD') => git(repo, 'rev-parse', `${rev}^{tree}`);

/** Runs one kind `n` times with kills at random moments over its normal run time. */
async function crashKind(kind: string, n: number): Promise<void> {
  const args = KINDS[kind]!;
  const repo = sampleRepo();
  const base = git(repo, 'rev-parse', 'HEAD');
  const baseTree = tree(repo);
  // The intended result: the same command run to completion on a copy.
  const ref = join(tempDir('ase-crash-ref-'), 'repo');
  cpSync(repo, ref, { recursive: true });
  const started = Date.now();
  const full = await run(args, ref);
  const duration = Date.now() - started;
  expect(full.code, `${kind} should succeed when not killed: ${full.stderr}`).toBe(0);
  const afterTree = tree(ref);
  expect(afterTree).not.toBe(baseTree);

  // Kill times home in on the moment the commit lands, where the half-done states are.
  let horizon = duration;
  const random = seeded(SEED + Object.keys(KINDS).indexOf(kind));
  for (let i = 0; i < n; i++) {
    const delay = Math.floor(random() * horizon * 1.25);
    await killDuring(repo, args, delay, i % 2 === 1);
    const where = `${kind} killed after ${delay} ms (run ${i + 1}, CRASH_SEED=${SEED})`;

    // Exactly before or exactly after, in history.
    const head = git(repo, 'rev-parse', 'HEAD');
    if (head === base) {
      expect(tree(repo), where).toBe(baseTree);
      if (delay > horizon) horizon *= 1.2;
    } else {
      landed++;
      horizon = Math.max(20, (horizon + delay) / 2);
      expect(git(repo, 'rev-parse', 'HEAD~1'), where).toBe(base);
      expect(tree(repo), where).toBe(afterTree);
    }
    expect(() => git(repo, 'fsck', '--no-progress', '--no-dangling'), where).not.toThrow();

    // Readers are never fooled: lint passes on whatever is there now.
    const lint = await run(['lint'], repo);
    expect(lint.code, `${where}: lint: ${lint.stdout}${lint.stderr}`).toBe(0);

    // The next write works, cleaning up after the dead one.
    const next = await run(NEXT_WRITE, repo);
    expect(next.code, `${where}: next write: ${next.stderr}`).toBe(0);
    if (/interrupted write|stale|recovered|rolled back/i.test(next.stderr)) recovered++;
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all'), `${where}: leftovers`).toBe('');
    expect(aseLeftovers(repo), `${where}: leftovers in .git`).toEqual([]);
    expect([baseTree, afterTree], `${where}: the state under the next commit`).toContain(tree(repo, 'HEAD~1'));
    expect(git(repo, 'rev-parse', head === base ? 'HEAD~1' : 'HEAD~2'), `${where}: history`).toBe(base);
    expect(() => git(repo, 'fsck', '--no-progress', '--no-dangling'), where).not.toThrow();

    // Back to the base for the next kill.
    git(repo, 'reset', '-q', '--hard', base);
  }
}

describe('crash safety: SIGKILL during writes', () => {
  beforeAll(() => {
    binRoot = mkdtempSync(join(tmpdir(), 'ase-crash-bin-'));
    for (const p of ['bin', 'dist', 'package.json']) cpSync(join(PROJECT_ROOT, p), join(binRoot, p), { recursive: true });
    bin = join(binRoot, 'bin', 'ase');
  });

  afterAll(() => {
    rmSync(binRoot, { recursive: true, force: true });
    console.log(`crash (CRASH_SEED=${SEED}): ${kills} kills injected (${landed} after the commit landed, ${recovered} recoveries reported by the next write)`);
  });

  it(
    'leaves the repository exactly before or after every kind of write, and the next write works',
    async () => {
      // Kinds run in parallel on their own repos: each waits on git and the clock most of the time.
      const kinds = Object.keys(KINDS);
      for (let i = 0; i < kinds.length; i += 4) {
        await Promise.all(kinds.slice(i, i + 4).map((k) => crashKind(k, KILLS_PER_KIND)));
      }
      expect(kills).toBe(kinds.length * KILLS_PER_KIND);
    },
    120_000 + KILLS_PER_KIND * Object.keys(KINDS).length * 5_000,
  );

  it('explains a stale lock left by a killed process, then takes it', async () => {
    const repo = sampleRepo();
    const gitDir = join(repo, '.git');
    // A lock held by a process that no longer exists (pid far above any live one).
    const lock = { pid: 2 ** 22 + 12345, host: hostname(), command: 'ase assign acme', time: new Date(Date.now() - 60_000).toISOString() };
    writeFileSync(join(gitDir, 'ase.lock'), JSON.stringify(lock));
    const r = await run(NEXT_WRITE, repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/lock/i);
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});
