/**
 * The history of the customers folder in one `git log`: every commit (author, trailers) and, for
 * each file it touched, the blob ids before and after, with renames inside the folder detected.
 */
import { spawn } from 'node:child_process';
import { gitFailure } from '../git/exec.js';
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

/** Reads the log of `customersDir` (relative to `root`), newest commit first. */
export function readCustomerLog(root: string, customersDir: string): Promise<CustomerLog> {
  const args = [
    // Whatever the user's config says: paths unquoted, no signatures in the output, the root commit's files shown.
    '-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '--literal-pathspecs', 'log', '--root', '--no-color', '--no-ext-diff', '--no-abbrev', '--raw', '-M',
    '--format=%x1e%H%x1f%an%x1f%ae%x1f%(trailers:only,unfold)%x1f', '--', customersDir,
  ];
  const byPath = new Map<string, LogStep[]>();
  let index = -1;
  let header = '';
  let info: CommitInfo | undefined;
  // Each commit is `\x1e<id>\x1f<name>\x1f<email>\x1f<trailers>\x1f`, then its `:...` raw lines.
  const line = (l: string) => {
    if (header !== '' || l.charCodeAt(0) === 0x1e) {
      header += `${header === '' ? l.slice(1) : l}\n`;
      if (!l.endsWith('\x1f')) return;
      const [commit, name, email, trailers] = header.split('\x1f');
      info = { commit: commit!, name: name!, email: email!, trailers: parseTrailers(trailers ?? '') };
      header = '';
      index++;
      return;
    }
    if (l.charCodeAt(0) !== 58 /* : */ || !info) return;
    const tab = l.indexOf('\t');
    if (tab < 0) return;
    const [, , before, after, status] = l.slice(1, tab).split(' ');
    if (!before || !after || !status) return;
    const paths = l.slice(tab + 1).split('\t');
    const to = paths[1] ?? paths[0]!;
    const created = status === 'A' || status.startsWith('C');
    const step: LogStep = { index, info, from: paths[0]!, created, before: created || ZERO.test(before) ? null : before, after: ZERO.test(after) ? null : after };
    const list = byPath.get(to);
    if (list) list.push(step);
    else byPath.set(to, [step]);
  };
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let rest = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      const lines = (rest + d).split('\n');
      rest = lines.pop()!;
      for (const l of lines) line(l);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (err) => reject(gitFailure(['log'], { code: 127, stdout: '', stderr: err.message })));
    child.on('close', (code) => {
      if (rest !== '') line(rest);
      // A repository without commits has no history: every approval is uncommitted.
      if (code === 0 || /does not have any commits|bad default revision 'HEAD'/.test(stderr)) resolve({ byPath });
      else reject(gitFailure(['log'], { code: code ?? 1, stdout: '', stderr }));
    });
  });
}
