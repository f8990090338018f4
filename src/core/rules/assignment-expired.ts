import { daysBetween } from '../dates.js';
import type { Rule } from './rule.js';

/** A temporary assignment still active after its end date. */
export const assignmentExpired: Rule = {
  code: 'assignment-expired',
  check({ registry, today }) {
    return registry.customers
      .filter((c) => c.status === 'active' && c.term === 'temporary' && c.ends_on !== undefined && c.ends_on < today)
      .map((c) => ({
        rule: 'assignment-expired' as const,
        severity: 'warning' as const,
        file: c.file,
        path: ['ends_on'],
        subject: { slug: c.slug },
        message: `temporary assignment ended on ${c.ends_on} (${daysBetween(c.ends_on!, today)} days ago) but is still active: \`ase end ${c.slug}\` or extend \`ends_on\``,
      }));
  },
};
