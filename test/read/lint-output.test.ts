/** Black-box: `ase lint` formats, exit codes and file paths relative to the repository root. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, initRepo, registryRepo, sampleRepo, tempDir, writeRegistry } from '../helpers/repo.js';
import { edit } from '../rules/lint-texts.js';

const SAMPLE_WARNINGS = [
  'checkin-overdue registry/customers/cyberdyne.yaml',
  'not-communicated registry/customers/oscorp.yaml',
  'docs-stale registry/customers/wayne-biotech.yaml',
  'engineer-overloaded registry/people.yaml',
  'coverage-gap registry/time-off.yaml',
];

function brokenRepo(): string {
  return registryRepo({
    customers: {
      acme: edit(activeCustomer('Acme'), 'backup: bob', 'backup: alice'),
      globex: edit(activeCustomer('Globex'), 'updated_on: 2026-11-01', 'updated_on: 2026-01-01'),
    },
  });
}

describe('ase lint --format json', () => {
  it('prints exactly {errors, warnings, findings: [{rule, severity, file, line, column, message}]}', () => {
    const r = ase(['lint', '--format', 'json'], { cwd: brokenRepo() });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['errors', 'warnings', 'findings']);
    expect(out).toMatchObject({ errors: 1, warnings: 1 });
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'file', 'line', 'column', 'message']);
      expect(typeof f.line).toBe('number');
      expect(typeof f.column).toBe('number');
    }
    expect(out.findings.map((f: Record<string, unknown>) => [f.rule, f.severity, f.file, f.line, f.column])).toEqual([
      ['backup-is-engineer', 'error', 'registry/customers/acme.yaml', 7, 9],
      ['docs-stale', 'warning', 'registry/customers/globex.yaml', 23, 15],
    ]);
    expect(ase(['lint', '--json'], { cwd: brokenRepo() }).stdout).toBe(r.stdout);
  });

  it('gives paths relative to the git root from a subfolder, with --registry and with ASE_REGISTRY', () => {
    const repo = sampleRepo();
    const sub = join(repo, 'registry', 'customers');
    const elsewhere = tempDir();
    const runs = [
      ase(['lint', '--format', 'json'], { cwd: sub }),
      ase(['lint', '--format', 'json', '--registry', join(repo, 'registry')], { cwd: elsewhere }),
      ase(['--registry', repo, 'lint', '--format', 'json'], { cwd: elsewhere }),
      ase(['lint', '--format', 'json', '-r', '../../registry'], { cwd: sub }),
      ase(['lint', '--format', 'json'], { cwd: elsewhere, env: { ASE_REGISTRY: join(repo, 'registry') } }),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      const files = JSON.parse(r.stdout).findings.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`);
      expect(files).toEqual(SAMPLE_WARNINGS);
    }
  });

  it('gives paths relative to the git root when the registry sits deeper in the repository', () => {
    const repo = initRepo(tempDir());
    writeRegistry(join(repo, 'ops'), { customers: { acme: edit(activeCustomer('Acme'), 'backup: bob', 'backup: alice') } });
    const r = ase(['lint', '--json'], { cwd: join(repo, 'ops', 'registry', 'customers') });
    expect(JSON.parse(r.stdout).findings[0].file).toBe('ops/registry/customers/acme.yaml');
  });
});

describe('ase lint --format text and github', () => {
  it('groups findings by file with line:column and ends with a one-line summary', () => {
    const r = ase(['lint'], { cwd: brokenRepo() });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('registry/customers/acme.yaml');
    expect(lines[1]).toMatch(/^ {2}7:9 +error +.+ backup-is-engineer$/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('registry/customers/globex.yaml');
    expect(lines[4]).toMatch(/^ {2}23:15 +warning +.+ docs-stale$/);
    expect(lines.at(-1)).toMatch(/1 error, 1 warning in 4 files$/);
  });

  it('says so in one line when all is well', () => {
    const r = ase(['lint'], { cwd: registryRepo({ customers: { acme: activeCustomer('Acme') } }) });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\S* ?0 errors, 0 warnings in 3 files$/);
  });

  it('prints workflow commands for GitHub', () => {
    const r = ase(['lint', '--format', 'github'], { cwd: brokenRepo() });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error file=registry\/customers\/acme\.yaml,line=7,col=9,title=ase backup-is-engineer::.+/);
    expect(lines[1]).toMatch(/^::warning file=registry\/customers\/globex\.yaml,line=23,col=15,title=ase docs-stale::.+/);
    expect(lines).toHaveLength(3);
  });
});

describe('ase lint exit codes', () => {
  it('exits 0 with warnings only, 1 with --strict', () => {
    const repo = registryRepo({ customers: { globex: edit(activeCustomer('Globex'), 'updated_on: 2026-11-01', 'updated_on: 2026-01-01') } });
    expect(ase(['lint'], { cwd: repo }).code).toBe(0);
    expect(ase(['lint', '--strict'], { cwd: repo }).code).toBe(1);
    expect(ase(['lint', '--strict', '--format', 'json'], { cwd: repo }).code).toBe(1);
  });

  it('takes today from --today over ASE_TODAY', () => {
    const repo = registryRepo({ customers: { acme: activeCustomer('Acme') } });
    expect(ase(['lint', '--strict'], { cwd: repo }).code).toBe(0);
    expect(ase(['lint', '--strict', '--today', '2027-06-01'], { cwd: repo }).code).toBe(1);
    expect(ase(['lint', '--strict'], { cwd: repo, env: { ASE_TODAY: '2027-06-01' } }).code).toBe(1);
    expect(ase(['--today', '2026-11-28', 'lint', '--strict'], { cwd: repo, env: { ASE_TODAY: '2027-06-01' } }).code).toBe(0);
  });

  it('lints a registry outside git too, paths relative to its parent', () => {
    const dir = tempDir();
    writeRegistry(dir, { customers: { acme: edit(activeCustomer('Acme'), 'backup: bob', 'backup: alice') } });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'x'), '');
    const r = ase(['lint', '--json', '-r', join(dir, 'registry')], { cwd: join(dir, 'elsewhere') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].file).toBe('registry/customers/acme.yaml');
  });
});
