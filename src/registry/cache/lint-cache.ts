/**
 * The lint cache: what reading and checking each file gave, keyed by a hash of the file's kind
 * and bytes, so an unchanged file is never parsed twice: per file its file findings and, for a
 * customer, the head of the model (status, engineer, ...; the rest is read again when asked for);
 * per customer, config, roster and day the findings of the per-customer rules. Lives in
 * `.git/ase-cache/` (or the OS cache folder outside git), is written atomically, and is safe to
 * delete at any time. Every store is marked with the hash of the code that wrote it, so it never
 * returns a verdict another version of ase would not give. Rules across customers (the cap,
 * workload, duplicate names) are never cached: they run on every read.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { hash128 } from './content-hash.js';
import type { RegistryLocation } from '../discover.js';
import { forEachStoreLine, writeStoreLines } from './store-file.js';

const FORMAT = 'ase-cache 2';
/** Keys are base64 128-bit hashes: always this long, so a line is `<key> <json>`. */
const KEY_LENGTH = 24;

const KIND_SEEDS: Record<string, number> = { config: 1, people: 2, customer: 3 };

/** The content key of a file: a 128-bit hash of its exact bytes, seeded by its kind. */
export function contentKey(kind: string, bytes: Uint8Array): string {
  return hash128(bytes, KIND_SEEDS[kind] ?? 0);
}

/**
 * The content key of a file git knows by its blob id: its kind's digit and 92 bits of the id,
 * already a hash (hex: never the same as a content key, whose base64 ends in `==`).
 */
export function blobKey(kind: string, blob: string): string {
  return `${KIND_SEEDS[kind] ?? 0}${blob.slice(0, KEY_LENGTH - 1)}`;
}

/** The folder the cache of `location` lives in: inside the git dir, else the OS cache folder. */
export function cacheDir(location: RegistryLocation, env: NodeJS.ProcessEnv): string {
  if (location.gitRoot) {
    const dotGit = join(location.gitRoot, '.git');
    try {
      if (statSync(dotGit).isDirectory()) return join(dotGit, 'ase-cache');
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
      if (pointer) return join(resolve(location.gitRoot, pointer), 'ase-cache');
    } catch {
      // fall through to the OS cache folder
    }
  }
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const id = Buffer.from(hash128(Buffer.from(location.dir)), 'base64')
    .toString('hex')
    .slice(0, 16);
  return join(base, 'ase', id);
}

export interface LintCache {
  /** The JSON for `key` this run used or stored before, or undefined. */
  get(key: string): string | undefined;
  /** Records what this run used (hits, new and updated values); `save` keeps exactly these. */
  use(key: string, json: string): void;
  /** Writes the file when this run added or changed a value; failures are ignored (it is only a speed-up). */
  save(): void;
  /** Reads the stored values now rather than on first use. */
  preload(): void;
}

/** A cache that remembers nothing (ASE_CACHE=off, or run from source). */
export const NO_CACHE: LintCache = { get: () => undefined, use: () => undefined, save: () => undefined, preload: () => undefined };

/** Entries are spread over this many files, so a change rewrites a quarter of the cache. */
const SHARDS = 4;

/** The per-file records (file findings, and data or the customer's head) in `dir`, for code `codeHash`. */
export function openLintCache(dir: string, codeHash: string): LintCache {
  const shards = Array.from({ length: SHARDS }, (_, i) => openStore(dir, `files-${i.toString(16)}.txt`, codeHash));
  // By a character deep in the key: the first is the kind in blob keys, the last two `==` in content keys.
  const of = (key: string) => shards[key.charCodeAt(20) % SHARDS]!;
  return {
    get: (key) => of(key).get(key),
    use: (key, json) => of(key).use(key, json),
    save: () => shards.forEach((s) => s.save()),
    preload: () => shards.forEach((s) => s.preload()),
  };
}

/** The positions of nodes findings pointed at, per file content, in `dir`. */
export function openPositionCache(dir: string, codeHash: string): LintCache {
  return openStore(dir, 'positions.txt', codeHash);
}

/** The findings of the per-customer rules, per customer file, config, roster and day, in `dir`. */
export function openVerdictCache(dir: string, codeHash: string): LintCache {
  return openStore(dir, 'verdicts.txt', codeHash);
}

/**
 * A file of `<key> <json>` lines after a header naming the format and the code, read on first
 * use (a command that never asks, such as `list` for verdicts, never reads it).
 */
function openStore(dir: string, name: string, codeHash: string): LintCache {
  const header = `${FORMAT} ${codeHash}`;
  let loaded: Map<string, string> | undefined;
  const load = () => {
    if (loaded) return loaded;
    const map = (loaded = new Map<string, string>());
    forEachStoreLine(dir, name, header, (text, start, end) => {
      if (text.charCodeAt(start + KEY_LENGTH) === 32) map.set(text.slice(start, start + KEY_LENGTH), text.slice(start + KEY_LENGTH + 1, end));
    });
    return map;
  };
  // What this run used: stored values by key alone (a large warm run makes no second map), new ones with their value.
  let kept: string[] = [];
  const updated = new Map<string, string>();
  return {
    get: (key) => updated.get(key) ?? load().get(key),
    use(key, json) {
      if (updated.has(key)) updated.set(key, json);
      else if (load().get(key) === json) kept.push(key);
      else updated.set(key, json);
    },
    preload: () => void load(),
    save() {
      if (!loaded) return; // never read, so nothing was used
      // Also rewritten when many stored values went unused (files deleted, another branch).
      if (updated.size === 0 && loaded.size <= kept.length * 2 + 64) return;
      const lines: string[] = [];
      const written = new Set<string>();
      for (const [key, json] of updated) {
        written.add(key);
        lines.push(`${key} ${json}`);
      }
      for (const key of kept) {
        if (written.has(key)) continue;
        written.add(key);
        lines.push(`${key} ${loaded.get(key)}`);
      }
      writeStoreLines(dir, name, header, lines);
      for (const [key, json] of updated) loaded.set(key, json);
      kept = [...written];
      updated.clear();
    },
  };
}
