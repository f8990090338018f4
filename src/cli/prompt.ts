/** Interactive questions in a terminal, one at a time (node:readline/promises). Only for io.interactive. */
import { createInterface } from 'node:readline/promises';
import { RefusedError } from '../errors.js';

/** Asks questions and prints between them; `close` must be called when done. */
export interface Prompter {
  ask(question: string): Promise<string>;
  say(text: string): void;
  close(): void;
}

/**
 * A prompter on the process's terminal. Ctrl-D or Ctrl-C cancels: `ask` then throws a
 * RefusedError saying nothing was recorded.
 */
export function terminalPrompter(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Prompter {
  const rl = createInterface({ input, output, terminal: true });
  const cancelled = new AbortController();
  let closed = false;
  rl.on('close', () => {
    closed = true;
    cancelled.abort();
  });
  rl.on('SIGINT', () => rl.close());
  return {
    async ask(question) {
      if (closed) throw cancelledError();
      try {
        return await rl.question(question, { signal: cancelled.signal });
      } catch (err) {
        if (cancelled.signal.aborted) {
          output.write('\n');
          throw cancelledError();
        }
        throw err;
      }
    },
    say(text) {
      output.write(text);
    },
    close() {
      if (!closed) rl.close();
    },
  };
}

function cancelledError(): RefusedError {
  return new RefusedError('cancelled: nothing was recorded', 'run the command again, or pass the answers as flags');
}
