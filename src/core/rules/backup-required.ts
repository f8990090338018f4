import type { Rule } from './rule.js';

/** An active post-sales (strategic) customer must have a named backup engineer. */
export const backupRequired: Rule = {
  code: 'backup-required',
  check({ registry }) {
    return registry.customers
      .filter((c) => c.status === 'active' && c.segment === 'post-sales' && !c.backup)
      .map((c) => ({
        rule: 'backup-required' as const,
        severity: 'error' as const,
        file: c.file,
        path: ['backup' in c.raw ? 'backup' : 'engineer'],
        key: true,
        subject: { slug: c.slug },
        message: `active post-sales customer "${c.name}" has no backup engineer: add \`backup: <handle>\` (ase transition ${c.slug} --backup <handle>)`,
      }));
  },
};
