/** Workload per support engineer: primary and backup assignments against `max_per_engineer`. */
import type { Registry } from '../core/model.js';
import { engineersWorkload, type EngineerLoad } from '../status/workload.js';
import { esc, num } from './escape.js';

const LABEL_W = 170;
const PLOT_W = 300;
const NOTE_X = LABEL_W + PLOT_W + 14;
const W = 800;
const ROW_H = 34;

function flags(e: EngineerLoad, max: number, away: boolean): string[] {
  const out: string[] = [];
  if (e.overloaded) out.push(e.flagged && e.primary <= max ? 'overloaded (said so)' : 'overloaded');
  if (away) out.push('away today');
  if (!e.active) out.push('inactive');
  return out;
}

export function workloadSection(registry: Registry, awayToday: ReadonlySet<string>): string {
  const loads = engineersWorkload(registry);
  const max = registry.config.max_per_engineer;
  if (loads.length === 0) return '<p>No support engineers on the roster.</p>';
  const scale = Math.max(max + 1, ...loads.map((e) => Math.max(e.primary, e.backup)));
  const unit = PLOT_W / scale;
  const height = loads.length * ROW_H + 30;
  const rows = loads.map((e, i) => {
    const y = 6 + i * ROW_H;
    const f = flags(e, max, awayToday.has(e.handle));
    const label = e.name !== e.handle ? `${e.name} (${e.handle})` : e.handle;
    return (
      `<text x="${LABEL_W - 8}" y="${y + 16}" text-anchor="end">${esc(label.length > 26 ? `${label.slice(0, 25)}…` : label)}</text>` +
      (e.primary > 0 ? `<rect class="primary" x="${LABEL_W}" y="${y + 3}" width="${num(e.primary * unit)}" height="14"/>` : '') +
      (e.backup > 0
        ? `<rect class="backup" x="${LABEL_W}" y="${y + 19}" width="${num(e.backup * unit)}" height="9"/><rect x="${LABEL_W}" y="${y + 19}" width="${num(e.backup * unit)}" height="9" fill="url(#p-hatch)"/>`
        : '') +
      `<text x="${NOTE_X}" y="${y + 16}"${f.length > 0 ? '' : ' class="muted"'}>${esc(
        `${e.primary} primary, ${e.backup} backup${
          f.length > 0
            ? ` · ${f
                .map((w) => w.replace(/ \(said so\)$/, ''))
                .join(' · ')
                .toUpperCase()}`
            : ''
        }`,
      )}</text>`
    );
  });
  const ticks: string[] = [];
  for (let k = 0; k <= scale; k++) {
    const x = LABEL_W + k * unit;
    ticks.push(
      `<line class="axis" x1="${num(x)}" y1="2" x2="${num(x)}" y2="${height - 22}"/><text class="muted" x="${num(x)}" y="${height - 8}" text-anchor="middle">${k}</text>`,
    );
  }
  const maxX = LABEL_W + max * unit;
  const overloaded = loads.filter((e) => e.overloaded).map((e) => e.handle);
  const away = loads.filter((e) => awayToday.has(e.handle)).map((e) => e.handle);
  const aria =
    `Workload per support engineer against a maximum of ${max} primary assignments: ` +
    loads.map((e) => `${e.handle} ${e.primary} primary and ${e.backup} backup`).join('; ') +
    (overloaded.length > 0 ? `. Overloaded: ${overloaded.join(', ')}` : '') +
    (away.length > 0 ? `. Away today: ${away.join(', ')}` : '');
  const svg =
    `<svg class="chart" role="img" aria-label="${esc(aria)}" viewBox="0 0 ${W} ${height}">` +
    ticks.join('') +
    rows.join('') +
    `<line class="limit" x1="${num(maxX)}" y1="0" x2="${num(maxX)}" y2="${height - 22}"/>` +
    `<text x="${num(maxX + 4)}" y="12">max ${max}</text>` +
    `</svg>`;
  const table =
    `<table><caption>Active assignments per support engineer (max ${max} primary)</caption><thead><tr><th scope="col">Engineer</th><th scope="col" class="n">Primary</th><th scope="col" class="n">Backup</th><th scope="col">Customers</th><th scope="col">Marked</th></tr></thead><tbody>` +
    loads
      .map((e) => {
        const f = flags(e, max, awayToday.has(e.handle));
        const customers = e.customers.map((c) => `${esc(c.name)}${c.role === 'backup' ? ' (backup)' : ''}`).join(', ') || '—';
        return `<tr><th scope="row">${esc(e.name)} <span class="sub">(${esc(e.handle)})</span></th><td class="n">${e.primary}</td><td class="n">${e.backup}</td><td>${customers}</td><td>${f.length > 0 ? `<span class="flag">${esc(f.join(', '))}</span>` : '—'}</td></tr>`;
      })
      .join('') +
    `</tbody></table>`;
  const legend = `<ul class="legend"><li><span class="swatch post" aria-hidden="true"></span>primary (solid bar)</li><li><span class="swatch striped" aria-hidden="true"></span>backup (hatched bar)</li><li>dashed line: max ${max} primary</li></ul>`;
  return `<figure>${svg}</figure>${legend}${table}`;
}
