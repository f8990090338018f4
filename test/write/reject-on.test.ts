/** `ase reject --on <date>`: dated like every other dated write; a bad date is bad usage and writes nothing. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ase } from '../helpers/cli.js';
import { commitCount, git, MODELINE, registryRepo } from '../helpers/repo.js';

const requested = `${MODELINE.customer}name: Req\nsegment: post-sales\nterm: long-term\nstatus: requested\nrequest:\n  by: carol\n  on: 2026-11-01\n`;

describe('ase reject --on', () => {
  it('records the rejection on the date given, in the file and the commit trailer', () => {
    const dir = registryRepo({ customers: { req: requested } });
    const r = ase(['reject', 'req', '--by', 'erin', '--reason', 'Round-robin covers it', '--on', '2026-11-20'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'registry/customers/req.yaml'), 'utf8');
    expect(text).toMatch(/rejection:\n\s+by: erin\n\s+on: 2026-11-20\n/);
    expect(git(dir, 'log', '-1', '--format=%(trailers:key=On,valueonly)')).toBe('2026-11-20');
  });

  it('refuses a date that is not one (exit 2), writing nothing', () => {
    const dir = registryRepo({ customers: { req: requested } });
    const count = commitCount(dir);
    const r = ase(['reject', 'req', '--by', 'erin', '--reason', 'x', '--on', '2026-13-01'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--on');
    expect(commitCount(dir)).toBe(count);
  });
});
