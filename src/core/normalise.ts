/**
 * Turns parsed YAML data into the typed model, leniently: a field of the wrong type becomes
 * undefined (the schema check reports it), so rules can still count every customer.
 */
import {
  APPROVERS,
  DEFAULT_CONFIG,
  HISTORY_EVENTS,
  ROLES,
  SEGMENTS,
  STATUSES,
  TERMS,
  type Checkin,
  type Config,
  type Customer,
  type Dated,
  type HistoryEntry,
  type Person,
  type Request,
  type Role,
  type TimeOff,
} from './model.js';
import { isDate } from './dates.js';

type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A real YYYY-MM-DD date, or undefined: rules count days only from dates that exist (the schema reports the rest). */
function date(value: unknown): string | undefined {
  return isDate(value) ? value : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function int(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}

export function normaliseConfig(data: unknown): Config {
  const o = isObject(data) ? data : {};
  return {
    cap: int(o.cap, DEFAULT_CONFIG.cap),
    max_per_engineer: int(o.max_per_engineer, DEFAULT_CONFIG.max_per_engineer),
    checkin_every_days: int(o.checkin_every_days, DEFAULT_CONFIG.checkin_every_days),
    checkin_grace_days: int(o.checkin_grace_days, DEFAULT_CONFIG.checkin_grace_days),
    docs_stale_after_days: int(o.docs_stale_after_days, DEFAULT_CONFIG.docs_stale_after_days),
    ends_soon_days: int(o.ends_soon_days, DEFAULT_CONFIG.ends_soon_days),
    require_approvals: typeof o.require_approvals === 'boolean' ? o.require_approvals : DEFAULT_CONFIG.require_approvals,
    require_verified_approvals: typeof o.require_verified_approvals === 'boolean' ? o.require_verified_approvals : DEFAULT_CONFIG.require_verified_approvals,
    rotation_hint_days: int(o.rotation_hint_days, DEFAULT_CONFIG.rotation_hint_days),
    communicate_within_days: int(o.communicate_within_days, DEFAULT_CONFIG.communicate_within_days),
    max_away_at_once: int(o.max_away_at_once, DEFAULT_CONFIG.max_away_at_once),
  };
}

/** People as listed; entries without a string handle are skipped (the schema reports them). */
export function normalisePeople(data: unknown): Person[] {
  const list = isObject(data) && Array.isArray(data.people) ? data.people : [];
  const people: Person[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item.handle !== 'string') continue;
    const roles = Array.isArray(item.roles) ? item.roles.filter((r): r is Role => oneOf(ROLES, r) !== undefined) : [];
    people.push({
      handle: item.handle,
      name: str(item.name) ?? item.handle,
      roles,
      email: str(item.email),
      github: str(item.github),
      timezone: str(item.timezone),
      working_hours: str(item.working_hours),
      working_days: Array.isArray(item.working_days) ? item.working_days.filter((d): d is string => typeof d === 'string') : undefined,
      active: item.active !== false,
      overloaded: item.overloaded === true,
    });
  }
  return people;
}

function dated(value: unknown): Dated | undefined {
  if (!isObject(value)) return undefined;
  const by = str(value.by);
  const on = str(value.on);
  return by !== undefined && on !== undefined ? { by, on } : undefined;
}

function request(value: unknown): Request | undefined {
  const d = dated(value);
  if (!d || !isObject(value)) return undefined;
  return { ...d, reason: str(value.reason) };
}

function checkins(value: unknown): Checkin[] {
  if (!Array.isArray(value)) return [];
  const out: Checkin[] = [];
  for (const c of value) {
    if (!isObject(c) || !isDate(c.on)) continue;
    out.push({
      on: c.on,
      with: str(c.with) ?? '',
      going_well: str(c.going_well),
      frustrations: str(c.frustrations),
      goals: str(c.goals),
      context: str(c.context),
    });
  }
  return out;
}

function history(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  const out: HistoryEntry[] = [];
  for (const h of value) {
    if (!isObject(h) || typeof h.on !== 'string') continue;
    const event = oneOf(HISTORY_EVENTS, h.event);
    if (!event) continue;
    out.push({ on: h.on, event, engineer: str(h.engineer), backup: str(h.backup), reason: str(h.reason), note: str(h.note) });
  }
  return out;
}

export function normaliseCustomer(slug: string, file: string, data: unknown): Customer {
  const o = isObject(data) ? data : {};
  const approvals: Customer['approvals'] = {};
  if (isObject(o.approvals)) {
    for (const a of APPROVERS) {
      const v = o.approvals[a];
      const d = dated(v);
      const evidence = isObject(v) ? str(v.evidence) : undefined;
      if (d) approvals[a] = evidence !== undefined ? { ...d, evidence } : d;
    }
  }
  const docs = isObject(o.docs) ? o.docs : {};
  const env = isObject(o.environment) ? o.environment : undefined;
  return {
    slug,
    file,
    name: str(o.name) ?? slug,
    named: typeof o.name === 'string',
    segment: oneOf(SEGMENTS, o.segment),
    term: oneOf(TERMS, o.term),
    ends_on: date(o.ends_on),
    status: oneOf(STATUSES, o.status),
    engineer: str(o.engineer),
    backup: str(o.backup),
    communicated: typeof o.communicated === 'boolean' ? o.communicated : undefined,
    communicated_on: date(o.communicated_on),
    ce: str(o.ce),
    since: date(o.since),
    ended_on: date(o.ended_on),
    request: request(o.request),
    approvals,
    rejection: request(o.rejection),
    docs: {
      design_doc: str(docs.design_doc),
      updated_on: date(docs.updated_on),
      salesforce_synced_on: date(docs.salesforce_synced_on),
    },
    environment: env ? { note: str(env.note), link: str(env.link), updated_on: date(env.updated_on) } : undefined,
    checkins: checkins(o.checkins),
    history: history(o.history),
    raw: o,
  };
}

/** Entries of time-off.yaml; entries without a string handle or real dates are skipped (the schema reports them). */
export function normaliseTimeOff(data: unknown): TimeOff[] {
  const list = isObject(data) && Array.isArray(data.time_off) ? data.time_off : [];
  const out: TimeOff[] = [];
  list.forEach((item, index) => {
    if (!isObject(item) || typeof item.handle !== 'string') return;
    const from = date(item.from);
    const to = date(item.to);
    if (from === undefined || to === undefined) return;
    const cover: Record<string, string> = {};
    if (isObject(item.cover)) for (const [slug, h] of Object.entries(item.cover)) if (typeof h === 'string') cover[slug] = h;
    out.push({ handle: item.handle, from, to, note: str(item.note), cover, index });
  });
  return out;
}
