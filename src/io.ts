import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';
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
function ignoreClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  return stream;
}

/**
 * Writes straight to the file descriptor. process.stdout and process.stderr are created on first
 * use and cost a run that prints little several milliseconds (node:stream, and node:net for a
 * pipe); their writes to files, pipes and terminals are synchronous anyway. A descriptor that
 * would block (a non-blocking pipe) hands the rest of the output to the stream, in order.
 */
function fdWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let viaStream: NodeJS.WriteStream | undefined;
  let closed = false;
  return (text) => {
    if (closed) return;
    if (viaStream) {
      viaStream.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') throw err;
        viaStream = ignoreClosedPipe(stream());
        viaStream.write(bytes.subarray(done));
        return;
      }
    }
  };
}

/**
 * Whether `fd` is a terminal; a file, a pipe or /dev/null (a device, but no terminal: where CI and
 * scripts send output) is answered by fstat, without loading node:tty (~10 ms).
 */
export function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice() || isDevNull(st)) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}

let devNull: Stats | null | undefined;

function isDevNull(st: Stats): boolean {
  if (process.platform === 'win32') return false;
  devNull ??= statSync('/dev/null', { throwIfNoEntry: false }) ?? null;
  return devNull !== null && st.rdev === devNull.rdev && st.ino === devNull.ino && st.dev === devNull.dev;
}

export function processIo(): Io {
  let interactive: boolean | undefined;
  let stderrIsTTY: boolean | undefined;
  return {
    out: fdWriter(1, () => process.stdout),
    err: fdWriter(2, () => process.stderr),
    cwd: process.cwd(),
    env: process.env,
    // Asked only by the commands that prompt or show progress.
    get interactive() {
      return (interactive ??= isTerminal(0) && isTerminal(1));
    },
    get stderrIsTTY() {
      return (stderrIsTTY ??= isTerminal(2));
    },
  };
}
