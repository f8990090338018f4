/**
 * The history of the customers folder in one `git log`: every commit (author, trailers) and, for
 * each file it touched, the blob ids before and after, with renames inside the folder detected.
 */
// Not simple-git for the log and its diff-tree: the log is read as it streams and names the
// commits to a `git diff-tree --stdin` already running, so both end together. simple-git's
// `outputHandler` can watch a command's output, but no option writes to a command's standard
// input, and its code loads before the first command starts (~15 ms later than this spawn, on the
// path of every run of a command whose target is 2x its `git log`).
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { gitFailure, runGit } from '../git/exec.js';
import { parseTrailers } from '../git/log.js';

export interface CommitInfo {
  commit: string;
  name: string;
  email: string;
  trailers: Record<string, string>;
}

/** One commit's change to one file. */
export interface LogStep {
  /** Position in the log: 0 is the newest commit. */
  index: number;
  info: CommitInfo;
  /** Path before the commit (differs from the file's path on a rename). */
  from: string;
  /** The file was created here (added or copied): older commits are of another file. */
  created: boolean;
  /** Blob before (null when created) and after (null when deleted). */
  before: string | null;
  after: string | null;
}

export interface CustomerLog {
  /** Steps by the path a commit left the file at, newest first. */
  byPath: Map<string, LogStep[]>;
}

const ZERO = /^0+$/;

/** Collects raw diff lines (`:old-mode new-mode old-id new-id status\tpath[\tnew-path]`) into steps by path, telling `onStep` of each. */
function stepCollector(byPath: Map<string, LogStep[]>, onStep?: (path: string, step: LogStep) => void) {
  return (l: string, index: number, info: CommitInfo) => {
    const tab = l.indexOf('\t');
    if (tab < 0) return;
    const [, , before, after, status] = l.slice(1, tab).split(' ');
    if (!before || !after || !status) return;
    const paths = l.slice(tab + 1).split('\t');
    const to = paths[1] ?? paths[0]!;
    const created = status === 'A' || status.startsWith('C');
    const step: LogStep = {
      index,
      info,
      from: paths[0]!,
      created,
      before: created || ZERO.test(before) ? null : before,
      after: ZERO.test(after) ? null : after,
    };
    const list = byPath.get(to);
    if (list) list.push(step);
    else byPath.set(to, [step]);
    onStep?.(to, step);
  };
}

/** A repository without commits has no history: every approval is uncommitted. */
const NO_HISTORY = /does not have any commits|bad default revision 'HEAD'|Not a valid object name HEAD/;

/**
 * GIT_FLUSH=0: git log and diff-tree flush stdout after every commit when it is not a regular
 * file, so a pipe gets one write per commit, each waking ase to read a line; buffered writes
 * save ~50 ms on 5,000 commits.
 */
const gitEnv = () => ({ ...process.env, GIT_FLUSH: '0' });

/** The error for a git that failed, naming its command (`log`), not the options before it. */
function failure(args: readonly string[], r: { code: number; stdout: string; stderr: string }) {
  return gitFailure(
    args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-c'),
    r,
  );
}

/** git's whole output (through simple-git, `input` on its stdin); '' for a repository without commits. */
async function gitOutput(root: string, args: readonly string[], input?: string): Promise<string> {
  const r = await runGit(root, args, input === undefined ? { env: gitEnv() } : { input, env: gitEnv() });
  if (r.code === 0) return r.stdout;
  if (NO_HISTORY.test(r.stderr)) return '';
  throw failure(args, r);
}

/** Hands each line of `text` to `line`: a last line without its newline too. */
function eachLine(text: string, line: (l: string) => void, start = 0): number {
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end < 0) return start;
    line(text.slice(start, end));
    start = end + 1;
  }
  return start;
}

/** Hands each line of git's output to `line`. */
async function gitLines(root: string, args: readonly string[], line: (l: string) => void, input?: string): Promise<void> {
  const text = await gitOutput(root, args, input);
  const rest = eachLine(text, line);
  if (rest < text.length) line(text.slice(rest));
}

interface StreamOptions {
  /** Whether git reads its stdin (fed through `write` until `end`). */
  stdin?: boolean;
  /** Called after the lines of each chunk of output. */
  chunk?: () => void;
}

/**
 * A git process whose output goes to `line` a line at a time as it arrives. `done` settles when
 * it has exited: fulfilled on success and, like `gitOutput`, for a repository without commits.
 */
class GitStream {
  private readonly child;
  readonly done: Promise<void>;

