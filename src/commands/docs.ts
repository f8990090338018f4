/** `ase docs <slug>`: records a design-doc update and/or a Salesforce sync (one commit). */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { checkSlugArg } from '../registry/open.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface DocsArgs {
  args: [string];
  updated?: boolean;
  salesforceSynced?: boolean;
  link?: string;
  on?: string;
  dryRun?: boolean;
}

/** A design-doc link must be an absolute http(s) URL, as the schema asks. */
function checkLink(link: string): string {
  let url: URL | undefined;
  try {
    url = new URL(link);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new UsageError(`--link "${link}" is not a web address`, 'give the full link, for example --link https://docs.example.com/customers/acme');
  }
  return link;
}

export async function run(args: DocsArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  if (!args.updated && !args.salesforceSynced) {
    throw new UsageError(
      'say what happened: --updated (the design doc was updated) and/or --salesforce-synced (the CE updated Salesforce)',
      `for example: ase docs ${slug} --updated`,
    );
  }
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : globals.today;
  if (on > globals.today) throw new UsageError(`--on ${on} is in the future (today is ${globals.today})`, 'record what has happened, on the day it happened');
  const link = args.link !== undefined ? checkLink(args.link) : undefined;
  const what = [args.updated && 'design doc updated', args.salesforceSynced && 'Salesforce synced'].filter(Boolean).join(', ');
  const result = await runWrite(
    {
      action: 'docs',
      slug,
      subject: `docs(${slug}): ${what} ${on}`,
      body: link ? [`Design doc: ${link}`] : undefined,
      trailers: { On: on },
      apply(edit) {
        const doc = edit.customer(slug);
        if (link !== undefined) doc.set(['docs', 'design_doc'], link);
        if (args.updated) doc.set(['docs', 'updated_on'], on);
        if (args.salesforceSynced) doc.set(['docs', 'salesforce_synced_on'], on);
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  return printResult(result, io);
}
