/** Every command `ase --help` lists (and every subcommand) is in the README with an example line. */
import { describe, expect, it } from 'vitest';
import { ase, aseAsync } from '../helpers/cli.js';
import { examplesOf, projectText, README } from './markdown.js';

/** The command names a commander help text lists under "Commands:" (commander's own `help` left out). */
function commandsOfHelp(help: string): string[] {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Commands:');
  if (start < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const m = /^ {2}(\S+)/.exec(line);
    if (m && m[1] !== 'help') names.push(m[1]!);
  }
  return names;
}

/** Every command path of the built CLI: `["list"]`, `["engineers"]`, `["engineers", "set"]`, ... */
async function commandPaths(): Promise<{ path: string[]; subcommands: string[] }[]> {
  const main = ase(['--help']);
  expect(main.code).toBe(0);
  const names = commandsOfHelp(main.stdout);
  // Each command's own help names its subcommands; a few at a time, so the machine is not flooded.
  const helps: string[] = [];
  for (let i = 0; i < names.length; i += 4) {
    const batch = await Promise.all(names.slice(i, i + 4).map((name) => aseAsync([name, '--help'])));
    batch.forEach((r, j) => {
      expect(r.code, `ase ${names[i + j]} --help`).toBe(0);
      helps.push(r.stdout);
    });
  }
  return names.flatMap((name, i) => {
    const subs = commandsOfHelp(helps[i]!);
    return [{ path: [name], subcommands: subs }, ...subs.map((s) => ({ path: [name, s], subcommands: [] }))];
  });
}

describe('the README names every command with an example', () => {
  it('reads the command list from the built CLI', () => {
    expect(commandsOfHelp('Commands:\n  list [options]  table\n                  more\n  help [command]  help\n\nExamples:\n  $ ase list\n')).toEqual(['list']);
  });

  // One process per command: a generous bound for a loaded machine, not a speed expectation.
  it('has a line starting `ase <command>` for every command and subcommand of `ase --help`', { timeout: 300_000 }, async () => {
    const examples = examplesOf(projectText(README));
    const paths = await commandPaths();
    expect(paths.length).toBeGreaterThan(10);
    const missing = paths
      .filter(
        ({ path, subcommands }) =>
          !examples.some((e) => e[0] === 'ase' && path.every((w, i) => e[i + 1] === w) && !subcommands.includes(e[path.length + 1] ?? '')),
      )
      .map(({ path }) => `ase ${path.join(' ')}`);
    expect(missing).toEqual([]);
  });
});
