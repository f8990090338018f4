/**
 * Worker-thread entry of parallel parsing: parses its share of files and hands back one JSON
 * entry per file through the port it was given, then raises the shared "done" flag so the main
 * thread, which waits synchronously, can collect them.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { FileKind } from './schema-findings.js';
import { parseEntry } from './parse-entry.js';

/** What the main thread gives a parse worker. */
export interface ParseWorkerData {
  items: { kind: FileKind; text: string }[];
  port: MessagePort;
  /** [0]: 1 once the results are posted; [1]: files parsed so far (for progress). */
  signal: Int32Array;
}

/** Index of the "done" flag and of the progress counter in the shared signal. */
export const DONE = 0;
export const PROGRESS = 1;

function serve({ items, port, signal }: ParseWorkerData): void {
  const out: string[] = [];
  try {
    for (const item of items) {
      out.push(JSON.stringify(parseEntry(item.kind, item.text)));
      Atomics.store(signal, PROGRESS, out.length);
    }
    port.postMessage({ entries: out });
  } catch (err) {
    port.postMessage({ error: (err as Error)?.message ?? String(err) });
  } finally {
    port.close();
    Atomics.store(signal, DONE, 1);
    Atomics.notify(signal, DONE);
  }
}

if (workerData && (workerData as { aseParse?: boolean }).aseParse) serve(workerData as ParseWorkerData);
