/** One customer in full, for people (`ase show`). */
import { handlerOf } from '../core/coverage.js';
import { daysBetween } from '../core/dates.js';
import type { Finding } from '../core/findings.js';
import { APPROVERS, type Config, type Customer, type Person, type Registry } from '../core/model.js';
import { transitionReadiness } from '../status/readiness.js';
import type { Style } from './style.js';
import { compareText } from '../core/compare.js';
import { knownTeam } from '../core/queries.js';
import { count } from '../core/words.js';

export interface ShowContext {
  registry: Registry;
  config: Config;
  people: ReadonlyMap<string, Person>;
  today: string;
  findings: readonly Finding[];
}

function who(handle: string | undefined, people: ReadonlyMap<string, Person>): string {
  if (!handle) return '-';
  const p = people.get(handle);
  return p ? `${p.name} (${handle})` : `${handle} (not in people.yaml)`;
}

function age(date: string | undefined, today: string): string {
  if (!date) return 'never';
  const d = daysBetween(date, today);
  return `${date} (${d === 0 ? 'today' : d > 0 ? `${count(d, 'day')} ago` : `in ${count(-d, 'day')}`})`;
}

function team(engineer: string | undefined, backup: string | undefined, people: ReadonlyMap<string, Person>): string {
  return `${who(engineer, people)}${backup ? ` and ${who(backup, people)}` : ''}`;
}

/** Who the customer knows and since when; for an untold customer, who to announce. */
function communicatedText(c: Customer, ctx: ShowContext, style: Style): string {
  const known = knownTeam(c);
  if (c.communicated === true)
    return `yes — knows ${team(known!.engineer, known!.backup, ctx.people)}${known!.on ? ` since ${age(known!.on, ctx.today)}` : ' (date not recorded)'}`;
  const before = known ? `; last told of ${team(known.engineer, known.backup, ctx.people)} on ${known.on}` : '';
  if (c.status !== 'active') return `no${before}`;
  return style.yellow(`no — not yet told of ${team(c.engineer, c.backup, ctx.people)}${before}: tell them, then \`ase told ${c.slug}\``);
}

/** Who takes the customer today when it is not the engineer (time off), else undefined. */
function todayHandler(c: Customer, registry: Registry, today: string): ((people: ReadonlyMap<string, Person>) => string) | undefined {
  if (c.status !== 'active' || c.engineer === undefined) return undefined;
  const h = handlerOf(registry, c, today);
  if (h.handler?.role === 'engineer') return undefined;
  const away = h.chain[0]?.away;
  const why = away ? `${c.engineer} is away until ${away.to}` : `${c.engineer} is away`;
  return (people) =>
    h.handler ? `${who(h.handler.handle, people)} takes tickets as ${h.handler.role}: ${why}` : `nobody: coverage gap, ${why} (\`ase who ${c.slug}\`)`;
}

export function customerText(c: Customer, ctx: ShowContext, style: Style): string {
  const { people, today } = ctx;
  const out: string[] = [];
  const row = (label: string, value: string) => out.push(`  ${style.dim(label.padEnd(14))}${value}`);
  out.push(`${style.bold(c.name)}  ${style.dim(`(${c.slug})`)}`);
  row('status', c.status ?? '-');
  row('segment', c.segment ?? '-');
  row('term', c.term === 'temporary' ? `temporary, ends ${c.ends_on ?? '?'}` : (c.term ?? '-'));
  row('engineer', who(c.engineer, people));
  if (c.segment !== 'pre-sales' || c.backup) row('backup', who(c.backup, people));
  const today_ = todayHandler(c, ctx.registry, today);
  if (today_) row('today', today_(people));
  row('CE', who(c.ce, people));
  row('communicated', c.segment === 'pre-sales' ? 'no (pre-sales: internal only)' : communicatedText(c, ctx, style));
  if (c.since) row('since', age(c.since, today));
  if (c.ended_on) row('ended', c.ended_on);
  if (c.request) row('requested', `${c.request.on} by ${who(c.request.by, people)}${c.request.reason ? `: ${c.request.reason}` : ''}`);
  const approvals = APPROVERS.map((a) => (c.approvals[a] ? `${a} ${c.approvals[a]!.by} ${c.approvals[a]!.on}` : `${a} ${style.yellow('missing')}`));
  row('approvals', approvals.join(' · '));
  if (c.rejection) row('rejected', `${c.rejection.on} by ${c.rejection.by}${c.rejection.reason ? `: ${c.rejection.reason}` : ''}`);
  const rationale = c.raw.rationale;
  if (typeof rationale === 'string') row('rationale', rationale.trim());
  else if (rationale && typeof rationale === 'object') {
    const r = rationale as { why?: string; pros?: string[]; cons?: string[] };
    if (r.why) row('rationale', r.why.trim());
    for (const p of r.pros ?? []) row('  pro', p);
    for (const p of r.cons ?? []) row('  con', p);
  }
  out.push('');
  out.push(style.bold('Docs'));
  row('design doc', c.docs.design_doc ?? style.yellow('none linked'));
  row('updated', age(c.docs.updated_on, today));
  const synced = c.docs.salesforce_synced_on;
  const behind = c.docs.updated_on !== undefined && (synced === undefined || synced < c.docs.updated_on);
  row(
    'salesforce',
    `${age(synced, today)}${behind && c.docs.design_doc ? style.yellow(synced ? ' — behind the design doc: ask the CE to update it' : ' — ask the CE to update Salesforce') : ''}`,
  );
  if (c.environment) {
    row('environment', [c.environment.note?.trim(), c.environment.link].filter(Boolean).join(' — ') || '-');
    if (c.environment.updated_on) row('  updated', age(c.environment.updated_on, today));
  }
  if (c.status === 'active') {
    const r = transitionReadiness(c, ctx.registry, today);
    row('hand-over', r.ready ? style.green('ready: docs, check-ins and notes are current') : style.yellow(`not ready: ${r.gaps.join(', ')}`));
  }
  const last = [...c.checkins].sort((a, b) => compareText(a.on, b.on)).at(-1);
  out.push('');
  out.push(style.bold(`Check-ins (${c.checkins.length})`));
  if (last) {
    row('latest', `${age(last.on, today)} with ${who(last.with, people)}`);
    row('going well', last.going_well ?? '-');
    row('frustrations', last.frustrations ?? '-');
    row('goals', last.goals ?? '-');
    row('context', last.context ?? '-');
  } else row('latest', style.yellow('none recorded'));
  if (c.history.length > 0) {
    out.push('');
    out.push(style.bold('History'));
    for (const h of c.history) {
      const parts = [h.event, h.engineer && `engineer ${h.engineer}`, h.backup && `backup ${h.backup}`, h.reason && `(${h.reason})`, h.note && `— ${h.note}`];
      out.push(`  ${style.dim(h.on)}  ${parts.filter(Boolean).join(' ')}`);
    }
  }
  const mine = ctx.findings.filter((f) => f.file === c.file);
  if (mine.length > 0) {
    out.push('');
    out.push(style.bold('Needs attention'));
    for (const f of mine) out.push(`  ${f.severity === 'error' ? style.red('error  ') : style.yellow('warning')}  ${f.message}  ${style.dim(f.rule)}`);
  }
  return `${out.join('\n')}\n`;
}
