/** `ase import <page.md>`: reads a hand-kept customer-exceptions page into customer files, one commit. */
import { count } from '../core/words.js';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { RefusedError, UsageError } from '../errors.js';
import { planImport } from '../import/plan.js';
import { importCommitBody, importReport } from '../import/report.js';
import { openRegistry } from '../registry/open.js';
import { pagePath } from '../registry/page-check.js';
import { readText } from '../registry/reader.js';
import { printResult } from '../write/print-result.js';
import { runWrite } from '../write/transaction.js';

export interface ImportArgs {
  args: [string];
  dryRun?: boolean;
}

export async function run(args: ImportArgs, globals: Globals, io: Io): Promise<number> {
  const given = args.args[0];
  const abs = resolve(io.cwd, given);
  if (!existsSync(abs))
    throw new UsageError(`${given} does not exist`, 'give the path of the markdown page to import, e.g. ase import old-customer-exceptions.md');
  let text: string;
  try {
    text = readText(abs);
  } catch (err) {
    throw new UsageError(`cannot read ${given}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'give the path of a readable markdown file');
  }
  const { location, loaded } = await openRegistry(globals, io);
  const plan = planImport(text, loaded.registry);
  const page = basename(abs);
  if (plan.tables === 0) {
    throw new UsageError(
      `${given} has no markdown table with a customer column`,
      'the page needs a table whose header names the customer (Customer, Account or Name) and, for example, Engineer, Backup, CE, Type',
    );
  }
  if (plan.customers.length === 0) {
    io.err(importReport(plan, page));
    throw new RefusedError(
      `no row of ${given} could be imported`,
      'fix the rows listed above in the page (or add them with `ase request`) and run the import again',
    );
  }
  const result = await runWrite(
    {
      action: 'import',
      subject: `import: ${count(plan.customers.length, 'customer')} from ${page}`,
      body: importCommitBody(plan, page),
      trailers: { Source: page, Customers: plan.customers.map((c) => c.slug).join(', ') },
      apply(edit) {
        for (const c of plan.customers) {
          if (edit.hasCustomer(c.slug)) throw new RefusedError(`${c.slug} is already in the registry`, 'someone added it meanwhile: run the import again');
          edit.createCustomer(c.slug, c.data);
        }
      },
    },
    globals,
    io,
    { dryRun: args.dryRun },
  );
  const code = printResult(result, io);
  io.out(`\n${importReport(plan, page)}`);
  if (!result.dryRun && existsSync(pagePath(location))) {
    io.out(`\n${location.files.page} is now out of date: run \`ase render\` and commit it.\n`);
  }
  return code;
}
