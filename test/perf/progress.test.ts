/** The progress line: only on a terminal, only for work longer than about a second, cleared at the end. */
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io.js';
import { PROGRESS_AFTER_MS, startProgress } from '../../src/progress.js';

function fakeIo(tty: boolean): Io & { written: string[] } {
  const written: string[] = [];
  return { out: () => undefined, err: (t) => void written.push(t), cwd: '/', env: {}, interactive: tty, stderrIsTTY: tty, written };
}

describe('startProgress', () => {
  it('says nothing when stderr is not a terminal, however long the work', () => {
    const io = fakeIo(false);
    let now = 0;
    const p = startProgress(io, 'checking 10 files', 10, () => now);
    for (let i = 0; i < 10; i++) {
      now += 5000;
      p.update(i);
    }
    p.stop();
    expect(io.written).toEqual([]);
  });

  it('says nothing for work shorter than a second', () => {
    const io = fakeIo(true);
    let now = 0;
    const p = startProgress(io, 'checking 10 files', 10, () => now);
    now = PROGRESS_AFTER_MS - 1;
    p.update(9);
    p.stop();
    expect(io.written).toEqual([]);
  });

  it('shows a percentage after a second, at most ten times a second, and clears the line', () => {
    const io = fakeIo(true);
    let now = 0;
    const p = startProgress(io, 'checking 200 files', 200, () => now);
    now = 1500;
    p.update(50);
    now = 1550;
    p.update(60); // too soon after the last line
    now = 1700;
    p.update(100);
    p.stop();
    expect(io.written).toHaveLength(3);
    expect(io.written[0]).toContain('checking 200 files: 25% (50/200)');
    expect(io.written[1]).toContain('50% (100/200)');
    expect(io.written[2]).toBe('\r\x1b[2K');
  });
});
