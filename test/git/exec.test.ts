/** git runs through simple-git, configured so every non-zero exit is a failure with its code and words. */
import { describe, expect, it } from 'vitest';
import { git as gitOrThrow, runGit } from '../../src/git/exec.js';
import { ase } from '../helpers/cli.js';
import { activeCustomer, registryRepo } from '../helpers/repo.js';

describe('running git', () => {
  it('reports a non-zero exit that printed nothing as a failure, with its exit code', async () => {
    const dir = registryRepo({ customers: { c1: activeCustomer('One') } });
    const silent = await runGit(dir, ['rev-parse', '--verify', '--quiet', 'no-such-branch']);
    expect(silent).toEqual({ code: 1, stdout: '', stderr: '' });
    await expect(gitOrThrow(dir, ['rev-parse', '--verify', '--quiet', 'no-such-branch'])).rejects.toThrow(/git rev-parse failed \(exit 1\) without saying why/);
    const loud = await runGit(dir, ['cat-file', '-p', 'no-such-object']);
    expect(loud.code).toBe(128);
    expect(loud.stderr).toMatch(/no-such-object/);
    const ok = await runGit(dir, ['hash-object', '--stdin'], { input: 'hello\n' });
    expect(ok).toEqual({ code: 0, stdout: 'ce013625030ba8dba906f756967f9e9ca394464a\n', stderr: '' });
  });

  it('passes the caller environment to git, GIT_* variables included', async () => {
    const dir = registryRepo();
    const r = await runGit(dir, ['var', 'GIT_AUTHOR_IDENT'], { env: { ...process.env, GIT_AUTHOR_NAME: 'Env Person', GIT_AUTHOR_EMAIL: 'env@example.com' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Env Person <env@example.com>/);
  });

  it('says 127 when git cannot be run', async () => {
    const r = await runGit(registryRepo(), ['status'], { env: { ...process.env, PATH: '/nonexistent' } });
    expect(r.code).toBe(127);
  });

  it('loads simple-git only in commands that run git', () => {
    const dir = registryRepo({ customers: { c1: activeCustomer('One') } });
    const env = { DEBUG: 'simple-git,simple-git:*' };
    const list = ase(['list'], { cwd: dir, env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).not.toMatch(/simple-git/);
    const write = ase(['docs', 'c1', '--updated'], { cwd: dir, env });
    expect(write.code, write.stderr).toBe(0);
    expect(write.stderr).toMatch(/simple-git/);
  });
});