  constructor(root: string, args: readonly string[], line: (l: string) => void, { stdin = false, chunk = () => {} }: StreamOptions = {}) {
    this.child = spawn('git', args, { cwd: root, env: gitEnv(), stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    // A git that has failed takes no more input: the failure is told by its exit.
    this.child.stdin?.on('error', () => undefined);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    this.child.stdout!.on('data', (d: Buffer) => {
      const text = pending + decoder.write(d);
      pending = text.slice(eachLine(text, line));
      chunk();
    });
    let stderr = '';
    this.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    this.done = new Promise((resolve, reject) => {
      this.child.on('error', (err) => reject(failure(args, { code: 127, stdout: '', stderr: err.message })));
      this.child.on('close', (code) => {
        const last = pending + decoder.end();
        if (last !== '') {
          line(last);
          chunk();
        }
        if (code === 0 || NO_HISTORY.test(stderr)) resolve();
        else reject(failure(args, { code: code ?? 1, stdout: '', stderr }));
      });
    });
    // Told through `done`, awaited by the caller; not an unhandled rejection while it is busy elsewhere.
    this.done.catch(() => undefined);
  }

  write(text: string): void {
    this.child.stdin!.write(text);
  }

  end(): void {
    this.child.stdin?.end();
  }
}

// Whatever the user's config says: paths unquoted, no signatures in the output.
const CONFIG = ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '--literal-pathspecs'];
const FORMAT = '--format=%x1e%H%x1f%an%x1f%ae%x1f%(trailers:only,unfold)%x1f';

/** Parses `\x1e<id>\x1f<name>\x1f<email>\x1f<trailers>\x1f` headers line by line; other lines go to `other`. */
function headerReader(onCommit: (info: CommitInfo) => void, other: (l: string) => void) {
  let header = '';
  return (l: string) => {
    if (header !== '' || l.charCodeAt(0) === 0x1e) {
      header += `${header === '' ? l.slice(1) : l}\n`;
      if (!l.endsWith('\x1f')) return;
      const [commit, name, email, trailers] = header.split('\x1f');
      header = '';
      onCommit({ commit: commit!, name: name!, email: email!, trailers: parseTrailers(trailers ?? '') });
      return;
    }
    other(l);
  };
}

/**
 * The steps of the commits that touched `customersDir`, newest first, leaving out those `skip`
 * says need no looking into (from their `Action` trailer): one `git log` of the folder names the
 * commits (the same walk as a plain `git log` of it, printing little), and one `git diff-tree
 * --stdin`, fed each commit to look into as the log names it, gives their authors, trailers and
 * steps, each told to `onStep` as it arrives. A step's `index` is its commit's position in the log.
 */
export async function readHistory(
  root: string,
  customersDir: string,
  skip: (action: string | undefined) => boolean,
  onStep?: (path: string, step: LogStep) => void,
): Promise<CustomerLog> {
  const byPath = new Map<string, LogStep[]>();
  const collect = stepCollector(byPath, onStep);
  const indexOf = new Map<string, number>();
  let current: { info: CommitInfo; index: number } | undefined;
  let index = 0;
  let asked = '';
  const logArgs = [...CONFIG, 'log', '--no-color', '--format=%H%x1f%(trailers:key=Action,valueonly,separator=%x1f)', '--', customersDir];
  const log = new GitStream(
    root,
    logArgs,
    (l) => {
      if (l.length < 40) return;
      const tab = l.indexOf('\x1f', 41);
      const action = l.slice(41, tab >= 0 ? tab : l.length).trim() || undefined;
      const commit = l.slice(0, 40);
      if (!skip(action)) {
        indexOf.set(commit, index);
        asked += `${commit}\n`;
      }
      index++;
    },
    {
      chunk: () => {
        if (asked === '') return;
        diff.write(asked);
        asked = '';
      },
    },
  );
  // Started second: its start holds ase up for a few milliseconds, better spent with the log running.
  const diffArgs = [...CONFIG, 'diff-tree', '--stdin', '-r', '--root', '--no-color', '--no-ext-diff', '--no-abbrev', '--raw', '-M', FORMAT, '--', customersDir];
  const diff = new GitStream(
    root,
    diffArgs,
    headerReader(
      (info) => {
        const at = indexOf.get(info.commit);
        current = at === undefined ? undefined : { info, index: at };
      },
      (l) => {
        if (l.charCodeAt(0) === 58 /* : */ && current) collect(l, current.index, current.info);
      },
    ),
    { stdin: true },
  );
  try {
    await log.done;
  } finally {
    diff.end();
  }
  await diff.done;
  return { byPath };
}

/** Every commit's steps: one `git log --raw` of `customersDir`, newest commit first. */
export async function readCustomerLog(root: string, customersDir: string): Promise<CustomerLog> {
  const byPath = new Map<string, LogStep[]>();
  const collect = stepCollector(byPath);
  let index = -1;
  let info: CommitInfo | undefined;
  const args = [...CONFIG, 'log', '--root', '--no-color', '--no-ext-diff', '--no-abbrev', '--raw', '-M', FORMAT, '--', customersDir];
  await gitLines(
    root,
    args,
    headerReader(
      (c) => {
        info = c;
        index++;
      },
      (l) => {
        if (l.charCodeAt(0) === 58 && info) collect(l, index, info);
      },
    ),
  );
  return { byPath };
}
