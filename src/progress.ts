/**
 * A progress line on a terminal's stderr for work that takes more than about a second (lint of a
 * large registry, import). Silent when stderr is not a terminal, and for quick work. Updates are
 * pushed by the work itself (it may run synchronously), at most ten times a second.
 */
import type { Io } from './io.js';

export interface Progress {
  /** `done` of the total is finished. */
  update(done: number): void;
  /** Clears the line, if one was shown. */
  stop(): void;
}

const QUIET: Progress = { update: () => undefined, stop: () => undefined };
/** Work shorter than this shows nothing. */
export const PROGRESS_AFTER_MS = 1000;
const EVERY_MS = 100;

export function startProgress(io: Io | undefined, label: string, total: number, now: () => number = Date.now): Progress {
  if (!io?.stderrIsTTY) return QUIET;
  const started = now();
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const t = now();
      if (t - started < PROGRESS_AFTER_MS || t - last < EVERY_MS) return;
      last = t;
      shown = true;
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
      io.err(`\r\x1b[2K${label}: ${pct}% (${Math.min(done, total)}/${total})`);
    },
    stop() {
      if (shown) io.err('\r\x1b[2K');
      shown = false;
    },
  };
}
