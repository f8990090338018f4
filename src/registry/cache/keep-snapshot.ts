import type { RawFile } from './read-file.js';
import { saveSnapshot, type SnapshotPlace, type SnapshotRow } from './snapshot.js';
import type { Start } from './read-start.js';

/** The snapshot is written again once this many of its rows are out of date. */
const SNAPSHOT_REWRITE_AT = 64;

/**
 * Writes the snapshot after a full read of a large registry in git, or when the other files
 * changed or many of its rows went out of date: a row for every customer file that was the blob
 * git has for it, and the entries of the other files.
 */
export function keepSnapshot(place: SnapshotPlace, raws: readonly RawFile[], read: Start['snapshot']): void {
  const others = otherEntries(raws);
  const stored = read?.others;
  const othersChanged = stored === undefined || others.size !== stored.size || [...others].some(([key, json]) => stored.get(key) !== json);
  if (read && !othersChanged && read.other.size + read.stale < SNAPSHOT_REWRITE_AT) return;
  const rows = snapshotRows(raws, (raw) => raw.verdict);
  if (rows.length > 0) saveSnapshot(place, { rows, others, fingerprint: read?.fingerprint });
}

/** A row for every customer file that was the blob git has for it, with the verdict `verdictOf` gives (`n`: its place among the customers). */
export function snapshotRows(raws: readonly RawFile[], verdictOf: (raw: RawFile, n: number) => string | undefined): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  let n = -1;
  for (const raw of raws) {
    if (raw.kind !== 'customer') continue;
    n++;
    if (raw.blob === undefined || raw.json === undefined) continue;
    rows.push({ name: `${raw.slug}.yaml`, blob: raw.blob, json: raw.json, verdict: verdictOf(raw, n) });
  }
  return rows;
}

/** The cache entries of the files other than customers (config, people), by content key. */
export function otherEntries(raws: readonly RawFile[]): Map<string, string> {
  const others = new Map<string, string>();
  for (const raw of raws) if (raw.kind !== 'customer' && raw.key !== undefined && raw.json !== undefined) others.set(raw.key, raw.json);
  return others;
}
