/**
 * Finds, for every approval now in the registry, the commit that introduced it, with a fixed
 * number of git processes whatever the number of customers: one `git log` of the customers
 * folder (commits and their `Action` trailer), one `git diff-tree --stdin` for the authors,
 * trailers and changed files of the commits that need looking at (renames inside the folder
 * followed), and the `git cat-file --batch` processes of a BlobReader for HEAD's tree and the
 * file versions to read (those a VerifyCache remembers are not read again).
 *
 * Commits that ase made for an action that never writes approvals (a check-in, a transition...)
 * are taken at their trailer's word and not looked into: the same trailers already say which
 * commits `ase approve` made. When that leaves an approval without the commit that added it,
 * one `git log --raw` gives every commit's changes and every version of its file is read (a hand
 * edit under a borrowed trailer is found that way).
 */
import { APPROVERS, type Approval, type Approver, type CustomerHead } from '../core/model.js';
import { approvalKey, type ApprovalOrigin } from '../core/rules/approval-unverified.js';
import type { ApprovalKeys, ApprovalsReader } from './approvals-in-text.js';
import { BlobReader } from './blob-reader.js';
import type { CustomerLog, LogStep } from './customer-log.js';
import type { VerifyCache } from './verify-cache.js';

/** ase actions that never write an approval (see src/commands). */
const LEAVES_APPROVALS = new Set(['request', 'assign', 'reject', 'transition', 'end', 'checkin', 'docs', 'engineers-set', 'told']);

/** Whether ase made the commit for an action that never writes approvals (its `Action` trailer says so). */
export function skippable(action: string | undefined): boolean {
  return action !== undefined && LEAVES_APPROVALS.has(action);
}

/** The steps of one file, newest first, following renames back to where it was created. */
function chainOf(log: CustomerLog, file: string): LogStep[] {
  const out: LogStep[] = [];
  let path = file;
  let newerThan = -1;
  for (;;) {
    const steps = log.byPath.get(path) ?? [];
    let next: string | undefined;
    for (const s of steps) {
      if (s.index <= newerThan) continue;
      out.push(s);
      if (s.created) return out;
      if (s.from !== path) {
        next = s.from;
        newerThan = s.index;
        break;
      }
    }
    if (next === undefined) return out;
    path = next;
  }
}

type Keys = ApprovalKeys;
const NONE: Keys = new Map();

/** Versions' approvals remembered from earlier runs (see verify-cache.ts). */
type Versions = Pick<VerifyCache, 'version' | 'keepVersion'>;

async function readBlobs(
  root: string,
  reader: ApprovalsReader,
  ids: Iterable<string>,
  into: Map<string, Keys>,
  versions: Versions | undefined,
  started?: BlobReader<Keys>,
): Promise<void> {
  const missing = new Set<string>();
  for (const id of ids) {
    if (into.has(id)) continue;
    const remembered = versions?.version(id);
    if (remembered) into.set(id, remembered);
    else missing.add(id);
  }
  if (missing.size === 0) {
    await started?.all();
    return;
  }
  const blobs = started ?? new BlobReader(root, (bytes) => reader.ofBytes(bytes));
  for (const id of missing) blobs.want(id);
  for (const [id, keys] of await blobs.all()) {
    into.set(id, keys ?? NONE);
    if (keys !== undefined) versions?.keepVersion(id, keys);
  }
}

/** The first step (newest first) that adds the approval with `key` for `role`, when every step is read. */
function introducer(steps: readonly LogStep[], role: Approver, key: string, keys: (id: string | null) => Keys | undefined): LogStep | undefined {
  return steps.find((s) => keys(s.after)?.get(role)?.key === key && keys(s.before)?.get(role)?.key !== key);
}

/** What `ase verify` read of the history before looking at any file version. */
export interface History {
  /** Steps of the commits that are not skipped (see `skippable`), newest first. */
  checked: CustomerLog;
  /** Blob ids of the files at HEAD, by path. */
  heads: ReadonlyMap<string, string>;
  /** Every commit's steps, read only when the checked ones leave an approval unplaced. */
  full(): Promise<CustomerLog>;
  /** A blob reader started early (its process starts while the history is read), for the first read. */
  blobs?: BlobReader<Keys>;
  /** Versions' approvals remembered from earlier runs: those are not read again. */
  versions?: Versions;
}

