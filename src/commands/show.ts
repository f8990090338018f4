/** `ase show <slug>`: one customer in full. */
import { customerFull } from '../core/customer-json.js';
import { RefusedError } from '../errors.js';
import { peopleByHandle } from '../core/queries.js';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { customerText } from '../report/customer-text.js';
import { evaluate, findCustomer, openRegistry } from '../registry/open.js';

export interface ShowArgs {
  args: [string];
  json?: boolean;
}

export async function run(args: ShowArgs, globals: Globals, io: Io): Promise<number> {
  const { loaded } = await openRegistry(globals, io);
  const customer = findCustomer(loaded, args.args[0]);
  const source = loaded.files.get(customer.file);
  if (source && source.data === undefined) {
    // Showing defaults for a file that could not be read would look like real data.
    const first = source.findings[0];
    throw new RefusedError(
      `${customer.file} cannot be read${first ? ` (${first.line}:${first.column} ${first.message})` : ''}`,
      `fix the file (\`ase lint\` lists every problem), then run \`ase show ${customer.slug}\` again`,
    );
  }
  if (args.json) {
    io.out(`${JSON.stringify(customerFull(customer), null, 2)}\n`);
    return 0;
  }
  const { registry } = loaded;
  const findings = evaluate(loaded, globals.today);
  const ctx = { registry, config: registry.config, people: peopleByHandle(registry.people), today: globals.today, findings };
  io.out(customerText(customer, ctx, await makeStyle(globals.color)));
  return 0;
}
