/** `ase status` for people: cap usage, then the attention list grouped by severity, at 80 columns. */
import { RULES } from '../core/rules/index.js';
import type { ItemSeverity, StatusItem, StatusReport } from '../status/items.js';
import type { Style } from './style.js';
import { truncate, wrap } from './text-wrap.js';
import { count } from '../core/words.js';

export const STATUS_WIDTH = 80;

/** How status's own kinds of item are named; rules name theirs in their file (`status.label`). */
const LABEL: Record<string, string> = {
  cap: 'cap',
  lint: 'lint',
  'ending-soon': 'ending soon',
  'salesforce-stale': 'Salesforce not synced',
  'pending-request': 'request pending',
  rotation: 'rotation hint',
  away: 'away',
};
for (const r of RULES) if (r.status) LABEL[r.status.kind] = r.status.label;

/** An item's headline label (also in the HTML report): a `lint` item is headed by its rule's code. */
export function itemLabel(item: StatusItem): string {
  return item.kind === 'lint' && item.rule ? item.rule : (LABEL[item.kind] ?? item.kind);
}

const GROUP: Record<ItemSeverity, string> = { error: 'Errors', warning: 'Warnings', info: 'Hints' };

export interface StatusTextContext {
  today: string;
  /** Display names of customers by slug. */
  customers: ReadonlyMap<string, string>;
  /** Display names of people by handle. */
  people: ReadonlyMap<string, string>;
}

function headline(item: StatusItem, ctx: StatusTextContext): string {
  const label = itemLabel(item);
  if (item.file !== undefined) return `${label} · ${item.file}`;
  const who = item.slug ?? item.handle;
  if (who === undefined) return label;
  const name = item.slug !== undefined ? ctx.customers.get(item.slug) : ctx.people.get(who);
  return `${label} · ${name && name !== who ? `${name} (${who})` : who}`;
}

function paint(severity: ItemSeverity, style: Style): (s: string) => string {
  return severity === 'error' ? style.red : severity === 'warning' ? style.yellow : style.cyan;
}

export function statusText(report: StatusReport, ctx: StatusTextContext, style: Style): string {
  const { used, limit } = report.cap;
  const free = limit - used;
  const capText = `${used} of ${count(limit, 'active assignment')}${free > 0 ? ` (${free} free)` : free === 0 ? ' (none free)' : ` (${-free} over)`}`;
  const capPaint = free < 0 ? style.red : free <= 1 ? style.yellow : style.green;
  const lines = [`Status on ${ctx.today} · ${capPaint(capText)}`, ''];
  const counts: Record<ItemSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of report.items) counts[i.severity]++;
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = report.items.filter((i) => i.severity === severity);
    if (group.length === 0) continue;
    const colour = paint(severity, style);
    lines.push(style.bold(`${GROUP[severity]} (${group.length})`));
    for (const item of group) {
      lines.push(`  ${colour('•')} ${colour(truncate(headline(item, ctx), STATUS_WIDTH - 4))}`);
      lines.push(...wrap(item.message, STATUS_WIDTH, '    '));
    }
    lines.push('');
  }
  if (report.items.length === 0) {
    lines.push(style.green('✔ Nothing needs attention.'));
  } else {
    const summary = `${count(counts.error, 'error')}, ${count(counts.warning, 'warning')}, ${count(counts.info, 'hint')}`;
    lines.push(counts.error > 0 ? style.red(`✖ ${summary}`) : counts.warning > 0 ? style.yellow(`⚠ ${summary}`) : style.green(`✔ ${summary}`));
  }
  return `${lines.join('\n')}\n`;
}
