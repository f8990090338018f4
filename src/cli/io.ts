import { isatty } from 'node:tty';

/** What a command may touch of the process: its streams, environment and working folder. */

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdin and stdout are terminals: interactive prompts and progress are allowed. */
  interactive: boolean;
  stderrIsTTY: boolean;
}

/** A reader that closed the pipe early (`ase list | head -1`) is not an error worth a stack trace. */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

export function processIo(): Io {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    // isatty(0) rather than process.stdin.isTTY: touching process.stdin creates a stream (~5 ms).
    interactive: isatty(0) && isatty(1),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
