/**
 * The files of the lint cache: a header line, then one entry per line. A missing, foreign or
 * damaged (cut short) file reads as empty; writing goes through a temporary file and a rename,
 * and failures are ignored: the cache is only a speed-up.
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Calls `line(text, start, end)` for each entry line of the file (no line strings are made: a
 * large cache has tens of thousands).
 */
export function forEachStoreLine(dir: string, name: string, header: string, line: (text: string, start: number, end: number) => void): void {
  let text: string;
  try {
    text = readFileSync(join(dir, name), 'utf8');
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

export function writeStoreLines(dir: string, name: string, header: string, lines: readonly string[]): void {
  const target = join(dir, name);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, `${header}\n${lines.length > 0 ? `${lines.join('\n')}\n` : ''}`);
    renameSync(temp, target);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
  }
}
