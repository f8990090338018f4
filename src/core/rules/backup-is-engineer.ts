import type { Rule } from './rule.js';

/** The backup must be someone other than the primary engineer. */
export const backupIsEngineer: Rule = {
  code: 'backup-is-engineer',
  check({ registry }) {
    return registry.customers
      .filter((c) => c.backup !== undefined && c.backup === c.engineer)
      .map((c) => ({
        rule: 'backup-is-engineer' as const,
        severity: 'error' as const,
        file: c.file,
        path: ['backup'],
        subject: { slug: c.slug },
        message: `"${c.backup}" is both engineer and backup of "${c.name}": name a different backup engineer`,
      }));
  },
};
