import { compareText } from '../compare.js';
import { nameKey } from '../name-key.js';
import { isSlug } from '../slug.js';
import { defineRule, type RuleFinding } from './rule.js';
import { quote } from '../words.js';

/** File names must be valid slugs, and no two customers may share a display name. */
export const slugMismatch = defineRule({
  code: 'slug-mismatch',
  severity: 'error',
  customer(c) {
    if (isSlug(c.slug)) return [];
    return [
      {
        file: c.file,
        path: [],
        subject: { slug: c.slug },
        message: `file name ${quote(`${c.slug}.yaml`)} is not a valid slug (lowercase letters, digits, hyphens, at most 64): rename the file`,
      },
    ];
  },
  across({ registry }) {
    const findings: RuleFinding[] = [];
    const byName = new Map<string, string>();
    const sorted = [...registry.customers].sort((a, b) => compareText(a.slug, b.slug));
    for (const c of sorted) {
      if (!c.named) continue;
      const key = nameKey(c.name);
      const other = byName.get(key);
      if (other !== undefined) {
        findings.push({
          file: c.file,
          path: ['name'],
          subject: { slug: c.slug },
          message: `customer name ${quote(c.name)} is also used by ${other}.yaml: keep one file per customer`,
        });
      } else byName.set(key, c.slug);
    }
    return findings;
  },
});
