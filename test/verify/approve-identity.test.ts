/** `ase approve` ties the approval to the git user: the approver, or someone else with evidence. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { commitCount, git, registryRepo } from '../helpers/repo.js';
import { EVIDENCE, PEOPLE_WITH_EMAILS, REQUESTED } from './support.js';

const FILE = 'registry/customers/acme.yaml';

function repo(): string {
  return registryRepo({ people: PEOPLE_WITH_EMAILS, customers: { acme: REQUESTED } });
}

describe('ase approve and the git user', () => {
  it('records the approval when the git user is the approver (email compared case-insensitively)', () => {
    const dir = repo();
    git(dir, 'config', 'user.email', 'Erin@Example.COM');
    const r = ase(['approve', 'acme', '--as', 'cs', '--by', 'erin'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain('approvals:\n  cs:\n    by: erin\n    on: 2026-11-28\n');
    const message = git(dir, 'log', '-1', '--format=%B');
    expect(message).toContain('Action: approve');
    expect(message).not.toContain('Recorded-By');
    expect(readFileSync(join(dir, FILE), 'utf8')).not.toContain('evidence');
  });

  it('refuses someone else without --evidence: exit 1, nothing written, a message naming the git user, the approver and the flag', () => {
    const dir = repo();
    const before = readFileSync(join(dir, FILE), 'utf8');
    const count = commitCount(dir);
    const r = ase(['approve', 'acme', '--as', 'cs', '--by', 'erin'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Test User <test@example.com>');
    expect(r.stderr).toContain('erin (erin@example.com)');
    expect(r.stderr).toContain('--evidence');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('ase: '))).toHaveLength(1);
    expect(commitCount(dir)).toBe(count);
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('records someone else with --evidence: stored in the file, Recorded-By trailer on the commit', () => {
    const dir = repo();
    const count = commitCount(dir);
    const r = ase(['approve', 'acme', '--as', 'ce', '--by', 'fred', '--evidence', EVIDENCE], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(commitCount(dir)).toBe(count + 1);
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain(`  ce:\n    by: fred\n    on: 2026-11-28\n    evidence: ${EVIDENCE}\n`);
    expect(git(dir, 'log', '-1', '--format=%(trailers:key=Recorded-By,valueonly)').trim()).toBe('Test User <test@example.com>');
    expect(git(dir, 'log', '-1', '--format=%(trailers:key=Evidence,valueonly)').trim()).toBe(EVIDENCE);
    expect(ase(['lint'], { cwd: dir }).code).toBe(0);
  });

  it('says that an approver without an email can only have approvals recorded with evidence', () => {
    const dir = repo();
    const r = ase(['approve', 'acme', '--as', 'sales', '--by', 'gina'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gina has no email in registry/people.yaml, so approvals for them can only be recorded with evidence');
    expect(r.stderr).toContain('Test User <test@example.com>');
    expect(ase(['approve', 'acme', '--as', 'sales', '--by', 'gina', '--evidence', EVIDENCE], { cwd: dir }).code).toBe(0);
  });

  it('takes --evidence only as a link (exit 2)', () => {
    const dir = repo();
    const r = ase(['approve', 'acme', '--as', 'ce', '--by', 'fred', '--evidence', 'she said so'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a link');
  });
});
