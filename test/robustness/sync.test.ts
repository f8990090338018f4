/**
 * `ase sync` against a real `git daemon` on 127.0.0.1 started by the test: two clones racing for
 * the last place under the cap, a remote that moves during a push, rebase conflicts, and the
 * environments sync refuses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ase, aseAsync } from '../helpers/cli.js';
import { activeCustomer, git, MODELINE, registryRepo, tempDir, writeRegistry } from '../helpers/repo.js';

/** Races of two clones for the fifteenth place; `npm run fuzz` sets SYNC_RACES higher. */
const RACES = Number(process.env.SYNC_RACES ?? 1);
const ENV = { ASE_LOCK_WAIT_MS: '120000' };

let daemon: ChildProcess | undefined;
let base = '';
let port = 0;
let races = 0;
let repoCount = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
}

/** Whether our daemon serves `probe.git` on `p` (another program on the port would not). */
function serves(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const ls = spawn('git', ['ls-remote', `git://127.0.0.1:${p}/probe.git`], { stdio: 'ignore' });
    ls.on('error', () => resolve(false));
    ls.on('exit', (code) => resolve(code === 0));
  });
}

/**
 * Starts `git daemon` on a port that was free a moment ago. Another program may take the port
 * between the check and the daemon's bind: the daemon then exits, and we try another port.
 */
async function startDaemon(): Promise<void> {
  git(base, 'init', '-q', '--bare', 'probe.git');
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const d = spawn(
      'git',
      [
        'daemon',
        '--export-all',
        '--enable=receive-pack',
        `--base-path=${base}`,
        `--port=${port}`,
        '--listen=127.0.0.1',
        '--reuseaddr',
        '--informative-errors',
        base,
      ],
      { stdio: 'ignore' },
    );
    let exited = false;
    d.on('exit', () => (exited = true));
    // Until it serves (however slow the machine) or gives up on the port.
    while (!exited && !(await serves(port))) await new Promise((r) => setTimeout(r, 50));
    if (!exited) {
      daemon = d;
      return;
    }
    expect(attempt, `git daemon could not listen on 127.0.0.1 (${attempt} ports tried)`).toBeLessThan(10);
  }
}

beforeAll(async () => {
  // Not tempDir(): that one is removed after each test, and the daemon serves the whole file.
  base = mkdtempSync(join(tmpdir(), 'ase-sync-srv-'));
  await startDaemon();
}, 300_000);

afterAll(() => {
  daemon?.kill('SIGTERM');
  rmSync(base, { recursive: true, force: true });
  console.log(`sync: ${races} races of two clones against git daemon on 127.0.0.1:${port}`);
});

const CONFIG = `${MODELINE.config}cap: 15\nmax_per_engineer: 20\n`;

/** A bare repo on the daemon holding `active` active customers (and the rendered page, if asked); its git:// URL. */
function remoteWith(active: number, page = false): string {
  const name = `reg-${++repoCount}.git`;
  git(base, 'init', '-q', '--bare', '-b', 'main', name);
  const customers: Record<string, string> = {};
  for (let i = 1; i <= active; i++) customers[`c${String(i).padStart(2, '0')}`] = activeCustomer(`Customer ${i}`);
  const seed = registryRepo({ config: CONFIG, customers });
  if (page) {
    expect(ase(['render'], { cwd: seed }).code).toBe(0);
    git(seed, 'add', '-A');
    git(seed, 'commit', '-q', '--amend', '--no-edit');
  }
  const url = `git://127.0.0.1:${port}/${name}`;
  git(seed, 'remote', 'add', 'origin', url);
  git(seed, 'push', '-q', 'origin', 'main');
  return url;
}

function clone(url: string): string {
  const dir = join(tempDir('ase-clone-'), 'reg');
  git(tempDir(), 'clone', '-q', url, dir);
  git(dir, 'config', 'user.name', 'Test User');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'core.hooksPath', '.git/hooks');
  return dir;
}

const head = (repo: string) => git(repo, 'rev-parse', 'HEAD');

/** Active customers in the remote's main at `rev`, read through a clone's view of it. */
function activeAt(repo: string, rev: string): number {
  const out = git(repo, 'grep', '-l', '^status: active', rev, '--', 'registry/customers');
  return out.split('\n').filter(Boolean).length;
}

function assignArgs(slug: string, engineer: string): string[] {
  return [
    'assign',
    slug,
    '--engineer',
    engineer,
    '--backup',
    'dan',
    '--name',
    `New ${slug}`,
    '--segment',
    'post-sales',
    '--ce',
    'carol',
    '--by',
    'erin',
    '--reason',
    'strategic',
  ];
}

