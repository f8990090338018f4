/** One customer in full, for people (`ase show`). */
import { daysBetween } from '../core/dates.js';
import type { Finding } from '../core/findings.js';
import { APPROVERS, type Config, type Customer, type Person } from '../core/model.js';
import { lastCheckin } from '../core/queries.js';
import type { Style } from './style.js';

export interface ShowContext {
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
  return `${date} (${d === 0 ? 'today' : d > 0 ? `${d} days ago` : `in ${-d} days`})`;
}

/** Whether docs and environment notes are current enough for a quick hand-over. */
export function transitionReadiness(c: Customer, config: Config, today: string): { ready: boolean; why: string } {
  const gaps: string[] = [];
  if (!c.docs.design_doc) gaps.push('no design doc');
  else if (!c.docs.updated_on || daysBetween(c.docs.updated_on, today) > config.docs_stale_after_days) gaps.push('design doc stale');
  const last = lastCheckin(c);
  if (!last || daysBetween(last, today) > config.checkin_every_days + config.checkin_grace_days) gaps.push('no recent CE check-in');
  if (c.environment && !c.environment.note && !c.environment.link) gaps.push('environment emulation undocumented');
  return gaps.length === 0 ? { ready: true, why: 'docs and check-ins are current' } : { ready: false, why: gaps.join(', ') };
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
  row('CE', who(c.ce, people));
  row('communicated', c.segment === 'pre-sales' ? 'no (pre-sales: internal only)' : c.communicated ? 'yes' : 'no');
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
  row('salesforce', age(c.docs.salesforce_synced_on, today));
  if (c.environment) row('environment', [c.environment.note?.trim(), c.environment.link].filter(Boolean).join(' — ') || '-');
  if (c.status === 'active') {
    const r = transitionReadiness(c, ctx.config, today);
    row('hand-over', r.ready ? style.green(`ready: ${r.why}`) : style.yellow(`not ready: ${r.why}`));
  }
  const last = [...c.checkins].sort((a, b) => a.on.localeCompare(b.on)).at(-1);
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
