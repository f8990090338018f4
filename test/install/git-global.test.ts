// Installing the committed tree from git, globally, as `npm i -g github:<org>/ase` does (and as
// pre-commit's node hooks did): npm must take the tree as it is, with no preparation step, since
// npm's preparation of a git dependency breaks global installs (see docs/design.md, "Installing from git").
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { git, initRepo, tempDir } from '../helpers/repo.js';
import { npm, run, unreachable, userEnv } from './npm.js';

const PREPARING_SCRIPTS = ['prepare', 'build', 'prepack', 'preinstall', 'install', 'postinstall'];

describe('a global install from git', () => {
  it('has nothing npm would prepare: no prepare, build or install script, and dist/ committed', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.scripts ?? {}).filter((s) => PREPARING_SCRIPTS.includes(s))).toEqual([]);
    const tracked = git(PROJECT_ROOT, 'ls-files', 'dist', 'bin').split('\n');
    expect(tracked).toContain('dist/main.cjs');
    expect(tracked).toContain('bin/ase');
  });

  it('installs the committed tree from a git+file URL into a prefix, whose ase runs and lints', (ctx) => {
    const commit = git(PROJECT_ROOT, 'rev-parse', 'HEAD');
    const prefix = tempDir('ase-global-');
    const installed = npm(['install', '-g', '--prefix', prefix, `git+file://${PROJECT_ROOT}#${commit}`], prefix);
    const skip = unreachable(installed);
    if (skip) {
      console.warn(skip);
      ctx.skip(skip);
    }
    expect(installed.code, installed.out).toBe(0);
    // A real folder, not a link into npm's temporary clone (what a prepared git dependency gets).
    const dir = join(prefix, 'lib', 'node_modules', 'ase');
    expect(lstatSync(dir).isSymbolicLink()).toBe(false);
    expect(existsSync(join(dir, 'dist', 'main.cjs'))).toBe(true);

    const bin = join(prefix, 'bin', 'ase');
    const env = userEnv({ ASE_TODAY: '2026-11-28' });
    const version = run(bin, ['--version'], prefix, env);
    expect(version.code, version.out).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version);

    const registry = initRepo(tempDir('ase-scratch-'));
    expect(run(bin, ['init'], registry, env).code).toBe(0);
    const clean = run(bin, ['lint'], registry, env);
    expect(clean.code, clean.out).toBe(0);
    expect(clean.out).toMatch(/0 errors/);

    const config = join(registry, 'registry', 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^cap: .*$/m, 'cap: lots'));
    const broken = run(bin, ['lint', '--format', 'json'], registry, env);
    expect(broken.code, broken.out).toBe(1);
    expect(JSON.parse(broken.stdout).findings).toContainEqual(expect.objectContaining({ rule: 'schema', file: 'registry/config.yaml' }));
  }, 600_000);
});
