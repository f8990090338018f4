/**
 * Attention items taken from lint findings, so that `ase status` and `ase lint` always agree:
 * status never re-decides what is overdue, stale, expired, overloaded or missing approvals.
 */
import { daysBetween } from '../core/dates.js';
import type { PendingFinding } from '../core/findings.js';
import type { Customer, DetailedRegistry } from '../core/model.js';
import { lastCheckin } from '../core/queries.js';
import { RULES } from '../core/rules/index.js';
import { daysUntold } from '../core/rules/not-communicated.js';
import type { ItemKind, StatusItem } from './items.js';
import { daysToGap } from './time-off.js';

/** The parts of a finding status needs: both positioned findings and pending ones fit. */
export type FindingLike = Pick<PendingFinding, 'rule' | 'severity' | 'file' | 'message' | 'subject'>;

/** The item kind of each rule that has one (its `status` in the rule's file); others are `lint`. */
const KIND_OF_RULE: ReadonlyMap<string, ItemKind> = new Map(RULES.flatMap((r): [string, ItemKind][] => (r.status ? [[r.code, r.status.kind]] : [])));

/** Rules whose findings status shows another way (cap-exceeded becomes the one cap item). */
const FOLDED_RULES = new Set(['cap-exceeded']);

/** Days a finding's kind counts, read from the same data the rule read. */
function daysFor(kind: ItemKind, c: Customer | undefined, registry: DetailedRegistry, today: string): number | undefined {
  if (!c) return undefined;
  switch (kind) {
    case 'expired':
      return c.ends_on ? daysBetween(c.ends_on, today) : undefined;
    case 'checkin-overdue': {
      const from = lastCheckin(c) ?? c.since;
      return from ? daysBetween(from, today) - registry.config.checkin_every_days : undefined;
    }
    case 'not-communicated':
      return daysUntold(c, registry.config.communicate_within_days, today);
    case 'docs-stale':
      return c.docs.design_doc && c.docs.updated_on ? daysBetween(c.docs.updated_on, today) : undefined;
    default:
      return undefined;
  }
}

/** The slug of a customer file path (`registry/customers/acme.yaml` -> `acme`), else undefined. */
function customerSlugOf(file: string, customersDir: string): string | undefined {
  const prefix = `${customersDir}/`;
  if (!file.startsWith(prefix) || !file.endsWith('.yaml')) return undefined;
  const name = file.slice(prefix.length, -'.yaml'.length);
  return name.includes('/') || name === '' ? undefined : name;
}

/** One item per finding; findings of unlisted rules become `lint` items with their own severity. */
export function itemsFromFindings(findings: readonly FindingLike[], registry: DetailedRegistry, today: string): StatusItem[] {
  const bySlug = new Map(registry.customers.map((c) => [c.slug, c]));
  const items: StatusItem[] = [];
  for (const f of findings) {
    if (FOLDED_RULES.has(f.rule)) continue;
    const kind = KIND_OF_RULE.get(f.rule) ?? 'lint';
    const item: StatusItem = { kind, severity: f.severity, message: f.message, rule: f.rule };
    if (f.subject?.slug !== undefined) item.slug = f.subject.slug;
    else if (f.subject?.handle !== undefined) item.handle = f.subject.handle;
    else {
      item.file = f.file;
      const slug = customerSlugOf(f.file, registry.files.customersDir);
      if (slug !== undefined) item.slug = slug;
    }
    const days =
      kind === 'coverage-gap' && item.handle !== undefined
        ? daysToGap(registry, item.handle, today)
        : daysFor(kind, item.slug !== undefined ? bySlug.get(item.slug) : undefined, registry, today);
    if (days !== undefined) item.days = days;
    // SPEC: status shows the gaps of the next `ends_soon_days`; lint keeps warning of later ones.
    if (kind === 'coverage-gap' && days !== undefined && days > registry.config.ends_soon_days) continue;
    items.push(item);
  }
  return items;
}
