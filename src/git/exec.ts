/** Runs git without a shell and reports its real exit code: git failures are never mistaken for success. */
import { spawn } from 'node:child_process';
import { EnvironmentError } from '../errors.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
}

/** `git args...` in `cwd`; resolves with the exit code whatever it is. */
export function runGit(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', args as string[], { cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      resolve({ code: 127, stdout: '', stderr: (err as Error).message });
      return;
    }
    const out: Buffer[] = [];
    const errs: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => errs.push(d));
    child.on('error', (err) => resolve({ code: 127, stdout: '', stderr: err.message }));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errs).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** `git args...`, throwing an EnvironmentError (exit 3) that quotes git when it fails. */
export async function git(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<string> {
  const r = await runGit(cwd, args, opts);
  if (r.code !== 0) throw gitFailure(args, r);
  return r.stdout;
}

/** The error for a failed git command, with git's own words when it said any. */
export function gitFailure(args: readonly string[], r: GitResult, hint = 'fix the problem git reports and run the command again'): EnvironmentError {
  const said = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-6).join('\n  ');
  return new EnvironmentError(`git ${args[0]} failed (exit ${r.code})${said ? `:\n  ${said}` : ' without saying why'}`, hint);
}
