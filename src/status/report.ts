/** `ase status` as data: every attention item of a registry on a day, most urgent first. Pure. */
import { checkRegistry } from '../core/check.js';
import type { DetailedRegistry } from '../core/model.js';
import { activeCustomers } from '../core/queries.js';
import { itemsFromFindings, type FindingLike } from './from-findings.js';
import { compareItems, type StatusReport } from './items.js';
import { awayToday } from './time-off.js';
import { capItem, endingSoon, pendingRequests, rotationHints, salesforceStale } from './signals.js';

/**
 * The attention list. `findings` are the lint findings of the same registry and day (the caller
 * passes what `ase lint` would report, file-level ones included); by default the model rules run here.
 */
export function statusReport(registry: DetailedRegistry, today: string, findings: readonly FindingLike[] = checkRegistry(registry, today)): StatusReport {
  const cap = capItem(
    registry,
    findings.some((f) => f.rule === 'cap-exceeded'),
  );
  const items = [
    ...(cap ? [cap] : []),
    ...itemsFromFindings(findings, registry, today),
    ...awayToday(registry, today),
    ...endingSoon(registry, today),
    ...salesforceStale(registry, today),
    ...pendingRequests(registry, today),
    ...rotationHints(registry, today),
  ].sort(compareItems);
  return { cap: { used: activeCustomers(registry).length, limit: registry.config.cap }, items };
}

/** Whether `--strict` fails: anything of severity warning or error. */
export function needsAction(report: StatusReport): boolean {
  return report.items.some((i) => i.severity !== 'info');
}
