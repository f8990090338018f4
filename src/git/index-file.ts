/**
 * git's index file (`.git/index`) read directly, without starting git: its entries under a folder
 * and its checksum (the hash git writes at its end over everything before it, so an equal
 * checksum means an equal index). Anything but the plain layout (another index named in the
 * environment, a split or checksum-less index, an unknown version) answers undefined, and the
 * caller asks git.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { plainLayout } from './head-files.js';

/** One entry, as a view into the index bytes (the same object is reused for every entry). */
export interface IndexEntry {
  buf: Buffer;
  /** Where the entry's path continues after the folder and its slash, and where it ends. */
  nameStart: number;
  nameEnd: number;
  /** Where its object id starts (hashBytes long). */
  oid: number;
  /** A regular file at stage 0 with no assume-unchanged, skip-worktree or intent-to-add flag. */
  plain: boolean;
}

const FLAG_ASSUME_VALID = 0x8000;
const FLAG_EXTENDED = 0x4000;
const FLAG_STAGE = 0x3000;
const FLAG_NAME_LENGTH = 0x0fff;
const EXTENDED_SKIP_WORKTREE = 0x4000;
const EXTENDED_INTENT_TO_ADD = 0x2000;
const MODE_REGULAR = 0o100644;

/**
 * Calls `visit` for each entry under `folder/` (relative to the work tree) in index order; returns
 * the index's checksum as hex, or undefined when the index is missing or not one this reader
 * knows (what was visited then means nothing). `hashBytes` is 20 for SHA-1 repositories, 32 for SHA-256.
 */
export function indexEntriesUnder(gitDir: string, folder: string, hashBytes: number, visit: (entry: IndexEntry) => void): string | undefined {
  if (!plainLayout(gitDir)) return undefined;
  let buf: Buffer;
  try {
    buf = readFileSync(join(gitDir, 'index'));
  } catch {
    return undefined;
  }
  const tail = buf.subarray(buf.length - hashBytes);
  // A trailer of zeros is what git writes with index.skipHash: it says nothing about the content.
  if (buf.length < 12 + hashBytes || !tail.some((b) => b !== 0)) return undefined;
  try {
    return walk(buf, hashBytes, Buffer.from(`${folder}/`), visit) ? tail.toString('hex') : undefined;
  } catch {
    return undefined; // cut short or damaged
  }
}

/** The index's checksum as hex, read from its end; undefined as for indexEntriesUnder. */
export function indexChecksum(gitDir: string, hashBytes: number): string | undefined {
  if (!plainLayout(gitDir)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(join(gitDir, 'index'), 'r');
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(hashBytes);
    if (size < 12 + hashBytes || readSync(fd, tail, 0, hashBytes, size - hashBytes) !== hashBytes) return undefined;
    return tail.some((b) => b !== 0) ? tail.toString('hex') : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether `buf` has `prefix` at `at` (a loop: Buffer.compare costs more for a few bytes). */
function startsWith(buf: Buffer, at: number, prefix: Buffer): boolean {
  for (let k = 0; k < prefix.length; k++) if (buf[at + k] !== prefix[k]) return false;
  return true;
}

/** Walks every entry, reporting those under `prefix`; false when the file is not an index this reader knows. */
function walk(buf: Buffer, hashBytes: number, prefix: Buffer, found: (entry: IndexEntry) => void): boolean {
  if (buf.length < 12 + hashBytes || buf.toString('latin1', 0, 4) !== 'DIRC') return false;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return false;
  const count = buf.readUInt32BE(8);
  const end = buf.length - hashBytes;
  const entry: IndexEntry = { buf, nameStart: 0, nameEnd: 0, oid: 0, plain: false };
  let at = 12;
  // Version 4 names are the previous name less some bytes at its end, then new bytes.
  let v4name = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    if (at + 40 + hashBytes + 2 > end) return false;
    const mode = buf.readUInt32BE(at + 24);
    const oid = at + 40;
    const flags = buf.readUInt16BE(oid + hashBytes);
    let next = oid + hashBytes + 2;
    let extended = 0;
    if (flags & FLAG_EXTENDED) {
      if (version < 3) return false;
      extended = buf.readUInt16BE(next);
      next += 2;
    }
    let name: Buffer;
    let nameStart: number;
    let nameEnd: number;
    if (version === 4) {
      let strip = 0;
      let byte: number;
      do {
        if (next >= end) return false;
        byte = buf[next++]!;
        strip = (strip << 7) | (byte & 0x7f);
        if (byte & 0x80) strip += 1;
      } while (byte & 0x80);
      const nul = buf.indexOf(0, next);
      if (nul === -1 || nul >= end || strip > v4name.length) return false;
      v4name = Buffer.concat([v4name.subarray(0, v4name.length - strip), buf.subarray(next, nul)]);
      name = v4name;
      nameStart = 0;
      nameEnd = v4name.length;
      at = nul + 1;
    } else {
      const length = flags & FLAG_NAME_LENGTH;
      const nul = length < FLAG_NAME_LENGTH ? next + length : buf.indexOf(0, next);
      if (nul === -1 || nul >= end || buf[nul] !== 0) return false;
      name = buf;
      nameStart = next;
      nameEnd = nul;
      // Entries are padded with NULs to a multiple of 8 bytes.
      at += Math.floor((nul - at) / 8) * 8 + 8;
    }
    if (nameEnd - nameStart <= prefix.length || !startsWith(name, nameStart, prefix)) continue;
    if (version === 4) {
      // The name was rebuilt: the entry gets it with the id after it, in one buffer.
      entry.buf = Buffer.concat([v4name, buf.subarray(oid, oid + hashBytes)]);
      entry.nameStart = prefix.length;
      entry.nameEnd = v4name.length;
      entry.oid = v4name.length;
    } else {
      entry.buf = buf;
      entry.nameStart = nameStart + prefix.length;
      entry.nameEnd = nameEnd;
      entry.oid = oid;
    }
    entry.plain =
      mode === MODE_REGULAR && (flags & (FLAG_ASSUME_VALID | FLAG_STAGE)) === 0 && (extended & (EXTENDED_SKIP_WORKTREE | EXTENDED_INTENT_TO_ADD)) === 0;
    found(entry);
  }
  // Extensions: a split index keeps most entries in another file.
  while (at + 8 <= end) {
    if (buf.toString('latin1', at, at + 4) === 'link') return false;
    at += 8 + buf.readUInt32BE(at + 4);
  }
  return at === end;
}
