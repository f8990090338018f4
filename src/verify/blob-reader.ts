/**
 * `git cat-file --batch` processes for many blobs: ids are asked for as soon as they are known
 * (while `git log` is still talking), and the contents come back as each process reads them.
 */
import { spawn } from 'node:child_process'; // not simple-git: a long-lived `git cat-file --batch` fed ids while the log is read, answering in bytes; simple-git runs one command to its end and gives text.
import { gitFailure } from '../git/exec.js';

type Tree = { resolve: (entries: Map<string, string>) => void; reject: (err: unknown) => void };

/** One `git cat-file --batch`: hands each object it reads to `got`, in the order asked. */
class CatFile {
  private readonly child;
  private pending: Buffer = Buffer.alloc(0);
  readonly done: Promise<void>;
  private stderr = '';
  private queued = '';
  private scheduled = false;
  private readonly trees = new Map<string, Tree>();

  constructor(
    root: string,
    private readonly got: (id: string, bytes: Buffer | undefined) => void,
  ) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.on('error', () => undefined);
    this.child.stdout.on('data', (d: Buffer) => this.take(d));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.done = new Promise((resolve, reject) => {
      this.child.on('error', (err) => reject(gitFailure(['cat-file'], { code: 127, stdout: '', stderr: err.message })));
      this.child.on('close', (code) =>
        code === 0 ? resolve() : reject(gitFailure(['cat-file', '--batch'], { code: code ?? 1, stdout: '', stderr: this.stderr })),
      );
    });
    // A failure is told by `all`; until it is called, not an unhandled rejection that ends ase.
    // A tree still unanswered when git has ended gets its failure, or nothing.
    this.done.then(
      () => this.trees.forEach((t) => t.resolve(new Map())),
      (err) => this.trees.forEach((t) => t.reject(err)),
    );
  }

  /** Asks for a tree, to be asked before any blob: git answers in order, and names a tree by its id only. */
  tree(name: string): Promise<Map<string, string>> {
    return new Promise((resolve, reject) => {
      this.trees.set(name, { resolve, reject });
      this.ask(name);
    });
  }

  /** Asks for an object; asks go to git in batches, one write per turn of the event loop. */
  ask(name: string): void {
    this.queued += `${name}\n`;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    if (this.queued === '') return;
    this.child.stdin.write(this.queued);
    this.queued = '';
  }

  /** Sends what is asked, then closes git's input: it ends once it has answered. */
  end(): void {
    this.flush();
    this.child.stdin.end();
  }

  /** Parses `<id> <type> <size>\n<content>\n` and `<name> missing\n` records as they arrive. */
  private take(chunk: Buffer): void {
    let buf = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl < 0) break;
      const header = buf.toString('latin1', 0, nl).split(' ');
      const id = header[0]!;
      if (header[1] === 'missing' || header.length < 3) {
        const name = buf.toString('utf8', 0, nl - ' missing'.length);
        const tree = this.trees.get(name);
        this.trees.delete(name);
        if (tree) tree.resolve(new Map());
        else this.got(id, undefined);
        buf = buf.subarray(nl + 1);
        continue;
      }
      const size = Number(header[2]);
      if (buf.length < nl + 1 + size + 1) break;
      const bytes = buf.subarray(nl + 1, nl + 1 + size);
      const [name, tree] = header[1] === 'tree' ? (this.trees.entries().next().value ?? []) : [];
      if (tree) {
        this.trees.delete(name!);
        tree.resolve(treeEntries(bytes));
      } else this.got(id, bytes);
      buf = buf.subarray(nl + 1 + size + 1);
    }
    this.pending = buf;
  }
}

/**
 * Blobs read by two cat-file processes sharing the asks: git reads one object after another, a
 * loose one in tens of microseconds, and the versions to read mostly come once the log has ended
 * and a core is free (two halve the ~8 ms of the 200 first versions in the bench's repository).
 */
export class BlobReader<T> {
  private readonly asked = new Set<string>();
  private readonly texts = new Map<string, T | undefined>();
  private readonly files: CatFile[];
  private next = 0;
  /** Called when the last blob asked for has been read, while `all` waits for it. */
  private allRead: (() => void) | undefined;

  /** `read` turns each blob's bytes into what is kept of it, as it arrives (texts are not kept). */
  constructor(root: string, read: (bytes: Buffer) => T) {
    const got = (id: string, bytes: Buffer | undefined) => {
      this.texts.set(id, bytes === undefined ? undefined : read(bytes));
      if (this.allRead && this.texts.size >= this.asked.size) this.allRead();
    };
    this.files = [new CatFile(root, got), new CatFile(root, got)];
  }

  /** Asks for a blob (once). */
  want(id: string): void {
    if (this.asked.has(id)) return;
    this.asked.add(id);
    this.files[this.next]!.ask(id);
    this.next = 1 - this.next;
  }

  /**
   * The blob ids of the files in the tree `<rev>:<path>` names (its subfolders and submodules
   * left out), by name; empty when there is no such tree. Asked before any blob.
   */
  tree(name: string): Promise<Map<string, string>> {
    return this.files[0]!.tree(name);
  }

  /**
   * What was read of every blob asked for, by id (undefined for one git does not have), as soon
   * as the last one is in: git then ends on its own, its exit not waited for.
   */
  async all(): Promise<ReadonlyMap<string, T | undefined>> {
    for (const f of this.files) f.end();
    if (this.texts.size < this.asked.size) {
      await Promise.race([Promise.all(this.files.map((f) => f.done)), new Promise<void>((resolve) => (this.allRead = resolve))]);
    }
    return this.texts;
  }
}

/** A raw tree's entries (`<mode> <name>\0<20-byte id>`) that are files, as name -> blob id. */
function treeEntries(bytes: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (let at = 0; at < bytes.length; ) {
    const space = bytes.indexOf(32, at);
    const nul = bytes.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    const mode = bytes.toString('latin1', at, space);
    if (mode !== '40000' && mode !== '160000') out.set(bytes.toString('utf8', space + 1, nul), bytes.toString('hex', nul + 1, nul + 21));
    at = nul + 21;
  }
  return out;
}
