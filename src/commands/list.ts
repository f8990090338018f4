/** `ase list`: a table of customers with cap usage. */
import { compareCustomers, customerSummary } from '../core/customer-json.js';
import { SEGMENTS, STATUSES, type CustomerHead } from '../core/model.js';
import { activeCustomers } from '../core/queries.js';
import { UsageError } from '../errors.js';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { table } from '../report/table.js';
import { openRegistry } from '../registry/open.js';
import { count } from '../core/words.js';

export interface ListArgs {
  all?: boolean;
  engineer?: string;
  segment?: string;
  status?: string;
  json?: boolean;
}

function checkChoice(flag: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new UsageError(`${flag} "${value}" is not one of: ${allowed.join(', ')}`, `for example: ase list ${flag} ${allowed[0]}`);
  }
}

export function filterCustomers(customers: readonly CustomerHead[], args: ListArgs): CustomerHead[] {
  return customers
    .filter((c) => (args.status ? c.status === args.status : args.all || c.status === 'requested' || c.status === 'active'))
    .filter((c) => !args.segment || c.segment === args.segment)
    .filter((c) => !args.engineer || c.engineer === args.engineer || c.backup === args.engineer)
    .sort(compareCustomers);
}

export async function run(args: ListArgs, globals: Globals, io: Io): Promise<number> {
  checkChoice('--segment', args.segment, SEGMENTS);
  checkChoice('--status', args.status, STATUSES);
  const { loaded } = await openRegistry(globals, io);
  const { registry } = loaded;
  if (args.engineer !== undefined && !registry.people.some((p) => p.handle === args.engineer)) {
    const engineers = registry.people.filter((p) => p.roles.includes('support-engineer')).map((p) => p.handle);
    throw new UsageError(`--engineer "${args.engineer}" is not in ${registry.files.people}`, `engineers: ${engineers.join(', ') || 'none yet'}`);
  }
  const rows = filterCustomers(registry.customers, args);
  if (args.json) {
    io.out(`${JSON.stringify(rows.map(customerSummary), null, 2)}\n`);
    return 0;
  }
  const style = await makeStyle(globals.color);
  const used = activeCustomers(registry).length;
  const { cap } = registry.config;
  const capText = `active ${used}/${cap}`;
  const requested = registry.customers.filter((c) => c.status === 'requested').length;
  io.out(
    `${used > cap ? style.red(capText) : used === cap ? style.yellow(capText) : style.green(capText)}  ·  ${requested} requested  ·  ${count(registry.customers.length, 'customer')} in all\n\n`,
  );
  if (rows.length === 0) {
    io.out('No customers match.\n');
    return 0;
  }
  const dash = (s: string | undefined) => s ?? '-';
  io.out(
    table(
      rows,
      [
        { header: 'SLUG', value: (c) => c.slug },
        { header: 'NAME', value: (c) => c.name },
        { header: 'SEGMENT', value: (c) => dash(c.segment) },
        { header: 'TERM', value: (c) => (c.term === 'temporary' ? `until ${dash(c.ends_on)}` : dash(c.term)) },
        {
          header: 'STATUS',
          value: (c) => dash(c.status),
          paint: (s, c) => (c.status === 'active' ? style.green(s) : c.status === 'requested' ? style.yellow(s) : style.dim(s)),
        },
        { header: 'ENGINEER', value: (c) => dash(c.engineer) },
        { header: 'BACKUP', value: (c) => dash(c.backup) },
        { header: 'CE', value: (c) => dash(c.ce) },
      ],
      style.bold,
    ),
  );
  return 0;
}
