/** The files `ase init` creates: default config with comments, an empty roster, customers/, schemas. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../core/model.js';
import { EnvironmentError } from '../errors.js';
import { MODELINES } from './registry-edit.js';

/** The text of a new `config.yaml`: every setting at its default, each explained. */
export function defaultConfigText(): string {
  const c = DEFAULT_CONFIG;
  const line = (key: keyof typeof c, comment: string) => `${`${key}: ${c[key]}`.padEnd(34)}# ${comment}`;
  const lines = [
    MODELINES.config,
    '# Team policy for assigned support engineers. Changing these numbers is a leadership decision:',
    '# say why in the pull request.',
    line('cap', 'most customers with an active assignment, all kinds together'),
    line('max_per_engineer', 'most active primary assignments one engineer carries'),
    line('checkin_every_days', 'weekly CE check-in'),
    line('checkin_grace_days', 'slack before a check-in counts as overdue'),
    line('docs_stale_after_days', 'a design doc older than this is stale'),
    line('ends_soon_days', 'temporary assignments ending this soon show in `ase status`'),
    line('require_approvals', 'true: active without all three approvals is an error'),
    line('communicate_within_days', 'a post-sales customer is told of a new engineer within this'),
    line('max_away_at_once', 'most support engineers away on one day before `team-thin` warns'),
    line('require_verified_approvals', 'true: `ase verify` fails on an approval the approver did not make'),
  ];
  return `${lines.join('\n')}\n`;
}

/** The text of a new `people.yaml`: an empty roster with an example in comments. */
export function emptyPeopleText(): string {
  return `${MODELINES.people}
# The roster: everyone a customer file may name. Handles are lowercase and never reused.
# Roles: support-engineer, customer-engineer, cs-leadership, ce-leadership, sales-leadership.
#   - handle: alice
#     name: Alice Able
#     roles: [support-engineer]
#     email: alice@example.com
#     timezone: Europe/London
people: []
`;
}

/** The text of a new `time-off.yaml`: no time off yet, with an example in comments. */
export function emptyTimeOffText(): string {
  return `${MODELINES['time-off']}
# Time off of support engineers and who covers their customers. Record it with \`ase away\`.
#   - handle: alice          # a support engineer on the roster
#     from: 2026-12-21       # first day away
#     to: 2027-01-04         # last day away (inclusive)
#     note: Winter break     # optional
#     cover:                 # optional: who takes a customer when the backup cannot
#       initech: bruno
time_off: []
`;
}

/** The package's own `schemas/` folder, found from the running code (src/write/ or dist/commands/). */
export function packageSchemasDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(candidate, 'customer.schema.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new EnvironmentError('cannot find the JSON Schemas that come with ase', 'reinstall ase: its package should hold a schemas/ folder');
}

/** Schema file names and texts to copy into a new registry. */
export function schemaFiles(): { name: string; text: string }[] {
  const dir = packageSchemasDir();
  return readdirSync(dir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
