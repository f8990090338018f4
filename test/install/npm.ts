/**
 * npm as a user runs it, for the install tests: the user's own settings (none of the npm_* that
 * `npm test` exports to its children), the npm cache used first (--prefer-offline), and a way to
 * tell "npm cannot reach the registry" (skip, saying so) from a real failure.
 */
import { spawnSync } from 'node:child_process';

export interface Run {
  code: number;
  /** stdout and stderr */
  out: string;
  stdout: string;
}

/** The environment of a user's shell: without what npm and vitest set for this test run. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD$|VITEST|ASE_|GIT_DIR$|GIT_INDEX_FILE$|GIT_WORK_TREE$)/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Runs a command to completion (npm can take minutes on a cold cache); output is stdout + stderr. */
export function run(cmd: string, args: readonly string[], cwd: string, env = userEnv()): Run {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 540_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { code: -1, out: `${cmd} ${args.join(' ')}: ${r.error.message}`, stdout: '' };
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

export const npm = (args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Run =>
  run('npm', ['--no-audit', '--no-fund', '--prefer-offline', ...args], cwd, env);

const NETWORK =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENOTCACHED|network request to|request to https?:\/\/\S+ failed)\b/;

/** Why a failed npm run is npm not reaching the registry, or undefined when it failed otherwise. */
export function unreachable(r: Run): string | undefined {
  if (r.code === 0) return undefined;
  const m = NETWORK.exec(r.out);
  return m ? `npm cannot reach the package registry (${m[1]}): install test skipped` : undefined;
}
