/** The attention list: the very items of `ase status`, grouped by severity, with names spelled out. */
import { count } from '../core/words.js';
import type { Registry } from '../core/model.js';
import { itemLabel } from '../report/status-text.js';
import type { ItemSeverity, StatusItem } from '../status/items.js';
import { esc } from './escape.js';

const GROUP: Record<ItemSeverity, [string, string]> = { error: ['Errors', 'Error'], warning: ['Warnings', 'Warning'], info: ['Hints', 'Hint'] };

function headline(item: StatusItem, customers: ReadonlyMap<string, string>, people: ReadonlyMap<string, string>): string {
  const label = itemLabel(item);
  if (item.file !== undefined) return `${label} · ${item.file}`;
  const who = item.slug ?? item.handle;
  if (who === undefined) return label;
  const name = item.slug !== undefined ? customers.get(item.slug) : people.get(who);
  return `${label} · ${name && name !== who ? `${name} (${who})` : who}`;
}

/** Backticked commands in a status message become <code>. */
function message(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part)))
    .join('');
}

export function attentionSection(items: readonly StatusItem[], registry: Registry): string {
  if (items.length === 0) return '<p class="ok">✔ Nothing needs attention.</p>';
  const customers = new Map(registry.customers.map((c) => [c.slug, c.name]));
  const people = new Map(registry.people.map((p) => [p.handle, p.name]));
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, items.filter((i) => i.severity === s).length] as const);
  const out = [`<p class="summary">${counts.map(([s, n]) => esc(count(n, GROUP[s][1].toLowerCase()))).join(', ')}</p>`];
  for (const [severity, n] of counts) {
    if (n === 0) continue;
    const [group, one] = GROUP[severity];
    out.push(`<h3>${group} (${n})</h3><ul class="items">`);
    for (const item of items.filter((i) => i.severity === severity)) {
      out.push(
        `<li class="${severity}"><span class="sev">${one}:</span><strong>${esc(headline(item, customers, people))}</strong><br>${message(item.message)}</li>`,
      );
    }
    out.push('</ul>');
  }
  return out.join('');
}
