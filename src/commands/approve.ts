/** `ase approve <slug> --as cs|ce|sales --by <handle>`: records one leadership approval. */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { APPROVERS, APPROVER_ROLE, type Approver } from '../core/model.js';
import { RefusedError } from '../errors.js';
import { checkSlugArg } from '../registry/open.js';
import { requireCustomer } from '../write/customer-check.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface ApproveArgs {
  args: [string];
  as: Approver;
  by: string;
  on?: string;
  dryRun?: boolean;
}

export async function run(args: ApproveArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  const body: string[] = [];
  const result = await runWrite(
    {
      action: 'approve',
      slug,
      subject: `approve(${slug}): ${args.as} by ${args.by}`,
      body,
      trailers: { Approval: args.as, 'Approved-By': args.by, On: on },
      apply(edit) {
        const c = requireCustomer(edit.before, slug, ['requested', 'active'], 'approve', 'a closed request cannot be approved; `ase request` starts a new one');
        requirePerson(edit.before, args.by, '--by', APPROVER_ROLE[args.as]);
        const had = c.approvals[args.as];
        if (had && had.by !== args.by) {
          throw new RefusedError(`${slug} already has the ${args.as} approval, by ${had.by} on ${had.on}`, 'each leadership approves once; nothing to do');
        }
        edit.customer(slug).set(['approvals', args.as], { by: args.by, on: had?.on ?? on });
        const done = APPROVERS.filter((a) => a === args.as || c.approvals[a]);
        const missing = APPROVERS.filter((a) => !done.includes(a));
        body.push(`${args.by} approves for ${args.as} leadership: ${done.length} of 3 approvals (${done.join(', ')}).`);
        body.push(missing.length > 0 ? `Still needed: ${missing.join(', ')}.` : c.status === 'requested' ? `All approvals are in: assign an engineer with ase assign ${slug}.` : 'All approvals are in.');
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}
