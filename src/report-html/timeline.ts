/**
 * The assignment timeline of the last 12 months: one row per customer, one bar per period in the
 * engineer's colour with the handle written on it, a diamond at each transition and a bar at each
 * end, whose <title> gives the date, the people and the reason.
 */
import { compareNames, compareText } from '../core/compare.js';
import { addDays, daysBetween } from '../core/dates.js';
import type { DetailedRegistry, HistoryEntry } from '../core/model.js';
import { esc, num, safeHref } from './escape.js';
import { customerPeriods, type Period } from './periods.js';
import { ENGINEER_COLOURS } from './styles.js';

const LABEL_W = 170;
const PLOT_W = 580;
const W = LABEL_W + PLOT_W + 10;
const ROW_H = 24;
const TOP = 30;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Engineer handle to colour slot: support engineers in roster order, then anyone else by handle. */
export function engineerSlots(registry: Pick<DetailedRegistry, 'people'>, extra: Iterable<string>): Map<string, number> {
  const slots = new Map<string, number>();
  for (const p of registry.people) if (p.roles.includes('support-engineer') && !slots.has(p.handle)) slots.set(p.handle, slots.size);
  for (const h of [...new Set(extra)].sort(compareText)) if (!slots.has(h)) slots.set(h, slots.size);
  return slots;
}

/** Colour class, plus stripes for the second round of colours, so no two of 16 engineers look alike. */
function colour(slot: number): { cls: string; striped: boolean } {
  return { cls: `e${slot % ENGINEER_COLOURS}`, striped: Math.floor(slot / ENGINEER_COLOURS) % 2 === 1 };
}

function markTitle(h: HistoryEntry): string {
  const who = h.event === 'ended' ? 'assignment ended' : `transition to ${h.engineer ?? '?'}${h.backup ? ` (backup ${h.backup})` : ''}`;
  return `${h.on}: ${who}${h.reason ? `, reason: ${h.reason}` : ''}${h.note ? ` (${h.note})` : ''}`;
}

function periodWords(p: Period): string {
  return `${p.engineer}${p.backup ? ` (backup ${p.backup})` : ''}`;
}

