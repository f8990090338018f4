/** Spawns the built CLI (bin/ase) the way a user would, with colour off and a fixed date. */
import { spawnSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(PROJECT_ROOT, 'bin', 'ase');
export const SAMPLE_REGISTRY = join(PROJECT_ROOT, 'registry');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  today?: string | null;
}

function environment(opts: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASE_REGISTRY: undefined, VITEST: undefined, FORCE_COLOR: undefined };
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  delete env.ASE_REGISTRY;
  delete env.FORCE_COLOR;
  if (opts.today !== null) env.ASE_TODAY = opts.today ?? '2026-11-28';
  else delete env.ASE_TODAY;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs `ase args...` synchronously and returns its exit code and output. */
export function ase(args: readonly string[], opts: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? PROJECT_ROOT,
    env: environment(opts),
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    // Fuzzed registries hold lines of hundreds of KB that `show` rightly prints; past the default 1 MB, node would kill ase (code -1).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `ase args...` without waiting, for concurrency tests. */
export function aseAsync(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? PROJECT_ROOT, env: environment(opts) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(opts.input ?? '');
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
