/** Findings for programs: `{errors, warnings, findings: [{rule, severity, file, line, column, message}]}`. */
import { countFindings, type Finding } from '../core/findings.js';

export function findingsJson(findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  const list = findings.map(({ rule, severity, file, line, column, message }) => ({ rule, severity, file, line, column, message }));
  return `${JSON.stringify({ errors, warnings, findings: list }, null, 2)}\n`;
}
