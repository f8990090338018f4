/**
 * Runs git commands through simple-git, the one way ase runs them (the few direct spawns left are
 * marked where they are, each with why). simple-git's `errors` option is set so EVERY non-zero
 * exit is an error carrying the exit code, stderr and stdout: by default simple-git takes a
 * non-zero exit without stderr for success, the very failure ase must never miss (a hook that
 * fails silently). simple-git is loaded on the first git command, so commands that run none never
 * load it. Never a shell: arguments go to git as given.
 */
import type { SimpleGitOptions } from 'simple-git';
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

/** A git command that exited non-zero, with everything it said. */
export class GitExitError extends Error {
  constructor(
    readonly code: number,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`git exited with ${code}`);
  }
}

type SimpleGitFactory = typeof import('simple-git').simpleGit;
let factory: Promise<SimpleGitFactory> | undefined;
const loadSimpleGit = () => (factory ??= import('simple-git').then((m) => m.simpleGit));

/** The `errors` option: a non-zero exit is an error, whatever it printed; exit 0 is success. */
function exitErrors(result: { exitCode: number; stdOut: Buffer[]; stdErr: Buffer[] }): GitExitError | undefined {
  if (result.exitCode === 0) return undefined;
  // A negative code is the errno of a git that could not be started (ENOENT: not on PATH): 127, as a shell says.
  return new GitExitError(
    result.exitCode < 0 ? 127 : result.exitCode,
    Buffer.concat(result.stdOut).toString('utf8'),
    Buffer.concat(result.stdErr).toString('utf8'),
  );
}

/** The keys of the `-c key=value` settings among `args`. */
function configKeys(args: readonly string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < args.length - 1; i++) if (args[i] === '-c') keys.push(args[i + 1]!.split('=')[0]!);
  return keys;
}

/**
 * `git args...` in `cwd`; resolves with the exit code whatever it is (127 when git cannot be run).
 * The caller's environment is git's, as with any git a person runs: simple-git would drop or refuse
 * its GIT_*, EDITOR and similar variables, which guard against environments a program is handed;
 * ase's is the person's own (and ase's additions: no prompts, no editor).
 */
export async function runGit(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<GitResult> {
  const env = opts.env ?? process.env;
  // simple-git throws its own error quoting ours as text: the exit, with what git said, is kept here.
  let exit: GitExitError | undefined;
  const options: Partial<SimpleGitOptions> = {
    baseDir: cwd,
    trimmed: false,
    errors: (error, result) => (exit = exitErrors(result)) ?? error,
    allowEnvironment: Object.keys(env),
    // The `-c key=value` settings ase passes are its own choice: simple-git warns of any it does not know.
    allowConfig: ['core.editor', 'rebase.autoStash', 'rebase.updateRefs', ...configKeys(args)],
    unsafe: { allowAbbreviatedOptions: true, allowUnsafeConfigEnvCount: true },
    // Done when git's output is closed. The default also arms a 50 ms timer at git's exit, which
    // holds ase's own exit back by as much after its last git command.
    completion: { onClose: true, onExit: false },
    ...(opts.input !== undefined ? { input: () => opts.input! } : {}),
  };
  let stderr = '';
  try {
    const simpleGit = await loadSimpleGit();
    const git = simpleGit(options).env(env as Record<string, string>);
    // simple-git hands back stdout only; stderr of a command that succeeded still matters (it says why no commit was made).
    git.outputHandler((_command, _stdout, err) => err.on('data', (d: Buffer) => (stderr += d.toString('utf8'))));
    const stdout = await git.raw([...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    if (exit) return { code: exit.code, stdout: exit.stdout, stderr: exit.stderr };
    // git not found, or a folder that is gone: as a shell would say, 127.
    return { code: 127, stdout: '', stderr: (err as Error).message };
  }
}

/**
 * Resolves once the git commands asked for so far are running. simple-git starts a command a few
 * promise turns after it is asked for, so a caller that has git work beside its own synchronous
 * work (reading the registry) awaits this first; else git would start only after that work.
 */
export function gitStarted(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
