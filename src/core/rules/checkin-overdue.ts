import { daysBetween } from '../dates.js';
import type { PendingFinding } from '../findings.js';
import { lastCheckin } from '../queries.js';
import type { Rule } from './rule.js';

/** No CE check-in within cadence + grace days (counted from `since` when there was none yet). */
export const checkinOverdue: Rule = {
  code: 'checkin-overdue',
  check({ registry, today }) {
    const { checkin_every_days: every, checkin_grace_days: grace } = registry.config;
    const findings: PendingFinding[] = [];
    for (const c of registry.customers) {
      if (c.status !== 'active') continue;
      const last = lastCheckin(c);
      const from = last ?? c.since;
      if (from === undefined) continue;
      const overdueBy = daysBetween(from, today) - every;
      if (overdueBy <= grace) continue;
      findings.push({
        rule: 'checkin-overdue',
        severity: 'warning',
        file: c.file,
        path: last ? ['checkins'] : ['since'],
        key: true,
        subject: { slug: c.slug },
        message: last
          ? `last CE check-in was on ${last}, ${overdueBy} days overdue (every ${every} days): record one with \`ase checkin ${c.slug}\``
          : `no CE check-in since the assignment started on ${from}, ${overdueBy} days overdue: record one with \`ase checkin ${c.slug}\``,
      });
    }
    return findings;
  },
};
