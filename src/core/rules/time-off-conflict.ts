import { timeOffOf, timeOffPath } from '../coverage.js';
import { isActive } from '../queries.js';
import { defineRule, type RuleFinding } from './rule.js';

/**
 * Time off that cannot be right: an entry that ends before it starts, two entries of one person
 * that overlap, and (for entries not yet over) a cover for a customer the person is neither
 * engineer nor backup of, or a cover naming the absent person.
 */
export const timeOffConflict = defineRule({
  code: 'time-off-conflict',
  severity: 'error',
  status: { kind: 'time-off-conflict', label: 'time off conflict' },
  across({ registry, today }) {
    const file = timeOffPath(registry.files);
    const entries = timeOffOf(registry);
    const findings: RuleFinding[] = [];
    const push = (path: (string | number)[], handle: string, message: string) =>
      findings.push({ file, path: ['time_off', ...path], subject: { handle }, message });
    const active = new Map(registry.customers.filter(isActive).map((c) => [c.slug, c]));
    entries.forEach((e, n) => {
      if (e.to < e.from) {
        push(
          [e.index, 'to'],
          e.handle,
          `${e.handle}'s time off from ${e.from} ends before it starts (to: ${e.to}): fix the dates (\`ase away ${e.handle} --from ${e.from} --to <date>\`)`,
        );
        return;
      }
      const earlier = entries.slice(0, n).find((o) => o.handle === e.handle && o.from <= o.to && o.from <= e.to && e.from <= o.to);
      if (earlier) {
        push(
          [e.index, 'from'],
          e.handle,
          `${e.handle}'s time off ${e.from}..${e.to} overlaps their entry ${earlier.from}..${earlier.to}: merge them into one entry (\`ase away ${e.handle} --cancel --from ${e.from}\`, then \`ase away ${e.handle} --from ${earlier.from} --to <date>\`)`,
        );
      }
      if (e.to < today) return;
      for (const [slug, cover] of Object.entries(e.cover)) {
        const c = active.get(slug);
        const drop = `\`ase away ${e.handle} --from ${e.from} --cover ${slug}=\` removes it`;
        if (!c)
          push(
            [e.index, 'cover', slug],
            e.handle,
            `${e.handle}'s time off from ${e.from} names a cover for "${slug}", which is not an active customer: ${drop}`,
          );
        else if (c.engineer !== e.handle && c.backup !== e.handle)
          push(
            [e.index, 'cover', slug],
            e.handle,
            `${e.handle}'s time off from ${e.from} names a cover for ${slug}, but ${e.handle} is neither its engineer nor its backup: ${drop}`,
          );
        else if (cover === e.handle)
          push(
            [e.index, 'cover', slug],
            e.handle,
            `${e.handle}'s time off from ${e.from} names ${e.handle} to cover ${slug} while away: name someone else (\`ase away ${e.handle} --from ${e.from} --cover ${slug}=<handle>\`)`,
          );
      }
    });
    return findings;
  },
});
