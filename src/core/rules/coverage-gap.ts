import { coverCommand, dayRanges, gapDays, timeOffOf, timeOffPath } from '../coverage.js';
import { isActive } from '../queries.js';
import { defineRule, type RuleFinding } from './rule.js';

/**
 * An active customer with nobody to take its tickets on some day of an engineer's time off that
 * ends today or later (days before today are past help). At the engineer's entry, naming the fix.
 */
export const coverageGap = defineRule({
  code: 'coverage-gap',
  severity: 'warning',
  status: { kind: 'coverage-gap', label: 'coverage gap' },
  across({ registry, today, people }) {
    const file = timeOffPath(registry.files);
    const findings: RuleFinding[] = [];
    for (const entry of timeOffOf(registry)) {
      if (entry.to < today || entry.to < entry.from) continue;
      const from = entry.from > today ? entry.from : today;
      for (const c of registry.customers) {
        if (!isActive(c) || c.engineer !== entry.handle) continue;
        const days = gapDays(registry, c, from, entry.to, people);
        if (days.length === 0) continue;
        const why =
          c.backup === undefined
            ? `${entry.handle} is away and ${c.segment === 'pre-sales' ? 'a pre-sales customer has' : 'it has'} no backup`
            : `${entry.handle} and backup ${c.backup} are both away`;
        findings.push({
          file,
          path: ['time_off', entry.index],
          // About the person away: the finding sits in time-off.yaml, not in the customer's file.
          subject: { handle: entry.handle },
          message: `${c.slug} has nobody to take its tickets on ${dayRanges(days)} (${why}): name a cover with \`${coverCommand(entry, c.slug)}\``,
        });
      }
    }
    return findings;
  },
});