describe('ase sync against git daemon', () => {
  it('two clones at 14 of 15 each assign a customer and sync at once: exactly one push lands, the other is refused with the cap', async () => {
    for (let round = 0; round < RACES; round++) {
      // Every other round keeps the rendered page, which both sides change.
      const url = remoteWith(14, round % 2 === 1);
      const a = clone(url);
      const b = clone(url);
      expect(ase(assignArgs('new-a', 'bob'), { cwd: a }).code).toBe(0);
      expect(ase(assignArgs('new-b', 'carl'), { cwd: b }).code).toBe(0);
      const before = { a: head(a), b: head(b) };
      const [ra, rb] = await Promise.all([aseAsync(['sync'], { cwd: a, env: ENV }), aseAsync(['sync'], { cwd: b, env: ENV })]);
      races++;
      const results = [ra, rb];
      expect(results.map((r) => r.code).sort(), `${ra.stderr}\n${rb.stderr}`).toEqual([0, 1]);
      const loser = ra.code === 1 ? { r: ra, repo: a, before: before.a, slug: 'new-a' } : { r: rb, repo: b, before: before.b, slug: 'new-b' };
      const winner = ra.code === 0 ? ra : rb;
      expect(winner.stdout).toMatch(/pushed 1 commit/);
      expect(loser.r.stderr).toMatch(/cap/);
      expect(loser.r.stderr).toContain(`revisit your commit ${loser.before.slice(0, 7)} "assign(${loser.slug})`);
      expect(loser.r.stderr).not.toMatch(/^\s+at /m);
      // The loser keeps its commit, its branch where it was, and a clean tree.
      expect(head(loser.repo)).toBe(loser.before);
      expect(git(loser.repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
      // The remote never held more than 15 active, at any commit.
      git(loser.repo, 'fetch', '-q', 'origin');
      const history = git(loser.repo, 'rev-list', 'origin/main').split('\n');
      expect(history).toHaveLength(2); // the seed and the winner's commit
      for (const c of history) expect(activeAt(loser.repo, c)).toBeLessThanOrEqual(15);
      expect(activeAt(loser.repo, 'origin/main')).toBe(15);
    }
  }, 600_000);

  it('rebases onto commits from another clone, re-checks, and pushes; a second sync is up to date', async () => {
    const url = remoteWith(3);
    const a = clone(url);
    const b = clone(url);
    expect(ase(['docs', 'c01', '--salesforce-synced'], { cwd: a }).code).toBe(0);
    expect(ase(['end', 'c02', '--reason', 'done'], { cwd: b }).code).toBe(0);
    const ra = await aseAsync(['sync'], { cwd: a });
    expect(ra.code, ra.stderr).toBe(0);
    const rb = await aseAsync(['sync', '--remote', 'origin'], { cwd: b });
    expect(rb.code, rb.stderr).toBe(0);
    expect(rb.stdout).toMatch(/took 1 commit from origin\/main.*pushed 1 commit/s);
    expect(rb.stdout).toMatch(/end\(c02\)/);
    const again = await aseAsync(['sync'], { cwd: b });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/up to date/);
    const ra2 = await aseAsync(['sync'], { cwd: a });
    expect(ra2.stdout).toMatch(/took 1 commit.*nothing of yours to push/s);
    expect(head(a)).toBe(head(b));
    expect(git(a, 'log', '--format=%s', '-3').split('\n')).toEqual([expect.stringMatching(/^end\(c02\)/), expect.stringMatching(/^docs\(c01\)/), 'registry']);
  }, 300_000);

  it('renders the page again when both sides changed it, and pushes a page that is up to date', async () => {
    const url = remoteWith(4, true);
    const a = clone(url);
    const b = clone(url);
    expect(ase(['end', 'c01', '--reason', 'done'], { cwd: a }).code).toBe(0);
    expect(ase(['end', 'c04', '--reason', 'done'], { cwd: b }).code).toBe(0);
    expect(git(b, 'show', '--name-only', '--format=', 'HEAD')).toContain('registry/customer-exceptions.md');
    expect((await aseAsync(['sync'], { cwd: a })).code).toBe(0);
    const r = await aseAsync(['sync'], { cwd: b });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/pushed 1 commit/);
    expect(git(b, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    const check = ase(['render', '--check'], { cwd: b });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(ase(['lint'], { cwd: b }).code).toBe(0);
  }, 300_000);

  it('tries again when the remote moves between fetch and push', async () => {
    const url = remoteWith(3);
    const a = clone(url);
    const other = clone(url);
    expect(ase(['docs', 'c03', '--updated'], { cwd: other }).code).toBe(0);
    expect(ase(['docs', 'c01', '--salesforce-synced'], { cwd: a }).code).toBe(0);
    // A pre-push hook in clone a lets another clone push first, once: a's first push is overtaken.
    const hook = join(a, '.git', 'hooks', 'pre-push');
    writeFileSync(
      hook,
      `#!/bin/sh\nif [ ! -f .git/moved-once ]; then touch .git/moved-once; unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE; git -C '${other}' push -q origin main >/dev/null 2>&1; fi\nexit 0\n`,
    );
    chmodSync(hook, 0o755);
    const r = await aseAsync(['sync'], { cwd: a });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/moved while pushing.*attempt 2 of 3/);
    git(a, 'fetch', '-q', 'origin');
    expect(git(a, 'log', '--format=%s', 'origin/main', '-3').split('\n')).toEqual([
      expect.stringMatching(/^docs\(c01\)/),
      expect.stringMatching(/^docs\(c03\)/),
      'registry',
    ]);
  }, 300_000);

  it('tries again when a push fails in words it does not know, but the remote has moved', async () => {
    const url = remoteWith(3);
    const a = clone(url);
    const other = clone(url);
    expect(ase(['docs', 'c03', '--updated'], { cwd: other }).code).toBe(0);
    expect(ase(['docs', 'c01', '--salesforce-synced'], { cwd: a }).code).toBe(0);
    // The first push: another clone pushes first, then the push fails with only git's generic words.
    const hook = join(a, '.git', 'hooks', 'pre-push');
    writeFileSync(
      hook,
      `#!/bin/sh\nif [ ! -f .git/moved-once ]; then touch .git/moved-once; unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE; git -C '${other}' push -q origin main >/dev/null 2>&1; exit 1; fi\nexit 0\n`,
    );
    chmodSync(hook, 0o755);
    const r = await aseAsync(['sync'], { cwd: a });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/moved while pushing.*attempt 2 of 3/);
    git(a, 'fetch', '-q', 'origin');
    expect(git(a, 'log', '--format=%s', 'origin/main', '-3').split('\n')).toEqual([
      expect.stringMatching(/^docs\(c01\)/),
      expect.stringMatching(/^docs\(c03\)/),
      'registry',
    ]);
  }, 300_000);

  it('aborts a rebase conflict, restores the branch, and says how to merge by hand (exit 1)', async () => {
    const url = remoteWith(3);
    const a = clone(url);
    const b = clone(url);
    expect(ase(['transition', 'c01', '--to', 'carl', '--reason', 'workload'], { cwd: a }).code).toBe(0);
    expect(ase(['transition', 'c01', '--to', 'dan', '--backup', 'carl', '--reason', 'leave'], { cwd: b }).code).toBe(0);
    expect((await aseAsync(['sync'], { cwd: a })).code).toBe(0);
    const before = head(b);
    const r = await aseAsync(['sync'], { cwd: b });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/conflict with origin\/main in registry\/customers\/c01\.yaml/);
    expect(r.stderr).toMatch(/hint: .*git pull --rebase/);
    expect(head(b)).toBe(before);
    expect(git(b, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(() => git(b, 'rev-parse', '--verify', '-q', 'REBASE_HEAD')).toThrow();
  }, 300_000);

  it('refuses without a git repo or remote (exit 3), a bad remote name (exit 2), and uncommitted edits (exit 1)', () => {
    const plain = tempDir();
    writeRegistry(plain, { config: CONFIG });
    expect(ase(['sync'], { cwd: plain }).code).toBe(3);
    const local = registryRepo({ config: CONFIG });
    const noRemote = ase(['sync'], { cwd: local });
    expect(noRemote.code).toBe(3);
    expect(noRemote.stderr).toMatch(/no remote named "origin"/);
    for (const bad of ['-x', '--upload-pack=touch pwned', '../x', 'a b', '']) {
      const r = ase(['sync', `--remote=${bad}`], { cwd: local });
      expect(r.code, `${bad}: ${r.stderr}`).toBe(2);
    }
    const url = remoteWith(1);
    const a = clone(url);
    writeFileSync(join(a, 'registry', 'customers', 'c01.yaml'), activeCustomer('Changed'));
    const dirty = ase(['sync'], { cwd: a });
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toMatch(/uncommitted edits/);
  }, 120_000);
});
