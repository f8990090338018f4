/** `ase end <slug> --reason`: ends an active assignment; who held it stays on record. */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { checkSlugArg } from '../registry/open.js';
import { oneLine } from '../write/commit-message.js';
import { requireCustomer } from '../write/customer-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite, type Change } from '../write/transaction.js';

export interface EndArgs {
  args: [string];
  reason: string;
  on?: string;
  dryRun?: boolean;
}

export async function run(args: EndArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  const reason = oneLine(args.reason);
  const change: Change = {
    action: 'end',
    slug,
    subject: `end(${slug}): ${oneLine(args.reason, 60)}`,
    body: [],
    trailers: { Reason: reason, On: on },
    apply(edit) {
      const c = requireCustomer(edit, slug, ['active'], 'end', `a request that was never assigned is closed with \`ase reject ${slug}\``);
      const doc = edit.customer(slug);
      doc.set(['status'], 'ended');
      doc.set(['ended_on'], on);
      doc.append(['history'], {
        on,
        event: 'ended',
        ...(c.engineer ? { engineer: c.engineer } : {}),
        ...(c.backup ? { backup: c.backup } : {}),
        reason: reason.slice(0, 200),
      });
      change.subject = `end(${slug}): ${c.engineer ?? 'assignment'} (${oneLine(args.reason, 60)})`;
      change.body!.push(
        `The assignment of ${c.engineer ?? 'nobody'}${c.backup ? ` (backup ${c.backup})` : ''} to ${c.name} ends on ${on}.`,
        `Reason given: ${args.reason}`,
      );
      Object.assign(change.trailers!, { Engineer: c.engineer, Backup: c.backup });
    },
  };
  const result = await runWrite(change, globals, io, { dryRun: args.dryRun });
  return printResult(result, io);
}
