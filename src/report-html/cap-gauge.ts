/** Cap usage: a bar of `cap` slots split into post-sales, pre-sales, free and over the cap. */
import { count } from '../core/words.js';
import type { Registry } from '../core/model.js';
import { activeCustomers } from '../core/queries.js';
import { esc, num } from './escape.js';

export interface CapUsage {
  post: number;
  pre: number;
  /** Active customers of neither segment (a file the schema rejects, still counted by the cap). */
  other: number;
  used: number;
  limit: number;
}

export function capUsage(registry: Registry): CapUsage {
  const active = activeCustomers(registry);
  const post = active.filter((c) => c.segment === 'post-sales').length;
  const pre = active.filter((c) => c.segment === 'pre-sales').length;
  return { post, pre, other: active.length - post - pre, used: active.length, limit: registry.config.cap };
}

export function capSentence(u: CapUsage): string {
  const free = u.limit - u.used;
  return `${u.used} of ${u.limit} active assignments${free > 0 ? ` (${free} free)` : free === 0 ? ' (none free)' : ` (${-free} over the cap)`}`;
}

const W = 640;
const BAR_Y = 8;
const BAR_H = 36;

export function capSection(u: CapUsage): string {
  const slots = Math.max(u.limit, u.used, 1);
  const unit = W / slots;
  const parts: string[] = [];
  let x = 0;
  const block = (n: number, cls: string, label: string, pattern?: string) => {
    if (n <= 0) return;
    const w = n * unit;
    parts.push(`<rect class="${cls}" x="${num(x)}" y="${BAR_Y}" width="${num(w)}" height="${BAR_H}"/>`);
    if (pattern) parts.push(`<rect x="${num(x)}" y="${BAR_Y}" width="${num(w)}" height="${BAR_H}" fill="url(#${pattern})"/>`);
    if (w >= label.length * 7 + 8) parts.push(`<text class="on-bar" x="${num(x + 6)}" y="${BAR_Y + BAR_H / 2 + 4}">${esc(label)}</text>`);
    x += w;
  };
  const within = Math.min(u.used, u.limit);
  // Post-sales first, then pre-sales (hatched), then other; what does not fit under the cap is "over".
  const post = Math.min(u.post, within);
  const pre = Math.min(u.pre, within - post);
  const other = within - post - pre;
  block(post, 'post', `post-sales ${u.post}`);
  block(pre, 'pre', `pre-sales ${u.pre}`, 'p-hatch');
  block(other, 'post', `other ${u.other}`, 'p-dots');
  block(u.limit - within, 'free', `free ${u.limit - within}`);
  block(u.used - within, 'over', `over ${u.used - u.limit}`, 'p-hatch');
  const capX = u.limit * unit;
  const ticks: string[] = [];
  for (let i = 0; i <= slots; i++)
    ticks.push(`<line class="axis" x1="${num(i * unit)}" y1="${BAR_Y + BAR_H}" x2="${num(i * unit)}" y2="${BAR_Y + BAR_H + 5}"/>`);
  const sentence = capSentence(u);
  const svg =
    `<svg class="chart" role="img" aria-label="${esc(`Cap usage: ${sentence}; ${u.post} post-sales, ${u.pre} pre-sales`)}" viewBox="-4 0 ${W + 8} 74">` +
    parts.join('') +
    `<rect class="frame" x="0" y="${BAR_Y}" width="${num(Math.max(x, capX))}" height="${BAR_H}"/>` +
    ticks.join('') +
    `<line class="limit" x1="${num(capX)}" y1="2" x2="${num(capX)}" y2="${BAR_Y + BAR_H + 6}"/>` +
    `<text x="${num(Math.min(capX, W - 60))}" y="${BAR_Y + BAR_H + 20}">cap ${u.limit}</text>` +
    `<text x="0" y="${BAR_Y + BAR_H + 20}" class="muted">0</text>` +
    `</svg>`;
  const rows: Array<[string, number]> = [
    ['Post-sales (solid)', u.post],
    ['Pre-sales (hatched)', u.pre],
    ...(u.other > 0 ? ([['Other (dotted)', u.other]] as Array<[string, number]>) : []),
    ['Free under the cap (empty)', Math.max(u.limit - u.used, 0)],
    ...(u.used > u.limit ? ([['Over the cap (red, hatched)', u.used - u.limit]] as Array<[string, number]>) : []),
    ['Cap (dashed line)', u.limit],
  ];
  return (
    `<p class="summary">${esc(sentence)}</p>` +
    `<figure>${svg}</figure>` +
    `<table><caption>Active assignments against the cap</caption><thead><tr><th scope="col">Slots</th><th scope="col" class="n">Customers</th></tr></thead><tbody>` +
    rows.map(([label, n]) => `<tr><th scope="row">${esc(label)}</th><td class="n">${n}</td></tr>`).join('') +
    `</tbody></table>` +
    `<p class="note">${esc(count(u.used, 'customer'))} with an active assignment count against the cap, whatever their segment.</p>`
  );
}
