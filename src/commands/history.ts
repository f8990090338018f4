/** `ase history <slug>`: who was assigned when, and why, read from the customer file and git. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { UsageError } from '../errors.js';
import { fileCommits } from '../git/log.js';
import { mergeEvents, periodsOf, type Period } from '../history/periods.js';
import { checkSlugArg, findCustomer, locateRegistry } from '../registry/open.js';
import { readOneCustomer } from '../registry/read/read-one.js';
import { readRegistry } from '../registry/reader.js';
import { table } from '../report/table.js';
import { oneLine } from '../write/commit-message.js';

export interface HistoryArgs {
  args: [string];
  json?: boolean;
}

export async function run(args: HistoryArgs, globals: Globals, io: Io): Promise<number> {
  const slug = checkSlugArg(args.args[0]);
  const location = locateRegistry(globals, io);
  const root = location.gitRoot;
  // git walks the history on another core while this one reads the customer file.
  const pending = root === undefined ? undefined : fileCommits(root, `${location.files.customersDir}/${slug}.yaml`);
  pending?.catch(() => undefined); // awaited below only when needed; unawaited, its failure must not crash
  const customer = readOneCustomer(location, slug);
  // A file that is there but not a customer (a link, a folder) has no history to show.
  const commits = pending && (customer || !existsSync(join(location.dir, 'customers', `${slug}.yaml`))) ? await pending : [];
  if (!customer && commits.length === 0) findCustomer(readRegistry(location, { io }), slug); // throws the usual unknown-customer error
  if (!customer && commits.length === 0) throw new UsageError(`unknown customer "${slug}"`);
  const periods = periodsOf(mergeEvents(customer?.history ?? [], commits));
  if (args.json) {
    io.out(`${JSON.stringify(periods, null, 2)}\n`);
    return 0;
  }
  io.out(historyText(customer?.name ?? slug, periods, await makeStyle(globals.color)));
  return 0;
}

function historyText(name: string, periods: readonly Period[], style: { bold(s: string): string; dim(s: string): string }): string {
  if (periods.length === 0) return `${name}: no assignment yet\n`;
  const rows = periods.map((p) => ({ ...p }));
  return `${style.bold(name)}\n${table(
    rows,
    [
      { header: 'FROM', value: (p) => p.from },
      { header: 'TO', value: (p) => p.to ?? 'now' },
      { header: 'ENGINEER', value: (p) => p.engineer ?? '-' },
      { header: 'BACKUP', value: (p) => p.backup ?? '-' },
      { header: 'REASON', value: (p) => oneLine([p.reason, p.note].filter(Boolean).join(': ') + (p.end_reason ? ` (ended: ${p.end_reason})` : ''), 80) },
      { header: 'TOLD', value: (p) => (p.told.length > 0 ? p.told.map((t) => t.on).join(', ') : '-') },
      { header: 'COMMIT', value: (p) => (p.commit ? p.commit.slice(0, 7) : '-') },
      { header: 'BY', value: (p) => oneLine(p.author ?? '-', 40) },
    ],
    style.bold,
  )}`;
}
