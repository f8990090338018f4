/** `ase people set <handle>`: changes a person's name, roles, contact, time zone or hours (one commit). */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import type { Registry, Role } from '../core/model.js';
import { placesOf } from '../core/person-places.js';
import { RefusedError, UsageError } from '../errors.js';
import { openPerson } from '../roster/people-entry.js';
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

export interface PeopleSetArgs {
  args: [string];
  name?: string;
  addRole?: string[];
  removeRole?: string[];
  email?: string;
  github?: string;
  timezone?: string;
  hours?: string;
  days?: string;
  overloaded?: boolean;
  notOverloaded?: boolean;
  dryRun?: boolean;
}

/** What was asked, checked before the registry is read. */
interface Wanted {
  name?: string;
  add: Role[];
  remove: Role[];
  email?: string;
  github?: string;
  timezone?: string;
  hours?: string;
  days?: string[];
  overloaded?: boolean;
}

function wanted(args: PeopleSetArgs): Wanted {
  if (args.overloaded && args.notOverloaded) throw new UsageError('give only one of --overloaded and --not-overloaded');
  const w: Wanted = {
    name: args.name !== undefined ? checkName(args.name) : undefined,
    add: checkRoles(args.addRole ?? [], '--add-role'),
    remove: checkRoles(args.removeRole ?? [], '--remove-role'),
    email: args.email !== undefined ? checkEmail(args.email) : undefined,
    github: args.github !== undefined ? checkGithub(args.github) : undefined,
    timezone: args.timezone !== undefined ? checkTimeZone(args.timezone) : undefined,
    hours: args.hours !== undefined ? checkHours(args.hours) : undefined,
    days: args.days !== undefined ? checkDays(args.days) : undefined,
    overloaded: args.overloaded ? true : args.notOverloaded ? false : undefined,
  };
  const both = w.add.find((r) => w.remove.includes(r));
  if (both) throw new UsageError(`--add-role and --remove-role both name ${both}`, 'name each role once');
  const nothing = Object.values(w).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
  if (nothing) {
    throw new UsageError(
      'say what to change',
      `for example: ase people set ${args.args[0]} --timezone Europe/Paris --hours 09:00-17:00 (see \`ase people set --help\`)`,
    );
  }
  return w;
}

/** Whether `handle` holds a place on an active customer that needs one of `roles`. */
function needsRole(registry: Registry, handle: string, roles: readonly Role[], today: string): boolean {
  return placesOf(registry, handle, today).some((p) => roles.includes(p.as === 'CE' ? 'customer-engineer' : 'support-engineer'));
}

export async function run(args: PeopleSetArgs, globals: Globals, io: Io): Promise<number> {
  const handle = checkHandle(args.args[0]);
  const w = wanted(args);
  const said: string[] = [];
  const change = {
    action: 'people-set',
    subject: `people(${handle}): set`,
    body: [] as string[],
    trailers: { Person: handle } as Record<string, string | undefined>,
    apply(edit: import('../write/transaction.js').RegistryEdit) {
      const { person, people, path } = openPerson(edit, handle);
      if (w.hours !== undefined) requireZoneForHours(handle, w.timezone ?? person.timezone);
      const set = (key: string, value: unknown, words: string) => {
        people.set([...path, key], value, { flow: true });
        said.push(words);
      };
      if (w.name !== undefined && w.name !== person.name) set('name', w.name, `name ${w.name}`);
      const roles = [...person.roles.filter((r) => !w.remove.includes(r)), ...w.add.filter((r) => !person.roles.includes(r))];
      // With an assignment that needs the role, the check below refuses it, naming each place (unknown-person).
      if (roles.length === 0 && !needsRole(edit.before, handle, w.remove, edit.today)) {
        throw new RefusedError(
          `${handle} would have no role left; everyone on the roster has at least one`,
          `add one with --add-role, or mark them inactive with \`ase people deactivate ${handle}\``,
        );
      }
      for (const r of w.add.filter((x) => !person.roles.includes(x))) {
        people.append([...path, 'roles'], r);
        said.push(`+${r}`);
      }
      for (const r of w.remove.filter((x) => person.roles.includes(x))) {
        const stored = people.get([...path, 'roles']);
        const at = Array.isArray(stored) ? stored.indexOf(r) : -1;
        if (at >= 0) people.delete([...path, 'roles', at]);
        said.push(`-${r}`);
      }
      if (w.email !== undefined && w.email !== person.email) set('email', w.email, `email ${w.email}`);
      if (w.github !== undefined && w.github !== person.github) set('github', w.github, `github ${w.github}`);
      if (w.timezone !== undefined && w.timezone !== person.timezone) set('timezone', w.timezone, `timezone ${w.timezone}`);
      if (w.hours !== undefined && w.hours !== person.working_hours) set('working_hours', w.hours, `hours ${w.hours}`);
      if (w.days !== undefined && w.days.join(',') !== person.working_days?.join(',')) set('working_days', w.days, `days ${w.days.join(',')}`);
      if (w.overloaded === true && !person.overloaded) set('overloaded', true, 'overloaded');
      if (w.overloaded === false && person.overloaded) {
        people.delete([...path, 'overloaded']);
        said.push('not overloaded');
      }
      change.subject = `people(${handle}): ${said.join(', ') || 'set'}`;
      change.body.push(`${person.name}: ${said.join(', ')}.`);
      Object.assign(change.trailers, { Roles: roles.join(', '), Timezone: w.timezone, Hours: w.hours });
    },
  };
  const result = await runWrite(change, globals, io, { dryRun: args.dryRun });
  if (!result.dryRun && !result.commit) {
    io.out(`${handle} already has those values; nothing to change\n`);
    return 0;
  }
  return printResult(result, io);
}
