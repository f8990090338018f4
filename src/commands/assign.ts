/** `ase assign <slug>`: makes the assignment active, creating the customer when it is new. */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { APPROVERS, type CustomerHead } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';
import { checkSlugArg } from '../registry/open.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite, type RegistryEdit } from '../write/transaction.js';
import type { RequestFields } from './request.js';

export interface AssignArgs extends RequestFields {
  args: [string];
  engineer: string;
  backup?: string;
  communicated?: boolean;
  since?: string;
  dryRun?: boolean;
}

export async function run(args: AssignArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const since = args.since !== undefined ? parseDateArg(args.since, '--since') : globals.today;
  const endsOn = args.endsOn !== undefined ? parseDateArg(args.endsOn, '--ends-on') : undefined;
  const backupText = (b: string | undefined) => (b ? `, backup ${b}` : '');
  const result = await runWrite(
    {
      action: 'assign',
      slug,
      subject: `assign(${slug}): ${args.engineer}${backupText(args.backup)}`,
      body: [
        `${args.engineer} is now the assigned support engineer for ${slug}${args.backup ? `, with ${args.backup} as backup` : ''}, from ${since}.`,
        ...(args.reason ? [`Reason given: ${args.reason}`] : []),
      ],
      trailers: { Engineer: args.engineer, Backup: args.backup, Reason: args.reason, On: since },
      apply: (edit) => applyAssign(edit, slug, { ...args, since, endsOn }),
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}

function applyAssign(edit: RegistryEdit, slug: string, args: AssignArgs & { since: string }): void {
  const reg = edit.before;
  const existing: CustomerHead | undefined = reg.customers.find((c) => c.slug === slug);
  if (existing?.status === 'active') {
    throw new RefusedError(
      `${slug} is already active with ${existing.engineer ?? 'no engineer'}${existing.backup ? ` (backup ${existing.backup})` : ''}`,
      `hand it over with \`ase transition ${slug} --to <handle> --reason <code>\``,
    );
  }
  const segment = args.segment ?? existing?.segment;
  const term = args.term ?? existing?.term ?? 'long-term';
  if (!existing && (args.name === undefined || segment === undefined)) {
    throw new UsageError(
      `${slug} is a new customer: --name and --segment are needed to create it`,
      `for example: ase assign ${slug} --engineer ${args.engineer} --name "Acme Corp" --segment post-sales --ce <handle> --by <handle>`,
    );
  }
  requirePerson(reg, args.engineer, '--engineer', 'support-engineer');
  if (segment === 'pre-sales') {
    if (args.backup !== undefined) throw new RefusedError(`pre-sales customers never get a backup (${slug} is pre-sales)`, 'run it again without --backup');
    if (args.communicated)
      throw new RefusedError(
        `pre-sales assignments are internal and never communicated to the customer (${slug} is pre-sales)`,
        'run it again without --communicated',
      );
  } else {
    if (args.backup === undefined)
      throw new RefusedError(
        `post-sales customers need a backup engineer: --backup is missing for ${slug}`,
        `add --backup <handle>, someone other than ${args.engineer}`,
      );
    requirePerson(reg, args.backup, '--backup', 'support-engineer');
    if (args.backup === args.engineer)
      throw new RefusedError(`the backup cannot be the engineer (${args.engineer})`, 'name a different support engineer as --backup');
  }
  if (args.ce !== undefined) requirePerson(reg, args.ce, '--ce', 'customer-engineer');
  if (args.by !== undefined) requirePerson(reg, args.by, '--by', undefined, true);
  if (term === 'temporary' && args.endsOn === undefined && existing?.ends_on === undefined) {
    throw new UsageError('a temporary assignment needs --ends-on <date>', 'add --ends-on YYYY-MM-DD, or use --term long-term');
  }

  const doc = existing
    ? edit.customer(slug)
    : edit.createCustomer(slug, {
        name: args.name,
        segment,
        term,
        ...(args.endsOn ? { ends_on: args.endsOn } : {}),
        status: 'active',
      });
  if (existing) {
    if (args.name !== undefined) doc.set(['name'], args.name);
    if (args.segment !== undefined) doc.set(['segment'], args.segment);
    if (args.term !== undefined) doc.set(['term'], args.term);
    if (args.endsOn !== undefined) doc.set(['ends_on'], args.endsOn);
    if (term === 'long-term') doc.delete(['ends_on']);
    doc.set(['status'], 'active');
    doc.delete(['ended_on']);
  }
  doc.set(['engineer'], args.engineer);
  if (args.backup !== undefined) doc.set(['backup'], args.backup);
  else doc.delete(['backup']);
  if (args.ce !== undefined) doc.set(['ce'], args.ce);
  const told = segment === 'post-sales' && args.communicated === true;
  doc.set(['communicated'], told);
  // communicated_on is when the customer was told of this engineer and backup: today, or not yet.
  if (told) doc.set(['communicated_on'], edit.today);
  else doc.delete(['communicated_on']);
  doc.set(['since'], args.since);
  if (!existing && args.by !== undefined) {
    doc.set(['request'], { by: args.by, on: edit.today, ...(args.reason ? { reason: args.reason } : {}) });
  }
  doc.append(['history'], {
    on: args.since,
    event: 'assigned',
    engineer: args.engineer,
    ...(args.backup ? { backup: args.backup } : {}),
    reason:
      existing?.status === 'requested' && APPROVERS.every((a) => edit.details(existing).approvals[a])
        ? 'request approved'
        : (args.reason?.slice(0, 200) ?? 'assigned'),
  });
}
