import { APPROVERS } from '../model.js';
import type { Rule } from './rule.js';

/** An active assignment should carry the CS, CE and Sales leadership approvals. */
export const approvalsMissing: Rule = {
  code: 'approvals-missing',
  check({ registry }) {
    const severity = registry.config.require_approvals ? ('error' as const) : ('warning' as const);
    return registry.customers
      .filter((c) => c.status === 'active')
      .flatMap((c) => {
        const missing = APPROVERS.filter((a) => !c.approvals[a]);
        if (missing.length === 0) return [];
        const how = missing.map((a) => `\`ase approve ${c.slug} --as ${a} --by <handle>\``).join(', ');
        return [
          {
            rule: 'approvals-missing' as const,
            severity,
            file: c.file,
            path: ['approvals' in c.raw ? 'approvals' : 'status'],
            key: true,
            subject: { slug: c.slug },
            message: `active without ${missing.join(', ')} approval${missing.length > 1 ? 's' : ''}: record ${missing.length > 1 ? 'them' : 'it'} with ${how}`,
          },
        ];
      });
  },
};
