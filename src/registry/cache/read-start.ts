/**
 * Where a read of the fast reader starts: the caches of the registry, opened once, and either the
 * customers folder as listed (git asked which files are unchanged in a large registry) or the
 * registry's snapshot, when git's index says it still holds (then no folder is listed).
 */
import { join } from 'node:path';
import { existsSync, type Dirent } from 'node:fs';
import { compareText } from '../../core/compare.js';
import type { Finding } from '../../core/findings.js';
import type { RegistryLocation } from '../discover.js';
import { gitStarted } from '../../git/exec.js';
import { NO_CACHE, cacheDir, openLintCache, openPositionCache, openVerdictCache, type LintCache } from './lint-cache.js';
import { customerFolder, customersFolderProblem, isMisnamedCustomerFile } from '../read/read-disk.js';
import { NO_INDEX, openStatIndex, type StatIndex } from './stat-index.js';
import { indexChecksum } from '../../git/index-file.js';
import { changedSinceIndex, compareWithIndex, hasSnapshot, loadSnapshot, type IndexComparison, type SnapshotPlace } from './snapshot.js';
import { envOf, type ReadOptions } from '../read-options.js';
import { sourceHash } from '../source-module.js';

/** From this many customer files on, one `git ls-files` is cheaper than a stat per file. */
const GIT_LISTING_MIN = 2_000;

/** The caches of one registry; `verdicts` is used by `evaluate` (see verdicts.ts). */
export interface Caches {
  /** Where they live; undefined when the cache is off. */
  dir: string | undefined;
  /** The code the entries are made by (see sourceHash); undefined when the cache is off. */
  code: string | undefined;
  index: StatIndex;
  entries: LintCache;
  positions: LintCache;
  verdicts: LintCache;
}

function openCaches(location: RegistryLocation, env: NodeJS.ProcessEnv): Caches {
  const code = sourceHash(env);
  if (code === undefined || env.ASE_CACHE === 'off' || env.ASE_CACHE === '0')
    return { dir: undefined, code: undefined, index: NO_INDEX, entries: NO_CACHE, positions: NO_CACHE, verdicts: NO_CACHE };
  const dir = cacheDir(location, env);
  return {
    dir,
    code,
    index: openStatIndex(dir),
    entries: openLintCache(dir, code),
    positions: openPositionCache(dir, code),
    verdicts: openVerdictCache(dir, code),
  };
}

/** Where reading starts: the caches, and the customer files the folder lists. */
export interface Start {
  env: NodeJS.ProcessEnv;
  caches: Caches;
  folderProblem: Finding | undefined;
  entries: Dirent[];
  /** Files meant as customers that are not read (`acme.yml`): each is reported. */
  misnamed: string[];
  /** Whether git is asked which files are unchanged (a large registry in git). */
  askGit: boolean;
  /** Where the registry's snapshot is kept, when it can have one. */
  place: SnapshotPlace | undefined;
  /** Read from the snapshot: the index against its rows, the names git says differ from the index, and its entries of other files. */
  snapshot?: IndexComparison & { changed: Set<string>; others: Map<string, string>; fingerprint: string | undefined };
}

/** The cache of the files other than customers while reading from the snapshot (what it keeps is written with the snapshot). */
function othersCache(others: Map<string, string>): LintCache {
  return { get: (key) => others.get(key), use: () => undefined, save: () => undefined, preload: () => undefined };
}

/** Beyond this many files to read besides the snapshot's, the full read (and its cache) does better. */
const SNAPSHOT_MAX_CHANGED = 500;

/** Where the snapshot of `loc` lives: with the lint cache in a plain `.git` folder. */
function snapshotPlace(loc: RegistryLocation, { dir, code }: Caches): SnapshotPlace | undefined {
  if (loc.gitRoot === undefined || code === undefined || dir === undefined) return undefined;
  const gitDir = join(loc.gitRoot, '.git');
  return dir === join(gitDir, 'ase-cache') ? { dir, gitDir, gitRoot: loc.gitRoot, folder: loc.files.customersDir, code } : undefined;
}

/** The caches of `loc`, and where its snapshot lives, opened once for whichever start is taken. */
export interface Opened {
  env: NodeJS.ProcessEnv;
  caches: Caches;
  place: SnapshotPlace | undefined;
}

export function open(loc: RegistryLocation, options: ReadOptions): Opened {
  const env = envOf(options);
  const caches = openCaches(loc, env);
  return { env, caches, place: snapshotPlace(loc, caches) };
}

export function start(loc: RegistryLocation, { env, caches, place }: Opened): Start {
  const folderProblem = customersFolderProblem(join(loc.dir, 'customers'), loc.files.customersDir);
  const { entries, misnamed } = folderProblem ? { entries: [], misnamed: [] } : customerFolder(loc.dir);
  // In a large registry in git, git vouches for tracked, unmodified files at less than a stat each costs here.
  const askGit = entries.length >= GIT_LISTING_MIN && loc.gitRoot !== undefined && caches.entries !== NO_CACHE;
  return { env, caches, folderProblem, entries, misnamed, askGit, place: askGit ? place : undefined };
}

/**
 * A start from the registry's snapshot, when there is one for the index as it is and git says
 * which files differ from it; undefined otherwise (the folder is then listed and read).
 */
export async function snapshotStart(loc: RegistryLocation, { env, caches, place }: Opened): Promise<Start | undefined> {
  if (!place || !hasSnapshot(place)) return undefined;
  // git looks at the work tree while the snapshot and the index are read here.
  const asked = changedSinceIndex(place);
  await gitStarted();
  const { rows, others, fingerprint } = loadSnapshot(place);
  if (rows.length === 0) return undefined;
  // The verdicts are in the snapshot: the verdict store is read only if some are not.
  const index = compareWithIndex(place, rows);
  const changed = await asked;
  // The index git compared the files with must be the one read here.
  if (!index || !changed || indexChecksum(place.gitDir, rows[0]!.blob.length / 2) !== index.checksum) return undefined;
  if (changed.size + index.other.size > SNAPSHOT_MAX_CHANGED) return undefined;
  if (customersFolderProblem(join(loc.dir, 'customers'), loc.files.customersDir)) return undefined;
  // Customer files the snapshot does not give are parsed (a few): the per-file cache is not even opened.
  // Files meant as customers that are not read: the index's, and new ones git names; those still there.
  const misnamed = [...new Set([...index.misnamed, ...[...changed].filter(isMisnamedCustomerFile)])]
    .filter((n) => existsSync(join(loc.dir, 'customers', n)))
    .sort(compareText);
  return {
    env,
    caches: { ...caches, entries: othersCache(others) },
    folderProblem: undefined,
    entries: [],
    misnamed,
    askGit: false,
    place,
    snapshot: { ...index, changed, others, fingerprint },
  };
}
