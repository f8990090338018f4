/**
 * HEAD and a commit's first parent read straight from the files in `.git`, without starting a git
 * process (which costs a large process tens of milliseconds). Both only confirm what git itself
 * said, or answer questions about a commit git just made: whenever the layout is not the plain
 * one (worktrees, reftable, packed objects, another repository named in the environment) they
 * return undefined and the caller asks git.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const OID = /^[0-9a-f]{40}$/;
const REF = /^refs\/[A-Za-z0-9._/-]+$/;
/** Variables that point git at other files than `<root>/.git`'s own. */
const RELOCATING = [
  'GIT_DIR',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_WORK_TREE',
  'GIT_NAMESPACE',
];

/** Whether `gitDir` is a plain `.git` folder git uses as it is (no worktree, reftable or relocating variables). */
export function plainLayout(gitDir: string): boolean {
  return !RELOCATING.some((v) => process.env[v] !== undefined) && !existsSync(join(gitDir, 'commondir')) && !existsSync(join(gitDir, 'reftable'));
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function packedRef(gitDir: string, ref: string): string | undefined {
  const text = readText(join(gitDir, 'packed-refs'));
  if (text === undefined) return undefined;
  for (const line of text.split('\n')) {
    if (line.length === 41 + ref.length && line.endsWith(ref) && line[40] === ' ') return line.slice(0, 40);
  }
  return undefined;
}

/** The commit HEAD names, read from HEAD, the loose ref and packed-refs; undefined when not found that way. */
export function headFromFiles(gitDir: string): string | undefined {
  if (!plainLayout(gitDir)) return undefined;
  let value = readText(join(gitDir, 'HEAD'))?.trim();
  for (let depth = 0; value?.startsWith('ref: ') && depth < 5; depth++) {
    const ref = value.slice(5).trim();
    if (!REF.test(ref) || ref.includes('..')) return undefined;
    value = readText(join(gitDir, ref))?.trim() ?? packedRef(gitDir, ref);
  }
  return value !== undefined && OID.test(value) ? value : undefined;
}

/**
 * The first parent of `commit` (null for a root commit) from its loose object, checked against
 * its id; undefined when the object is not a readable loose commit.
 */
export function firstParentFromFiles(gitDir: string, commit: string): string | null | undefined {
  if (!OID.test(commit) || !plainLayout(gitDir)) return undefined;
  let raw: Buffer;
  try {
    raw = inflateSync(readFileSync(join(gitDir, 'objects', commit.slice(0, 2), commit.slice(2))));
  } catch {
    return undefined;
  }
  if (createHash('sha1').update(raw).digest('hex') !== commit) return undefined;
  const nul = raw.indexOf(0);
  if (nul < 0 || raw.toString('latin1', 0, nul) !== `commit ${raw.length - nul - 1}`) return undefined;
  const end = raw.indexOf('\n\n', nul);
  const lines = raw.toString('latin1', nul + 1, end < 0 ? raw.length : end).split('\n');
  if (!lines[0]?.startsWith('tree ')) return undefined;
  const parent = lines[1]?.startsWith('parent ') ? lines[1].slice('parent '.length) : null;
  return parent === null || OID.test(parent) ? parent : undefined;
}
