import { loadByEngineer } from '../queries.js';
import { defineRule, type RuleFinding } from './rule.js';
import { count } from '../words.js';

/** An engineer above `max_per_engineer` active primaries, or one who said they are overloaded. */
export const engineerOverloaded = defineRule({
  code: 'engineer-overloaded',
  severity: 'warning',
  status: { kind: 'overloaded', label: 'overloaded' },
  across({ registry }) {
    const load = loadByEngineer(registry);
    const max = registry.config.max_per_engineer;
    const findings: RuleFinding[] = [];
    registry.people.forEach((p, i) => {
      const primary = load.get(p.handle)?.primary.length ?? 0;
      if (primary > max) {
        findings.push({
          file: registry.files.people,
          path: ['people', i, 'handle'],
          subject: { handle: p.handle },
          message: `${p.handle} is primary on ${count(primary, 'active customer')}, above max_per_engineer ${max} (${registry.files.config}): rebalance with \`ase transition\``,
        });
      }
      if (p.overloaded) {
        findings.push({
          file: registry.files.people,
          path: ['people', i, 'overloaded'],
          subject: { handle: p.handle },
          message: `${p.handle} has said they are overloaded: the team should rebalance, then \`ase engineers set ${p.handle} --available\``,
        });
      }
    });
    return findings;
  },
});
