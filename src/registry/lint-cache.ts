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
import type { RegistryLocation } from './discover.js';
import { readStoreLines, writeStoreLines } from './store-file.js';

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
  const id = Buffer.from(hash128(Buffer.from(location.dir)), 'base64').toString('hex').slice(0, 16);
  return join(base, 'ase', id);
}

export interface LintCache {
  /** The JSON for `key` this run used or stored before, or undefined. */
  get(key: string): string | undefined;
  /** Records what this run used (hits, new and updated values); `save` keeps exactly these. */
  use(key: string, json: string): void;
  /** Writes the file when this run added or changed a value; failures are ignored (it is only a speed-up). */
  save(): void;
}

/** A cache that remembers nothing (ASE_CACHE=off, or run from source). */
export const NO_CACHE: LintCache = { get: () => undefined, use: () => undefined, save: () => undefined };

/** Entries are spread over this many files, so a change rewrites a quarter of the cache. */
const SHARDS = 4;

/** The per-file records (file findings, and data or the customer's head) in `dir`, for code `codeHash`. */
export function openLintCache(dir: string, codeHash: string): LintCache {
  const shards = Array.from({ length: SHARDS }, (_, i) => openStore(dir, `files-${i.toString(16)}.txt`, codeHash));
  const of = (key: string) => shards[key.charCodeAt(0) % SHARDS]!;
  return {
    get: (key) => of(key).get(key),
    use: (key, json) => of(key).use(key, json),
    save: () => shards.forEach((s) => s.save()),
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

/** A file of `<key> <json>` lines after a header naming the format and the code. */
function openStore(dir: string, name: string, codeHash: string): LintCache {
  const header = `${FORMAT} ${codeHash}`;
  const stored = new Map<string, string>();
  for (const line of readStoreLines(dir, name, header)) {
    if (line.charCodeAt(KEY_LENGTH) === 32) stored.set(line.slice(0, KEY_LENGTH), line.slice(KEY_LENGTH + 1));
  }
  const used = new Map<string, string>();
  let changed = 0;
  return {
    get: (key) => used.get(key) ?? stored.get(key),
    use(key, json) {
      if (used.get(key) === json) return;
      if (stored.get(key) !== json) changed++;
      used.set(key, json);
    },
    save() {
      // Also rewritten when many stored values went unused (files deleted, another branch).
      if (changed === 0 && stored.size <= used.size * 2 + 64) return;
      changed = 0;
      const lines: string[] = [];
      for (const [key, json] of used) lines.push(`${key} ${json}`);
      writeStoreLines(dir, name, header, lines);
    },
  };
}
