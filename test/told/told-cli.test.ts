/** SPEC section 9 as a user meets it: assign, the reminder, `ase told`, a hand-over, and the refusals. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { activeCustomer, commitCount, git, registryRepo, sampleRepo } from '../helpers/repo.js';
import { preSalesCustomer as preSalesCustomerText } from '../rules/lint-texts.js';
import { filesOf, snapshot, status } from '../write/support.js';

const ACME = 'registry/customers/acme.yaml';
const NEW = ['--name', 'Acme Corp', '--segment', 'post-sales', '--ce', 'carol', '--by', 'carol'];

type Lint = { findings: { rule: string; file: string; line: number; message: string }[] };
type Status = { items: { kind: string; slug?: string; message: string }[] };

const lint = (dir: string, today: string) => JSON.parse(ase(['lint', '--format', 'json'], { cwd: dir, today }).stdout) as Lint;
const untold = (dir: string, today: string) => lint(dir, today).findings.filter((f) => f.rule === 'not-communicated');
const statusItems = (dir: string, today: string) =>
  (JSON.parse(ase(['status', '--json'], { cwd: dir, today }).stdout) as Status).items.filter((i) => i.kind === 'not-communicated');
const yaml = (dir: string, file = ACME) => readFileSync(join(dir, file), 'utf8');

describe('telling a post-sales customer (SPEC 9)', () => {
  it('assign without --communicated: warned after the grace days, told in one commit, warned again after a hand-over', () => {
    const dir = registryRepo({});
    const assigned = ase(['assign', 'acme', '--engineer', 'alice', '--backup', 'bob', ...NEW], { cwd: dir, today: '2026-11-01' });
    expect(assigned.code).toBe(0);
    expect(yaml(dir)).toContain('communicated: false');
    expect(yaml(dir)).not.toContain('communicated_on');

    // Seven days on it is still within the grace days; on the eighth lint warns at the file's communicated key.
    expect(untold(dir, '2026-11-08')).toEqual([]);
    const found = untold(dir, '2026-11-09');
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe(ACME);
    expect(found[0]!.line).toBe(
      yaml(dir)
        .split('\n')
        .findIndex((l) => l.startsWith('communicated:')) + 1,
    );
    expect(found[0]!.message).toContain('alice');
    expect(found[0]!.message).toContain('bob');
    expect(found[0]!.message).toMatch(/ase told acme$/);
    expect(statusItems(dir, '2026-11-09')).toMatchObject([{ kind: 'not-communicated', slug: 'acme', severity: 'warning' }]);
    expect(ase(['status'], { cwd: dir, today: '2026-11-09' }).stdout).toContain('customer not told · Acme Corp (acme)');

    const before = commitCount(dir);
    const told = ase(['told', 'acme', '--note', 'Announced in the QBR call'], { cwd: dir, today: '2026-11-09' });
    expect(told.stderr).toBe('');
    expect(told.code).toBe(0);
    expect(commitCount(dir)).toBe(before + 1);
    expect(filesOf(dir)).toEqual([ACME]);
    expect(status(dir)).toBe('');
    expect(yaml(dir)).toContain('communicated: true\ncommunicated_on: 2026-11-09\n');
    expect(yaml(dir)).toMatch(/- on: 2026-11-09\n {4}event: told\n {4}engineer: alice\n {4}backup: bob\n {4}note: Announced in the QBR call\n/);
    const message = `${git(dir, 'log', '-1', '--format=%B')}\n`;
    expect(message.split('\n')[0]).toBe('told(acme): alice, backup bob 2026-11-09');
    for (const trailer of ['Action: told', 'Customer: acme', 'Engineer: alice', 'Backup: bob', 'On: 2026-11-09']) expect(message).toContain(`\n${trailer}\n`);
    expect(untold(dir, '2026-11-09')).toEqual([]);
    expect(untold(dir, '2027-06-01')).toEqual([]);
    expect(statusItems(dir, '2026-11-09')).toEqual([]);

    const handover = ase(['transition', 'acme', '--to', 'carl', '--reason', 'workload'], { cwd: dir, today: '2026-11-10' });
    expect(handover.code).toBe(0);
    expect(handover.stdout).toContain('tell Acme Corp about carl, then `ase told acme`');
    expect(yaml(dir)).toContain('communicated: false');
    expect(yaml(dir)).not.toContain('communicated_on');
    expect(`${git(dir, 'log', '-1', '--format=%B')}\n`).toContain('\nCommunicated: no\n');
    expect(untold(dir, '2026-11-17')).toEqual([]);
    const again = untold(dir, '2026-11-18');
    expect(again).toHaveLength(1);
    expect(again[0]!.message).toContain('carl');
    expect(statusItems(dir, '2026-11-18')).toHaveLength(1);
  });

  it('ase told on a pre-sales customer: exit 1, pre-sales stays internal, nothing written', () => {
    const dir = registryRepo({ customers: { initech: preSalesCustomerText('Initech') } });
    const before = { count: commitCount(dir), status: status(dir), snap: snapshot(dir) };
    const r = ase(['told', 'initech'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pre-sales assignments stay internal');
    expect(r.stdout).toBe('');
    expect(commitCount(dir)).toBe(before.count);
    expect(status(dir)).toBe(before.status);
    expect(snapshot(dir)).toEqual(before.snap);
  });

  it('refuses customers that are not active (exit 1), unknown customers (exit 2) and a future --on (exit 2)', () => {
    const ended = activeCustomer('Acme').replace('status: active', 'status: ended');
    const dir = registryRepo({ customers: { acme: ended, beta: activeCustomer('Beta') } });
    const count = commitCount(dir);
    const r = ase(['told', 'acme'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/it is ended, and only active customers can be/);
    expect(ase(['told', 'nope'], { cwd: dir }).code).toBe(2);
    expect(ase(['told', 'beta', '--on', '2026-12-01'], { cwd: dir }).code).toBe(2);
    expect(ase(['told', 'beta', '--on', '2026-02-30'], { cwd: dir }).code).toBe(2);
    expect(commitCount(dir)).toBe(count);
    expect(status(dir)).toBe('');
  });

  it('--dry-run shows the change and writes nothing; --on records the day told', () => {
    const dir = registryRepo({ customers: { acme: activeCustomer('Acme').replace('communicated: true', 'communicated: false') } });
    const count = commitCount(dir);
    const dry = ase(['told', 'acme', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+communicated_on: 2026-11-28');
    expect(commitCount(dir)).toBe(count);
    expect(status(dir)).toBe('');
    expect(ase(['told', 'acme', '--on', '2026-11-20'], { cwd: dir }).code).toBe(0);
    expect(yaml(dir)).toContain('communicated_on: 2026-11-20');
  });

  it('assign --communicated sets communicated_on; transition --communicated keeps the customer told', () => {
    const dir = registryRepo({});
    expect(ase(['assign', 'acme', '--engineer', 'alice', '--backup', 'bob', '--communicated', ...NEW], { cwd: dir, today: '2026-11-01' }).code).toBe(0);
    expect(yaml(dir)).toContain('communicated: true\ncommunicated_on: 2026-11-01\n');
    const r = ase(['transition', 'acme', '--backup', 'carl', '--reason', 'leave', '--communicated'], { cwd: dir, today: '2026-11-05' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('ase told');
    expect(yaml(dir)).toContain('communicated: true\ncommunicated_on: 2026-11-05\n');
    expect(untold(dir, '2026-12-30')).toEqual([]);
  });

  it('a backup-only hand-over asks to tell the customer about the new backup', () => {
    const dir = registryRepo({ customers: { acme: activeCustomer('Acme') } });
    const r = ase(['transition', 'acme', '--backup', 'carl', '--reason', 'leave'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tell Acme about their new backup carl, then `ase told acme`');
    expect(yaml(dir)).toContain('communicated: false');
    expect(untold(dir, '2026-12-05')).toEqual([]);
    expect(untold(dir, '2026-12-06')).toHaveLength(1);
  });

  it('a pre-sales hand-over leaves communicated false and says nothing about telling', () => {
    const dir = registryRepo({ customers: { initech: preSalesCustomerText('Initech') } });
    const r = ase(['transition', 'initech', '--to', 'bob', '--reason', 'workload'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('ase told');
    expect(yaml(dir, 'registry/customers/initech.yaml')).toContain('communicated: false');
    const refused = ase(['transition', 'initech', '--to', 'carl', '--reason', 'workload', '--communicated'], { cwd: dir });
    expect(refused.code).toBe(1);
  });

  it('the sample: transition globex to amara makes the registry say Globex does not know amara yet', () => {
    const dir = sampleRepo();
    const r = ase(['transition', 'globex', '--to', 'amara', '--reason', 'exposure'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tell Globex Corporation about amara, then `ase told globex`');
    const text = yaml(dir, 'registry/customers/globex.yaml');
    expect(text).toContain('communicated: false');
    expect(text).not.toContain('communicated_on');
  });
});
