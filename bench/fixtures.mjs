// The repositories the benchmark runs in, built under a temporary folder: the sample registry,
// generated registries of N customers, a committed 10,000-customer repo for writes, and a repo
// with 5,000 commits for history.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRegistry, slugOf } from './generate.mjs';

export function git(cwd, args, input) {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** `git init` with a fixed identity, no signing and no hooks. */
export function initRepo(dir) {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Bench User']);
  git(dir, ['config', 'user.email', 'bench@example.com']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['config', 'core.hooksPath', '/dev/null']);
  return dir;
}

function commitAll(dir, message) {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message]);
}

/** The project's sample registry, copied into its own repo. */
export function sampleRepo(project, tmp) {
  const dir = join(tmp, 'sample');
  cpSync(join(project, 'registry'), join(dir, 'registry'), { recursive: true });
  cpSync(join(project, 'schemas'), join(dir, 'schemas'), { recursive: true });
  initRepo(dir);
  commitAll(dir, 'sample');
  return dir;
}

/**
 * A generated registry of `n` customers in a git work tree: committed, as a registry ase manages
 * always is (CI lints a checkout), or with `committed: false` just written (nothing in git's index).
 */
export function lintRepo(tmp, n, { committed = true } = {}) {
  const dir = join(tmp, `lint-${n}${committed ? '' : '-uncommitted'}`);
  generateRegistry(dir, n);
  initRepo(dir);
  if (committed) commitAll(dir, 'registry');
  return dir;
}

/** The same customers with quoted dates, for ajv-cli. */
export function ajvData(tmp, n) {
  const dir = join(tmp, `ajv-${n}`);
  generateRegistry(dir, n, { quoteDates: true });
  return join(dir, 'registry', 'customers');
}

/** A committed registry of `n` customers with room under the cap for the assign runs. */
export function writeRepo(tmp, n) {
  const dir = join(tmp, `write-${n}`);
  generateRegistry(dir, n, { cap: 60 });
  initRepo(dir);
  commitAll(dir, 'registry');
  return dir;
}

/**
 * A repo whose registry of `customers` files has `commits` commits, each an ase-style change to
 * one customer with trailers (or, with `trailers: false`, a hand edit without any); written with
 * git fast-import, which takes a second, not minutes.
 */
export function historyRepo(tmp, customers, commits, { trailers = true } = {}) {
  const dir = join(tmp, trailers ? 'history' : 'history-hand');
  generateRegistry(dir, customers);
  initRepo(dir);
  commitAll(dir, 'registry');
  const head = git(dir, ['rev-parse', 'HEAD']).trim();
  const texts = Array.from({ length: customers }, (_, i) => readFileSync(join(dir, 'registry', 'customers', `${slugOf(i)}.yaml`), 'utf8'));
  const chunks = [];
  const reasons = ['stagnating', 'exposure', 'workload', 'leave', 'customer-request', 'other'];
  const t0 = 1_700_000_000;
  for (let k = 1; k < commits; k++) {
    const i = k % customers;
    const slug = slugOf(i);
    const reason = reasons[k % reasons.length];
    const message = trailers
      ? `checkin(${slug}): weekly check-in ${k}\n\nRecorded the weekly CE check-in.\n\nAction: checkin\nCustomer: ${slug}\nReason: ${reason}\n`
      : `Edit ${slug} by hand (${k})\n`;
    const content = `${texts[i]}# revision ${k}\n`;
    chunks.push(
      'commit refs/heads/main',
      `committer Bench User <bench@example.com> ${t0 + k * 60} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(k === 1 ? [`from ${head}`] : []),
      `M 100644 inline registry/customers/${slug}.yaml`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
  }
  git(dir, ['fast-import', '--quiet'], `${chunks.join('\n')}\n`);
  git(dir, ['reset', '-q', '--hard', 'main']);
  return dir;
}
