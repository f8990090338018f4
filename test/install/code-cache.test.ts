// bin/ase's V8 code caches, made on the user's machine (the package ships none): written on first
// use in ase's cache folder, grown by the next runs, ignored when damaged, never written under
// ASE_CACHE=off.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { sampleRepo, tempDir } from '../helpers/repo.js';

/** The one folder of code caches under `home` (one per installed dist/), with its files. */
function caches(home: string): { dir: string; files: string[] } {
  const root = join(home, 'ase', 'code');
  const [id, ...more] = readdirSync(root);
  expect(more).toEqual([]);
  const dir = join(root, id!);
  return { dir, files: readdirSync(dir).sort() };
}

const generation = (file: string) => /\n(\d)\n/.exec(`${readFileSync(file, 'latin1').split('\n').slice(0, 3).join('\n')}\n`)?.[1];

describe('code caches', () => {
  it('are written on first use, grow for a few runs, then are left alone', () => {
    const home = tempDir('ase-xdg-');
    const repo = sampleRepo();
    const env = { XDG_CACHE_HOME: home };
    const first = ase(['list'], { cwd: repo, env });
    expect(first.code).toBe(0);
    const { dir, files } = caches(home);
    // source.cjs too: the first run parses every file (the lint cache is empty).
    expect(files).toEqual(['commands--list.cjs.cache', 'errors.cjs.cache', 'main.cjs.cache', 'source.cjs.cache']);
    const main = join(dir, 'main.cjs.cache');
    expect(readFileSync(main, 'latin1')).toMatch(/^\/\/ ase build [0-9a-f]{16}\nnode v\d+\.\d+\.\d+ /);
    expect(generation(main)).toBe('1');
    for (let i = 0; i < 5; i++) expect(ase(['list'], { cwd: repo, env }).stdout).toBe(first.stdout);
    expect(generation(main)).toBe('4');
    // Write commands share one bundle, and its cache.
    expect(ase(['docs', 'cyberdyne', '--updated', '--dry-run'], { cwd: repo, env }).code).toBe(0);
    expect(caches(home).files).toContain('commands--writes.cjs.cache');
  });

  it('are ignored and made again when damaged', () => {
    const home = tempDir('ase-xdg-');
    const repo = sampleRepo();
    const env = { XDG_CACHE_HOME: home };
    const first = ase(['list'], { cwd: repo, env });
    const main = join(caches(home).dir, 'main.cjs.cache');
    const bytes = readFileSync(main);
    for (let i = bytes.length - 4000; i < bytes.length; i += 7) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(main, bytes);
    const again = ase(['list'], { cwd: repo, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe('');
    expect(generation(main)).toBe('1');
  });

  it('are never written with ASE_CACHE=off', () => {
    const home = tempDir('ase-xdg-');
    const repo = sampleRepo();
    expect(ase(['list'], { cwd: repo, env: { XDG_CACHE_HOME: home, ASE_CACHE: 'off' } }).code).toBe(0);
    expect(existsSync(join(home, 'ase'))).toBe(false);
  });
});
