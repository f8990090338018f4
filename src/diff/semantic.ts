/**
 * The semantic diff of two registries: what changed for people reviewing a pull request
 * (customers added, ended, reassigned, fields changed), cap and load before and after, and the
 * findings the change introduces or fixes. Pure: both sides arrive loaded and evaluated.
 */
import type { Finding } from '../core/findings.js';
import { timeOffOf } from '../core/coverage.js';
import type { Customer, DetailedRegistry, HistoryEntry, Person, Registry, TimeOff } from '../core/model.js';
import { isObject } from '../core/normalise.js';
import { activeCustomers, loadByEngineer } from '../core/queries.js';

export type ChangeKind = 'added' | 'removed' | 'ended' | 'status' | 'reassigned' | 'backup' | 'checkin' | 'told' | 'field' | 'config' | 'person' | 'time-off';

export type Value = string | number | boolean | null;

/** One change; every change has every key, `null` where it does not apply. */
export interface DiffChange {
  kind: ChangeKind;
  /** The customer concerned (null for config and person changes). */
  slug: string | null;
  name: string | null;
  /** The person a `person` change is about, or the CE met in a `checkin`. */
  handle: string | null;
  /** Dotted path of the field for `field`, `config` and `person` changes. */
  field: string | null;
  from: Value;
  to: Value;
  reason: string | null;
  note: string | null;
  /** Engineer and backup on the side that matters: after for added/status, before for removed/ended. */
  engineer: string | null;
  backup: string | null;
}

export interface CapUse {
  used: number;
  limit: number;
}

export interface LoadRow {
  handle: string;
  name: string;
  before: { primary: number; backup: number };
  after: { primary: number; backup: number };
}

/** A finding as the diff reports it: the lint JSON fields. */
export type DiffFinding = Pick<Finding, 'rule' | 'severity' | 'file' | 'line' | 'column' | 'message'>;

export interface RegistryDiff {
  base: string;
  head: string;
  changes: DiffChange[];
  cap: { before: CapUse; after: CapUse };
  load: LoadRow[];
  findings: { introduced: DiffFinding[]; fixed: DiffFinding[] };
}

export interface DiffSide {
  label: string;
  registry: DetailedRegistry;
  findings: readonly Finding[];
}

const blank = (kind: ChangeKind): DiffChange => ({
  kind,
  slug: null,
  name: null,
  handle: null,
  field: null,
  from: null,
  to: null,
  reason: null,
  note: null,
  engineer: null,
  backup: null,
});

/** Fields told through their own kind of change, not as plain field changes. */
const SPECIAL_FIELDS = new Set(['status', 'engineer', 'backup', 'history', 'checkins']);

export function diffRegistries(base: DiffSide, head: DiffSide): RegistryDiff {
  const changes: DiffChange[] = [
    ...diffConfig(base.registry, head.registry),
    ...diffPeople(base.registry.people, head.registry.people),
    ...diffCustomers(base.registry.customers, head.registry.customers),
    ...diffTimeOff(base.registry, head.registry),
  ];
  return {
    base: base.label,
    head: head.label,
    changes,
    cap: { before: capUse(base.registry), after: capUse(head.registry) },
    load: diffLoad(base.registry, head.registry),
    findings: diffFindings(base.findings, head.findings),
  };
}

/** True when nothing a reviewer would care about changed. */
export function isEmptyDiff(d: RegistryDiff): boolean {
  return (
    d.changes.length === 0 &&
    d.load.length === 0 &&
    d.findings.introduced.length === 0 &&
    d.findings.fixed.length === 0 &&
    d.cap.before.used === d.cap.after.used &&
    d.cap.before.limit === d.cap.after.limit
  );
}

function capUse(r: Registry): CapUse {
  return { used: activeCustomers(r).length, limit: r.config.cap };
}

function diffConfig(a: Registry, b: Registry): DiffChange[] {
  const out: DiffChange[] = [];
  for (const key of Object.keys(b.config).sort() as (keyof Registry['config'])[]) {
    if (a.config[key] !== b.config[key]) out.push({ ...blank('config'), field: key, from: a.config[key], to: b.config[key] });
  }
  return out;
}

/** Items of both sides paired by key, in key order: [key, before or undefined, after or undefined]. */
function pairByKey<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): [string, T | undefined, T | undefined][] {
  const before = new Map(a.map((x) => [key(x), x]));
  const after = new Map(b.map((x) => [key(x), x]));
  return [...new Set([...before.keys(), ...after.keys()])].sort().map((k) => [k, before.get(k), after.get(k)]);
}