export function timelineSection(registry: DetailedRegistry, today: string): string {
  const from = addDays(today, -365);
  const span = daysBetween(from, today) + 1;
  const x = (date: string) => LABEL_W + (Math.min(Math.max(daysBetween(from, date), 0), span) / span) * PLOT_W;
  const rows = registry.customers
    .map((c) => ({ c, ...customerPeriods(c, today) }))
    .map((r) => ({ ...r, periods: r.periods.filter((p) => p.to >= from && p.from <= today), marks: r.marks.filter((m) => m.on >= from && m.on <= today) }))
    .filter((r) => r.periods.length > 0 || r.marks.length > 0)
    .sort((a, b) => compareNames(a.c.name, b.c.name) || compareText(a.c.slug, b.c.slug));
  if (rows.length === 0) return `<p>No assignments between ${from} and ${today}.</p>`;
  const slots = engineerSlots(
    registry,
    rows.flatMap((r) => r.periods.map((p) => p.engineer)),
  );
  const used = new Set(rows.flatMap((r) => r.periods.map((p) => p.engineer)));
  const height = TOP + rows.length * ROW_H + 6;

  const grid: string[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) {
    if (!d.endsWith('-01')) continue;
    const month = Number(d.slice(5, 7));
    const gx = num(x(d));
    grid.push(
      `<line class="axis" x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${height - 4}"/><text class="muted" x="${num(x(d) + 2)}" y="24">${MONTHS[month - 1]}</text>${month === 1 ? `<text x="${num(x(d) + 2)}" y="10">${d.slice(0, 4)}</text>` : ''}`,
    );
  }
  const body = rows.map((r, i) => {
    const y = TOP + i * ROW_H;
    const name = r.c.name.length > 24 ? `${r.c.name.slice(0, 23)}…` : r.c.name;
    const parts = [`<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end">${esc(name)}</text>`];
    for (const p of r.periods) {
      const x0 = x(p.from);
      const w = Math.max(x(addDays(p.to, 1)) - x0, 1.5);
      const { cls, striped } = colour(slots.get(p.engineer) ?? 0);
      parts.push(
        `<g><title>${esc(`${r.c.name}: ${periodWords(p)} from ${p.from} to ${p.to}${p.start.reason ? `, ${p.start.reason}` : ''}`)}</title><rect class="bar ${cls}" x="${num(x0)}" y="${y + 3}" width="${num(w)}" height="16"/>` +
          (striped ? `<rect x="${num(x0)}" y="${y + 3}" width="${num(w)}" height="16" fill="url(#p-stripes)"/>` : '') +
          (w >= p.engineer.length * 6.6 + 8
            ? `<text class="on-bar" x="${num(x0 + (p.start.event === 'transition' && p.from >= from ? 9 : 4))}" y="${y + 15}">${esc(p.engineer)}</text>`
            : '') +
          `</g>`,
      );
    }
    for (const m of r.marks) {
      const mx = x(m.on);
      parts.push(
        m.event === 'ended'
          ? `<g><title>${esc(markTitle(m))}</title><line class="end-mark" x1="${num(mx)}" y1="${y + 1}" x2="${num(mx)}" y2="${y + 21}"/></g>`
          : `<g><title>${esc(markTitle(m))}</title><path class="mark" d="M${num(mx)} ${y + 4}l6 7-6 7-6-7z"/></g>`,
      );
    }
    return parts.join('');
  });
  const todayX = num(x(today) + PLOT_W / span);
  const transitions = rows.reduce((n, r) => n + r.marks.filter((m) => m.event === 'transition').length, 0);
  const aria =
    `Assignment timeline from ${from} to ${today}: ${rows.length} customers, ${transitions} transitions; ` +
    rows.map((r) => `${r.c.name}: ${r.periods.map((p) => `${p.engineer} ${p.from} to ${p.to}`).join(', then ')}`).join('; ');
  const svg =
    `<svg class="chart" role="img" aria-label="${esc(aria.length > 1500 ? `${aria.slice(0, 1499)}… (the table below lists every period)` : aria)}" viewBox="0 0 ${W} ${height}">` +
    grid.join('') +
    body.join('') +
    `<line class="limit" x1="${todayX}" y1="${TOP - 4}" x2="${todayX}" y2="${height - 4}"/>` +
    `</svg>`;
  const legend =
    `<ul class="legend">` +
    [...used]
      .sort((a, b) => (slots.get(a) ?? 0) - (slots.get(b) ?? 0))
      .map((h) => {
        const { cls, striped } = colour(slots.get(h) ?? 0);
        const person = registry.people.find((p) => p.handle === h);
        return `<li><span class="swatch ${cls}${striped ? ' striped' : ''}" aria-hidden="true"></span>${esc(person && person.name !== h ? `${person.name} (${h})` : h)}</li>`;
      })
      .join('') +
    `<li>◇ transition (reason on hover and in the table)</li><li>| assignment ended</li><li>dashed line: today</li></ul>`;
  const table =
    `<table><caption>Assignments from ${from} to ${today}</caption><thead><tr><th scope="col">Customer</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Engineer</th><th scope="col">Backup</th><th scope="col">How it started</th></tr></thead><tbody>` +
    rows
      .map((r) => {
        const href = safeHref(r.c.docs.design_doc);
        const name = href ? `<a href="${esc(href)}">${esc(r.c.name)}</a>` : esc(r.c.name);
        const ended = r.marks.filter((m) => m.event === 'ended');
        const lines = r.periods.map((p, k) => {
          const why = `${p.start.event}${p.start.reason ? `: ${p.start.reason}` : ''}${p.start.note ? ` (${p.start.note})` : ''}`;
          const head = k === 0 ? `<th scope="row" rowspan="${r.periods.length + ended.length}">${name}</th>` : '';
          return `<tr>${head}<td class="d">${p.from}</td><td class="d">${p.to === today && r.c.status === 'active' ? 'today' : p.to}</td><td>${esc(p.engineer)}</td><td>${esc(p.backup ?? '—')}</td><td>${esc(why)}</td></tr>`;
        });
        for (const m of ended)
          lines.push(
            `${lines.length === 0 ? `<tr><th scope="row" rowspan="${ended.length}">${name}</th>` : '<tr>'}<td class="d">${m.on}</td><td>—</td><td>—</td><td>—</td><td>${esc(`ended${m.reason ? `: ${m.reason}` : ''}`)}</td></tr>`,
          );
        return lines.join('');
      })
      .join('') +
    `</tbody></table>`;
  return `<figure>${svg}</figure>${legend}${table}`;
}
