/** `ase verify` finds the commit behind every approval and reports the ones not tied to their approver. */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { git, MODELINE, registryRepo, tempDir } from '../helpers/repo.js';
import { EVIDENCE, PEOPLE_WITH_EMAILS, REQUESTED } from './support.js';

const FILE = 'registry/customers/acme.yaml';

interface Json {
  errors: number;
  warnings: number;
  findings: { rule: string; severity: string; file: string; line: number; column: number; message: string }[];
}

/** Acme with cs approved by erin herself and ce recorded for fred with evidence, both through `ase approve`. */
function approvedRepo(): string {
  const dir = registryRepo({ people: PEOPLE_WITH_EMAILS, customers: { acme: REQUESTED } });
  expect(ase(['approve', 'acme', '--as', 'cs', '--by', 'erin'], { cwd: dir, env: { GIT_AUTHOR_EMAIL: 'erin@example.com' } }).code).toBe(0);
  expect(ase(['approve', 'acme', '--as', 'ce', '--by', 'fred', '--evidence', EVIDENCE], { cwd: dir }).code).toBe(0);
  return dir;
}

function verify(dir: string, ...args: string[]): { code: number; json: Json; stderr: string } {
  const r = ase(['verify', '--format', 'json', ...args], { cwd: dir });
  return { code: r.code, json: r.stdout ? (JSON.parse(r.stdout) as Json) : { errors: 0, warnings: 0, findings: [] }, stderr: r.stderr };
}

/** 1-based line of the first line of `file` in `dir` equal to `text`. */
function lineOf(dir: string, text: string): number {
  return readFileSync(join(dir, FILE), 'utf8').split('\n').indexOf(text) + 1;
}

/** Adds a sales approval by gina to acme's approvals block by hand. */
function handAddSales(dir: string): void {
  const text = readFileSync(join(dir, FILE), 'utf8');
  writeFileSync(join(dir, FILE), text.replace('approvals:\n', 'approvals:\n  sales:\n    by: gina\n    on: 2026-11-27\n'));
}

describe('ase verify', () => {
  it('passes approvals made by the approver, and by someone else with evidence', () => {
    const dir = approvedRepo();
    const r = verify(dir);
    expect(r.json).toEqual({ errors: 0, warnings: 0, findings: [] });
    expect(r.code).toBe(0);
    const text = ase(['verify'], { cwd: dir });
    expect(text.stdout).toContain('2 approvals verified');
    // Nothing on stderr: no library warning (simple-git warns of `-c` settings it was not told of).
    expect(text.stderr).toBe('');
  });

  it('reports a hand edit that adds an approval, at the approval, as a warning', () => {
    const dir = approvedRepo();
    handAddSales(dir);
    git(dir, 'commit', '-qam', 'add the sales approval');
    const r = verify(dir);
    expect(r.code).toBe(0);
    expect(r.json.findings).toEqual([
      expect.objectContaining({ rule: 'approval-unverified', severity: 'warning', file: FILE, line: lineOf(dir, '  sales:'), column: 3 }),
    ]);
    expect(r.json.findings[0]!.message).toContain('hand edit');
    expect(verify(dir, '--strict').code).toBe(1);
  });

  it('reports an approval committed by another identity without evidence', () => {
    const dir = approvedRepo();
    handAddSales(dir);
    // As an older ase would have committed it: approve trailers, but the test user is not gina.
    git(dir, 'commit', '-qam', 'approve(acme): sales by gina\n\nAction: approve\nCustomer: acme\nApproval: sales\nApproved-By: gina');
    const [f] = verify(dir).json.findings;
    expect(f).toMatchObject({ rule: 'approval-unverified', line: lineOf(dir, '  sales:') });
    expect(f!.message).toContain('not by gina, who has no email in registry/people.yaml, and has no evidence');
  });

  it('turns the findings into errors under require_verified_approvals: true (exit 1)', () => {
    const dir = approvedRepo();
    handAddSales(dir);
    writeFileSync(join(dir, 'registry/config.yaml'), `${MODELINE.config}cap: 15\nrequire_verified_approvals: true\n`);
    git(dir, 'commit', '-qam', 'hand edits');
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.json.errors).toBe(1);
    expect(r.json.findings[0]).toMatchObject({ rule: 'approval-unverified', severity: 'error' });
    // lint never reads history: the rule is verify's alone.
    expect(JSON.parse(ase(['lint', '--format', 'json'], { cwd: dir }).stdout).findings.map((x: { rule: string }) => x.rule)).not.toContain(
      'approval-unverified',
    );
  });

  it('finds a hand edit under a borrowed trailer of an action that never writes approvals', () => {
    const dir = approvedRepo();
    handAddSales(dir);
    git(dir, 'commit', '-qam', 'checkin(acme): weekly\n\nAction: checkin\nCustomer: acme');
    const [f] = verify(dir).json.findings;
    expect(f?.message).toContain('hand edit');
  });

  it('reports an approval that is not committed', () => {
    const dir = approvedRepo();
    handAddSales(dir);
    const [f] = verify(dir).json.findings;
    expect(f?.message).toContain('is not committed');
  });

  it('follows a renamed customer file, and finds later changes in one pass', () => {
    const dir = approvedRepo();
    git(dir, 'mv', FILE, 'registry/customers/acme-corp.yaml');
    git(dir, 'commit', '-qm', 'rename');
    appendFileSync(join(dir, 'registry/customers/acme-corp.yaml'), '# reviewed\n');
    git(dir, 'commit', '-qam', 'comment');
    expect(verify(dir).json.findings).toEqual([]);
  });

  it('prints GitHub annotations with --format github', () => {
    const dir = approvedRepo();
    handAddSales(dir);
    git(dir, 'commit', '-qam', 'hand edit');
    const r = ase(['verify', '--format', 'github'], { cwd: dir });
    expect(r.stdout).toContain(`::warning file=${FILE},line=${lineOf(dir, '  sales:')},col=3,title=ase approval-unverified::`);
    expect(r.stdout).toContain('ase verify: 0 errors, 1 warning');
  });

  it('exits 3 on a shallow clone, saying to fetch the full history', () => {
    const dir = approvedRepo();
    const clone = join(tempDir(), 'clone');
    git(dir, 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
    const r = ase(['verify'], { cwd: clone });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('shallow');
    expect(r.stderr).toContain('fetch-depth: 0');
    expect(r.stdout).toBe('');
  });
});
