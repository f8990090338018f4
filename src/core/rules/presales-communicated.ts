import type { Rule } from './rule.js';

/** A pre-sales assignment is internal only: it is never communicated to the customer. */
export const presalesCommunicated: Rule = {
  code: 'presales-communicated',
  check({ registry }) {
    return registry.customers
      .filter((c) => c.segment === 'pre-sales' && c.communicated === true)
      .map((c) => ({
        rule: 'presales-communicated' as const,
        severity: 'error' as const,
        file: c.file,
        path: ['communicated'],
        subject: { slug: c.slug },
        message: `pre-sales customer "${c.name}" is marked communicated, but pre-sales assignments stay internal: set \`communicated: false\``,
      }));
  },
};
