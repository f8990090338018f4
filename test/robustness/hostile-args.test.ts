/**
 * Hostile arguments: path-like and option-like slugs, names with newlines, quotes, control
 * characters and shell syntax, impossible dates, handles not in the roster. Each is refused with
 * exit 2 (or 1 for a rule), or stored literally; nothing is written outside the registry, no
 * argument reaches a shell, and no commit message can be forged through a field.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase, PROJECT_ROOT } from '../helpers/cli.js';
import { git, initRepo, tempDir } from '../helpers/repo.js';

const HOSTILE_SLUGS = [
  '../x',
  '../../etc/passwd',
  'a/b',
  '/etc/passwd',
  '.git',
  '.',
  '..',
  '-rf',
  '--help=x',
  'x\ny',
  "a'b",
  'a"b',
  'a b',
  'ACME',
  'acme.yaml',
  '\x1b[31mred',
  'tab\there',
  'nul\u0000x',
  'é',
  '-',
  'a'.repeat(65),
  '$(touch pwned)',
  '`touch pwned`',
  '; touch pwned',
  '|touch pwned',
  'acme\\..\\x',
  '%2e%2e%2fx',
  'acme\u202e',
  'CON',
].filter((s) => !s.includes('\u0000')); // a NUL cannot be passed in argv at all

/** The sample registry committed in a repo three folders deep in a sandbox, so escapes land in the sandbox. */
function sampleRepo(): string {
  const repo = join(tempDir('ase-hostile-'), 'a', 'b', 'repo');
  mkdirSync(repo, { recursive: true });
  initRepo(repo);
  cpSync(join(PROJECT_ROOT, 'registry'), join(repo, 'registry'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'schemas'), join(repo, 'schemas'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'sample registry');
  return repo;
}

/** Everything under `dir` (names and sizes), to prove nothing was written anywhere. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st) continue;
      if (abs.endsWith(`${join('.git', 'ase-cache')}`)) continue; // the lint cache may be refreshed by any read
      if (st.isDirectory()) walk(abs);
      else if (!/\.git\/(index|ase\.lock|ase-journal.*|logs\/.*|ORIG_HEAD|FETCH_HEAD)$/.test(abs)) out.push(`${abs} ${st.size}`);
    }
  };
  walk(dir);
  return out.sort();
}

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(stderr).not.toContain('internal error');
}

/** Runs ase and checks the repo (and the folder around it) is exactly as before. */
function refused(repo: string, args: string[], codes: number[] = [2]) {
  const parent = join(repo, '..', '..', '..');
  const before = { head: git(repo, 'rev-parse', 'HEAD'), files: snapshot(parent) };
  const r = ase(args, { cwd: repo });
  expectNoStack(r.stderr);
  expect(codes, `ase ${JSON.stringify(args)} exited ${r.code}: ${r.stderr}`).toContain(r.code);
  expect(r.stderr.trim().length, 'a refusal says why').toBeGreaterThan(0);
  expect(git(repo, 'rev-parse', 'HEAD')).toBe(before.head);
  expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  expect(snapshot(parent)).toEqual(before.files);
  // Where a shell would have run `touch pwned`: in the repo (ase's working folder) or the registry.
  expect(existsSync('/etc/passwd.yaml') || existsSync('/x.yaml') || existsSync(join(repo, 'pwned')) || existsSync(join(repo, 'registry', 'pwned'))).toBe(false);
  return r;
}

/** Each write command with valid options; the slug goes after `--` so `-rf` reaches ase as a slug. */
const WRITE_COMMANDS: [string, string[]][] = [
  ['request', ['--name', 'X Corp', '--segment', 'pre-sales', '--ce', 'jules', '--by', 'kim', '--reason', 'r']],
  ['approve', ['--as', 'cs', '--by', 'kim']],
  ['reject', ['--by', 'kim', '--reason', 'r']],
  ['assign', ['--engineer', 'emeka', '--name', 'X Corp', '--segment', 'pre-sales', '--ce', 'jules', '--by', 'kim', '--reason', 'r']],
  ['transition', ['--to', 'bruno', '--reason', 'workload']],
  ['end', ['--reason', 'r']],
  ['checkin', ['--with', 'hana', '--going-well', 'a', '--frustrations', 'b', '--goals', 'c', '--context', 'd']],
  ['docs', ['--updated']],
];
const CHECKIN = ['--with', 'hana', '--going-well', 'a', '--frustrations', 'b', '--goals', 'c', '--context', 'd'];

describe('hostile arguments', () => {
  it('refuses hostile slugs in read commands with exit 2', () => {
    const repo = sampleRepo();
    HOSTILE_SLUGS.forEach((slug, i) => {
      const cmd = ['show', 'history', 'note'][i % 3]!;
      const r = refused(repo, [cmd, '--', slug]);
      expect(r.stdout).toBe('');
    });
  });

  it('refuses hostile slugs in every write command with exit 2 and writes nothing anywhere', () => {
    const repo = sampleRepo();
    // Every command gets the classic path escape; the other slugs go round the commands.
    for (const [cmd, opts] of WRITE_COMMANDS) refused(repo, [cmd, ...opts, '--', '../x']);
    HOSTILE_SLUGS.forEach((slug, i) => {
      const [cmd, opts] = WRITE_COMMANDS[i % WRITE_COMMANDS.length]!;
      refused(repo, [cmd, ...opts, '--', slug]);
    });
    expect(existsSync(join(repo, 'pwned'))).toBe(false);
  });

  it('refuses impossible or malformed dates with exit 2', () => {
    const repo = sampleRepo();
    const uses: ((d: string) => string[])[] = [
      (d) => ['--today', d, 'lint'],
      (d) => ['checkin', 'cyberdyne', '--on', d, ...CHECKIN],
      (d) => ['request', 'newco', '--name', 'New', '--segment', 'pre-sales', '--by', 'kim', '--term', 'temporary', '--ends-on', d],
      (d) => ['docs', 'cyberdyne', '--updated', '--on', d],
      (d) => ['end', 'cyberdyne', '--reason', 'r', '--on', d],
      (d) => ['transition', 'cyberdyne', '--to', 'bruno', '--reason', 'workload', '--on', d],
    ];
    const dates = [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '26-01-01',
      '2026-02-29',
      'tomorrow',
      '',
      '2026-01-01; touch pwned',
      '2026-01-01\n',
      '+2026-01-01',
      '2026-01-01T00:00',
    ];
    // Each date goes to one use in turn, so every use sees two bad dates.
    dates.forEach((d, i) => refused(repo, uses[i % uses.length]!(d)));
    expect(ase(['lint'], { cwd: repo, env: { ASE_TODAY: '2026-02-30' } }).code).toBe(2);
  });

  it('refuses handles that are not in the roster, or lack the role, with exit 1 or 2', () => {
    const repo = sampleRepo();
    const uses: ((h: string) => string[])[] = [
      (h) => ['approve', 'tyrell-robotics', '--as', 'cs', '--by', h],
      (h) => ['transition', 'cyberdyne', '--to', h, '--reason', 'workload'],
      (h) => ['assign', 'newco', '--engineer', h, '--name', 'New', '--segment', 'pre-sales', '--ce', 'jules', '--by', 'kim', '--reason', 'r'],
      (h) => ['checkin', 'cyberdyne', ...CHECKIN.slice(2), '--with', h],
      (h) => ['request', 'newco', '--name', 'New', '--segment', 'pre-sales', '--by', h, '--ce', 'jules'],
    ];
    ['nobody', '../x', 'KIM', 'kim ', '$(id)', 'x\ny', 'gus', 'maya', 'zed', 'x'.repeat(70)].forEach((h, i) =>
      refused(repo, uses[i % uses.length]!(h), [1, 2]),
    );
    refused(repo, ['engineers', 'set', '../x', '--overloaded'], [1, 2]);
    refused(repo, ['engineers', 'set', 'nobody', '--overloaded'], [1, 2]);
  });

  it('refuses a --registry that holds no registry (exit 3: nothing there to work on)', () => {
    const repo = sampleRepo();
    for (const r of ['../../..', '/etc', '/dev/null', 'registry/customers', '$(touch pwned)']) refused(repo, ['--registry', r, 'lint'], [2, 3]);
  });

  it('stores names with shell syntax, quotes, newlines and control characters literally, or refuses them; never forges a commit', () => {
    const repo = sampleRepo();
    const names = [
      '$(touch pwned)',
      '`touch pwned`',
      'O\'Brien "Quoted" & Co; rm -rf /',
      'Line one\nLine two',
      'Tab\tand\rCR',
      'Bell\x07 and \x1b[31mred\x1b[0m',
      '#not-a-comment: x',
      '- [not, a, list]',
      'Ünïcødé 会社 😀',
    ];
    let n = 0;
    let stored = 0;
    for (const name of names) {
      const slug = `hostile-${++n}`;
      const reason = `because\n\nAction: end\nCustomer: cyberdyne\nSigned-off-by: Mallory <m@example.com>`;
      const head = git(repo, 'rev-parse', 'HEAD');
      const r = ase(['request', slug, '--name', name, '--segment', 'pre-sales', '--ce', 'jules', '--by', 'kim', '--reason', reason], { cwd: repo });
      expectNoStack(r.stderr);
      expect(existsSync(join(repo, 'pwned'))).toBe(false);
      expect(existsSync(join(repo, 'registry', 'pwned'))).toBe(false);
      if (r.code !== 0) {
        expect(r.code, r.stderr).toBe(2);
        expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
        continue;
      }
      // Stored: the file lints clean, the name reads back as given, and the commit names only this customer.
      stored++;
      const lint = ase(['lint', '--format', 'json'], { cwd: repo });
      expect(JSON.parse(lint.stdout).errors, lint.stdout).toBe(0);
      const shown = JSON.parse(ase(['show', slug, '--json'], { cwd: repo }).stdout);
      expect(shown.name).toBe(name);
      expect(git(repo, 'log', '-1', '--format=%s')).not.toContain('\n');
      const trailers = git(repo, 'log', '-1', '--format=%(trailers:only,unfold)').split('\n');
      expect(trailers.filter((t) => t.startsWith('Customer:'))).toEqual([`Customer: ${slug}`]);
      expect(trailers.filter((t) => t.startsWith('Action:'))).toEqual(['Action: request']);
      expect(trailers.some((t) => t.startsWith('Signed-off-by:'))).toBe(false);
      expect(
        git(repo, 'show', '--name-only', '--format=', 'HEAD')
          .split('\n')
          .filter(Boolean)
          .every((f) => f.startsWith('registry/')),
      ).toBe(true);
      expect(git(repo, 'status', '--porcelain')).toBe('');
    }
    // The checks of stored names ran: names without control characters are all stored.
    expect(stored).toBeGreaterThanOrEqual(names.filter((x) => !/[\x00-\x1f\x7f]/.test(x)).length);
  });
});
