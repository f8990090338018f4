import { defineRule } from './rule.js';
import { quote } from '../words.js';

/** The backup must be someone other than the primary engineer. */
export const backupIsEngineer = defineRule({
  code: 'backup-is-engineer',
  severity: 'error',
  customer(c) {
    if (!(c.backup !== undefined && c.backup === c.engineer)) return [];
    return [
      {
        file: c.file,
        path: ['backup'],
        subject: { slug: c.slug },
        message: `${quote(c.backup)} is both engineer and backup of ${quote(c.name)}: name a different backup engineer`,
      },
    ];
  },
});
