/** Bugs the fuzzers found, pinned down one by one so they stay fixed. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locationOf } from '../../src/registry/discover.js';
import { evaluate } from '../../src/registry/open.js';
import { readRegistry } from '../../src/registry/reader.js';
import { loadFile } from '../../src/source/load-file.js';
import { ase } from '../helpers/cli.js';
import { activeCustomer, MODELINE, tempDir } from '../helpers/repo.js';

describe('fuzz findings, fixed', () => {
  it('places syntax errors after a broken multi-line plain scalar on the right line (the parser count was one line short)', () => {
    // A mapping that cannot be one (the first line is indented) with a folded reason on two lines.
    const text =
      ' name: {}\nsegment: pre-sales\nrequest:\n  by: jules\n  reason: Competitive evaluation, needs fast, consistent\n    answers.\napprovals:\n  cs:\n    by: kim\n';
    const f = loadFile('c.yaml', 'customer', text);
    const lines = text.split('\n');
    expect(f.findings.length).toBeGreaterThan(0);
    for (const x of f.findings) {
      expect(x.line).toBeLessThanOrEqual(lines.length);
      expect(x.column, `${x.line}:${x.column} ${x.message}`).toBeLessThanOrEqual(lines[x.line - 1]!.length + 1);
    }
  });

  it('refuses deep nesting before parsing, with the same finding every time (the parser ran out of stack at varying depths)', () => {
    for (const text of [
      `name: ${'['.repeat(1500)}${']'.repeat(1500)}\n`,
      `name: ${'{a: '.repeat(1500)}1${'}'.repeat(1500)}\n`,
      `${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n`,
    ]) {
      const first = loadFile('c.yaml', 'customer', text).findings;
      expect(first).toHaveLength(1);
      expect(first[0]!.rule).toBe('yaml-syntax');
      expect(first[0]!.message).toMatch(/deep/);
      expect(loadFile('c.yaml', 'customer', text).findings).toEqual(first);
    }
    // Brackets inside quoted text and comments do not count.
    const quoted = loadFile('c.yaml', 'customer', `${MODELINE.customer}name: "${'['.repeat(300)}"\n# ${'{'.repeat(300)}\nsegment: pre-sales\n`);
    expect(quoted.findings.filter((f) => f.rule === 'yaml-syntax')).toEqual([]);
  });

  it('takes a merge-conflict marker only at the start of a line as YAML and git count them (the fuzz oracle took U+2028 and `=======:` for them)', () => {
    const marker = (text: string) => loadFile('c.yaml', 'customer', text).findings.some((f) => f.message.startsWith('merge-conflict marker'));
    const body = 'name: Acme\nsegment: pre-sales\n';
    expect(marker(`<<<<<<< HEAD\n${body}`)).toBe(true);
    expect(marker(`${body}=======\n`)).toBe(true);
    expect(marker(`\u2028<<<<<<< HEAD\n${body}`)).toBe(false);
    expect(marker(`name: Acme\r>>>>>>> theirs\n`)).toBe(false);
    expect(marker(`${body}=======: null\n`)).toBe(false); // a key that a fuzz seed re-serialised from a marker line
  });

  it('quotes at most a short piece of the token a syntax error stops at (a 250 KB quoted line made 1 MB of lint JSON)', () => {
    const huge = `huge: "${'\\\\'.repeat(127_016)}"`;
    // As the fuzzer left it: an indented `---`, the modeline, the huge line, an anchor and its alias.
    const [modeline, ...rest] = activeCustomer('Acme')
      .replace(/^name: /m, 'name: &n ')
      .split('\n');
    const text = ` ---\n${modeline}\n${huge}\n${rest.join('\n')}ce2: *n\n`;
    const findings = loadFile('c.yaml', 'customer', text).findings;
    expect(findings.some((f) => f.message.startsWith('Unexpected double-quoted-scalar token'))).toBe(true);
    for (const f of findings) expect(f.message.length, f.message.slice(0, 80)).toBeLessThan(250);
    // Duplicate keys and tags name what they are about, briefly too.
    const key = 'k'.repeat(100_000);
    for (const t of [`${key}: 1\n${key}: 2\n`, `name: !${'x'.repeat(100_000)} Acme\n`]) {
      const fs = loadFile('c.yaml', 'customer', t).findings;
      expect(fs.length).toBeGreaterThan(0);
      for (const f of fs) expect(f.message.length, f.message.slice(0, 80)).toBeLessThan(250);
    }
  });

  it('does not read customer files through a customers/ folder that links out of the registry', () => {
    const root = tempDir();
    const outside = join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.yaml'), activeCustomer('Outside Secret'));
    const dir = join(root, 'registry');
    mkdirSync(dir);
    writeFileSync(join(dir, 'config.yaml'), `${MODELINE.config}cap: 15\n`);
    writeFileSync(join(dir, 'people.yaml'), `${MODELINE.people}people: []\n`);
    symlinkSync(outside, join(dir, 'customers'));
    const loaded = readRegistry(locationOf(dir), { env: { ASE_CACHE: 'off' } });
    expect(loaded.registry.customers).toEqual([]);
    const findings = evaluate(loaded, '2026-11-28');
    expect(findings.map((f) => `${f.rule} ${f.file}`)).toContain('yaml-syntax registry/customers');
    expect(JSON.stringify(findings)).not.toContain('Outside Secret');
  });

  it('reports a customers file where the folder belongs', () => {
    const plain = tempDir();
    mkdirSync(join(plain, 'registry'));
    writeFileSync(join(plain, 'registry', 'config.yaml'), `${MODELINE.config}cap: 15\n`);
    writeFileSync(join(plain, 'registry', 'people.yaml'), `${MODELINE.people}people: []\n`);
    writeFileSync(join(plain, 'registry', 'customers'), 'not a folder\n');
    const bad = ase(['lint', '--format', 'json'], { cwd: plain });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).findings.map((f: { file: string }) => f.file)).toContain('registry/customers');
  });
});
