/**
 * The files of the lint cache: a header line, then one entry per line. A missing, foreign or
 * damaged (cut short) file reads as empty; writing goes through a temporary file and a rename,
 * and failures are ignored: the cache is only a speed-up.
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function readStoreLines(dir: string, name: string, header: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(dir, name), 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  // The last line is empty when the file is whole.
  if (lines[0] !== header || lines.at(-1) !== '') return [];
  return lines.slice(1, -1);
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
