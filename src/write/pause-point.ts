/**
 * Test-only pause points: with `ASE_TEST_PAUSE_AT=<name>` and `ASE_TEST_PAUSE_FILE=<path>` set,
 * the process writes `path` when it reaches the point `name` and then waits forever, so a test can
 * kill a write at that exact moment (no guessed delays). Costs one env lookup when unset.
 */
import { writeFileSync } from 'node:fs';

export type PausePoint = 'after-journal' | 'after-index-backup' | 'after-files-written' | 'after-commit' | 'mid-clear';

export function pauseAt(name: PausePoint): void {
  if (process.env.ASE_TEST_PAUSE_AT !== name) return;
  const file = process.env.ASE_TEST_PAUSE_FILE;
  if (!file) return;
  writeFileSync(file, `${process.pid}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
