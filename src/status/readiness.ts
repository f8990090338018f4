/**
 * Transition readiness: are docs, check-ins and environment notes current enough that another
 * engineer could take the customer over quickly? Uses the lint rules for "stale" and "overdue".
 */
import { daysBetween } from '../core/dates.js';
import type { Customer, Registry } from '../core/model.js';
import { peopleByHandle } from '../core/queries.js';
import { checkinOverdue } from '../core/rules/checkin-overdue.js';
import { docsStale } from '../core/rules/docs-stale.js';
import { compareText } from '../core/compare.js';

export interface Readiness {
  ready: boolean;
  /** What stands in the way of a quick hand-over; empty when ready. */
  gaps: string[];
}

export function transitionReadiness(c: Customer, registry: Registry, today: string): Readiness {
  const ctx = { registry: { ...registry, customers: [c] }, today, people: peopleByHandle(registry.people) };
  const gaps: string[] = [];
  if (!c.docs.design_doc) gaps.push('no design doc');
  else if (docsStale.check(ctx).length > 0) gaps.push('design doc stale');
  if (checkinOverdue.check(ctx).length > 0) gaps.push('CE check-in overdue');
  const last = [...c.checkins].sort((a, b) => compareText(a.on, b.on)).at(-1);
  if (!last) gaps.push('no CE check-in yet');
  else if (!last.context) gaps.push('latest check-in has no troubleshooting context');
  if (c.environment) {
    if (!c.environment.note && !c.environment.link) gaps.push('environment emulation undocumented');
    else if (c.environment.updated_on && daysBetween(c.environment.updated_on, today) > registry.config.docs_stale_after_days)
      gaps.push('environment notes stale');
  }
  return { ready: gaps.length === 0, gaps };
}
