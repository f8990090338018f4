/**
 * The files of the lint cache: a header line, then one entry per line. A missing, foreign or
 * damaged (cut short) file reads as empty; writing goes through a temporary file and a rename,
 * and failures are ignored: the cache is only a speed-up.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isAscii } from 'node:buffer';

/**
 * Calls `line(text, start, end)` for each entry line of the file (no line strings are made: a
 * large cache has tens of thousands).
 */
export function forEachStoreLine(dir: string, name: string, header: string, line: (text: string, start: number, end: number) => void): void {
  let text: string;
  try {
    const bytes = readFileSync(join(dir, name));
    // Most stores are ASCII: read as Latin-1, a large one is not even copied into the heap (UTF-8 decoding of megabytes takes tens of ms).
    text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  } catch {
    return;
  }
  // A whole file starts with the header line and ends with a newline.
  if (!text.startsWith(header) || text.charCodeAt(header.length) !== 10 || !text.endsWith('\n')) return;
  for (let start = header.length + 1; start < text.length; ) {
    const end = text.indexOf('\n', start);
    line(text, start, end);
    start = end + 1;
  }
}

export function writeStoreLines(dir: string, name: string, header: string, lines: Iterable<string>): void {
  const target = join(dir, name);
  const temp = `${target}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(temp, 'w');
    // Written in pieces: one string of a large store would be megabytes more at the peak.
    let chunk = `${header}\n`;
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length >= 64 * 1024) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
  }
}
