/** Atomic file replacement: a temp file in the same folder, fsync, then rename over the target. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Marks ase's temp files so a later run can recognise and remove leftovers. */
export const TEMP_MARK = '.ase-tmp-';

/** The temp file a write of `abs` by this process uses. */
export function tempPathFor(abs: string): string {
  return join(dirname(abs), `.${basename(abs)}${TEMP_MARK}${process.pid}`);
}

/** Replaces `abs` with `content` so readers see the old or the new file, never a mix. */
export function writeAtomic(abs: string, content: string | Uint8Array): void {
  const tmp = tempPathFor(abs);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, abs);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  syncDir(dirname(abs));
}

/** Makes a rename durable; some platforms cannot open folders, which is fine to skip. */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

export function removeFile(abs: string): void {
  rmSync(abs, { force: true });
}
