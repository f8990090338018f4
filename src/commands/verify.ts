/**
 * `ase verify`: every approval in the registry against the commit that introduced it. Reads the
 * history of the customers folder in one `git log`; `ase lint` never reads history.
 */
import { count } from '../core/words.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { countFindings } from '../core/findings.js';
import { approvalUnverified } from '../core/rules/approval-unverified.js';
import { EnvironmentError } from '../errors.js';
import { runGit } from '../git/exec.js';
import { plainLayout } from '../git/head-files.js';
import { positionFinding } from '../registry/build.js';
import { APPROVERS, type Approval, type Approver, type CustomerHead } from '../core/model.js';
import { openRegistry } from '../registry/open.js';
import { blobId } from '../git/blob-id.js';
import { decode } from '../registry/reader.js';
import { sourceModule } from '../registry/source-module.js';
import { findingsGithub } from '../report/findings-github.js';
import { findingsJson } from '../report/findings-json.js';
import { findingsText } from '../report/findings-text.js';
import { compareFindings } from '../core/findings.js';
import { type CurrentApprovals, approvalOrigins, currentApprovals, headBlobs, skippable, startBlobReader } from '../verify/approval-history.js';
import { openVerifyCache } from '../verify/verify-cache.js';
import { ApprovalsReader, type KeyPosition, approvalPosition, approvalPositions } from '../verify/approvals-in-text.js';
import { type LogStep, readCustomerLog, readHistory } from '../verify/customer-log.js';
import { discoverRegistry } from '../registry/discover.js';

export interface VerifyArgs {
  format?: 'text' | 'json' | 'github';
  json?: boolean;
  strict?: boolean;
}

/** Whether the clone is shallow: `.git/shallow` exists in a plain layout (no git process), else git says. */
async function isShallow(root: string): Promise<boolean> {
  const dotGit = join(root, '.git');
  if (isDirectory(dotGit) && plainLayout(dotGit)) return existsSync(join(dotGit, 'shallow'));
  const r = await runGit(root, ['rev-parse', '--is-shallow-repository']);
  return r.code === 0 && r.stdout.trim() === 'true';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Exit 3 unless the registry is in a work tree with its full history. */
async function requireFullHistory(root: string): Promise<void> {
  if (await isShallow(root)) {
    throw new EnvironmentError(
      'this clone is shallow: `ase verify` needs the full history to find the commit behind each approval',
      'fetch it with `git fetch --unshallow`; in GitHub Actions give actions/checkout `fetch-depth: 0`',
    );
  }
}

export async function run(args: VerifyArgs, globals: Globals, io: Io): Promise<number> {
  const where = discoverRegistry(io.cwd, globals.registry);
  const root = where.gitRoot;
  if (root === undefined) {
    throw new EnvironmentError(
      `the registry ${where.dir} is not inside a git work tree, so there is no history to verify approvals against`,
      'run `ase verify` in a clone of the registry repository',
    );
  }
  const dir = where.files.customersDir;
  // The log first, as it takes longest; the rest is read while it runs: HEAD's files, through
  // the cat-file that reads the versions later, and the registry with its approvals now.
  let prefetch: ((path: string, step: LogStep) => void) | undefined;
  const log = readHistory(root, dir, skippable, (path, step) => prefetch?.(path, step));
  const reader = new ApprovalsReader((text) => sourceModule().yamlData(text));
  const blobs = startBlobReader(root, reader);
  const history = Promise.all([log, headBlobs(blobs, dir), requireFullHistory(root)]);
  const now = (async () => {
    const { location, loaded } = await openRegistry(globals, io);
    const cache = openVerifyCache(location, io.env);
    const approvals = new Map<CustomerHead, Partial<Record<Approver, Approval>>>();
    const current: CurrentApprovals[] = [];
    const positions = new Map<string, Map<Approver, KeyPosition>>();
    // What is needed of each customer file as it is now: its approvals (from the approvals block:
    // the model would parse the file whole), git's id for it and the line of each approval, for
    // the findings; remembered by the content key the registry knows the file by, else read once
    // and taken at once. (The registry's own reads check each text against that key, a hash that
    // costs more than all of this.)
    for (const c of loaded.registry.customers) {
      const file = loaded.files.get(c.file);
      const key = file === undefined ? undefined : loaded.cache?.keyOf(file);
      let seen = key === undefined ? undefined : cache.workTree(key);
      if (seen === undefined && file !== undefined) {
        // Hashed as the bytes on disk, as git hashes them (the text loses a byte-order mark).
        const bytes = readFileSync(`${root}${sep}${c.file}`);
        const text = decode(bytes);
        const found = Object.fromEntries([...reader.of(text)].map(([role, { approval }]) => [role, approval]));
        seen = { blob: blobId(bytes), approvals: found, positions: APPROVERS.some((r) => found[r]) ? approvalPositions(text) : new Map() };
        if (key !== undefined) cache.keepWorkTree(key, seen);
      }
      const found = seen?.approvals ?? loaded.details(c).approvals;
      approvals.set(c, found);
      const entry = currentApprovals(c, found, seen?.blob);
      if (entry === undefined) continue;
      current.push(entry);
      if (seen !== undefined) positions.set(c.file, seen.positions);
    }
    const approvalsOf = (c: CustomerHead) => approvals.get(c) ?? loaded.details(c).approvals;
    // From now on, the versions of the files with approvals (and of the files they were renamed
    // from) are asked for as the history names them; approvalOrigins asks for any still missing.
    const paths = new Set(current.map((c) => c.customer.file));
    prefetch = (path, step) => {
      if (!paths.has(path)) return;
      paths.add(step.from);
      for (const id of [step.before, step.after]) if (id !== null && cache.version(id) === undefined) blobs.want(id);
    };
    return { loaded, approvalsOf, current, positions, cache };
  })();
  let read;
  try {
    read = await Promise.all([history, now]);
  } catch (err) {
    // The blob reader is ended once nothing asks it for more, so no git is left waiting.
    await now.catch(() => undefined);
    prefetch = undefined;
    await blobs.all().catch(() => undefined);
    throw err;
  }
  const [[checked, heads], { loaded, approvalsOf, current, positions, cache }] = read;
  prefetch = undefined;
  const originOf = await approvalOrigins(root, { checked, heads, full: () => readCustomerLog(root, dir), blobs, versions: cache }, current, reader);
  const reg = loaded.registry;
  // Positions from the text when the block is plainly written: parsing every file for them would cost more than the history.
  const findings = approvalUnverified(reg, originOf, approvalsOf)
    .map((p) => {
      const file = loaded.files.get(p.file);
      const role = p.path[1] as Approver;
      const known = positions.get(p.file);
      const at = known ? known.get(role) : file?.text !== undefined ? approvalPosition(file.text, role) : undefined;
      return at ? { rule: p.rule, severity: p.severity, file: p.file, ...at, message: p.message, subject: p.subject } : positionFinding(p, file);
    })
    .sort(compareFindings);
  const format = args.json ? 'json' : (args.format ?? 'text');
  if (format === 'json') io.out(findingsJson(findings));
  else if (format === 'github') io.out(findingsGithub(findings, 'ase verify'));
  else {
    const total = reg.customers.reduce((n, c) => n + Object.keys(approvalsOf(c)).length, 0);
    const text = findingsText(findings, await makeStyle(globals.color));
    io.out(findings.length === 0 ? `✔ ${count(total, 'approval')} verified against the git history\n` : text);
  }
  cache.save();
  const { errors, warnings } = countFindings(findings);
  return errors > 0 || (args.strict && warnings > 0) ? 1 : 0;
}
