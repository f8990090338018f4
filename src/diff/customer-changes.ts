/** The changes to customers between two registries: added, removed, ended, reassigned, check-ins, tellings, fields. Pure. */
import type { Customer, HistoryEntry } from '../core/model.js';
import { isObject } from '../core/normalise.js';
import { blank, pairByKey, type DiffChange, type Value } from './changes.js';

/** Fields told through their own kind of change, not as plain field changes. */
const SPECIAL_FIELDS = new Set(['status', 'engineer', 'backup', 'history', 'checkins']);

export function diffCustomers(a: readonly Customer[], b: readonly Customer[]): DiffChange[] {
  const out: DiffChange[] = [];
  for (const [slug, x, y] of pairByKey(a, b, (c) => c.slug)) {
    if (!x) out.push({ ...blank('added'), slug, name: y!.name, to: y!.status ?? null, engineer: y!.engineer ?? null, backup: y!.backup ?? null });
    else if (!y) out.push({ ...blank('removed'), slug, name: x.name, from: x.status ?? null, engineer: x.engineer ?? null, backup: x.backup ?? null });
    else out.push(...diffCustomer(x, y));
  }
  return out;
}

/** History entries in `after` that `before` did not have. */
function newEntries(before: readonly HistoryEntry[], after: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set(before.map((h) => JSON.stringify(h)));
  return after.filter((h) => !seen.has(JSON.stringify(h)));
}

function diffCustomer(x: Customer, y: Customer): DiffChange[] {
  const out: DiffChange[] = [];
  const base = { slug: y.slug, name: y.name };
  const added = newEntries(x.history, y.history).reverse();
  const endedNow = x.status !== 'ended' && y.status === 'ended';
  if (endedNow) {
    const entry = added.find((h) => h.event === 'ended');
    out.push({
      ...blank('ended'),
      ...base,
      from: x.status ?? null,
      to: 'ended',
      reason: entry?.reason ?? null,
      note: entry?.note ?? null,
      engineer: x.engineer ?? null,
      backup: x.backup ?? null,
    });
  } else if (x.status !== y.status) {
    out.push({ ...blank('status'), ...base, from: x.status ?? null, to: y.status ?? null, engineer: y.engineer ?? null, backup: y.backup ?? null });
  }
  // A status change already names the engineer and backup it starts with.
  const statusSays = (before: string | undefined) => x.status !== y.status && before === undefined;
  if (!endedNow) {
    if (x.engineer !== y.engineer && !statusSays(x.engineer)) {
      const entry = added.find((h) => h.engineer === y.engineer);
      const both = x.engineer !== undefined && y.engineer !== undefined;
      out.push({
        ...blank(both ? 'reassigned' : 'field'),
        ...base,
        field: 'engineer',
        from: x.engineer ?? null,
        to: y.engineer ?? null,
        reason: entry?.reason ?? null,
        note: entry?.note ?? null,
      });
    }
    if (x.backup !== y.backup && !statusSays(x.backup)) {
      const entry = added.find((h) => h.backup === y.backup);
      const both = x.backup !== undefined && y.backup !== undefined;
      out.push({
        ...blank(both ? 'backup' : 'field'),
        ...base,
        field: 'backup',
        from: x.backup ?? null,
        to: y.backup ?? null,
        reason: entry?.reason ?? null,
        note: entry?.note ?? null,
      });
    }
  }
  const seenCheckins = new Set(x.checkins.map((c) => JSON.stringify(c)));
  for (const c of y.checkins) {
    if (!seenCheckins.has(JSON.stringify(c))) out.push({ ...blank('checkin'), ...base, field: 'checkins', to: c.on, handle: c.with || null });
  }
  // A recorded telling of a post-sales customer (`ase told`, `--communicated`: a new date or `told` entry) is its own
  // change; a bare `communicated` flip stays a field change.
  const entry = added.find((h) => h.event === 'told');
  const toldNow = y.segment === 'post-sales' && y.communicated === true && (x.communicated_on !== y.communicated_on || entry !== undefined);
  if (toldNow) {
    out.push({
      ...blank('told'),
      ...base,
      field: 'communicated_on',
      from: x.communicated_on ?? null,
      to: y.communicated_on ?? entry?.on ?? null,
      note: entry?.note ?? null,
      engineer: y.engineer ?? null,
      backup: y.backup ?? null,
    });
  }
  const explained = out.some((c) => c.kind !== 'checkin' && c.kind !== 'told');
  const skip = new Set(SPECIAL_FIELDS);
  if (toldNow) {
    skip.add('communicated');
    skip.add('communicated_on');
  }
  if (explained) {
    skip.add('since');
    if (endedNow) skip.add('ended_on');
  }
  const fx = flatten(x.raw);
  const fy = flatten(y.raw);
  for (const key of [...new Set([...fx.keys(), ...fy.keys()])].sort()) {
    if (skip.has(key.split('.')[0]!)) continue;
    const from = fx.get(key) ?? null;
    const to = fy.get(key) ?? null;
    if (from !== to) out.push({ ...blank('field'), ...base, field: key, from, to });
  }
  if (!explained && !toldNow && JSON.stringify(x.raw.history ?? null) !== JSON.stringify(y.raw.history ?? null)) {
    out.push({ ...blank('field'), ...base, field: 'history', from: entries(x.history.length), to: entries(y.history.length) });
  }
  return out;
}

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/** Scalar leaves by dotted path; `{by, on}` pairs and lists are one leaf each. */
export function flatten(value: unknown, prefix = '', out = new Map<string, Value>()): Map<string, Value> {
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (prefix !== '' && keys.length > 0 && keys.every((k) => k === 'by' || k === 'on')) {
      out.set(prefix, `${String(value.by ?? '?')} on ${String(value.on ?? '?')}`);
      return out;
    }
    for (const k of keys) flatten(value[k], prefix === '' ? k : `${prefix}.${k}`, out);
  } else if (Array.isArray(value)) {
    out.set(prefix, value.map((v) => (isObject(v) || Array.isArray(v) ? JSON.stringify(v) : String(v))).join('; '));
  } else if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.set(prefix, value);
  } else if (value !== undefined) {
    out.set(prefix, String(value));
  }
  return out;
}
