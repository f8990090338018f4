/** When git refuses the commit (a hook), the change is undone byte for byte and ase exits 3. */
import { appendFileSync, chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, git, MODELINE, registryRepo } from '../helpers/repo.js';
import { commitCount, status } from './support.js';

function hook(dir: string, body: string): void {
  const path = join(dir, '.git/hooks/pre-commit');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

function state(dir: string) {
  const files: Record<string, string> = {};
  for (const f of ['registry/customers/c1.yaml', 'registry/customers/c2.yaml', 'registry/people.yaml', 'registry/config.yaml']) {
    files[f] = readFileSync(join(dir, f)).toString('base64');
  }
  return {
    files,
    index: readFileSync(join(dir, '.git/index')).toString('base64'),
    head: git(dir, 'rev-parse', 'HEAD'),
    status: status(dir),
    newFile: existsSync(join(dir, 'registry/customers/newco.yaml')),
  };
}

const requested = `${MODELINE.customer}name: Two\nsegment: post-sales\nterm: long-term\nstatus: requested\nrequest:\n  by: carol\n  on: 2026-11-01\n`;

describe.each([
  ['with stderr', 'echo "pre-commit: registry frozen for the audit" >&2\nexit 1', 'registry frozen for the audit'],
  ['without any output', 'exit 1', 'without saying why'],
])('a pre-commit hook that rejects the commit %s', (_name, body, said) => {
  it('exits 3, makes no commit and restores the work tree and the index byte for byte', () => {
    const dir = registryRepo({ customers: { c1: activeCustomer('One'), c2: requested } });
    // Unrelated staged and unstaged changes must survive the rollback too.
    appendFileSync(join(dir, 'registry/config.yaml'), '# staged note\n');
    git(dir, 'add', 'registry/config.yaml');
    appendFileSync(join(dir, 'registry/people.yaml'), '# unstaged note\n');
    hook(dir, body);
    const before = state(dir);
    const count = commitCount(dir);

    const edit = ase(['assign', 'c2', '--engineer', 'carl', '--backup', 'dan'], { cwd: dir });
    expect(edit.code).toBe(3);
    expect(edit.stderr).toContain(said);
    expect(state(dir)).toEqual(before);

    const create = ase(['request', 'newco', '--name', 'New', '--segment', 'pre-sales', '--by', 'carol'], { cwd: dir });
    expect(create.code).toBe(3);
    expect(state(dir)).toEqual(before);
    expect(commitCount(dir)).toBe(count);
    for (const leftover of ['ase.lock', 'ase-journal.json', 'ase-index.bak']) expect(existsSync(join(dir, '.git', leftover))).toBe(false);

    hook(dir, 'exit 0');
    const ok = ase(['assign', 'c2', '--engineer', 'carl', '--backup', 'dan'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(commitCount(dir)).toBe(count + 1);
  });
});
