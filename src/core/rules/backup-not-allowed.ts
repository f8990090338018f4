import type { Rule } from './rule.js';

/** Pre-sales assignments are internal and never have a backup. */
export const backupNotAllowed: Rule = {
  code: 'backup-not-allowed',
  check({ registry }) {
    return registry.customers
      .filter((c) => c.segment === 'pre-sales' && c.raw.backup !== undefined && c.raw.backup !== null)
      .map((c) => ({
        rule: 'backup-not-allowed' as const,
        severity: 'error' as const,
        file: c.file,
        path: ['backup'],
        subject: { slug: c.slug },
        message: `pre-sales customer "${c.name}" must not have a backup engineer: remove the \`backup\` field`,
      }));
  },
};
