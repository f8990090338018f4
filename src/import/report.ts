/** What `ase import` tells people: rows it could not map, cells it left out, facts to fill in. Pure. */
import { count } from '../core/words.js';
import type { ImportPlan } from './plan.js';

export function importReport(plan: ImportPlan, page: string): string {
  const out: string[] = [];
  const byStatus = new Map<string, number>();
  for (const c of plan.customers) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  const counts = [...byStatus].map(([s, n]) => `${n} ${s}`).join(', ');
  out.push(
    `Read ${count(plan.tables, 'table')} from ${page}: ${count(plan.customers.length, 'customer')} to import${counts ? ` (${counts})` : ''}, ${count(plan.skipped.length, 'row')} not imported.`,
  );
  if (plan.skipped.length > 0) {
    out.push('', 'Rows not imported:');
    for (const s of plan.skipped) out.push(`  ${page}:${s.line}: ${s.name ? `${s.name}: ` : ''}${s.reason}`);
  }
  const noted = plan.customers.filter((c) => c.notes.length > 0);
  if (noted.length > 0) {
    out.push('', 'Cells left out:');
    for (const c of noted) for (const n of c.notes) out.push(`  ${page}:${c.line}: ${c.slug}: ${n}`);
  }
  const missing = plan.customers.filter((c) => c.missing.length > 0);
  if (missing.length > 0) {
    out.push('', 'To fill in (the page does not say; `ase lint` and `ase status` show what the rules need):');
    for (const c of missing) out.push(`  ${c.slug}: ${c.missing.join(', ')}`);
  }
  if (plan.ignoredColumns.length > 0) out.push('', `Columns ignored: ${plan.ignoredColumns.join(', ')}`);
  return `${out.join('\n')}\n`;
}

/** Commit body lines: one per imported customer, then the rows left behind. */
export function importCommitBody(plan: ImportPlan, page: string): string[] {
  const lines = plan.customers.map(
    (c) => `- ${c.slug}: ${c.name} (${c.data.segment}, ${c.status}${c.data.engineer ? `, engineer ${String(c.data.engineer)}` : ''}) from line ${c.line}`,
  );
  if (plan.skipped.length > 0)
    lines.push('', `Not imported from ${page}:`, ...plan.skipped.map((s) => `- line ${s.line}: ${s.name ? `${s.name}: ` : ''}${s.reason}`));
  return lines;
}
