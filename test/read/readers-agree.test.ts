/**
 * The two readers behind the one door (src/registry/reader.ts) agree: the plain reader (every file
 * read and parsed) and the fast reader cold, warm (from the lint cache) and, for a large registry
 * in git, from its snapshot, give the same customers (spread: plain data, field for field), the
 * same details and the same findings. Run in process from source, with `ASE_CACHE=on` so the
 * cached path runs here too (see sourceHash).
 */
import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFastAsync } from '../../src/registry/cache/fast-reader.js';
import { ReadFile } from '../../src/registry/cache/read-file.js';
import type { LoadedRegistry } from '../../src/registry/build.js';
import { discoverRegistry } from '../../src/registry/discover.js';
import { evaluate } from '../../src/registry/evaluate.js';
import { readPlain } from '../../src/registry/read/plain-reader.js';
import { readRegistry } from '../../src/registry/reader.js';
import { git, initRepo, sampleRepo, tempDir } from '../helpers/repo.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types
import { generateRegistry } from '../../bench/generate.mjs';

const TODAY = '2026-11-28';

/** What a read gives, as plain data: every customer spread, its details, the other files' model, and the findings. */
function outcome(loaded: LoadedRegistry) {
  const { config, people, timeOff, customers } = loaded.registry;
  return {
    config,
    people,
    timeOff,
    customers: customers.map((c) => ({ ...c })),
    details: customers.map((c) => loaded.details(c)),
    fileFindings: [...loaded.fileFindings].sort((a, b) => `${a.file}:${a.line}`.localeCompare(`${b.file}:${b.line}`)),
    findings: evaluate(loaded, TODAY),
  };
}

/** The fast reader (as commands call it) with its cache on, kept in `cacheHome` for a registry outside git. */
function fast(cwd: string, cacheHome: string): Promise<LoadedRegistry> {
  return readFastAsync(discoverRegistry(cwd, undefined), { env: { ASE_CACHE: 'on', XDG_CACHE_HOME: cacheHome }, today: TODAY });
}

/**
 * Whether the customer files of `loaded` came from the cache: in a small registry a file parsed in
 * this run keeps its text, and one found in the cache has none until asked (a large registry lets
 * every text go; there the snapshot read shows the cache at work).
 */
function customersFromCache(loaded: LoadedRegistry): boolean {
  const files = [...loaded.files.values()].filter((f) => f.kind === 'customer');
  // `body` is the text ReadFile holds; from the cache it is read only when something asks for it.
  return files.length > 0 && files.every((f) => f instanceof ReadFile && (f as unknown as { body?: string }).body === undefined);
}

async function expectAgreement(cwd: string, { snapshot = false } = {}): Promise<void> {
  const cacheHome = tempDir();
  const plain = outcome(readPlain(discoverRegistry(cwd, undefined)));
  expect(plain.customers.length).toBeGreaterThan(0);

  const coldRead = await fast(cwd, cacheHome);
  if (!snapshot) expect(customersFromCache(coldRead), 'the cold read parsed the files').toBe(false);
  const cold = outcome(coldRead);
  expect(cold).toEqual(plain);

  const warmRead = await fast(cwd, cacheHome);
  if (!snapshot) expect(customersFromCache(warmRead), 'the warm read took the customers from the cache').toBe(true);
  const warm = outcome(warmRead);
  // Spread, a customer read warm from the cache is the customer read cold: no getters, no missing or extra fields.
  expect(warm.customers).toStrictEqual(cold.customers);
  expect(warm.details).toStrictEqual(cold.details);
  expect(warm).toEqual(plain);

  if (snapshot) {
    const fromSnapshot = await fast(cwd, cacheHome);
    expect(fromSnapshot.cache?.snapshot?.fingerprint, 'the third read came from the snapshot').toBeDefined();
    expect(outcome(fromSnapshot)).toEqual(plain);
  }
}

describe('the plain and the fast reader', () => {
  it('agree on the sample registry, cold and warm', async () => {
    await expectAgreement(sampleRepo());
  });

  it('agree on a registry outside git (cache in XDG_CACHE_HOME)', async () => {
    const dir = tempDir();
    generateRegistry(dir, 60);
    await expectAgreement(dir);
  });

  it('agree on broken files: bad YAML, schema errors, a link, a folder, a misnamed file, a huge file', async () => {
    const dir = sampleRepo();
    const customers = join(dir, 'registry', 'customers');
    writeFileSync(join(customers, 'bad-yaml.yaml'), 'name: [unclosed\nstatus: active\n');
    writeFileSync(join(customers, 'bad-schema.yaml'), 'name: Bad Schema\nstatus: sleeping\nsegment: post-sales\n');
    appendFileSync(join(customers, 'initech.yaml'), 'unknown_field: 1\n');
    symlinkSync(join(customers, 'initech.yaml'), join(customers, 'link.yaml'));
    mkdirSync(join(customers, 'folder.yaml'));
    writeFileSync(join(customers, 'misnamed.yml'), 'name: Misnamed\n');
    writeFileSync(join(customers, 'huge.yaml'), `name: Huge\nnotes: "${'x'.repeat(1024 * 1024)}"\n`);
    await expectAgreement(dir);
  });

  it('agree on a large registry in git: cold, warm and from the snapshot', { timeout: 300_000 }, async () => {
    const dir = initRepo(tempDir());
    generateRegistry(dir, 2_100);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'large registry');
    await expectAgreement(dir, { snapshot: true });
  });

  it('ASE_READER=plain takes the plain reader through the door', () => {
    const dir = sampleRepo();
    const loc = discoverRegistry(dir, undefined);
    const viaDoor = readRegistry(loc, { env: { ASE_READER: 'plain', ASE_CACHE: 'on' } });
    expect(viaDoor.cache, 'the plain reader keeps no cache').toBeUndefined();
    expect(outcome(viaDoor)).toEqual(outcome(readPlain(loc)));
    rmSync(join(dir, '.git', 'ase-cache'), { recursive: true, force: true });
  });
});
