/** `ase request <slug>`: records a request for an assigned engineer as a new `requested` customer. */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import type { Segment, Term } from '../core/model.js';
import { RefusedError, UsageError } from '../errors.js';
import { checkSlugArg } from '../registry/open.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

/** The request's fields, as flags of `request` and of `assign` for a new customer. */
export interface RequestFields {
  name?: string;
  segment?: Segment;
  ce?: string;
  reason?: string;
  by?: string;
  term?: Term;
  endsOn?: string;
}

export interface RequestArgs extends RequestFields {
  args: [string];
  on?: string;
  dryRun?: boolean;
}

export async function run(args: RequestArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const missing = (['name', 'segment', 'by'] as const).filter((k) => args[k] === undefined);
  if (missing.length > 0) {
    throw new UsageError(
      `ase request needs ${missing.map((m) => `--${m}`).join(', ')}`,
      `for example: ase request ${slug} --name "Acme Corp" --segment post-sales --ce <handle> --by <handle> --reason "why"`,
    );
  }
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  const term = args.term ?? 'long-term';
  const endsOn = args.endsOn !== undefined ? parseDateArg(args.endsOn, '--ends-on') : undefined;
  if (term === 'temporary' && endsOn === undefined)
    throw new UsageError('a temporary assignment needs --ends-on <date>', 'add --ends-on YYYY-MM-DD, or use --term long-term');
  if (term === 'long-term' && endsOn !== undefined) throw new UsageError('--ends-on is only for --term temporary', 'add --term temporary, or drop --ends-on');
  const result = await runWrite(
    {
      action: 'request',
      slug,
      subject: `request(${slug}): ${args.name} (${args.segment}, ${term}) by ${args.by}`,
      body: [
        `${args.by} asks for an assigned support engineer for ${args.name} (${args.segment}, ${term}${endsOn ? ` until ${endsOn}` : ''}).`,
        ...(args.reason ? [`Reason given: ${args.reason}`] : []),
        'It needs the approval of CS, CE and Sales leadership (ase approve).',
      ],
      trailers: { 'Requested-By': args.by, Segment: args.segment, Term: term, 'Ends-On': endsOn, Reason: args.reason, On: on },
      apply(edit) {
        const existing = edit.before.customers.find((c) => c.slug === slug);
        if (existing) throw new RefusedError(`${slug} already exists (${existing.status ?? 'no status'})`, `see \`ase show ${slug}\``);
        requirePerson(edit.before, args.by!, '--by', undefined, true);
        if (args.ce !== undefined) requirePerson(edit.before, args.ce, '--ce', 'customer-engineer');
        edit.createCustomer(slug, {
          name: args.name,
          segment: args.segment,
          term,
          ...(endsOn ? { ends_on: endsOn } : {}),
          status: 'requested',
          ...(args.ce ? { ce: args.ce } : {}),
          request: { by: args.by, on, ...(args.reason ? { reason: args.reason } : {}) },
        });
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}
