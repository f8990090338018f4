/** The registry diff as GitHub markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`. Pure. */
import { cell, escapeInline, escapeOutsideCode, mdTable } from '../render/markdown.js';
import { changeSubject, describeChange, groupChanges } from './describe.js';
import { capLine } from './report-text.js';
import { isEmptyDiff, type RegistryDiff } from './semantic.js';

export function diffMarkdown(d: RegistryDiff): string {
  const out: string[] = [`### Registry changes: \`${d.base}\` → \`${d.head}\``, ''];
  if (isEmptyDiff(d)) return `${out.join('\n')}No registry changes.\n`;
  out.push(`**Cap:** ${capLine(d, '→')}`, '');
  for (const g of groupChanges(d.changes)) {
    out.push(`#### ${g.title}`, '');
    for (const c of g.changes) out.push(`- **${escapeInline(changeSubject(c))}**: ${escapeInline(describeChange(c, '→'))}`);
    out.push('');
  }
  if (d.load.length > 0) {
    out.push('#### Load per engineer (changed rows)', '');
    out.push(
      mdTable(
        ['Engineer', 'Primary', 'Backup'],
        d.load.map((r) => [cell(`${r.name} (${r.handle})`), `${r.before.primary} → ${r.after.primary}`, `${r.before.backup} → ${r.after.backup}`]),
      ),
      '',
    );
  }
  const list = (title: string, fs: RegistryDiff['findings']['introduced'], icon: (sev: string) => string) => {
    if (fs.length === 0) return;
    out.push(`#### ${title} (${fs.length})`, '');
    for (const f of fs) out.push(`- ${icon(f.severity)} ${f.severity} \`${f.rule}\` \`${f.file}:${f.line}\`: ${escapeOutsideCode(f.message)}`);
    out.push('');
  };
  list('Findings introduced', d.findings.introduced, (s) => (s === 'error' ? '❌' : '⚠️'));
  list('Findings fixed', d.findings.fixed, () => '✅');
  if (d.findings.introduced.length === 0 && d.findings.fixed.length === 0) out.push('No findings introduced or fixed.', '');
  return `${out.join('\n').trimEnd()}\n`;
}
