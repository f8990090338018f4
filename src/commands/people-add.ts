/** `ase people add <handle>`: appends a person to people.yaml (one commit). */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { ROLES } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';
import {
  checkDays,
  checkEmail,
  checkGithub,
  checkHandle,
  checkHours,
  checkName,
  checkRoles,
  checkTimeZone,
  requireZoneForHours,
} from '../roster/person-input.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface PeopleAddArgs {
  args: [string];
  name?: string;
  role?: string[];
  email?: string;
  github?: string;
  timezone?: string;
  hours?: string;
  days?: string;
  dryRun?: boolean;
}

export async function run(args: PeopleAddArgs, globals: Globals, io: Io): Promise<number> {
  const handle = checkHandle(args.args[0]);
  if (args.name === undefined)
    throw new UsageError('--name is required', `for example: ase people add ${handle} --name "Amara Okafor" --role support-engineer`);
  const name = checkName(args.name);
  const roles = checkRoles(args.role ?? [], '--role');
  if (roles.length === 0) throw new UsageError('give at least one --role', `roles are ${ROLES.join(', ')}; for example: --role support-engineer`);
  const email = args.email !== undefined ? checkEmail(args.email) : undefined;
  const github = args.github !== undefined ? checkGithub(args.github) : undefined;
  const timezone = args.timezone !== undefined ? checkTimeZone(args.timezone) : undefined;
  const hours = args.hours !== undefined ? checkHours(args.hours) : undefined;
  if (hours !== undefined) requireZoneForHours(handle, timezone);
  const days = args.days !== undefined ? checkDays(args.days) : undefined;

  const entry: Record<string, unknown> = {
    handle,
    name,
    roles,
    ...(email !== undefined ? { email } : {}),
    ...(github !== undefined ? { github } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
    ...(hours !== undefined ? { working_hours: hours } : {}),
    ...(days !== undefined ? { working_days: days } : {}),
  };
  const result = await runWrite(
    {
      action: 'people-add',
      subject: `people(${handle}): add ${name} (${roles.join(', ')})`,
      body: [`${name} joins the roster as ${roles.join(', ')}.`],
      trailers: { Person: handle, Roles: roles.join(', '), Timezone: timezone, Hours: hours },
      apply(edit) {
        const taken = edit.before.people.find((p) => p.handle === handle);
        if (taken) {
          throw new RefusedError(
            `the handle "${handle}" is taken by ${taken.name} in ${edit.before.files.people}${taken.active ? '' : ' (inactive)'}; handles are never reused`,
            taken.active
              ? `pick another handle, or change ${handle} with \`ase people set ${handle}\``
              : `bring them back with \`ase people activate ${handle}\`, or pick another handle`,
          );
        }
        edit.people().append(['people'], entry);
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}
