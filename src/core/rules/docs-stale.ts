import { daysBetween } from '../dates.js';
import { defineRule, type RuleFinding } from './rule.js';
import { count } from '../words.js';

/** An active customer's design doc is missing or older than `docs_stale_after_days`. */
export const docsStale = defineRule({
  code: 'docs-stale',
  severity: 'warning',
  status: { kind: 'docs-stale', label: 'design doc stale' },
  customer(c, { registry, today }) {
    const limit = registry.config.docs_stale_after_days;
    const findings: RuleFinding[] = [];
    if (c.status === 'active') {
      const { design_doc, updated_on } = c.docs;
      const base = { file: c.file, subject: { slug: c.slug } };
      if (!design_doc) {
        findings.push({
          ...base,
          path: ['docs'],
          key: true,
          message: `no design doc linked: add \`docs.design_doc\` and record it with \`ase docs ${c.slug} --updated\``,
        });
      } else if (!updated_on) {
        findings.push({
          ...base,
          path: ['docs', 'design_doc'],
          key: true,
          message: `design doc has no update date: review it, then \`ase docs ${c.slug} --updated\``,
        });
      } else {
        const age = daysBetween(updated_on, today);
        if (age > limit) {
          findings.push({
            ...base,
            path: ['docs', 'updated_on'],
            message: `design doc last updated ${count(age, 'day')} ago (${updated_on}; stale after ${limit}): review it, then \`ase docs ${c.slug} --updated\``,
          });
        }
      }
    }
    return findings;
  },
});
