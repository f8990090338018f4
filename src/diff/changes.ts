/** One change of the semantic diff, as data, and the helpers that make changes. Pure. */

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

/** A change of `kind` with every other key null. */
export const blank = (kind: ChangeKind): DiffChange => ({
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

/** Items of both sides paired by key, in key order: [key, before or undefined, after or undefined]. */
export function pairByKey<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): [string, T | undefined, T | undefined][] {
  const before = new Map(a.map((x) => [key(x), x]));
  const after = new Map(b.map((x) => [key(x), x]));
  return [...new Set([...before.keys(), ...after.keys()])].sort().map((k) => [k, before.get(k), after.get(k)]);
}
