/** Findings as GitHub Actions workflow commands, so they show as annotations on the pull request. */
import { count } from '../core/words.js';
import { countFindings, type Finding } from '../core/findings.js';

/** Escapes the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `command` names who speaks in the summary line (`ase lint`, `ase verify`). */
export function findingsGithub(findings: readonly Finding[], command = 'ase lint'): string {
  const lines = findings.map((f) => {
    const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`ase ${f.rule}`)}`];
    return `::${f.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(f.message)}`;
  });
  const { errors, warnings } = countFindings(findings);
  lines.push(`${command}: ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
}
