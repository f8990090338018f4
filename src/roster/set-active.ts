/** `ase people deactivate|activate <handle>`: marks a person inactive or active again (one commit). */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { placesOf } from '../core/person-places.js';
import { RefusedError } from '../errors.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';
import { openPerson } from './people-entry.js';
import { checkHandle } from './person-input.js';

export interface SetActiveArgs {
  args: [string];
  dryRun?: boolean;
}

export async function setActive(active: boolean, args: SetActiveArgs, globals: Globals, io: Io): Promise<number> {
  const handle = checkHandle(args.args[0]);
  const verb = active ? 'activate' : 'deactivate';
  const result = await runWrite(
    {
      action: `people-${verb}`,
      subject: `people(${handle}): ${verb}`,
      body: [active ? `${handle} is active again and can be assigned.` : `${handle} is marked inactive; kept in the roster for history.`],
      trailers: { Person: handle, Active: String(active) },
      apply(edit) {
        const { person, people, path } = openPerson(edit, handle);
        if (!active && person.active) {
          const places = placesOf(edit.before, handle, edit.today);
          if (places.length > 0) {
            throw new RefusedError(
              `${handle} still holds ${places.length === 1 ? 'a place' : `${places.length} places`} on active customers; hand each over first:\n` +
                places.map((p) => `  ${p.as} of ${p.slug}: ${p.fix}`).join('\n'),
              `then run \`ase people deactivate ${handle}\` again`,
            );
          }
        }
        // Active is the default: an active person carries no `active:` line.
        if (active) people.delete([...path, 'active']);
        else people.set([...path, 'active'], false);
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  if (!result.dryRun && !result.commit) {
    io.out(`${handle} is already ${active ? 'active' : 'inactive'}; nothing to change\n`);
    return 0;
  }
  return printResult(result, io);
}
