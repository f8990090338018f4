/**
 * Files ase generates outside the write transaction (the page with `--out`, CODEOWNERS, the HTML
 * report): read them if they are there, write them whole or not at all.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { readText } from '../registry/reader.js';
import { normaliseNewlines } from '../render/expected.js';
import { writeAtomic } from './atomic.js';

const reason = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** The file's text with newlines normalised, or undefined when there is no such file. */
export function readIfThere(abs: string): string | undefined {
  if (!existsSync(abs)) return undefined;
  try {
    return normaliseNewlines(readText(abs));
  } catch (err) {
    throw new EnvironmentError(`cannot read ${abs}: ${reason(err)}`, 'check the file and its permissions');
  }
}

/** Temp file beside the target, then rename: readers never see half a file. `shown` names it in errors. */
export function writeGenerated(abs: string, text: string, { shown = abs, makeFolder = false } = {}): void {
  try {
    if (makeFolder) mkdirSync(dirname(abs), { recursive: true });
    writeAtomic(abs, text);
  } catch (err) {
    throw new EnvironmentError(
      `cannot write ${shown}: ${reason(err)}`,
      makeFolder ? 'check that the folder is writable' : 'check that the folder exists and is writable',
    );
  }
}
