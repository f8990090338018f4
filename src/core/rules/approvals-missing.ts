import { APPROVERS } from '../model.js';
import { defineRule } from './rule.js';

/** An active assignment should carry the CS, CE and Sales leadership approvals. */
export const approvalsMissing = defineRule({
  code: 'approvals-missing',
  severity: 'warning',
  status: { kind: 'approvals-missing', label: 'approvals missing' },
  customer(c, { registry }) {
    if (c.status !== 'active') return [];
    const missing = APPROVERS.filter((a) => !c.approvals[a]);
    if (missing.length === 0) return [];
    const how = missing.map((a) => `\`ase approve ${c.slug} --as ${a} --by <handle>\``).join(', ');
    return [
      {
        // SPEC: `require_approvals: true` makes a missing approval an error.
        severity: registry.config.require_approvals ? 'error' : 'warning',
        file: c.file,
        path: ['approvals' in c.raw ? 'approvals' : 'status'],
        key: true,
        subject: { slug: c.slug },
        message: `active without ${missing.join(', ')} approval${missing.length > 1 ? 's' : ''}: record ${missing.length > 1 ? 'them' : 'it'} with ${how}`,
      },
    ];
  },
});
