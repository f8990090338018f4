/** `ase engineers` for people: one block per engineer with a load bar against max_per_engineer. */
import { count } from '../core/words.js';
import type { EngineerLoad } from '../status/workload.js';
import type { Style } from './style.js';
import { truncate, wrap } from './text-wrap.js';

const WIDTH = 80;

/** `██░ 2/3`: one block per primary assignment against the maximum, `+` beyond it. */
export function loadBar(primary: number, max: number): string {
  const filled = Math.min(primary, max);
  const over = primary > max ? '+' : '';
  return `${'█'.repeat(filled)}${'░'.repeat(Math.max(0, max - filled))}${over} ${primary}/${max}`;
}

export function engineersText(loads: readonly EngineerLoad[], max: number, style: Style): string {
  if (loads.length === 0) return 'No active support engineers in people.yaml.\n';
  const handleWidth = Math.max(...loads.map((e) => e.handle.length));
  const nameWidth = Math.min(24, Math.max(...loads.map((e) => e.name.length)));
  const barWidth = Math.max(...loads.map((e) => loadBar(e.primary, max).length));
  const lines: string[] = [];
  for (const e of loads) {
    const bar = loadBar(e.primary, max);
    const paintBar = e.primary > max ? style.red : e.primary === max ? style.yellow : style.green;
    const flags = [e.flagged ? 'overloaded (said so)' : e.overloaded ? 'overloaded' : '', e.active ? '' : 'inactive'].filter(Boolean);
    if (e.away) flags.push(`away until ${e.away.to}`);
    const head = `${style.bold(e.handle.padEnd(handleWidth))}  ${truncate(e.name, nameWidth).padEnd(nameWidth)}  ${paintBar(bar.padEnd(barWidth))} primary · ${count(e.backup, 'backup')}`;
    lines.push(flags.length > 0 ? `${head}  ${style.red(flags.join(', '))}` : head);
    const names = (role: 'primary' | 'backup') => e.customers.filter((c) => c.role === role).map((c) => c.name);
    for (const role of ['primary', 'backup'] as const) {
      const list = names(role);
      if (list.length === 0) continue;
      const [first = '', ...rest] = wrap(list.join(', '), WIDTH - 11);
      lines.push(`  ${style.dim(role.padEnd(7))}  ${first}`, ...rest.map((l) => `           ${l}`));
    }
    if (e.customers.length === 0) lines.push(`  ${style.dim('no active assignments')}`);
  }
  const overloaded = loads.filter((e) => e.overloaded).length;
  lines.push('');
  lines.push(`${count(loads.length, 'engineer')} · max ${max} primary each${overloaded > 0 ? ` · ${style.yellow(`${overloaded} overloaded`)}` : ''}`);
  return `${lines.join('\n')}\n`;
}
