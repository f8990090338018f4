/** What `ase status` lists: attention items as data, and the order of urgency they are shown in. */
import { compareText } from '../core/compare.js';
import type { RuleStatusKind } from '../core/rules/index.js';

export type ItemSeverity = 'error' | 'warning' | 'info';

/**
 * The order kinds of attention item are listed in within one severity. Kinds of status's own
 * (cap, ending-soon, ...) and the kinds rules declare (`status` in their file) are ordered here;
 * a rule's kind missing from this list is listed after all of these.
 */
export const ITEM_KINDS = [
  'cap',
  'lint',
  'expired',
  'ending-soon',
  'time-off-conflict',
  'coverage-gap',
  'team-thin',
  'checkin-overdue',
  'not-communicated',
  'docs-stale',
  'salesforce-stale',
  'approvals-missing',
  'pending-request',
  'overloaded',
  'rotation',
  'away',
] as const;

export type ItemKind = (typeof ITEM_KINDS)[number] | RuleStatusKind;

export interface StatusItem {
  kind: ItemKind;
  severity: ItemSeverity;
  /** The customer concerned. */
  slug?: string;
  /** The person concerned (overloaded). */
  handle?: string;
  message: string;
  /** Days overdue, past, left, old or waiting, where the kind counts days. */
  days?: number;
  /** The lint rule behind the item, for items that come from a rule. */
  rule?: string;
  /** The file a lint item is about, when it names no customer or person. */
  file?: string;
}

export interface StatusReport {
  cap: { used: number; limit: number };
  items: StatusItem[];
}

const SEVERITY_ORDER: Record<ItemSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * How urgent the day count makes an item, larger first: most overdue, oldest, longest waiting;
 * for ending-soon the fewest days left.
 */
function urgency(item: StatusItem): number {
  if (item.days === undefined) return Number.POSITIVE_INFINITY;
  return item.kind === 'ending-soon' || item.kind === 'coverage-gap' ? -item.days : item.days;
}

/** Errors, then warnings, then info; then by kind; then the more urgent day count; then by name. */
export function compareItems(a: StatusItem, b: StatusItem): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    kindRank(a.kind) - kindRank(b.kind) ||
    compareUrgency(a, b) ||
    compareText(subject(a), subject(b)) ||
    compareText(a.message, b.message)
  );
}

const KIND_RANK: ReadonlyMap<string, number> = new Map(ITEM_KINDS.map((k, i) => [k, i]));

function kindRank(kind: ItemKind): number {
  return KIND_RANK.get(kind) ?? ITEM_KINDS.length;
}

function compareUrgency(a: StatusItem, b: StatusItem): number {
  const ua = urgency(a);
  const ub = urgency(b);
  return ua === ub ? 0 : ua > ub ? -1 : 1;
}

/** The slug, handle or file an item is about. */
export function subject(item: StatusItem): string {
  return item.slug ?? item.handle ?? item.file ?? '';
}
