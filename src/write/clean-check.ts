/**
 * Whether the files a change touches match the last commit, asked of git before the registry is
 * read, so git answers on another core while the registry is read here. The early answer is used
 * only if nothing it depends on has moved since: each file holds the bytes it held before git
 * started, the index is the same file, and HEAD is still the commit git saw. Otherwise, and for
 * files it did not cover, git is asked again, as if it had never been asked early.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { timeOffPath } from '../core/coverage.js';
import { headFromFiles } from '../git/head-files.js';
import { pathStatus, pathStatusLater, readBytes, type PathStatus } from '../git/repo.js';
import { isSlug } from '../core/slug.js';
import type { RegistryLocation } from '../registry/discover.js';
import { pagePath } from '../registry/page-check.js';

/** A registry file a change may touch. */
export interface Touched {
  abs: string;
  /** Path relative to the git work tree. */
  file: string;
}

/** A `git status` asked early, with what it depends on as it was when git started. */
export interface EarlyStatus {
  gitDir: string;
  /** Display path -> the file's bytes (undefined: absent). */
  bytes: Map<string, Buffer | undefined>;
  index: string;
  answer: Promise<PathStatus | undefined>;
}

/** The index file's identity and times: git never rewrites it in place, so a changed index differs. */
function indexStamp(gitDir: string): string {
  const st = lstatSync(join(gitDir, 'index'), { bigint: true, throwIfNoEntry: false });
  return st ? `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : 'none';
}

/** The files a change of `slug` may touch: its customer file, people, config and the page. */
export function likelyTouched(location: RegistryLocation, slug: string | undefined): Touched[] {
  const { dir, files } = location;
  const touched = [
    { abs: join(dir, 'config.yaml'), file: files.config },
    { abs: join(dir, 'people.yaml'), file: files.people },
    { abs: join(dir, 'time-off.yaml'), file: timeOffPath(files) },
    { abs: pagePath(location), file: files.page },
  ];
  if (slug !== undefined && isSlug(slug)) touched.push({ abs: join(dir, 'customers', `${slug}.yaml`), file: `${files.customersDir}/${slug}.yaml` });
  return touched;
}

/** Starts `git status` for `files` now; `statusOf` collects the answer. */
export function startStatus(root: string, gitDir: string, files: readonly Touched[]): EarlyStatus {
  const bytes = new Map(files.map((f) => [f.file, readBytes(f.abs)]));
  const index = indexStamp(gitDir);
  return {
    gitDir,
    bytes,
    index,
    answer: pathStatusLater(
      root,
      files.map((f) => f.file),
    ),
  };
}

/** Which of `files` differ from HEAD or are untracked, and HEAD: the early answer when it still holds, else git's now. */
export async function statusOf(root: string, files: readonly Touched[], early?: EarlyStatus): Promise<PathStatus> {
  if (files.length === 0) return { head: undefined, dirty: new Map() };
  const answer = early && (await early.answer);
  if (early && answer?.head !== undefined && stillHolds(early, answer, files)) {
    return { head: answer.head, dirty: new Map([...answer.dirty].filter(([file]) => files.some((f) => f.file === file))) };
  }
  return pathStatus(
    root,
    files.map((f) => f.file),
  );
}

function stillHolds(early: EarlyStatus, answer: PathStatus, files: readonly Touched[]): boolean {
  // A path git named that was not asked for (another spelling of one?) is not matched up here.
  for (const file of answer.dirty.keys()) if (!early.bytes.has(file)) return false;
  for (const f of files) {
    if (!early.bytes.has(f.file)) return false;
    const before = early.bytes.get(f.file);
    const now = readBytes(f.abs);
    if (before === undefined || now === undefined ? before !== now : !before.equals(now)) return false;
  }
  return indexStamp(early.gitDir) === early.index && headFromFiles(early.gitDir) === answer.head;
}
