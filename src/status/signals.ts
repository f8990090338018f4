/** Attention items that only `ase status` raises: no lint rule covers them, so they are hints. */
import { daysBetween } from '../core/dates.js';
import { APPROVER_ROLE, APPROVERS, type Approver, type DetailedRegistry, type Registry } from '../core/model.js';
import { activeCustomers } from '../core/queries.js';
import type { StatusItem } from './items.js';
import { count } from '../core/words.js';

const APPROVER_NAME: Record<Approver, string> = { cs: 'CS', ce: 'CE', sales: 'Sales' };

function approvers(registry: Registry, a: Approver): string[] {
  return registry.people.filter((p) => p.active && p.roles.includes(APPROVER_ROLE[a])).map((p) => p.handle);
}

/** The one person who can give approval `a`, else a placeholder. */
function approverHandle(registry: Registry, a: Approver): string {
  const handles = approvers(registry, a);
  return handles.length === 1 ? handles[0]! : '<handle>';
}

/** "CE leadership (leo)": the role and the active people who hold it. */
function approverWho(registry: Registry, a: Approver): string {
  const handles = approvers(registry, a);
  return `${APPROVER_NAME[a]} leadership${handles.length > 0 ? ` (${handles.join(', ')})` : ''}`;
}

/** "a", "a and b", "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Cap usage: an error when the cap-exceeded rule fired, a warning at the cap or one below it. */
export function capItem(registry: Registry, capExceeded: boolean): StatusItem | undefined {
  const used = activeCustomers(registry).length;
  const { cap } = registry.config;
  const where = `${registry.files.config}: cap`;
  if (capExceeded || used > cap) {
    return {
      kind: 'cap',
      severity: 'error',
      message: `${count(used, 'active assignment')}, ${used - cap} over the cap of ${cap} (${where}): end or transition one, or raise the cap with leadership's agreement`,
    };
  }
  if (used >= cap - 1) {
    const free = cap - used;
    return {
      kind: 'cap',
      severity: 'warning',
      message: `${used} of ${count(cap, 'active assignment')} used, ${free === 0 ? 'none' : free} free (${where}): a new assignment needs an end or a hand-back first`,
    };
  }
  return undefined;
}

/** Temporary assignments ending within `ends_soon_days` (today included). */
export function endingSoon(registry: Registry, today: string): StatusItem[] {
  const within = registry.config.ends_soon_days;
  return activeCustomers(registry).flatMap((c): StatusItem[] => {
    if (c.term !== 'temporary' || !c.ends_on || c.ends_on < today) return [];
    const left = daysBetween(today, c.ends_on);
    if (left > within) return [];
    const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
    return [
      {
        kind: 'ending-soon',
        severity: 'info',
        slug: c.slug,
        days: left,
        message: `temporary assignment ends ${when} (${c.ends_on}): extend \`ends_on\` or plan \`ase end ${c.slug}\``,
      },
    ];
  });
}

/** Active customers whose CE has not synced Salesforce since the last design-doc update. */
export function salesforceStale(registry: DetailedRegistry, today: string): StatusItem[] {
  return activeCustomers(registry).flatMap((c): StatusItem[] => {
    const { design_doc, updated_on, salesforce_synced_on: synced } = c.docs;
    if (!design_doc) return [];
    const fix = `ask the CE (${c.ce ?? 'unknown'}) to update Salesforce, then \`ase docs ${c.slug} --salesforce-synced\``;
    if (!synced) return [{ kind: 'salesforce-stale', severity: 'info', slug: c.slug, message: `Salesforce never synced with the design doc: ${fix}` }];
    if (updated_on && synced < updated_on) {
      return [
        {
          kind: 'salesforce-stale',
          severity: 'info',
          slug: c.slug,
          days: daysBetween(updated_on, today),
          message: `Salesforce last synced ${synced}, before the design doc update of ${updated_on}: ${fix}`,
        },
      ];
    }
    return [];
  });
}

/** Requests still open, and whom each is waiting on. */
export function pendingRequests(registry: DetailedRegistry, today: string): StatusItem[] {
  return registry.customers
    .filter((c) => c.status === 'requested')
    .map((c): StatusItem => {
      const missing = APPROVERS.filter((a) => !c.approvals[a]);
      const since = c.request?.on;
      const days = since ? daysBetween(since, today) : undefined;
      const asked = since ? `requested ${since}${days !== undefined && days > 0 ? ` (${count(days, 'day')} ago)` : ''}` : 'requested';
      const message =
        missing.length > 0
          ? `${asked}, waiting on ${listWords(missing.map((a) => approverWho(registry, a)))}: \`ase approve ${c.slug} --as ${missing[0]} --by ${approverHandle(registry, missing[0]!)}\``
          : `${asked}, approved by all three, waiting for an engineer: \`ase assign ${c.slug} --engineer <handle>\``;
      return { kind: 'pending-request', severity: 'info', slug: c.slug, ...(days !== undefined ? { days } : {}), message };
    });
}

/** Engineers on one customer longer than `rotation_hint_days`: a hint to consider a rotation. */
export function rotationHints(registry: Registry, today: string): StatusItem[] {
  const limit = registry.config.rotation_hint_days;
  return activeCustomers(registry).flatMap((c): StatusItem[] => {
    if (!c.since || !c.engineer) return [];
    const days = daysBetween(c.since, today);
    if (days <= limit) return [];
    return [
      {
        kind: 'rotation',
        severity: 'info',
        slug: c.slug,
        days,
        message: `${c.engineer} has been the engineer since ${c.since} (${count(days, 'day')}): consider a rotation with \`ase transition ${c.slug} --to <handle> --reason exposure\``,
      },
    ];
  });
}
