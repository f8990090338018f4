/** Whether output goes to a terminal: files, pipes and /dev/null are told apart without node:tty. */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTerminal } from '../../src/io.js';
import { tempDir } from '../helpers/repo.js';

describe('isTerminal', () => {
  it('says no for /dev/null, a file and a pipe', () => {
    const devNull = openSync('/dev/null', 'w');
    const file = openSync(join(tempDir(), 'out.txt'), 'w');
    try {
      expect(isTerminal(devNull)).toBe(false);
      expect(isTerminal(file)).toBe(false);
      expect(isTerminal(-1)).toBe(false);
    } finally {
      closeSync(devNull);
      closeSync(file);
    }
  });

  it('does not load node:tty for output sent to /dev/null', () => {
    // The built CLI, its output to /dev/null as CI and scripts send it; a preloaded hook reports node:tty.
    const hook = join(tempDir(), 'hook.cjs');
    writeFileSync(hook, "process.on('exit', () => require('fs').writeSync(3, process.moduleLoadList.includes('NativeModule tty') ? 'tty' : 'no tty'));\n");
    const r = spawnSync(process.execPath, ['-r', hook, join(__dirname, '../../bin/ase'), 'list'], {
      cwd: join(__dirname, '../..'),
      env: { PATH: process.env.PATH, HOME: process.env.HOME }, // no NO_COLOR or FORCE_COLOR: the terminal decides
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.output[3]).toBe('no tty');
  });
});
