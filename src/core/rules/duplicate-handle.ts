import { defineRule, type RuleFinding } from './rule.js';
import { quote } from '../words.js';

/** Handles identify people everywhere, so each appears once in the roster. */
export const duplicateHandle = defineRule({
  code: 'duplicate-handle',
  severity: 'error',
  across({ registry }) {
    const seen = new Map<string, number>();
    const findings: RuleFinding[] = [];
    registry.people.forEach((p, i) => {
      const first = seen.get(p.handle);
      if (first === undefined) {
        seen.set(p.handle, i);
        return;
      }
      findings.push({
        file: registry.files.people,
        path: ['people', i, 'handle'],
        subject: { handle: p.handle },
        message: `handle ${quote(p.handle)} is listed twice (also entry ${first + 1}): merge the two entries`,
      });
    });
    return findings;
  },
});
