/** Findings for people: grouped by file, one line each, and a one-line summary. */
import { countFindings, type Finding } from '../core/findings.js';
import type { Style } from './style.js';

export function findingsText(findings: readonly Finding[], style: Style, scanned?: { files: number }): string {
  const { errors, warnings } = countFindings(findings);
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    if (f.file !== current) {
      if (current !== undefined) lines.push('');
      current = f.file;
      lines.push(style.bold(f.file));
    }
    const sev = f.severity === 'error' ? style.red('error  ') : style.yellow('warning');
    lines.push(`  ${style.dim(`${f.line}:${f.column}`.padEnd(7))} ${sev}  ${f.message}  ${style.dim(f.rule)}`);
  }
  if (lines.length > 0) lines.push('');
  const files = scanned ? ` in ${scanned.files} file${scanned.files === 1 ? '' : 's'}` : '';
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${files}`;
  lines.push(errors > 0 ? style.red(`✖ ${summary}`) : warnings > 0 ? style.yellow(`⚠ ${summary}`) : style.green(`✔ ${summary}`));
  return `${lines.join('\n')}\n`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
