import { defineRule } from './rule.js';
import { quote } from '../words.js';

/** An active post-sales (strategic) customer must have a named backup engineer. */
export const backupRequired = defineRule({
  code: 'backup-required',
  severity: 'error',
  customer(c) {
    if (!(c.status === 'active' && c.segment === 'post-sales' && !c.backup)) return [];
    return [
      {
        file: c.file,
        path: ['backup' in c.raw ? 'backup' : 'engineer'],
        key: true,
        subject: { slug: c.slug },
        message: `active post-sales customer ${quote(c.name)} has no backup engineer: add \`backup: <handle>\` (ase transition ${c.slug} --backup <handle>)`,
      },
    ];
  },
});
