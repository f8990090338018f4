/**
 * Deterministic temporary git repositories for tests: fixed user, no signing, branch main,
 * removed after the test. Tests never write into the project tree.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { PROJECT_ROOT } from './cli.js';

const made: string[] = [];

afterEach(() => {
  while (made.length > 0) rmSync(made.pop()!, { recursive: true, force: true });
});

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test User',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test User',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A new empty folder, removed after the test. */
export function tempDir(prefix = 'ase-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trimEnd();
}

/** Number of commits on HEAD. */
export function commitCount(dir: string): number {
  return Number(git(dir, 'rev-list', '--count', 'HEAD'));
}

/** `git init` with a fixed identity, no signing, no hooks from the machine, branch main. */
export function initRepo(dir: string): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test User');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'core.hooksPath', '.git/hooks');
  return dir;
}

/** A temp git repo holding a copy of the sample registry and schemas, committed. */
export function sampleRepo(): string {
  const dir = initRepo(tempDir());
  cpSync(join(PROJECT_ROOT, 'registry'), join(dir, 'registry'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'schemas'), join(dir, 'schemas'), { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'sample registry');
  return dir;
}

export interface MiniRegistry {
  config?: string;
  people?: string;
  customers?: Record<string, string>;
  /** Other files, by path relative to the registry folder. */
  files?: Record<string, string>;
}

export const MODELINE = {
  config: '# yaml-language-server: $schema=../schemas/config.schema.json\n',
  people: '# yaml-language-server: $schema=../schemas/people.schema.json\n',
  customer: '# yaml-language-server: $schema=../../schemas/customer.schema.json\n',
};

/** A small roster with every role, for tests that build registries from scratch. */
export const TEST_PEOPLE = `${MODELINE.people}people:
  - handle: alice
    name: Alice Able
    roles: [support-engineer]
  - handle: bob
    name: Bob Baker
    roles: [support-engineer]
  - handle: carl
    name: Carl Cook
    roles: [support-engineer]
  - handle: dan
    name: Dan Drake
    roles: [support-engineer]
  - handle: carol
    name: Carol Chen
    roles: [customer-engineer]
  - handle: erin
    name: Erin Ellis
    roles: [cs-leadership]
  - handle: fred
    name: Fred Fox
    roles: [ce-leadership]
  - handle: gina
    name: Gina Gray
    roles: [sales-leadership]
`;

/** Writes a registry under `root/registry` (and schemas), without git unless asked. */
export function writeRegistry(root: string, reg: MiniRegistry): string {
  const dir = join(root, 'registry');
  mkdirSync(join(dir, 'customers'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'schemas'), join(root, 'schemas'), { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), reg.config ?? `${MODELINE.config}cap: 15\n`);
  writeFileSync(join(dir, 'people.yaml'), reg.people ?? TEST_PEOPLE);
  for (const [slug, text] of Object.entries(reg.customers ?? {})) writeFileSync(join(dir, 'customers', `${slug}.yaml`), text);
  for (const [path, text] of Object.entries(reg.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A temp git repo with `reg` written and committed. */
export function registryRepo(reg: MiniRegistry = {}): string {
  const dir = initRepo(tempDir());
  writeRegistry(dir, reg);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'registry');
  return dir;
}

/** A valid active post-sales customer file, with fields overridable line by line. */
export function activeCustomer(name: string, extra = ''): string {
  return `${MODELINE.customer}name: ${name}
segment: post-sales
term: long-term
status: active
engineer: alice
backup: bob
ce: carol
communicated: true
since: 2026-11-01
approvals:
  cs:
    by: erin
    on: 2026-10-30
  ce:
    by: fred
    on: 2026-10-30
  sales:
    by: gina
    on: 2026-10-30
docs:
  design_doc: https://docs.example.com/${name.toLowerCase().replace(/\W+/g, '-')}
  updated_on: 2026-11-01
checkins:
  - on: 2026-11-25
    with: carol
${extra}`;
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * Dates the customer files of the registry in `dir` an hour back and waits out the stat index's
 * two-second window for files changed just now (setting times changes the inode change time), so
 * the index trusts them: a rule of the cache, not a guess at the machine's speed.
 */
export function ageCustomerFiles(dir: string): void {
  const folder = join(dir, 'registry', 'customers');
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of readdirSync(folder)) utimesSync(join(folder, name), hourAgo, hourAgo);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
}
