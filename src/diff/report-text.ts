/** The registry diff for a terminal. Pure. */
import type { Style } from '../report/style.js';
import { changeSubject, describeChange, groupChanges } from './describe.js';
import { isEmptyDiff, type CapUse, type RegistryDiff } from './semantic.js';

function cap(c: CapUse): string {
  return `${c.used} of ${c.limit}`;
}

/** Cap usage in words: before and after, or unchanged. */
export function capLine(d: RegistryDiff, arrow: string): string {
  const { before, after } = d.cap;
  const same = before.used === after.used && before.limit === after.limit;
  return same ? `${cap(after)} active (unchanged)` : `${cap(before)} ${arrow} ${cap(after)} active${after.used > after.limit ? ' (over the cap)' : ''}`;
}

export function diffText(d: RegistryDiff, style: Style): string {
  const out: string[] = [style.bold(`Registry changes: ${d.base} -> ${d.head}`), ''];
  if (isEmptyDiff(d)) return `${out.join('\n')}No registry changes.\n`;
  for (const g of groupChanges(d.changes)) {
    out.push(style.bold(g.title));
    for (const c of g.changes) out.push(`  ${style.cyan(changeSubject(c))}: ${describeChange(c)}`);
    out.push('');
  }
  const over = d.cap.after.used > d.cap.after.limit;
  out.push(`${style.bold('Cap:')} ${over ? style.red(capLine(d, '->')) : capLine(d, '->')}`, '');
  if (d.load.length > 0) {
    out.push(style.bold('Load per engineer (primary/backup, changed only)'));
    const width = Math.max(...d.load.map((r) => r.handle.length));
    for (const r of d.load)
      out.push(`  ${r.handle.padEnd(width)}  ${r.before.primary}/${r.before.backup} -> ${r.after.primary}/${r.after.backup}  ${style.dim(r.name)}`);
    out.push('');
  }
  const list = (title: string, fs: RegistryDiff['findings']['introduced'], mark: (s: string) => string) => {
    if (fs.length === 0) return;
    out.push(style.bold(`${title} (${fs.length})`));
    for (const f of fs) out.push(`  ${mark(f.severity.padEnd(7))}  ${f.file}:${f.line}:${f.column}  ${f.message}  ${style.dim(f.rule)}`);
    out.push('');
  };
  list('Findings introduced', d.findings.introduced, (s) => (s.trim() === 'error' ? style.red(s) : style.yellow(s)));
  list('Findings fixed', d.findings.fixed, style.green);
  if (d.findings.introduced.length === 0 && d.findings.fixed.length === 0) out.push('No findings introduced or fixed.', '');
  return `${out.join('\n').trimEnd()}\n`;
}
