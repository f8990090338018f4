/** `ase reject <slug> --by --reason`: closes a request without an assignment. */
import { parseDateArg, type Globals } from '../globals.js';
import type { Io } from '../io.js';
import { checkSlugArg } from '../registry/open.js';
import { requireCustomer } from '../write/customer-check.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface RejectArgs {
  args: [string];
  by: string;
  reason: string;
  on?: string;
  dryRun?: boolean;
}

export async function run(args: RejectArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  const result = await runWrite(
    {
      action: 'reject',
      slug,
      subject: `reject(${slug}): by ${args.by}`,
      body: [`${args.by} rejects the request for an assigned engineer.`, `Reason given: ${args.reason}`],
      trailers: { 'Rejected-By': args.by, Reason: args.reason, On: on },
      apply(edit) {
        requireCustomer(edit, slug, ['requested'], 'reject', `an active assignment is closed with \`ase end ${slug} --reason ...\``);
        requirePerson(edit.before, args.by, '--by', undefined, true);
        const doc = edit.customer(slug);
        doc.set(['status'], 'rejected');
        doc.set(['rejection'], { by: args.by, on, reason: args.reason });
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}
