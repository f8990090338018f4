/** Git's blob id of some bytes, computed here instead of asking git (`git hash-object`) for each file. */
import { createHash } from 'node:crypto';

/** The id git gives `bytes` as a blob: whether a file is the content git has for it. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
