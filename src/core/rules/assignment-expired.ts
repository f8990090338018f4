import { daysBetween } from '../dates.js';
import { defineRule } from './rule.js';
import { count } from '../words.js';

/** A temporary assignment still active after its end date. */
export const assignmentExpired = defineRule({
  code: 'assignment-expired',
  severity: 'warning',
  status: { kind: 'expired', label: 'expired' },
  customer(c, { today }) {
    if (!(c.status === 'active' && c.term === 'temporary' && c.ends_on !== undefined && c.ends_on < today)) return [];
    return [
      {
        file: c.file,
        path: ['ends_on'],
        subject: { slug: c.slug },
        message: `temporary assignment ended on ${c.ends_on} (${count(daysBetween(c.ends_on!, today), 'day')} ago) but is still active: \`ase end ${c.slug}\` or extend \`ends_on\``,
      },
    ];
  },
});