/** A blob reader for `approvalOrigins`, to start before the history is read. */
export function startBlobReader(root: string, reader: ApprovalsReader): BlobReader<Keys> {
  return new BlobReader(root, (bytes) => reader.ofBytes(bytes));
}

/**
 * Every file's blob id at HEAD under `customersDir`, by path (empty before the first commit),
 * read by `blobs` before any version: its cat-file reads HEAD's tree of the folder.
 */
export async function headBlobs(blobs: BlobReader<Keys>, customersDir: string): Promise<Map<string, string>> {
  const files = await blobs.tree(`HEAD:${customersDir}`);
  return new Map([...files].map(([name, id]) => [`${customersDir}/${name}`, id]));
}

/** A customer's approvals as they are now, and the blob id of its file in the work tree. */
export interface CurrentApprovals {
  customer: CustomerHead;
  approvals: Partial<Record<Approver, Approval>>;
  /** Git's id for the work tree's text (undefined when the text is not known). */
  blob: string | undefined;
}

/**
 * What `approvalOrigins` needs of a customer now: its approvals and git's id for its file as it
 * is in the work tree (`blobId` of its bytes; undefined when not known); undefined when it has no
 * approval. No history needed, so `ase verify` works it out while the history is read.
 */
export function currentApprovals(
  customer: CustomerHead,
  approvals: Partial<Record<Approver, Approval>>,
  blob: string | undefined,
): CurrentApprovals | undefined {
  if (!APPROVERS.some((r) => approvals[r])) return undefined;
  return { customer, approvals, blob };
}

/** Where each approval of `current` came from; `reader` reads approvals from a version's bytes. */
export async function approvalOrigins(
  root: string,
  history: History,
  current: readonly CurrentApprovals[],
  reader: ApprovalsReader,
): Promise<(c: CustomerHead, role: Approver) => ApprovalOrigin> {
  const chains = new Map(current.map((a) => [a, chainOf(history.checked, a.customer.file)]));
  const known = new Map<string, Keys>();
  const keys = (id: string | null) => (id === null ? NONE : known.get(id));

  // First read: the committed version when the work tree differs from it, and the checked steps.
  const wanted: string[] = [];
  const headOf = new Map<CurrentApprovals, string | null | undefined>();
  for (const [c, chain] of chains) {
    const head = history.heads.get(c.customer.file) ?? null;
    const same = head !== null && c.blob === head;
    headOf.set(c, same ? undefined : head);
    if (!same && head !== null) wanted.push(head);
    for (const s of chain) for (const id of [s.before, s.after]) if (id !== null) wanted.push(id);
  }
  await readBlobs(root, reader, wanted, known, history.versions, history.blobs);

  const origins = new Map<string, ApprovalOrigin>();
  const unresolved: [CustomerHead, Approver, string][] = [];
  for (const [c, chain] of chains) {
    const head = headOf.get(c);
    const file = c.customer.file;
    for (const role of APPROVERS) {
      const a = c.approvals[role];
      if (!a) continue;
      const key = approvalKey(a);
      if (head !== undefined && keys(head)?.get(role)?.key !== key) {
        origins.set(`${file}\0${role}`, { kind: 'uncommitted' });
        continue;
      }
      const s = introducer(chain, role, key, keys);
      if (s) origins.set(`${file}\0${role}`, { kind: 'commit', ...s.info });
      else unresolved.push([c.customer, role, key]);
    }
  }

  // Second read, rare: every commit's steps, and every version of the files whose approvals the first read could not place.
  if (unresolved.length > 0) {
    const full = await history.full();
    const all = new Map(unresolved.map(([c]) => [c, chainOf(full, c.file)]));
    const ids = new Set<string>();
    for (const chain of all.values()) for (const s of chain) for (const id of [s.before, s.after]) if (id !== null) ids.add(id);
    await readBlobs(root, reader, ids, known, history.versions);
    for (const [c, role, key] of unresolved) {
      const s = introducer(all.get(c)!, role, key, keys);
      origins.set(`${c.file}\0${role}`, s ? { kind: 'commit', ...s.info } : { kind: 'unknown' });
    }
  }
  return (c, role) => origins.get(`${c.file}\0${role}`) ?? { kind: 'unknown' };
}
