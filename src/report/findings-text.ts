/** Findings for people: grouped by file, one line each, and a one-line summary. */
import { count } from '../core/words.js';
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
  const files = scanned ? ` in ${count(scanned.files, 'file')}` : '';
  const summary = `${count(errors, 'error')}, ${count(warnings, 'warning')}${files}`;
  lines.push(errors > 0 ? style.red(`✖ ${summary}`) : warnings > 0 ? style.yellow(`⚠ ${summary}`) : style.green(`✔ ${summary}`));
  return `${lines.join('\n')}\n`;
}