function diffPeople(a: readonly Person[], b: readonly Person[]): DiffChange[] {
  const out: DiffChange[] = [];
  for (const [handle, x, y] of pairByKey(a, b, (p) => p.handle)) {
    const person = (field: string, from: Value, to: Value) => out.push({ ...blank('person'), handle, name: (y ?? x)!.name, field, from, to });
    if (!x) person('added', null, y!.roles.join(', '));
    else if (!y) person('removed', x.roles.join(', '), null);
    else {
      if (x.name !== y.name) person('name', x.name, y.name);
      if (x.roles.join(',') !== y.roles.join(',')) person('roles', x.roles.join(', '), y.roles.join(', '));
      if ((x.email ?? null) !== (y.email ?? null)) person('email', x.email ?? null, y.email ?? null);
      if ((x.timezone ?? null) !== (y.timezone ?? null)) person('timezone', x.timezone ?? null, y.timezone ?? null);
      if ((x.working_hours ?? null) !== (y.working_hours ?? null)) person('working_hours', x.working_hours ?? null, y.working_hours ?? null);
      const days = (p: Person) => p.working_days?.join(', ') ?? null;
      if (days(x) !== days(y)) person('working_days', days(x), days(y));
      if (x.active !== y.active) person('active', x.active, y.active);
      if (x.overloaded !== y.overloaded) person('overloaded', x.overloaded, y.overloaded);
    }
  }
  return out;
}

/**
 * Time-off entries paired by handle and first day: `field` is `added` or `removed` (from/to the
 * span `from..to`, `note` the entry's note), else `<first day> to|note|cover.<slug>`.
 */
function diffTimeOff(a: Registry, b: Registry): DiffChange[] {
  const out: DiffChange[] = [];
  const names = new Map([...a.people, ...b.people].map((p) => [p.handle, p.name]));
  const span = (e: TimeOff) =>
    `${e.from}..${e.to}${
      Object.keys(e.cover).length > 0
        ? `, cover ${Object.entries(e.cover)
            .map(([s, h]) => `${s}=${h}`)
            .join(', ')}`
        : ''
    }`;
  for (const [, x, y] of pairByKey(timeOffOf(a), timeOffOf(b), (e) => `${e.handle}\u0000${e.from}`)) {
    const e = (y ?? x)!;
    const change = (field: string, from: Value, to: Value, note: string | null = null) =>
      out.push({ ...blank('time-off'), handle: e.handle, name: names.get(e.handle) ?? e.handle, field, from, to, note });
    if (!x) change('added', null, span(y!), y!.note ?? null);
    else if (!y) change('removed', span(x), null, x.note ?? null);
    else {
      if (x.to !== y.to) change(`${e.from} to`, x.to, y.to);
      if ((x.note ?? null) !== (y.note ?? null)) change(`${e.from} note`, x.note ?? null, y.note ?? null);
      for (const slug of [...new Set([...Object.keys(x.cover), ...Object.keys(y.cover)])].sort()) {
        if (x.cover[slug] !== y.cover[slug]) change(`${e.from} cover.${slug}`, x.cover[slug] ?? null, y.cover[slug] ?? null);
      }
    }
  }
  return out;
}

function diffCustomers(a: readonly Customer[], b: readonly Customer[]): DiffChange[] {
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

function diffLoad(a: Registry, b: Registry): LoadRow[] {
  const before = loadByEngineer(a);
  const after = loadByEngineer(b);
  const names = new Map([...a.people, ...b.people].map((p) => [p.handle, p.name]));
  const rows: LoadRow[] = [];
  for (const handle of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = before.get(handle);
    const y = after.get(handle);
    const row: LoadRow = {
      handle,
      name: names.get(handle) ?? handle,
      before: { primary: x?.primary.length ?? 0, backup: x?.backup.length ?? 0 },
      after: { primary: y?.primary.length ?? 0, backup: y?.backup.length ?? 0 },
    };
    if (row.before.primary !== row.after.primary || row.before.backup !== row.after.backup) rows.push(row);
  }
  return rows;
}

/** Findings compared without their position, since unrelated edits move lines. */
function diffFindings(a: readonly Finding[], b: readonly Finding[]): RegistryDiff['findings'] {
  const key = (f: Finding) => `${f.rule}\u0000${f.severity}\u0000${f.file}\u0000${f.message}`;
  const shape = (f: Finding): DiffFinding => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, message: f.message });
  const minus = (xs: readonly Finding[], ys: readonly Finding[]) => {
    const left = new Map<string, number>();
    for (const y of ys) left.set(key(y), (left.get(key(y)) ?? 0) + 1);
    return xs.filter((x) => {
      const n = left.get(key(x)) ?? 0;
      if (n > 0) {
        left.set(key(x), n - 1);
        return false;
      }
      return true;
    });
  };
  return { introduced: minus(b, a).map(shape), fixed: minus(a, b).map(shape) };
}
