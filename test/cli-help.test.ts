/** `ase help <command>`: help for a command ase has; an unknown name is bad usage, as `ase <unknown>` is. */
import { describe, expect, it } from 'vitest';
import { ase } from './helpers/cli.js';

describe('ase help', () => {
  it('exits 2 with "unknown command" for a command ase does not have', () => {
    for (const args of [
      ['help', 'nonexistent'],
      ['--no-color', 'help', 'lnt'],
    ]) {
      const r = ase(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain("unknown command 'nonexistent'".replace('nonexistent', args.at(-1)!));
      expect(r.stdout).toBe('');
    }
    expect(ase(['nonexistent']).code).toBe(2);
  });

  it('still shows help for a known command, and the main help for `ase help`', () => {
    const list = ase(['help', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Usage: ase list');
    const main = ase(['help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Usage: ase');
  });
});
