/** A file meant as a customer but named so ase would not read it (`acme.yml`) is reported, never ignored. */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types
import { generateRegistry } from '../../bench/generate.mjs';
import { ase } from '../helpers/cli.js';
import { activeCustomer, git, initRepo, registryRepo, tempDir } from '../helpers/repo.js';

const lint = (cwd: string) => {
  const r = ase(['lint', '--format', 'json'], { cwd });
  return { code: r.code, findings: JSON.parse(r.stdout).findings as { rule: string; severity: string; file: string; line: number; message: string }[] };
};

describe('a customer file with the wrong extension', () => {
  it('is an error naming the file and saying to rename it to .yaml, committed or not', () => {
    const dir = registryRepo({
      customers: { globex: activeCustomer('Globex') },
      files: { 'customers/acme.yml': activeCustomer('Acme'), 'customers/initech.YAML': activeCustomer('Initech') },
    });
    writeFileSync(join(dir, 'registry/customers/notes.txt'), 'not a customer\n');
    const r = lint(dir);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([
      ['slug-mismatch', 'error', 'registry/customers/acme.yml', 1],
      ['slug-mismatch', 'error', 'registry/customers/initech.YAML', 1],
    ]);
    expect(r.findings[0]!.message).toContain('rename it to "acme.yaml"');
    expect(r.findings[1]!.message).toContain('rename it to "initech.yaml"');
    // Renamed, it is a customer like any other.
    renameSync(join(dir, 'registry/customers/acme.yml'), join(dir, 'registry/customers/acme.yaml'));
    renameSync(join(dir, 'registry/customers/initech.YAML'), join(dir, 'registry/customers/initech.yaml'));
    expect(lint(dir)).toEqual({ code: 0, findings: [] });
  });

  it('is reported in a large registry read from its snapshot too', () => {
    const root = initRepo(tempDir());
    generateRegistry(root, 2_100);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'registry');
    const before = lint(root);
    lint(root); // the snapshot is written
    writeFileSync(join(root, 'registry/customers/zz-new.yml'), activeCustomer('Zz New'));
    const after = lint(root);
    expect(after.findings.filter((f) => f.file.endsWith('.yml')).map((f) => f.file)).toEqual(['registry/customers/zz-new.yml']);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'yml');
    lint(root);
    const committed = lint(root);
    expect(committed.findings.filter((f) => f.file.endsWith('.yml')).map((f) => f.file)).toEqual(['registry/customers/zz-new.yml']);
    expect(committed.findings.length).toBe(before.findings.length + 1);
  }, 300_000);
});
