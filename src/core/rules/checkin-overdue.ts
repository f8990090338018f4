import { daysBetween } from '../dates.js';
import { lastCheckin } from '../queries.js';
import { defineRule } from './rule.js';
import { count } from '../words.js';

/** No CE check-in within cadence + grace days (counted from `since` when there was none yet). */
export const checkinOverdue = defineRule({
  code: 'checkin-overdue',
  severity: 'warning',
  status: { kind: 'checkin-overdue', label: 'check-in overdue' },
  customer(c, { registry, today }) {
    if (c.status !== 'active') return [];
    const { checkin_every_days: every, checkin_grace_days: grace } = registry.config;
    const last = lastCheckin(c);
    const from = last ?? c.since;
    if (from === undefined) return [];
    const overdueBy = daysBetween(from, today) - every;
    if (overdueBy <= grace) return [];
    return [
      {
        file: c.file,
        path: last ? ['checkins'] : ['since'],
        key: true,
        subject: { slug: c.slug },
        message: last
          ? `last CE check-in was on ${last}, ${count(overdueBy, 'day')} overdue (every ${count(every, 'day')}): record one with \`ase checkin ${c.slug}\``
          : `no CE check-in since the assignment started on ${from}, ${count(overdueBy, 'day')} overdue: record one with \`ase checkin ${c.slug}\``,
      },
    ];
  },
});
