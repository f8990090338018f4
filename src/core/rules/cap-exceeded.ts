import { compareText } from '../compare.js';
import { activeCustomers } from '../queries.js';
import { defineRule } from './rule.js';
import { count } from '../words.js';

/** More active customers than the cap: flags the most recently activated ones beyond it. */
export const capExceeded = defineRule({
  code: 'cap-exceeded',
  severity: 'error',
  across({ registry }) {
    const active = activeCustomers(registry);
    const { cap } = registry.config;
    if (active.length <= cap) return [];
    const newestLast = [...active].sort((a, b) => compareText(a.since ?? '', b.since ?? '') || compareText(a.slug, b.slug));
    return newestLast.slice(cap).map((c) => ({
      file: c.file,
      path: ['status'],
      subject: { slug: c.slug },
      message:
        `cap exceeded: ${count(active.length, 'active customer')}, cap is ${cap} (${registry.files.config}: cap); ` +
        `end or transition an assignment, or raise the cap with leadership's agreement`,
    }));
  },
});
