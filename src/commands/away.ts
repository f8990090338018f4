/**
 * `ase away`: records, updates or cancels time off (one commit touching only time-off.yaml) and
 * prints the coverage plan; without a handle, lists current and upcoming time off with coverage.
 */
import type { Globals } from '../globals.js';
import { parseDateArg } from '../globals.js';
import type { Io } from '../io.js';
import { compareText } from '../core/compare.js';
import { timeOffOf } from '../core/coverage.js';
import type { Registry, TimeOff } from '../core/model.js';
import { normaliseTimeOff } from '../core/normalise.js';
import { isSlug } from '../core/slug.js';
import { entryPlan, customersOf, planText, type EntryPlan } from '../coverage/plan.js';
import { UsageError } from '../errors.js';
import { openRegistry } from '../registry/open.js';
import { requirePerson } from '../write/people-check.js';
import { printResult } from '../write/print-result.js';
import { runWrite, type RegistryEdit } from '../write/transaction.js';

export interface AwayArgs {
  args: [string?];
  from?: string;
  to?: string;
  cover?: string[];
  note?: string;
  cancel?: boolean;
  json?: boolean;
  dryRun?: boolean;
}

/** The listing entry as SPEC gives it: `{handle, name, from, to, note, customers: [{slug, handler, role, gap_days}]}` (cover added). */
function listed(plan: EntryPlan): Record<string, unknown> {
  return {
    handle: plan.handle,
    name: plan.name,
    from: plan.from,
    to: plan.to,
    note: plan.note,
    cover: plan.cover,
    customers: plan.customers.map((c) => ({ slug: c.slug, handler: c.handler, role: c.role, gap_days: c.gap_days })),
  };
}

async function list(args: AwayArgs, globals: Globals, io: Io): Promise<number> {
  for (const flag of ['from', 'to', 'cover', 'note', 'cancel', 'dryRun'] as const) {
    if (args[flag] !== undefined)
      throw new UsageError(
        `--${flag === 'dryRun' ? 'dry-run' : flag} needs the handle of who is away`,
        'for example: ase away amara --from 2026-12-21 --to 2027-01-04',
      );
  }
  const { registry } = (await openRegistry(globals, io)).loaded;
  const plans = timeOffOf(registry)
    .filter((e) => e.to >= globals.today && e.from <= e.to)
    .sort((a, b) => compareText(a.from, b.from) || compareText(a.handle, b.handle))
    .map((e) => entryPlan(registry, e, globals.today));
  if (args.json) {
    io.out(`${JSON.stringify(plans.map(listed), null, 2)}\n`);
    return 0;
  }
  if (plans.length === 0) {
    io.out(`No current or upcoming time off on ${globals.today}. Record some with: ase away <handle> --from <date> --to <date>\n`);
    return 0;
  }
  io.out(
    plans
      .map(
        (p) =>
          planText(p) +
          (Object.keys(p.cover).length > 0
            ? `  covers: ${Object.entries(p.cover)
                .map(([s, h]) => `${s}=${h}`)
                .join(', ')}\n`
            : ''),
      )
      .join('\n'),
  );
  return 0;
}

/** `slug=handle` pairs; an empty handle removes that cover. */
function parseCovers(values: readonly string[]): [string, string | undefined][] {
  return values.map((v) => {
    const at = v.indexOf('=');
    const slug = at < 0 ? v : v.slice(0, at);
    const handle = at < 0 ? '' : v.slice(at + 1);
    if (at < 0 || !isSlug(slug))
      throw new UsageError(`--cover "${v}" is not <slug>=<handle>`, 'for example: --cover initech=bruno (and --cover initech= removes it)');
    return [slug, handle === '' ? undefined : handle];
  });
}

/** The entries as the file lists them, and the index of the one of `handle` starting `from`. */
function findEntry(doc: ReturnType<RegistryEdit['timeOff']>, handle: string, from: string): { list: unknown[]; at: number } {
  const raw = doc.get(['time_off']);
  const list = Array.isArray(raw) ? raw : [];
  const at = list.findIndex((e) => (e as { handle?: unknown; from?: unknown } | null)?.handle === handle && (e as { from?: unknown }).from === from);
  return { list, at };
}

