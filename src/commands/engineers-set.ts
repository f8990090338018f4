/** `ase engineers set <handle> --overloaded|--available`: flips the overloaded flag in people.yaml. */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface EngineersSetArgs {
  args: [string];
  overloaded?: boolean;
  available?: boolean;
  dryRun?: boolean;
}

export async function run(args: EngineersSetArgs, globals: Globals, io: Io): Promise<number> {
  const handle = args.args[0];
  if (Boolean(args.overloaded) === Boolean(args.available)) {
    throw new UsageError('give exactly one of --overloaded or --available', `for example: ase engineers set ${handle} --overloaded`);
  }
  const overloaded = args.overloaded === true;
  const result = await runWrite(
    {
      action: 'engineers-set',
      subject: `engineers(${handle}): ${overloaded ? 'overloaded' : 'available'}`,
      body: [overloaded ? `${handle} has said they are overloaded; the team should rebalance.` : `${handle} can take work again.`],
      trailers: { Engineer: handle, Overloaded: String(overloaded) },
      apply(edit) {
        const person = edit.before.people.find((p) => p.handle === handle);
        if (!person?.roles.includes('support-engineer')) {
          const engineers = edit.before.people.filter((p) => p.roles.includes('support-engineer')).map((p) => p.handle);
          throw new UsageError(
            `"${handle}" is ${person ? 'not a support engineer' : 'not'} in ${edit.before.files.people}`,
            `support engineers: ${engineers.join(', ') || '(none yet)'}`,
          );
        }
        const people = edit.people();
        // The model skips malformed entries, so find the entry's index in the file itself.
        const list = people.get(['people']);
        const at = Array.isArray(list) ? list.findIndex((p) => (p as { handle?: unknown } | null)?.handle === handle) : -1;
        if (at < 0) throw new UsageError(`"${handle}" is not listed under people: in ${edit.before.files.people}`);
        if (overloaded) people.set(['people', at, 'overloaded'], true);
        else people.delete(['people', at, 'overloaded']);
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  if (!result.dryRun && !result.commit) {
    io.out(`${handle} is already marked ${overloaded ? 'overloaded' : 'available'}; nothing to change\n`);
    return 0;
  }
  return printResult(result, io);
}
