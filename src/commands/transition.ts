/** `ase transition <slug> --to/--backup --reason <code> [--note]`: hands a customer over. */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import type { TransitionReason } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';
import { checkSlugArg } from '../registry/open.js';
import { requireCustomer } from '../write/customer-check.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface TransitionArgs {
  args: [string];
  to?: string;
  backup?: string;
  reason: TransitionReason;
  note?: string;
  on?: string;
  communicated?: boolean;
  dryRun?: boolean;
}

/** The commit subject: who hands over to whom, and why. */
export function transitionSubject(
  slug: string,
  from: { engineer?: string; backup?: string },
  to: { engineer?: string; backup?: string },
  reason: string,
): string {
  const parts: string[] = [];
  if (to.engineer !== from.engineer) parts.push(`${from.engineer ?? '(none)'} -> ${to.engineer}`);
  if (to.backup !== from.backup) parts.push(`backup ${from.backup ?? '(none)'} -> ${to.backup ?? '(none)'}`);
  return `transition(${slug}): ${parts.join(', ')} (${reason})`;
}

export async function run(args: TransitionArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  if (args.to === undefined && args.backup === undefined) {
    throw new UsageError(
      'say who takes over: --to <handle> for the primary, --backup <handle> for the backup, or both',
      `for example: ase transition ${slug} --to bob --reason stagnating`,
    );
  }
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  /** What to tell the customer after the hand-over (post-sales, not yet told). */
  let tell: string | undefined;
  const change = {
    action: 'transition',
    slug,
    subject: '',
    body: [] as string[],
    trailers: {} as Record<string, string | undefined>,
    apply: (edit: import('../write/transaction.js').RegistryEdit) => {
      const c = requireCustomer(edit, slug, ['active'], 'hand over', `only an active assignment can be handed over; \`ase assign ${slug}\` starts one`);
      const engineer = args.to ?? c.engineer;
      let backup = args.backup ?? c.backup;
      if (args.to !== undefined) {
        requirePerson(edit.before, args.to, '--to', 'support-engineer');
        if (args.to === c.engineer)
          throw new RefusedError(`${args.to} is already the engineer of ${slug}`, 'name someone else with --to, or hand over only the backup with --backup');
      }
      if (args.backup !== undefined) {
        if (c.segment === 'pre-sales') throw new RefusedError(`pre-sales customers never get a backup (${slug} is pre-sales)`, 'run it again without --backup');
        requirePerson(edit.before, args.backup, '--backup', 'support-engineer');
        if (args.backup === c.backup && args.to === undefined)
          throw new RefusedError(`${args.backup} is already the backup of ${slug}`, 'name someone else with --backup');
      }
      if (backup !== undefined && backup === engineer) {
        throw new RefusedError(
          `${engineer} would be both engineer and backup of ${slug}`,
          args.backup === undefined ? `name a new backup too: --backup <handle>` : 'name a different backup',
        );
      }
      if (c.segment === 'pre-sales') {
        if (args.communicated)
          throw new RefusedError(
            `pre-sales assignments stay internal and are never communicated to the customer (${slug} is pre-sales)`,
            'run it again without --communicated',
          );
        backup = undefined;
      }
      const doc = edit.customer(slug);
      doc.set(['engineer'], engineer);
      if (backup !== undefined) doc.set(['backup'], backup);
      if (engineer !== c.engineer) doc.set(['since'], on);
      const news = [
        engineer !== c.engineer ? engineer : undefined,
        backup !== c.backup && backup !== undefined ? `${engineer !== c.engineer ? 'their backup ' : 'their new backup '}${backup}` : undefined,
      ].filter((x) => x !== undefined);
      if (c.segment === 'post-sales') {
        // The customer knows the team it was told of: a new engineer or backup is news to it.
        doc.set(['communicated'], args.communicated === true);
        if (args.communicated) doc.set(['communicated_on'], on);
        else doc.delete(['communicated_on']);
        if (!args.communicated)
          tell = `${c.name} has not heard of ${news.join(' and ')} yet: tell ${c.name} about ${news.join(' and ')}, then \`ase told ${slug}\``;
      }
      doc.append(['history'], {
        on,
        event: 'transition',
        engineer,
        ...(backup ? { backup } : {}),
        reason: args.reason,
        ...(args.note ? { note: args.note } : {}),
      });
      change.subject = transitionSubject(slug, c, { engineer, backup }, args.reason);
      change.body.push(
        engineer !== c.engineer ? `${c.engineer ?? 'nobody'} hands ${c.name} over to ${engineer}, from ${on}.` : `${engineer} stays the engineer of ${c.name}.`,
        ...(backup !== c.backup ? [`The backup changes from ${c.backup ?? 'nobody'} to ${backup ?? 'nobody'}.`] : []),
        ...(args.note ? [`In their words: ${args.note}`] : []),
      );
      Object.assign(change.trailers, {
        Engineer: engineer,
        Backup: backup,
        'Previous-Engineer': c.engineer,
        'Previous-Backup': c.backup,
        Reason: args.reason,
        Note: args.note,
        On: on,
        Communicated: c.segment === 'post-sales' ? (args.communicated ? 'yes' : 'no') : undefined,
      });
    },
  };
  change.subject = `transition(${slug}): ${args.to ?? ''} (${args.reason})`;
  const result = await runWrite(change, globals, io, { dryRun: args.dryRun });
  const code = printResult(result, io);
  if (tell !== undefined && !result.dryRun && result.commit) io.out(`${tell}\n`);
  return code;
}
