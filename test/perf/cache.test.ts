/**
 * The lint cache and parallel parsing never change a result: the same registry gives the same
 * output and exit code through the plain reader (ASE_READER=plain) and with the cache off, cold and warm, on one thread or several, including
 * after edits, renames, deletions and a damaged cache. (Speed is measured by `npm run bench`.)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase, type CliResult } from '../helpers/cli.js';
import { activeCustomer, git, initRepo, registryRepo, sampleRepo, tempDir, writeRegistry, ageCustomerFiles } from '../helpers/repo.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types
import { generateRegistry } from '../../bench/generate.mjs';

const COMMANDS: string[][] = [
  ['lint', '--format', 'json'],
  ['list', '--all', '--json'],
  ['status', '--json'],
  ['engineers', '--json'],
];

function outcome(r: CliResult): { code: number; stdout: string } {
  return { code: r.code, stdout: r.stdout };
}

/** Every command's outcome through the plain reader, then the fast one with the cache off, cold (cache deleted) and warm. */
function expectSameWithAndWithoutCache(cwd: string, env: Record<string, string> = {}): void {
  const cacheDir = join(cwd, '.git', 'ase-cache');
  for (const args of COMMANDS) {
    const plain = outcome(ase(args, { cwd, env: { ...env, ASE_READER: 'plain' } }));
    const off = outcome(ase(args, { cwd, env: { ...env, ASE_CACHE: 'off' } }));
    expect(off, `fast reader, cache off, ${args.join(' ')}`).toEqual(plain);
    rmSync(cacheDir, { recursive: true, force: true });
    const cold = outcome(ase(args, { cwd, env }));
    const warm = outcome(ase(args, { cwd, env }));
    expect(cold, `cold ${args.join(' ')}`).toEqual(off);
    expect(warm, `warm ${args.join(' ')}`).toEqual(off);
  }
}

function lintJson(cwd: string, env: Record<string, string> = {}): { code: number; findings: { rule: string; file: string; line: number; column: number }[] } {
  const r = ase(['lint', '--format', 'json'], { cwd, env });
  expect(r.stdout, `ase lint gave no JSON (exit ${r.code}): ${r.stderr}`).not.toBe('');
  return { code: r.code, findings: JSON.parse(r.stdout).findings };
}

const customers = (dir: string) => join(dir, 'registry', 'customers');
/** Cases lint thousands of files many times: their time grows with the machine's load, not with a fault. */
const LARGE_TIMEOUT = 300_000;

