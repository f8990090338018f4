/** Black-box: bad usage exits 2 with one line and a hint; help, version, colour, discovery, exit 3. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase, PROJECT_ROOT } from '../helpers/cli.js';
import { sampleRepo, tempDir } from '../helpers/repo.js';

/** Exit 2, no stdout, stderr exactly `ase: <one line>` then `hint: <one line>`, no stack trace. */
function expectUsage(args: string[], message: RegExp, env?: Record<string, string | undefined>): void {
  const r = ase(args, { env });
  expect({ args, code: r.code }).toEqual({ args, code: 2 });
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^ase: \S/);
  expect(lines[0]).toMatch(message);
  expect(lines[1]).toMatch(/^hint: \S/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('usage errors exit 2 with a one-line message and a hint', () => {
  it('unknown command', () => expectUsage(['frobnicate'], /unknown command 'frobnicate'/));
  it('unknown flag', () => expectUsage(['list', '--frob'], /unknown option '--frob'/));
  it('unknown global flag', () => expectUsage(['--frob', 'list'], /unknown option '--frob'/));
  it('missing argument', () => expectUsage(['show'], /missing required argument 'slug'/));
  it('unknown customer', () => expectUsage(['show', 'acme'], /unknown customer "acme"/));
  it('unknown customer with a near miss suggests it', () => {
    const r = ase(['show', 'northwind']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hint: .*northwind-logistics/);
  });
  it('bad --today', () => expectUsage(['--today', '2026-02-30', 'list'], /--today "2026-02-30" is not a real date/));
  it('bad --today after the command', () => expectUsage(['lint', '--today', 'tomorrow'], /--today "tomorrow"/));
  it('bad ASE_TODAY', () => expectUsage(['list'], /ASE_TODAY "2026-13-01"/, { ASE_TODAY: '2026-13-01' }));
  it('invalid slug is bad input, never a path', () => {
    expectUsage(['show', '../x'], /"\.\.\/x" is not a valid customer slug/);
    expectUsage(['show', 'Acme'], /not a valid customer slug/);
    expectUsage(['show', 'a'.repeat(65)], /not a valid customer slug/);
  });
  it('bad choices', () => {
    expectUsage(['lint', '--format', 'xml'], /xml/);
    expectUsage(['list', '--segment', 'strategic'], /--segment "strategic"/);
    expectUsage(['list', '--status', 'open'], /--status "open"/);
    expectUsage(['list', '--engineer', 'nobody'], /--engineer "nobody"/);
  });
});

describe('help and version', () => {
  const commandsOf = (help: string) => {
    const section = help.slice(help.indexOf('Commands:'), help.indexOf('Examples:'));
    return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!);
  };

  it('every command from `ase --help` has --help with an example', () => {
    const root = ase(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Examples:');
    const commands = commandsOf(root.stdout);
    expect(commands).toEqual(expect.arrayContaining(['init', 'list', 'show', 'lint', 'status', 'engineers', 'help']));
    expect(commands.length).toBeGreaterThanOrEqual(20);
    for (const c of commands) {
      const r = ase([c, '--help']);
      expect({ c, code: r.code, examples: r.stdout.includes('Examples:'), stderr: r.stderr }).toEqual({ c, code: 0, examples: true, stderr: '' });
    }
    const sub = ase(['engineers', 'set', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Examples:');
  });

  it('`ase help <command>` and `ase` alone print help and exit 0', () => {
    const r = ase(['help', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ase list');
    expect(r.stderr).toBe('');
    const bare = ase([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Commands:');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
    const r = ase(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  it('is on with FORCE_COLOR (so the checks below can fail)', () => {
    expect(ase(['list'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(ase(['lint'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain(ESC);
  });

  it('NO_COLOR and --no-color turn it off, even with FORCE_COLOR', () => {
    for (const args of [['list'], ['lint'], ['show', 'cyberdyne']]) {
      expect(ase(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
      expect(ase(['--no-color', ...args], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
      expect(ase([...args, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    }
  });

  it('is off when output is not a terminal', () => {
    expect(ase(['list'], { env: { NO_COLOR: undefined } }).stdout).not.toContain(ESC);
  });
});

describe('finding the registry', () => {
  it('walks up from a subfolder like git', () => {
    const repo = sampleRepo();
    const deep = join(repo, 'registry', 'customers');
    mkdirSync(join(repo, 'docs', 'deep'), { recursive: true });
    for (const cwd of [deep, join(repo, 'docs', 'deep'), join(repo, 'registry')]) {
      const r = ase(['list'], { cwd });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^active 9\/15/);
    }
  });

  it('accepts --registry and ASE_REGISTRY as the registry folder or its parent', () => {
    const repo = sampleRepo();
    const cwd = tempDir();
    for (const target of [repo, join(repo, 'registry')]) {
      expect(ase(['list', '--registry', target], { cwd }).stdout).toMatch(/^active 9\/15/);
      expect(ase(['list'], { cwd, env: { ASE_REGISTRY: target } }).stdout).toMatch(/^active 9\/15/);
    }
  });

  it('--registry wins over ASE_REGISTRY', () => {
    const cwd = tempDir();
    const r = ase(['list', '--registry', sampleRepo()], { cwd, env: { ASE_REGISTRY: tempDir() } });
    expect(r.code).toBe(0);
  });

  it('exits 3 with a hint when there is no registry', () => {
    const cwd = tempDir();
    for (const r of [
      ase(['list'], { cwd }),
      ase(['lint', '--registry', cwd], { cwd }),
      ase(['show', 'acme'], { cwd, env: { ASE_REGISTRY: join(cwd, 'missing') } }),
    ]) {
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^ase: no registry/);
      expect(lines[1]).toMatch(/^hint: .*(--registry|ASE_REGISTRY).*ase init/);
    }
  });
});
