import { describe, expect, it } from 'vitest';
import { TEST_PEOPLE } from '../helpers/repo.js';
import { at, FILES, lintTexts, SAYS_WHAT_TO_DO, where } from './lint-texts.js';

describe('duplicate-handle', () => {
  it('flags the second entry with a handle already in the roster, at its handle', () => {
    const people = `${TEST_PEOPLE}  - handle: alice\n    name: Alice Again\n    roles: [support-engineer]\n`;
    const findings = lintTexts({ people });
    expect(where(findings)).toEqual([{ rule: 'duplicate-handle', severity: 'error', file: FILES.people, ...at(people, 'alice', 'Gina Gray') }]);
    expect(findings[0]!.message).toMatch(SAYS_WHAT_TO_DO);
    expect(findings[0]!.message).toContain('alice');
  });

  it('is quiet when handles are unique', () => {
    expect(lintTexts({ people: TEST_PEOPLE })).toEqual([]);
  });
});