// Every case lints many times: 5-25 s idle, five times that on a busy machine.
describe('the lint cache', { timeout: LARGE_TIMEOUT }, () => {
  it('gives the sample registry the same results cold, warm and off', () => {
    const dir = sampleRepo();
    expectSameWithAndWithoutCache(dir);
    lintJson(dir);
    expect(readdirSync(join(dir, '.git', 'ase-cache')).filter((f) => /^files-[0-9a-f]\.txt$/.test(f)).length).toBeGreaterThan(1);
    // Findings with positions were looked up once and remembered.
    expect(readFileSync(join(dir, '.git', 'ase-cache', 'positions.txt'), 'utf8')).toContain('checkins');
  });

  it('follows edits that add syntax, schema and rule findings, and edits that fix them', () => {
    const dir = sampleRepo();
    ase(['lint'], { cwd: dir }); // warm the cache with the original files
    const file = join(customers(dir), 'globex.yaml');
    const original = readFileSync(file, 'utf8');
    const edits = [
      original.replace('segment: post-sales', 'segment: post-sales\nsegment: pre-sales'), // duplicate key
      original.replace('status: active', 'status: activ'), // schema
      original.replace('backup: dara', 'backup: chen'), // backup-is-engineer
      original.replace('on: 2026-11-25', 'on: 2026-02-30'), // not a real date
      original.replace('engineer: chen\n', 'engineer: chen\n\tbad: tab\n'), // tab
      original, // fixed again: the old entry is used
    ];
    for (const text of edits) {
      writeFileSync(file, text);
      const off = lintJson(dir, { ASE_CACHE: 'off' });
      expect(lintJson(dir)).toEqual(off);
      expect(lintJson(dir)).toEqual(off);
    }
  });

  it('reports a renamed file under its new name, with the same positions', () => {
    const dir = sampleRepo();
    const before = lintJson(dir);
    renameSync(join(customers(dir), 'cyberdyne.yaml'), join(customers(dir), 'cyberdyne-systems.yaml'));
    const after = lintJson(dir);
    expect(after).toEqual(lintJson(dir, { ASE_CACHE: 'off' }));
    const moved = after.findings.find((f) => f.rule === 'checkin-overdue')!;
    expect(moved.file).toBe('registry/customers/cyberdyne-systems.yaml');
    const old = before.findings.find((f) => f.rule === 'checkin-overdue')!;
    expect([moved.line, moved.column]).toEqual([old.line, old.column]);
    // An invalid file name is found at once, though the content is cached.
    renameSync(join(customers(dir), 'cyberdyne-systems.yaml'), join(customers(dir), 'Cyberdyne.yaml'));
    const bad = lintJson(dir);
    expect(bad).toEqual(lintJson(dir, { ASE_CACHE: 'off' }));
    expect(bad.findings.map((f) => f.rule)).toContain('slug-mismatch');
  });

  it('recomputes cross-file rules after deletions and copies', () => {
    const names = ['a', 'b', 'c', 'd'];
    const dir = registryRepo({
      config: '# yaml-language-server: $schema=../schemas/config.schema.json\ncap: 3\n',
      customers: Object.fromEntries(names.map((n) => [`cust-${n}`, activeCustomer(`Customer ${n.toUpperCase()}`)])),
    });
    const full = lintJson(dir);
    expect(full.findings.map((f) => f.rule)).toContain('cap-exceeded');
    rmSync(join(customers(dir), 'cust-d.yaml'));
    const fewer = lintJson(dir);
    expect(fewer).toEqual(lintJson(dir, { ASE_CACHE: 'off' }));
    expect(fewer.findings.map((f) => f.rule)).not.toContain('cap-exceeded');
    // The same bytes under a second name: both files are reported, as a duplicate name.
    writeFileSync(join(customers(dir), 'cust-e.yaml'), readFileSync(join(customers(dir), 'cust-a.yaml')));
    const copied = lintJson(dir);
    expect(copied).toEqual(lintJson(dir, { ASE_CACHE: 'off' }));
    expect(copied.findings.filter((f) => f.rule === 'slug-mismatch').map((f) => f.file)).toEqual(['registry/customers/cust-e.yaml']);
    expectSameWithAndWithoutCache(dir);
  });

  it('reads a damaged, truncated or foreign cache as empty and repairs it', () => {
    const dir = sampleRepo();
    // Files past the stat index's 2-second window, so the index vouches for them (its damage counts):
    // without this, the case checked less on an idle machine than on a busy one.
    ageCustomerFiles(dir);
    const expected = lintJson(dir, { ASE_CACHE: 'off' });
    lintJson(dir);
    const cache = join(dir, '.git', 'ase-cache');
    const shards = readdirSync(cache).filter((f) => f.endsWith('.txt'));
    expect(shards).toEqual(expect.arrayContaining(['index.txt', 'verdicts.txt', 'positions.txt']));
    const good = new Map(shards.map((f) => [f, readFileSync(join(cache, f), 'utf8')]));
    const damages: ((text: string) => string)[] = [
      (t) => t.slice(0, Math.floor(t.length / 2)), // torn write
      (t) =>
        t
          .split('\n')
          .map((l, i) => (i > 0 && l ? `${l.slice(0, 25)}{"data":` : l))
          .join('\n'), // bad JSON
      (t) =>
        t
          .split('\n')
          .map((l, i) => (i > 0 && l ? `${String(i).padStart(22, 'A')}== {"data":{"name":"other"},"findings":[]}` : l))
          .join('\n'), // entries of other contents
      (t) => t.replace(/^ase-cache 2 \S+/, 'ase-cache 2 0000000000'), // written by other code
      (t) =>
        t
          .split('\n')
          .map((l, i) => (i > 0 && l ? l.replace(/^[^\t ]+/, 'AAAAAAAAAAAAAAAAAAAAAA==') : l))
          .join('\n'), // every entry under one key
      () => 'not a cache at all',
    ];
    for (const damage of damages) {
      for (const [f, text] of good) writeFileSync(join(cache, f), damage(text));
      expect(lintJson(dir)).toEqual(expected);
      expect(lintJson(dir)).toEqual(expected);
    }
  });

  it('skips reading unchanged files, yet notices edits that keep the size and the modification time', () => {
    // Outside git the stat index vouches for unchanged files; in git, git's index does.
    const plain = tempDir();
    cpSync(join(sampleRepo(), 'registry'), join(plain, 'registry'), { recursive: true });
    const env = { XDG_CACHE_HOME: tempDir() };
    for (const [dir, cacheEnv] of [
      [plain, env],
      [sampleRepo(), {}],
    ] as const) {
      ageCustomerFiles(dir);
      const expected = lintJson(dir, { ...cacheEnv, ASE_CACHE: 'off' });
      expect(lintJson(dir, cacheEnv)).toEqual(expected);
      expect(lintJson(dir, cacheEnv)).toEqual(expected);
      if (dir === plain) {
        const [index] = readdirSync(join(env.XDG_CACHE_HOME, 'ase')).filter((n) => n !== 'code'); // code: the V8 code caches bin/ase writes beside it
        expect(readFileSync(join(env.XDG_CACHE_HOME, 'ase', index!, 'index.txt'), 'utf8')).toContain('registry/customers/globex.yaml');
      }
      // Same length, same mtime: only the inode change time (or the contents) shows the edit.
      const file = join(customers(dir), 'globex.yaml');
      const { mtime } = statSync(file);
      writeFileSync(file, readFileSync(file, 'utf8').replace('backup: dara', 'backup: chen'));
      utimesSync(file, mtime, mtime);
      const edited = lintJson(dir, cacheEnv);
      expect(edited).toEqual(lintJson(dir, { ...cacheEnv, ASE_CACHE: 'off' }));
      expect(edited.findings.map((f) => f.rule)).toContain('backup-is-engineer');
    }
  });

  it('in a large git registry, trusts git only for tracked files that match the index', () => {
    const root = tempDir();
    generateRegistry(root, 2_100); // from 2,000 customer files on, git lists the clean ones
    initRepo(root);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'registry');
    const dir = customers(root);
    const same = () => expect(lintJson(root)).toEqual(lintJson(root, { ASE_CACHE: 'off' }));
    same();
    same();
    // An edit of the same size with the old mtime, an edit that is staged, a file git is told not
    // to look at, and a new file: all read from disk.
    const edit = (name: string, from: string, to: string) => writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace(from, to));
    const file = join(dir, 'customer-00020.yaml');
    const { mtime } = statSync(file);
    edit('customer-00020.yaml', 'status: requested', 'status: requestex');
    utimesSync(file, mtime, mtime);
    edit('customer-00021.yaml', 'status: requested', 'status: rejectedx');
    git(root, 'add', 'registry/customers/customer-00021.yaml');
    git(root, 'update-index', '--assume-unchanged', 'registry/customers/customer-00022.yaml');
    edit('customer-00022.yaml', 'status: requested', 'status: requestey');
    writeFileSync(join(dir, 'customer-99999.yaml'), 'name: [unclosed\n');
    const found = lintJson(root);
    expect(found).toEqual(lintJson(root, { ASE_CACHE: 'off' }));
    expect(new Set(found.findings.map((f) => f.file.split('/').pop()))).toEqual(
      new Set(['customer-00020.yaml', 'customer-00021.yaml', 'customer-00022.yaml', 'customer-99999.yaml']),
    );
    same();
  });

  it('reads a large git registry from its snapshot, and follows every change to the index and the files', () => {
    const root = tempDir();
    generateRegistry(root, 2_100);
    initRepo(root);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'registry');
    const dir = customers(root);
    const snapshot = join(root, '.git', 'ase-cache', 'snapshot.txt');
    // Lint, and the listing of every customer (the head fields, which lint's kept verdicts need not show).
    const list = (env: Record<string, string>) => outcome(ase(['list', '--all', '--json'], { cwd: root, env }));
    const same = (what: string, env: Record<string, string> = {}) => {
      const off = lintJson(root, { ...env, ASE_CACHE: 'off' });
      expect(lintJson(root, env), what).toEqual(off);
      expect(lintJson(root, env), `${what}, again`).toEqual(off);
      expect(list(env), `${what}, list`).toEqual(list({ ...env, ASE_CACHE: 'off' }));
    };
    same('committed');
    expect(existsSync(snapshot)).toBe(true);
    // The verdicts it keeps are for one day, config and roster.
    same('a later day', { ASE_TODAY: '2027-06-30' });
    same('today again');
    const edit = (name: string, from: string, to: string) => writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace(from, to));
    // Commits change the index under the snapshot: a customer renamed to another's name, a file removed.
    const nameOf = (name: string) => /^name: (.*)$/m.exec(readFileSync(join(dir, name), 'utf8'))![1]!;
    edit('customer-00030.yaml', `name: ${nameOf('customer-00030.yaml')}`, `name: ${nameOf('customer-00031.yaml')}`);
    git(root, 'rm', '-q', 'registry/customers/customer-00032.yaml');
    git(root, 'commit', '-q', '-am', 'rename and remove');
    same('after a commit');
    // Work-tree changes git reports: deleted, moved, replaced by a folder or a link, new, ignored.
    rmSync(join(dir, 'customer-00040.yaml'));
    git(root, 'mv', 'registry/customers/customer-00041.yaml', 'registry/customers/renamed.yaml');
    rmSync(join(dir, 'customer-00042.yaml'));
    mkdirSync(join(dir, 'customer-00042.yaml'));
    rmSync(join(dir, 'customer-00043.yaml'));
    symlinkSync(join(dir, 'customer-00044.yaml'), join(dir, 'customer-00043.yaml'));
    writeFileSync(join(dir, 'new.yaml'), 'name: [unclosed\n');
    writeFileSync(join(root, '.gitignore'), 'registry/customers/ignored.yaml\n');
    cpSync(join(dir, 'customer-00045.yaml'), join(dir, 'ignored.yaml'));
    mkdirSync(join(dir, 'empty.yaml'));
    same('work-tree changes');
    // Another index version, and a damaged snapshot.
    git(root, 'update-index', '--index-version', '4');
    same('index version 4');
    // Rows damaged in every column: an entry, a blob id, the status and name kept beside the entry, and an
    // entry that looks like one without findings (read only when a field beyond status and name is asked for).
    const rows = readFileSync(snapshot, 'utf8').split('\n');
    const at = rows.findIndex((r) => r.startsWith('customer-'));
    const column = (row: number, n: number, to: string) =>
      (rows[at + row] = rows[at + row]!.split('\t')
        .map((c, i) => (i === n ? to : c))
        .join('\t'));
    column(0, 3, '{"head":[1,2]}');
    column(1, 1, 'not-a-blob');
    column(2, 2, 'bogus');
    column(3, 3, '{"head":[1,2],"findings":[]}');
    column(4, 2, 'active');
    writeFileSync(snapshot, rows.join('\n'));
    same('damaged snapshot');
    // Many changes at once: read in full, and the snapshot is written again.
    const before = readFileSync(snapshot, 'utf8');
    for (let i = 100; i < 180; i++) edit(`customer-${String(i).padStart(5, '0')}.yaml`, 'rationale:', 'rationale: Changed.');
    git(root, 'commit', '-q', '-am', 'many edits');
    same('many commits');
    expect(readFileSync(snapshot, 'utf8')).not.toEqual(before);
    // The whole folder taken out of the index (git then names the folder, not its files), and back.
    git(root, 'rm', '-r', '-q', '--cached', 'registry/customers');
    same('folder untracked');
    git(root, 'add', 'registry/customers');
    // A write through ase, then a lint.
    expect(ase(['assign', 'customer-00020', '--engineer', 'se05', '--backup', 'se06', '--segment', 'post-sales'], { cwd: root }).code).toBe(0);
    same('after ase assign');
  });

  it('checks customers again when the day, the config or the roster changes', () => {
    const dir = sampleRepo();
    ageCustomerFiles(dir);
    lintJson(dir);
    const later = { ASE_TODAY: '2027-03-01' };
    const laterFindings = lintJson(dir, later);
    expect(laterFindings).toEqual(lintJson(dir, { ...later, ASE_CACHE: 'off' }));
    expect(laterFindings.findings.length).toBeGreaterThan(lintJson(dir).findings.length);
    const config = join(dir, 'registry', 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/checkin_every_days: \d+/, 'checkin_every_days: 60'));
    expect(lintJson(dir)).toEqual(lintJson(dir, { ASE_CACHE: 'off' }));
    const people = join(dir, 'registry', 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('handle: hana', 'handle: hana-k'));
    const roster = lintJson(dir);
    expect(roster).toEqual(lintJson(dir, { ASE_CACHE: 'off' }));
    expect(roster.findings.map((f) => f.rule)).toContain('unknown-person');
  });

  it('is safe to delete at any time, and lives in the OS cache folder outside git', () => {
    const root = tempDir();
    writeRegistry(root, { customers: { acme: activeCustomer('Acme'), bad: 'name: [unclosed\n' } });
    const cacheHome = tempDir();
    const env = { XDG_CACHE_HOME: cacheHome };
    const off = lintJson(root, { ...env, ASE_CACHE: 'off' });
    expect(readdirSync(cacheHome)).toEqual([]);
    expect(lintJson(root, env)).toEqual(off);
    // ase/code/ holds bin/ase's V8 code caches; the lint cache is the other folder.
    expect(readdirSync(join(cacheHome, 'ase')).filter((n) => n !== 'code')).toHaveLength(1);
    expect(lintJson(root, env)).toEqual(off);
    rmSync(join(cacheHome, 'ase'), { recursive: true });
    expect(lintJson(root, env)).toEqual(off);
    expect(existsSync(join(root, '.git'))).toBe(false);
  });

  it('gives a write the same view of the registry as a cold read', () => {
    const dir = sampleRepo();
    ase(['lint'], { cwd: dir });
    const r = ase(['docs', 'wayne-biotech', '--updated', '--on', '2026-11-27'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expectSameWithAndWithoutCache(dir);
  });
});

