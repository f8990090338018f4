import { defineRule } from './rule.js';
import { quote } from '../words.js';

/** Pre-sales assignments are internal and never have a backup. */
export const backupNotAllowed = defineRule({
  code: 'backup-not-allowed',
  severity: 'error',
  customer(c) {
    if (!(c.segment === 'pre-sales' && c.raw.backup !== undefined && c.raw.backup !== null)) return [];
    return [
      {
        file: c.file,
        path: ['backup'],
        subject: { slug: c.slug },
        message: `pre-sales customer ${quote(c.name)} must not have a backup engineer: remove the \`backup\` field`,
      },
    ];
  },
});
