import { describe, expect, it } from 'vitest';
import { activeCustomer, MODELINE, TEST_PEOPLE } from '../helpers/repo.js';
import { at, edit, FILES, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

function carried(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= n; i++) out[`c${i}`] = activeCustomer(`C${i}`);
  return out;
}

describe('engineer-overloaded', () => {
  it('warns when an engineer is primary on more than max_per_engineer active customers, at their handle', () => {
    const findings = lintTexts({ customers: carried(4) });
    expect(where(findings)).toEqual([{ rule: 'engineer-overloaded', severity: 'warning', file: FILES.people, ...at(TEST_PEOPLE, 'alice') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('max_per_engineer');
  });

  it('follows max_per_engineer from config.yaml; backups do not count', () => {
    expect(lintTexts({ customers: carried(3) })).toEqual([]);
    expect(where(lintTexts({ config: `${MODELINE.config}max_per_engineer: 2\n`, customers: carried(3) })).map((f) => f.rule)).toEqual(['engineer-overloaded']);
    // bob is backup on all four: still no finding for bob.
    expect(lintTexts({ customers: carried(4) }).filter((f) => f.message.includes('bob'))).toEqual([]);
  });

  it('warns when an engineer is flagged overloaded, at the flag', () => {
    const people = edit(TEST_PEOPLE, 'name: Bob Baker\n', 'name: Bob Baker\n    overloaded: true\n');
    const findings = lintTexts({ people });
    expect(where(findings)).toEqual([{ rule: 'engineer-overloaded', severity: 'warning', file: FILES.people, ...at(people, 'true', 'overloaded:') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
  });
});
