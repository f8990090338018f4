import { defineRule } from './rule.js';
import { quote } from '../words.js';

/** A pre-sales assignment is internal only: it is never communicated to the customer. */
export const presalesCommunicated = defineRule({
  code: 'presales-communicated',
  severity: 'error',
  customer(c) {
    if (!(c.segment === 'pre-sales' && c.communicated === true)) return [];
    return [
      {
        file: c.file,
        path: ['communicated'],
        subject: { slug: c.slug },
        message: `pre-sales customer ${quote(c.name)} is marked communicated, but pre-sales assignments stay internal: set \`communicated: false\``,
      },
    ];
  },
});
