/**
 * The coverage calendar: one cell per day for the next weeks, Monday to Sunday. A day with someone
 * away is dotted, a day with a coverage gap hatched with a red border, a thin day has a dashed
 * border; each also says so in words in the cell and in the list below the chart.
 */
import { count } from '../core/words.js';
import { addDays } from '../core/dates.js';
import { esc } from './escape.js';
import type { CoverageDay } from './types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const CELL_W = 104;
const CELL_H = 64;
const TOP = 22;

/** 0 for Monday .. 6 for Sunday, from the date itself (no clock, no time zone). */
export function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function dayLabel(date: string, withMonth: boolean): string {
  const d = Number(date.slice(8, 10));
  return withMonth ? `${d} ${MONTHS[Number(date.slice(5, 7)) - 1]}` : String(d);
}

function describe(day: CoverageDay): string[] {
  const out: string[] = [];
  if (day.away.length > 0) out.push(`away: ${day.away.join(', ')}`);
  if (day.gaps.length > 0) out.push(`coverage gap: ${day.gaps.join(', ')}`);
  if (day.thin) out.push('team thin');
  return out;
}

function cell(day: CoverageDay, x: number, y: number, first: boolean, isToday: boolean): string {
  const cls = ['day', day.away.length > 0 ? 'away' : '', day.gaps.length > 0 ? 'gap' : '', day.thin ? 'thin' : ''].filter(Boolean).join(' ');
  const parts = [`<rect class="${cls}" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}"/>`];
  if (day.away.length > 0) parts.push(`<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="12" fill="url(#p-dots)"/>`);
  if (day.gaps.length > 0) parts.push(`<rect x="${x + CELL_W - 24}" y="${y + 2}" width="22" height="${CELL_H - 4}" fill="url(#p-hatch)"/>`);
  if (isToday) parts.push(`<rect class="today" x="${x + 3}" y="${y + 3}" width="${CELL_W - 6}" height="${CELL_H - 6}"/>`);
  const lines = [dayLabel(day.date, first || day.date.endsWith('-01')) + (isToday ? ' · today' : '')];
  if (day.away.length > 0) lines.push(`${day.away.length} away`);
  if (day.gaps.length > 0) lines.push(count(day.gaps.length, 'gap'));
  if (day.thin) lines.push('THIN');
  parts.push(...lines.map((l, i) => `<text x="${x + 6}" y="${y + 20 + i * 12}"${i === 0 ? '' : ' class="muted"'}>${esc(l)}</text>`));
  const said = describe(day);
  return `<g>${said.length > 0 ? `<title>${esc(`${day.date}: ${said.join('; ')}`)}</title>` : ''}${parts.join('')}</g>`;
}

export function coverageSection(days: readonly CoverageDay[], today: string, weeks: number): string {
  if (days.length === 0) return '<p>No days to show.</p>';
  const start = addDays(days[0]!.date, -weekday(days[0]!.date));
  const rows = Math.ceil((weekday(days[0]!.date) + days.length) / 7);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const cells: string[] = WEEKDAYS.map((w, i) => `<text class="muted" x="${i * CELL_W + 6}" y="14">${w}</text>`);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < 7; c++) {
      const date = addDays(start, r * 7 + c);
      const x = c * CELL_W;
      const y = TOP + r * CELL_H;
      const day = byDate.get(date);
      if (day) cells.push(cell(day, x, y, day === days[0], date === today));
      else cells.push(`<rect class="day out" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}"/>`);
    }
  }
  const notable = days.filter((d) => describe(d).length > 0);
  const last = days[days.length - 1]!.date;
  const period = `${days[0]!.date} to ${last}`;
  const summary =
    notable.length === 0
      ? `Nobody is away from ${period}, and every active customer has a handler every day.`
      : `${count(days.filter((d) => d.away.length > 0).length, 'day')} with someone away, ${count(days.filter((d) => d.gaps.length > 0).length, 'day')} with a coverage gap, ${count(days.filter((d) => d.thin).length, 'thin day')} from ${period}.`;
  const svg =
    `<svg class="chart" role="img" aria-label="${esc(`Coverage calendar, ${count(weeks, 'week')}: ${summary}`)}" viewBox="0 0 ${7 * CELL_W} ${TOP + rows * CELL_H + 2}">` +
    cells.join('') +
    `</svg>`;
  const legend = `<ul class="legend"><li>dotted band: someone away</li><li>hatched, red border: coverage gap (falls back to round-robin)</li><li>dashed border, THIN: more away than the team allows</li><li>thick outline: today</li></ul>`;
  const list =
    notable.length === 0
      ? `<p>${esc(summary)}</p>`
      : `<p>${esc(summary)}</p><table><caption>Days with time off, gaps or a thin team</caption><thead><tr><th scope="col">Day</th><th scope="col">Away</th><th scope="col">Coverage gaps</th><th scope="col">Team thin</th></tr></thead><tbody>` +
        notable
          .map(
            (d) =>
              `<tr><th scope="row" class="d">${d.date}</th><td>${esc(d.away.join(', ') || '—')}</td><td>${d.gaps.length > 0 ? `<span class="flag">${esc(d.gaps.join(', '))}</span>` : '—'}</td><td>${d.thin ? '<span class="needed">thin</span>' : '—'}</td></tr>`,
          )
          .join('') +
        `</tbody></table>`;
  return `<figure>${svg}</figure>${legend}${list}`;
}
