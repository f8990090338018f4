/** `ase told <slug>`: records that a post-sales customer was told who their engineer and backup are. */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { RefusedError, UsageError } from '../errors.js';
import { checkSlugArg } from '../registry/open.js';
import { requireCustomer } from '../write/customer-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite, type Change } from '../write/transaction.js';

export interface ToldArgs {
  args: [string];
  on?: string;
  note?: string;
  dryRun?: boolean;
}

export async function run(args: ToldArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  if (on > globals.today)
    throw new UsageError(`--on ${on} is in the future (today is ${globals.today})`, 'record the telling once it has happened, on the day it happened');
  const note = args.note?.trim() || undefined;
  const change: Change = {
    action: 'told',
    slug,
    subject: `told(${slug}) ${on}`,
    body: [],
    trailers: { Engineer: undefined, Backup: undefined, On: on, Note: note },
    apply(edit) {
      const existing = edit.before.customers.find((x) => x.slug === slug);
      if (existing?.segment === 'pre-sales') {
        throw new RefusedError(
          `${slug} is pre-sales: pre-sales assignments stay internal, and the customer is never told who their engineer is`,
          'nothing to record; only post-sales customers are told',
        );
      }
      const c = requireCustomer(edit, slug, ['active'], 'record the telling of', `only an active assignment is told to the customer; see \`ase show ${slug}\``);
      if (c.segment !== 'post-sales') {
        throw new RefusedError(`${slug} has no segment, so ase cannot tell whether the customer may be told`, `set \`segment: post-sales\` in ${c.file} first`);
      }
      const doc = edit.customer(slug);
      doc.set(['communicated'], true);
      doc.set(['communicated_on'], on);
      doc.append(['history'], {
        on,
        event: 'told',
        ...(c.engineer ? { engineer: c.engineer } : {}),
        ...(c.backup ? { backup: c.backup } : {}),
        ...(note ? { note } : {}),
      });
      change.subject = `told(${slug}): ${c.engineer ?? '(no engineer)'}${c.backup ? `, backup ${c.backup}` : ''} ${on}`;
      change.body!.push(
        `${c.name} was told on ${on} that ${c.engineer ?? 'nobody'} is their engineer${c.backup ? ` and ${c.backup} their backup` : ''}.`,
        ...(note ? [`Note: ${note}`] : []),
      );
      Object.assign(change.trailers!, { Engineer: c.engineer, Backup: c.backup });
    },
  };
  const result = await runWrite(change, globals, io, { dryRun: args.dryRun });
  return printResult(result, io);
}