describe('parallel parsing', { timeout: LARGE_TIMEOUT }, () => {
  it('gives a large registry the same results on one thread, on several, and from the cache', () => {
    const root = tempDir();
    generateRegistry(root, 900);
    initRepo(root);
    const dir = customers(root);
    // Problems spread over both halves, so the main thread and the worker each find some.
    const broken: Record<string, (t: string) => string> = {
      'customer-00101.yaml': (t) => t.replace(/^status: \w+$/m, 'status: finished'),
      'customer-00450.yaml': (t) => `${t}name: twice\n`,
      'customer-00701.yaml': (t) => t.replace('engineer: ', 'engineer: nobody-'),
      'customer-00899.yaml': () => '<<<<<<< HEAD\nname: a\n=======\nname: b\n>>>>>>> other\n',
    };
    for (const [name, edit] of Object.entries(broken)) writeFileSync(join(dir, name), edit(readFileSync(join(dir, name), 'utf8')));
    // Windows line endings are valid but outside the fast path: enough such files to be parsed by threads.
    for (const name of readdirSync(dir).slice(0, 600)) {
      if (!(name in broken)) writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace(/\n/g, '\r\n'));
    }
    const single = lintJson(root, { ASE_CACHE: 'off', ASE_THREADS: '0' });
    expect(single.code).toBe(1);
    expect(new Set(single.findings.map((f) => f.file.split('/').pop()))).toEqual(new Set(Object.keys(broken)));
    expect(lintJson(root, { ASE_CACHE: 'off', ASE_THREADS: '1' })).toEqual(single);
    rmSync(join(root, '.git', 'ase-cache'), { recursive: true, force: true });
    expect(lintJson(root, { ASE_THREADS: '1' })).toEqual(single); // cold, parsed in parallel
    expect(lintJson(root)).toEqual(single); // warm
    mkdirSync(join(dir, 'sub.yaml')); // not a regular file: reported, never parsed
    const withDir = lintJson(root);
    expect(withDir).toEqual(lintJson(root, { ASE_CACHE: 'off' }));
    expect(withDir.findings.some((f) => f.file.endsWith('sub.yaml'))).toBe(true);
  });
});
