/**
 * Vitest's global setup: build dist/ once before any test runs, so `npm test` and a bare
 * `npx vitest run` (any subset) never spawn a stale build of the CLI. The build takes about a
 * second; a failed build fails the run with esbuild's message.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new Error(`test setup: node scripts/build.mjs failed; the CLI tests would run a stale dist/:\n${stderr}`);
  }
}