export async function run(args: AwayArgs, globals: Globals, io: Io): Promise<number> {
  const handle = args.args[0];
  if (handle === undefined) return list(args, globals, io);
  if (args.from === undefined)
    throw new UsageError('say which time off: --from <date> (its first day)', `for example: ase away ${handle} --from 2026-12-21 --to 2027-01-04`);
  const from = parseDateArg(args.from, '--from');
  const to = args.to === undefined ? undefined : parseDateArg(args.to, '--to');
  if (to !== undefined && to < from)
    throw new UsageError(`--to ${to} is before --from ${from}`, 'the last day away comes on or after the first (both inclusive)');
  if (args.cancel && (to !== undefined || args.cover !== undefined || args.note !== undefined)) {
    throw new UsageError('--cancel takes only --from', `for example: ase away ${handle} --cancel --from ${from}`);
  }
  const covers = parseCovers(args.cover ?? []);
  let entry: TimeOff | undefined;
  let after: Registry | undefined;
  const change = {
    action: 'away',
    subject: '',
    body: [] as string[],
    trailers: { Person: handle, From: from } as Record<string, string | undefined>,
    apply(edit: RegistryEdit) {
      const before = edit.before;
      const doc = edit.timeOff();
      const { list, at } = findEntry(doc, handle, from);
      if (args.cancel) {
        if (at < 0) {
          const mine = timeOffOf(before)
            .filter((e) => e.handle === handle)
            .map((e) => e.from);
          throw new UsageError(
            `${handle} has no time off starting ${from}`,
            mine.length > 0 ? `their entries start on: ${mine.join(', ')}` : `\`ase away\` lists current and upcoming time off`,
          );
        }
        const old = list[at] as { to?: unknown };
        doc.delete(['time_off', at]);
        change.subject = `away(${handle}): cancel ${from}${typeof old.to === 'string' ? `..${old.to}` : ''}`;
        change.trailers.To = typeof old.to === 'string' ? old.to : undefined;
        change.body.push(`${handle} will not be away from ${from} after all.`);
        return;
      }
      requirePerson(before, handle, 'handle', 'support-engineer');
      if (at < 0 && to === undefined)
        throw new UsageError(
          `${handle} has no time off starting ${from} yet: give its last day with --to <date>`,
          `for example: ase away ${handle} --from ${from} --to ${from}`,
        );
      const mine = customersOf(before, handle);
      for (const [slug, cover] of covers) {
        // Removing a cover is always allowed (it is how a wrong one, flagged time-off-conflict, goes).
        if (cover === undefined) continue;
        if (!mine.some((c) => c.slug === slug)) {
          throw new UsageError(
            `${handle} is neither engineer nor backup of an active customer "${slug}", so there is nothing to cover there`,
            mine.length > 0 ? `${handle}'s customers: ${mine.map((c) => c.slug).join(', ')}` : `${handle} is on no active customer`,
          );
        }
        if (cover === handle) throw new UsageError(`${handle} cannot cover ${slug} while away`, 'name another support engineer');
        requirePerson(before, cover, `--cover ${slug}=`, 'support-engineer');
      }
      const base = 'time_off';
      if (at < 0) {
        const cover = Object.fromEntries(covers.filter(([, h]) => h !== undefined));
        doc.append([base], { handle, from, to, ...(args.note ? { note: args.note } : {}), ...(Object.keys(cover).length > 0 ? { cover } : {}) });
      } else {
        if (to !== undefined) doc.set([base, at, 'to'], to);
        if (args.note !== undefined) doc.set([base, at, 'note'], args.note === '' ? undefined : args.note);
        for (const [slug, cover] of covers) {
          if (cover === undefined) doc.delete([base, at, 'cover', slug]);
          else doc.set([base, at, 'cover', slug], cover);
        }
        const left = doc.get([base, at, 'cover']);
        if (left !== undefined && (left === null || (typeof left === 'object' && Object.keys(left).length === 0))) doc.delete([base, at, 'cover']);
      }
      const entries = normaliseTimeOff({ time_off: doc.get([base]) });
      after = { ...before, timeOff: entries };
      entry = entries.find((e) => e.handle === handle && e.from === from);
      const until = entry?.to ?? to ?? from;
      change.trailers.To = until;
      change.subject = `away(${handle}): ${from}..${until}${at >= 0 ? ' (updated)' : ''}`;
      change.body.push(`${handle} is away from ${from} to ${until}${args.note ? ` (${args.note})` : ''}.`);
      for (const [slug, cover] of covers)
        change.body.push(cover === undefined ? `No named cover for ${slug} any more.` : `${cover} covers ${slug} when the backup cannot.`);
    },
  };
  const result = await runWrite(change, globals, io, { dryRun: args.dryRun });
  const plan = after && entry ? entryPlan(after, entry, globals.today) : undefined;
  if (args.json) {
    io.out(
      `${JSON.stringify({ ...(plan ? listed(plan) : { handle, from, cancelled: true }), commit: result.commit ?? null, dry_run: result.dryRun }, null, 2)}\n`,
    );
    return 0;
  }
  if (!result.dryRun && !result.commit) {
    io.out(`${handle}'s time off from ${from} already says so; nothing to change\n`);
  } else printResult({ ...result, messages: [] }, io);
  if (plan) io.out(planText(plan));
  // Warnings other than the gaps the plan already names (team-thin, for one).
  for (const m of result.messages) if (!m.startsWith('warning: coverage-gap')) io.out(`${m}\n`);
  return 0;
}
