/**
 * Parses many registry files across CPU cores with worker threads, synchronously: the main thread
 * parses its own share while workers parse theirs, then waits on a shared flag and collects their
 * results. Callers stay synchronous; a worker that fails or stalls has its share parsed here.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { fastEntry, parseEntry, type ParsedEntry } from './parse-entry.js';
import { DONE, PROGRESS } from './parse-worker.js';
import type { FileKind } from './schema-findings.js';

export interface ParseItem {
  kind: FileKind;
  text: string;
}

/** One parsed file: its entry when parsed on this thread, as JSON when parsed by a worker. */
export type ParsedItem = { entry: ParsedEntry; json?: undefined } | { json: string; entry?: undefined };

export interface ParallelOptions {
  /** The built worker script; without it everything is parsed on this thread. */
  workerScript?: string;
  /** Worker threads to use at most (default: one fewer than the cores). */
  threads?: number;
  /** Called now and then with the number of files parsed so far. */
  onProgress?: (done: number) => void;
}

/** Below this many files a worker's start-up costs more than it saves. */
export const MIN_PARALLEL_FILES = 400;
/** A worker whose progress stalls this long is given up on. */
const STALL_MS = 10_000;

interface Running {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  from: number;
  to: number;
}

function start(script: string, items: ParseItem[], from: number, to: number): Running | undefined {
  try {
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script, {
      workerData: { aseParse: true, items: items.slice(from, to), port: port2, signal },
      transferList: [port2],
      stdout: true,
      stderr: true,
    });
    worker.unref();
    worker.on('error', () => undefined);
    return { worker, port: port1, signal, from, to };
  } catch {
    return undefined;
  }
}

function parseHere(item: ParseItem): ParsedItem {
  return { entry: parseEntry(item.kind, item.text) };
}

/** Waits for a worker's results; undefined when it failed or stalled. */
function collect(run: Running, progress: () => void): string[] | undefined {
  let last = -1;
  let since = Date.now();
  while (Atomics.load(run.signal, DONE) === 0) {
    Atomics.wait(run.signal, DONE, 0, 100);
    const done = Atomics.load(run.signal, PROGRESS);
    progress();
    if (done !== last) {
      last = done;
      since = Date.now();
    } else if (Date.now() - since > STALL_MS) {
      return undefined;
    }
  }
  const message = receiveMessageOnPort(run.port)?.message as { entries?: string[] } | undefined;
  return message?.entries && message.entries.length === run.to - run.from ? message.entries : undefined;
}

/**
 * Parses every item; the result at index i belongs to item i. Valid files in the plain subset
 * take a fast path on this thread (a few microseconds each); only the rest are worth threads.
 */
export function parseMany(items: ParseItem[], options: ParallelOptions = {}): ParsedItem[] {
  const out = new Array<ParsedItem>(items.length);
  const slow: number[] = [];
  items.forEach((item, i) => {
    const entry = fastEntry(item.kind, item.text);
    if (entry) out[i] = { entry };
    else slow.push(i);
    if (i % 256 === 0) options.onProgress?.(i - slow.length);
  });
  if (slow.length > 0) {
    const done = items.length - slow.length;
    const parsed = parseFull(
      slow.map((i) => items[i]!),
      { ...options, onProgress: options.onProgress && ((k) => options.onProgress!(done + k)) },
    );
    slow.forEach((i, j) => (out[i] = parsed[j]!));
  }
  return out;
}

/** Parses every item with the full parser, across threads when there are many. */
function parseFull(items: ParseItem[], options: ParallelOptions): ParsedItem[] {
  const n = items.length;
  const cores = availableParallelism();
  const threads = Math.min(options.threads ?? cores - 1, Math.floor(n / (MIN_PARALLEL_FILES / 2)));
  const out = new Array<ParsedItem>(n);
  if (!options.workerScript || threads < 1 || n < MIN_PARALLEL_FILES) {
    for (let i = 0; i < n; i++) {
      out[i] = parseHere(items[i]!);
      if (i % 64 === 0) options.onProgress?.(i);
    }
    return out;
  }
  // This thread starts at once while workers first load the parser, so it takes a larger share.
  const mine = Math.ceil(n / (threads + 0.8));
  const share = Math.ceil((n - mine) / threads);
  const runs: Running[] = [];
  for (let from = mine; from < n; from += share) {
    const run = start(options.workerScript, items, from, Math.min(n, from + share));
    if (run) runs.push(run);
    else for (let i = from; i < Math.min(n, from + share); i++) out[i] = parseHere(items[i]!);
  }
  const others = () => runs.reduce((sum, r) => sum + Atomics.load(r.signal, PROGRESS), 0);
  for (let i = 0; i < mine; i++) {
    out[i] = parseHere(items[i]!);
    if (i % 64 === 0) options.onProgress?.(i + others());
  }
  for (const run of runs) {
    const entries = collect(run, () => options.onProgress?.(mine + others()));
    void run.worker.terminate();
    for (let i = run.from; i < run.to; i++) out[i] = entries ? { json: entries[i - run.from]! } : parseHere(items[i]!);
  }
  return out;
}
