/**
 * The semantic diff of two registries: what changed for people reviewing a pull request
 * (customers added, ended, reassigned, fields changed), cap and load before and after, and the
 * findings the change introduces or fixes. Pure: both sides arrive loaded and evaluated.
 */
import type { Finding } from '../core/findings.js';
import { timeOffOf } from '../core/coverage.js';
import type { DetailedRegistry, Person, Registry, TimeOff } from '../core/model.js';
import { activeCustomers, loadByEngineer } from '../core/queries.js';
import { blank, pairByKey, type DiffChange, type Value } from './changes.js';
import { diffCustomers } from './customer-changes.js';

export type { ChangeKind, DiffChange, Value } from './changes.js';
export { flatten } from './customer-changes.js';

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
