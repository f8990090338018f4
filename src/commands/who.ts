/** `ase who [slug]`: who handles a customer's tickets on a day (engineer, backup, then the named cover). */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { compareText } from '../core/compare.js';
import { handlerOf, type Handling } from '../core/coverage.js';
import type { CustomerHead, Person } from '../core/model.js';
import { isActive, peopleByHandle } from '../core/queries.js';
import { UsageError } from '../errors.js';
import { findCustomer, openRegistry } from '../registry/open.js';
import { table } from '../report/table.js';

export interface WhoArgs {
  args: [string?];
  on?: string;
  at?: string;
  json?: boolean;
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

/** An ISO instant as epoch ms; without a zone it is read as UTC. */
export function parseInstant(value: string): number {
  const m = INSTANT_RE.exec(value);
  const ms = m ? Date.parse(m[5] ? value : `${value}Z`) : NaN;
  if (!m || Number.isNaN(ms) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) {
    throw new UsageError(`--at "${value}" is not an ISO instant`, 'write it like 2026-12-07T15:30:00Z (or with an offset such as +01:00)');
  }
  parseDateArg(m[1]!, '--at');
  return ms;
}

/** SPEC's shape: `{slug, name, on, handler: {handle, name, role} or null, gap, chain: [{handle, role, away, in_hours}], ce}`. */
function whoJson(c: CustomerHead, h: Handling, people: ReadonlyMap<string, Person>, at: string | undefined): Record<string, unknown> {
  const name = (handle: string) => people.get(handle)?.name ?? handle;
  return {
    slug: c.slug,
    name: c.name,
    on: h.on,
    ...(at !== undefined ? { at } : {}),
    handler: h.handler ? { handle: h.handler.handle, name: name(h.handler.handle), role: h.handler.role } : null,
    gap: h.gap,
    chain: h.chain.map((l) => ({ handle: l.handle, name: name(l.handle), role: l.role, away: l.away, in_hours: l.in_hours })),
    ce: c.ce ?? null,
  };
}

function chainText(h: Handling): string {
  return h.chain
    .map(
      (l) =>
        `${l.handle} (${l.role}${l.away ? `, away ${l.away.from}..${l.away.to}` : ''}${l.in_hours === false ? ', out of hours' : l.in_hours === true ? ', in hours' : ''})`,
    )
    .join(' -> ');
}

export async function run(args: WhoArgs, globals: Globals, io: Io): Promise<number> {
  if (args.on !== undefined && args.at !== undefined)
    throw new UsageError('give --on <date> or --at <instant>, not both', 'the day of an instant is its own: ase who acme --at 2026-12-07T15:30:00Z');
  const at = args.at === undefined ? undefined : parseInstant(args.at);
  const on = args.on !== undefined ? parseDateArg(args.on, '--on') : at !== undefined ? new Date(at).toISOString().slice(0, 10) : globals.today;
  const { loaded } = await openRegistry(globals, io);
  const { registry } = loaded;
  const people = peopleByHandle(registry.people);
  const slug = args.args[0];
  const customers = slug !== undefined ? [findCustomer(loaded, slug)] : registry.customers.filter(isActive).sort((a, b) => compareText(a.slug, b.slug));
  const handled = customers.map((c) => ({ c, h: handlerOf(registry, c, on, at, people) }));
  if (args.json) {
    const rows = handled.map(({ c, h }) => whoJson(c, h, people, args.at));
    io.out(`${JSON.stringify(slug !== undefined ? rows[0] : rows, null, 2)}\n`);
    return 0;
  }
  const when = args.at !== undefined ? `at ${args.at}` : `on ${on}`;
  if (slug !== undefined) {
    const { c, h } = handled[0]!;
    const who = h.handler
      ? `${people.get(h.handler.handle)?.name ?? h.handler.handle} (${h.handler.handle}, ${h.handler.role})`
      : 'nobody: coverage gap, it falls back to round-robin';
    const lines = [`${c.name} (${c.slug}) ${when}: ${who}`];
    if (h.chain.length > 0) lines.push(`  chain: ${chainText(h)}`);
    if (h.gap && c.engineer !== undefined)
      lines.push(`  close the gap: ase away ${c.engineer} --from ${h.chain[0]?.away?.from ?? '<first day away>'} --cover ${c.slug}=<handle>`);
    if (!isActive(c)) lines.push(`  note: ${c.slug} is ${c.status ?? 'not active'}, not an active assignment`);
    io.out(`${lines.join('\n')}\n`);
    return 0;
  }
  if (handled.length === 0) {
    io.out('No active customers.\n');
    return 0;
  }
  io.out(`Who handles each active customer ${when}\n\n`);
  io.out(
    table(handled, [
      { header: 'CUSTOMER', value: ({ c }) => c.slug },
      { header: 'HANDLER', value: ({ h }) => (h.handler ? h.handler.handle : 'GAP') },
      { header: 'AS', value: ({ h }) => h.handler?.role ?? '-' },
      { header: 'CHAIN', value: ({ h }) => chainText(h) },
    ]),
  );
  return 0;
}
