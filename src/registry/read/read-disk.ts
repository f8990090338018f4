/**
 * The registry's files on disk: listing the customers folder, and reading one file safely (a
 * link, a folder, a huge or unreadable file becomes a finding, never an exception).
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../../core/compare.js';
import type { Finding } from '../../core/findings.js';

/** A file to read: where it is, and its path as shown to people. */
export interface DiskFile {
  abs: string;
  file: string;
}

export const MAX_FILE_BYTES = 1024 * 1024;

export function unreadable(file: string, message: string): Finding {
  return { rule: 'yaml-syntax', severity: 'error', file, line: 1, column: 1, message };
}

/** UTF-8 text without a byte-order mark. */
export function readText(abs: string): string {
  return decode(readFileSync(abs));
}

export function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Customer slugs and file names in `customers/`, sorted; other files are not registry files. */
export function listCustomerFiles(dir: string): string[] {
  return customerEntries(dir).map((d) => d.name);
}

/** What the customers folder holds that is read as a customer file (whatever it turns out to be). */
export function isCustomerFileName(name: string): boolean {
  return name.endsWith('.yaml') && !name.startsWith('.');
}

export function customerEntries(dir: string): Dirent[] {
  return customerFolder(dir).entries;
}

/** A file a person meant as a customer that ase would not read: `.yml`, or `.yaml` in other capitals. */
export function isMisnamedCustomerFile(name: string): boolean {
  return !name.startsWith('.') && /\.ya?ml$/i.test(name) && !isCustomerFileName(name);
}

/** The finding for such a file: never ignored, as the customer would silently vanish from every count. */
export function misnamedFinding(customersDir: string, name: string): Finding {
  const stem = name.replace(/\.ya?ml$/i, '');
  const shown = name.length > 60 ? `${name.slice(0, 57)}...` : name;
  return {
    rule: 'slug-mismatch',
    severity: 'error',
    file: `${customersDir}/${name}`,
    line: 1,
    column: 1,
    message: `"${shown}" is not read as a customer: customer files end in ".yaml"; rename it to ${stem.length > 60 ? 'that name' : `"${stem}.yaml"`}`,
  };
}

/** The customer files in `customers/` (sorted), and the names of files meant as customers that would not be read. */
export function customerFolder(dir: string): { entries: Dirent[]; misnamed: string[] } {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(dir, 'customers'), { withFileTypes: true });
  } catch {
    return { entries: [], misnamed: [] };
  }
  const misnamed = entries
    .filter((d) => isMisnamedCustomerFile(d.name))
    .map((d) => d.name)
    .sort(compareText);
  return { entries: entries.filter((d) => isCustomerFileName(d.name)).sort((a, b) => compareText(a.name, b.name)), misnamed };
}

/** `customers/` must be a real folder: a link would read files from anywhere as registry files. */
export function customersFolderProblem(abs: string, file: string): Finding | undefined {
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    return undefined; // no customers yet
  }
  if (st.isSymbolicLink())
    return unreadable(file, 'is a symbolic link: the customers folder must be a real folder inside the registry; replace the link with the folder');
  if (!st.isDirectory()) return unreadable(file, 'is not a folder: customer files live in the customers/ folder; move this file away and create the folder');
  return undefined;
}

/** One buffer every file is read into in turn: reading 10,000 files allocates nothing per file. */
export interface Scratch {
  buf: Buffer;
}

/**
 * The file's bytes (a view of `scratch`, valid until the next read), or its size when it is too
 * large to be a registry file (never read then).
 */
function readSmall(abs: string, scratch: Scratch): Buffer | number {
  const fd = openSync(abs, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) return size;
    if (scratch.buf.length < size + 1) scratch.buf = Buffer.allocUnsafe(Math.max(size + 1, scratch.buf.length * 2));
    // Read to the end, not just `size` bytes: the file may have grown since fstat.
    let got = 0;
    for (;;) {
      if (got === scratch.buf.length) {
        const bigger = Buffer.allocUnsafe(scratch.buf.length * 2);
        scratch.buf.copy(bigger);
        scratch.buf = bigger;
      }
      const n = readSync(fd, scratch.buf, got, scratch.buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > MAX_FILE_BYTES) return got;
    }
    return scratch.buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function readProblem(file: string, err: unknown): Finding {
  const code = (err as NodeJS.ErrnoException).code;
  return unreadable(
    file,
    code === 'ENOENT'
      ? 'is missing: restore it from git, or create it (`ase init` writes a fresh one)'
      : `cannot read (${code ?? (err as Error).message}): check the file's permissions`,
  );
}

/** The file's stat when it is a regular file; anything else becomes a finding. */
export function statFile(raw: DiskFile, findings: Finding[]): Stats | undefined {
  let st: Stats;
  try {
    st = lstatSync(raw.abs);
  } catch (err) {
    findings.push(readProblem(raw.file, err));
    return undefined;
  }
  if (st.isSymbolicLink()) {
    findings.push(unreadable(raw.file, 'is a symbolic link: registry files must be regular files inside the registry; replace the link with the file'));
    return undefined;
  }
  if (!st.isFile()) {
    findings.push(unreadable(raw.file, 'is not a regular file: remove it or replace it with a YAML file'));
    return undefined;
  }
  if (st.size > MAX_FILE_BYTES) {
    findings.push(tooLarge(raw.file, st.size));
    return undefined;
  }
  return st;
}

function tooLarge(file: string, bytes: number): Finding {
  return unreadable(file, `is ${bytes} bytes, larger than the ${MAX_FILE_BYTES} a registry file may be: it is probably not a registry file`);
}

/** Reads one file's bytes; problems reading it become findings, never exceptions. */
export function readBytes(raw: DiskFile, findings: Finding[], scratch: Scratch): Buffer | undefined {
  try {
    const bytes = readSmall(raw.abs, scratch);
    if (typeof bytes === 'number') {
      findings.push(tooLarge(raw.file, bytes));
      return undefined;
    }
    return bytes;
  } catch (err) {
    findings.push(readProblem(raw.file, err));
    return undefined;
  }
}
