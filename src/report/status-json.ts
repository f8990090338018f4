/** `ase status --json`: `{"cap": {"used", "limit"}, "items": [{"kind", "severity", "slug" or "handle", "message", ...}]}`. */
import type { StatusItem, StatusReport } from '../status/items.js';

function itemJson(i: StatusItem): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: i.kind, severity: i.severity };
  if (i.slug !== undefined) out.slug = i.slug;
  if (i.handle !== undefined) out.handle = i.handle;
  if (i.file !== undefined) out.file = i.file;
  if (i.days !== undefined) out.days = i.days;
  out.message = i.message;
  if (i.rule !== undefined) out.rule = i.rule;
  return out;
}

export function statusJson(report: StatusReport): string {
  return `${JSON.stringify({ cap: report.cap, items: report.items.map(itemJson) }, null, 2)}\n`;
}
