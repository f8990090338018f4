import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { git, sampleRepo, tempDir } from '../helpers/repo.js';

describe('ase render', () => {
  it('the shipped sample page is up to date, whatever today is', () => {
    expect(ase(['render', '--check']).code).toBe(0);
    expect(ase(['render', '--check'], { today: null }).code).toBe(0);
    expect(ase(['render', '--check'], { today: '2027-06-01' }).code).toBe(0);
  });

  it('fails the check with a readable diff after a customer edit, and render fixes it without committing', () => {
    const repo = sampleRepo();
    const file = join(repo, 'registry/customers/globex.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('engineer: chen', 'engineer: amara'));
    const head = git(repo, 'rev-parse', 'HEAD');

    const check = ase(['render', '--check'], { cwd: repo });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('--- a/registry/customer-exceptions.md');
    expect(check.stdout).toMatch(/^-\| \[Globex Corporation\].*\| Chen Wei \|/m);
    expect(check.stdout).toMatch(/^\+\| \[Globex Corporation\].*\| Amara Okafor \|/m);
    expect(check.stdout.indexOf('-| [Globex')).toBeLessThan(check.stdout.indexOf('+| [Globex'));
    expect(check.stderr).toContain('ase render');

    const lint = ase(['lint', '--format', 'json'], { cwd: repo });
    expect(lint.code).toBe(1);
    const found = JSON.parse(lint.stdout).findings.filter((f: { rule: string }) => f.rule === 'page-out-of-date');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'registry/customer-exceptions.md', column: 1 });
    expect(found[0].line).toBeGreaterThan(1);

    const render = ase(['render'], { cwd: repo, today: null });
    expect(render.code).toBe(0);
    expect(render.stdout).toContain('commit it');
    expect(ase(['render', '--check'], { cwd: repo }).code).toBe(0);
    expect(ase(['lint', '--format', 'json'], { cwd: repo }).code).toBe(0);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo, 'status', '--porcelain')).toContain('registry/customer-exceptions.md');
  });

  it('stamps the date only when one is given, and a stamped page still checks on another day', () => {
    const repo = sampleRepo();
    const page = join(repo, 'registry/customer-exceptions.md');
    expect(ase(['render'], { cwd: repo, today: '2026-11-28' }).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('_Data as of 2026-11-28._');
    expect(ase(['render', '--check'], { cwd: repo, today: '2026-12-03' }).code).toBe(0);
    expect(ase(['render'], { cwd: repo, today: null }).code).toBe(0);
    expect(readFileSync(page, 'utf8')).not.toContain('Data as of');
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(join(repo, 'registry/customer-exceptions.md'), 'utf8'));
  });

  it('--out writes elsewhere and leaves the page alone; a missing page fails --check but not lint', () => {
    const repo = sampleRepo();
    const page = join(repo, 'registry/customer-exceptions.md');
    const before = readFileSync(page, 'utf8');
    const out = join(tempDir(), 'page.md');
    expect(ase(['render', '--out', out], { cwd: repo, today: null }).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(before);
    git(repo, 'rm', '-q', 'registry/customer-exceptions.md');
    expect(existsSync(page)).toBe(false);
    const check = ase(['render', '--check'], { cwd: repo });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('does not exist');
    const lint = ase(['lint', '--format', 'json'], { cwd: repo });
    expect(JSON.parse(lint.stdout).findings.some((f: { rule: string }) => f.rule === 'page-out-of-date')).toBe(false);
  });
});
