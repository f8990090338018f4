/**
 * time-off.yaml goes through the reader's caches (stat index, lint cache, a large registry's
 * snapshot) like config and people: every edit to it shows at once, never a stale answer.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, git, initRepo, MODELINE, registryRepo, tempDir } from '../helpers/repo.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types
import { generateRegistry } from '../../bench/generate.mjs';

const HEADER = MODELINE.config.replace('config', 'time-off');

function lint(cwd: string, env: Record<string, string> = {}) {
  const r = ase(['lint', '--format', 'json'], { cwd, env });
  return { code: r.code, findings: JSON.parse(r.stdout).findings as { rule: string; file: string; line: number; message: string }[] };
}

/** Lint with the cache warm equals lint with it off, twice. */
function same(cwd: string, what: string) {
  const off = lint(cwd, { ASE_CACHE: 'off' });
  expect(lint(cwd), what).toEqual(off);
  expect(lint(cwd), `${what}, again`).toEqual(off);
  return off;
}

const entry = (handle: string, to: string) => `${HEADER}time_off:\n  - handle: ${handle}\n    from: 2026-12-21\n    to: ${to}\n`;

describe('time-off.yaml and the caches', () => {
  it('follows same-size edits, removal and a broken file in a small registry', () => {
    const dir = registryRepo({ customers: { acme: activeCustomer('Acme') } });
    const file = join(dir, 'registry', 'time-off.yaml');
    same(dir, 'no file');
    // alice and bob away: acme has a gap; then only alice (same size text): no gap.
    writeFileSync(file, `${entry('alice', '2026-12-31')}  - handle: bob\n    from: 2026-12-21\n    to: 2026-12-31\n`);
    expect(same(dir, 'gap').findings.map((f) => f.rule)).toContain('coverage-gap');
    writeFileSync(file, `${entry('alice', '2026-12-31')}  - handle: bob\n    from: 2026-12-01\n    to: 2026-12-02\n`);
    expect(same(dir, 'no gap').findings.map((f) => f.rule)).not.toContain('coverage-gap');
    writeFileSync(file, `${HEADER}time_off:\n  - handle: alice\n    from: [unclosed\n`);
    expect(same(dir, 'broken').findings.map((f) => f.rule)).toContain('yaml-syntax');
    writeFileSync(file, `${HEADER}time_off:\n  - handle: alice\n    from: 2026-12-21\n    to: 2026-12-31\n    cover: { acme: zed }\n`);
    const unknown = same(dir, 'unknown cover').findings.find((f) => f.rule === 'unknown-person');
    expect(unknown).toMatchObject({ file: 'registry/time-off.yaml', line: 6 });
    rmSync(file);
    expect(same(dir, 'removed').findings).toEqual([]);
  });

  it('follows time-off.yaml in a large registry read from its snapshot', () => {
    const root = tempDir();
    generateRegistry(root, 2_100);
    initRepo(root);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'registry');
    same(root, 'committed');
    const customer = readFileSync(join(root, 'registry', 'customers', 'customer-00001.yaml'), 'utf8');
    const engineer = /^engineer: (.*)$/m.exec(customer)![1]!;
    const backup = /^backup: (.*)$/m.exec(customer)?.[1];
    const file = join(root, 'registry', 'time-off.yaml');
    const away = [engineer, ...(backup ? [backup] : [])].map((h) => `  - handle: ${h}\n    from: 2026-12-21\n    to: 2026-12-31\n`).join('');
    writeFileSync(file, `${HEADER}time_off:\n${away}`);
    const withGap = same(root, 'new time-off.yaml').findings.filter((f) => f.rule === 'coverage-gap');
    expect(withGap.length).toBeGreaterThan(0);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'time off');
    same(root, 'committed time off');
    writeFileSync(file, `${HEADER}time_off: []\n`);
    expect(same(root, 'emptied').findings.filter((f) => f.rule === 'coverage-gap')).toEqual([]);
  }, 180_000);
});
