/**
 * The stat index: for each registry file, the size, times and inode it had when its content key
 * was computed, so an unchanged file is not read again (what git's index does for `git status`).
 * A file changed since has another mtime, ctime or size and is read. Entries younger than
 * RACY_MS are never stored: a file written in the same clock tick as its stat could change
 * without its times changing, so it is read again next time.
 */
import type { Stats } from 'node:fs';
import { forEachStoreLine, writeStoreLines } from './store-file.js';

const HEADER = 'ase-index 2';
const RACY_MS = 2_000;

export interface StatIndex {
  /** The content key recorded for `file` when its stat is unchanged. */
  keyFor(file: string, st: Stats): string | undefined;
  /** Records what this run saw; `save` keeps exactly the recorded entries. */
  record(file: string, st: Stats, key: string): void;
  save(now: number): void;
}

export const NO_INDEX: StatIndex = { keyFor: () => undefined, record: () => undefined, save: () => undefined };

/** Size, times to the microsecond (whole numbers print faster than fractions) and inode. */
function signature(st: Stats): string {
  return `${st.size}\t${Math.trunc(st.mtimeMs * 1000)}\t${Math.trunc(st.ctimeMs * 1000)}\t${st.ino}`;
}

/** The index in `dir`, read on first use (when git vouches for every file, it never is). */
export function openStatIndex(dir: string): StatIndex {
  let loaded: Map<string, { sig: string; key: string }> | undefined;
  const stored = () => {
    if (loaded) return loaded;
    const map = (loaded = new Map());
    // One content has one size: two sizes under one key mean a damaged index, which is not trusted
    // (a wrong key would only show later, as a file "changed while ase was reading").
    const sizeOf = new Map<string, string>();
    let damaged = false;
    forEachStoreLine(dir, 'index.txt', HEADER, (text, start, end) => {
      // key \t size \t mtime \t ctime \t ino \t file (the key has no tab, the file is last)
      const first = text.indexOf('\t', start);
      let last = first;
      for (let i = 0; i < 4 && last !== -1 && last < end; i++) last = text.indexOf('\t', last + 1);
      if (first <= start || last === -1 || last >= end) return;
      const key = text.slice(start, first);
      const sig = text.slice(first + 1, last);
      const size = sig.slice(0, sig.indexOf('\t'));
      if ((sizeOf.get(key) ?? size) !== size) damaged = true;
      sizeOf.set(key, size);
      map.set(text.slice(last + 1, end), { sig, key });
    });
    if (damaged) map.clear();
    return map;
  };
  const seen: { file: string; sig: string; key: string; time: number }[] = [];
  let changed = false;
  return {
    keyFor(file, st) {
      const hit = stored().get(file);
      return hit && hit.sig === signature(st) ? hit.key : undefined;
    },
    record(file, st, key) {
      const sig = signature(st);
      const old = stored().get(file);
      if (!old || old.sig !== sig || old.key !== key) changed = true;
      seen.push({ file, sig, key, time: Math.max(st.mtimeMs, st.ctimeMs) });
    },
    save(now) {
      if (!loaded || (!changed && seen.length === loaded.size)) return;
      const lines = seen.filter((e) => e.time < now - RACY_MS && !/[\t\n]/.test(e.file)).map((e) => `${e.key}\t${e.sig}\t${e.file}`);
      writeStoreLines(dir, 'index.txt', HEADER, lines);
    },
  };
}
