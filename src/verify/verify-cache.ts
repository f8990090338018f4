/**
 * What `ase verify` remembers between runs, so that what did not change is neither read nor
 * parsed again: the approvals in each file version git has, by blob id (a version never
 * changes), and for each customer file of the work tree, by the content key the registry knows
 * it by, its blob id, approvals and the lines they are on. One store beside the lint cache
 * (`verify.txt`), marked with the code that wrote it, so another version of ase starts afresh;
 * safe to delete at any time; with ASE_CACHE=off (or run from source) nothing is remembered.
 */
import type { Approval, Approver } from '../core/model.js';
import { approvalKey } from '../core/rules/approval-unverified.js';
import { cacheDir } from '../registry/cache/lint-cache.js';
import type { RegistryLocation } from '../registry/discover.js';
import { sourceHash } from '../registry/source-module.js';
import { forEachStoreLine, writeStoreLines } from '../registry/cache/store-file.js';
import type { ApprovalKeys, KeyPosition } from './approvals-in-text.js';

const FORMAT = 'ase-verify 1';
const NAME = 'verify.txt';

/** A customer file as it is in the work tree. */
export interface WorkTreeFile {
  /** Git's id for its bytes (see git/blob-id.ts). */
  blob: string;
  approvals: Partial<Record<Approver, Approval>>;
  /** The line and column of each approval's key, where the block is plainly written. */
  positions: Map<Approver, KeyPosition>;
}

export interface VerifyCache {
  /** The approvals of the version with blob id `id`, when remembered. */
  version(id: string): ApprovalKeys | undefined;
  keepVersion(id: string, keys: ApprovalKeys): void;
  /** The work-tree file with the registry's content key `key`, when remembered. */
  workTree(key: string): WorkTreeFile | undefined;
  keepWorkTree(key: string, file: WorkTreeFile): void;
  /** Writes the store when this run learnt something (or left much unused); failures are ignored. */
  save(): void;
}

/** A cache that remembers nothing. */
const NO_CACHE: VerifyCache = {
  version: () => undefined,
  keepVersion: () => undefined,
  workTree: () => undefined,
  keepWorkTree: () => undefined,
  save: () => undefined,
};

type Stored = [role: Approver, by: string, on: string, evidence?: string];

function store(approvals: Iterable<[Approver, Approval]>): Stored[] {
  return [...approvals].map(([role, a]) => (a.evidence === undefined ? [role, a.by, a.on] : [role, a.by, a.on, a.evidence]));
}

function approvalOf([, by, on, evidence]: Stored): Approval {
  return evidence === undefined ? { by, on } : { by, on, evidence };
}

function keysOf(stored: Stored[]): ApprovalKeys {
  return new Map(
    stored.map((s) => {
      const approval = approvalOf(s);
      return [s[0], { approval, key: approvalKey(approval) }];
    }),
  );
}

function parse<T>(json: string | undefined, read: (value: never) => T): T | undefined {
  if (json === undefined) return undefined;
  try {
    return read(JSON.parse(json) as never);
  } catch {
    return undefined;
  }
}

/** The cache of the registry at `location` (`env` as for the lint cache: ASE_CACHE, XDG_CACHE_HOME). */
export function openVerifyCache(location: RegistryLocation, env: NodeJS.ProcessEnv): VerifyCache {
  const code = sourceHash();
  if (code === undefined || env.ASE_CACHE === 'off' || env.ASE_CACHE === '0') return NO_CACHE;
  const dir = cacheDir(location, env);
  const header = `${FORMAT} ${code}`;
  // Lines are `v<blob id> <json>` and `w<content key> <json>`.
  const stored = new Map<string, string>();
  forEachStoreLine(dir, NAME, header, (text, start, end) => {
    const space = text.indexOf(' ', start);
    if (space > start && space < end) stored.set(text.slice(start, space), text.slice(space + 1, end));
  });
  const used = new Set<string>();
  const added = new Map<string, string>();
  const get = (key: string) => {
    const json = added.get(key) ?? stored.get(key);
    if (json !== undefined) used.add(key);
    return json;
  };
  const keep = (key: string, json: string) => {
    if (stored.get(key) === json) used.add(key);
    else added.set(key, json);
  };
  const versions = new Map<string, ApprovalKeys | undefined>();
  return {
    version(id) {
      if (!versions.has(id))
        versions.set(
          id,
          parse(get(`v${id}`), (s: Stored[]) => keysOf(s)),
        );
      return versions.get(id);
    },
    keepVersion: (id, keys) => keep(`v${id}`, JSON.stringify(store([...keys].map(([role, { approval }]) => [role, approval])))),
    workTree: (key) =>
      parse(get(`w${key}`), (w: { b: string; a: Stored[]; p: [Approver, number, number][] }) => ({
        blob: w.b,
        approvals: Object.fromEntries(w.a.map((s) => [s[0], approvalOf(s)])),
        positions: new Map(w.p.map(([role, line, column]) => [role, { line, column }])),
      })),
    keepWorkTree: (key, file) =>
      keep(
        `w${key}`,
        JSON.stringify({
          b: file.blob,
          a: store(Object.entries(file.approvals) as [Approver, Approval][]),
          p: [...file.positions].map(([role, at]) => [role, at.line, at.column]),
        }),
      ),
    save() {
      // Rewritten with what this run used and learnt: when it learnt something, or much went unused.
      if (added.size === 0 && stored.size <= used.size * 2 + 64) return;
      const lines: string[] = [];
      for (const [key, json] of added) lines.push(`${key} ${json}`);
      for (const key of used) if (!added.has(key)) lines.push(`${key} ${stored.get(key)}`);
      writeStoreLines(dir, NAME, header, lines);
    },
  };
}
