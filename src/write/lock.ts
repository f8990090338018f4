/**
 * The registry lock: `.git/ase.lock`, created atomically (hard link of a complete temp file, which
 * fails when the lock exists) and holding who took it. A second writer waits; a lock whose process
 * is gone is recovered; a live holder's lock is never taken away.
 */
import { linkSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError } from '../errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  command: string;
  time: string;
}

export interface Lock {
  path: string;
  info: LockInfo;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for another writer, in ms. */
  waitMs: number;
  /** Told about waiting and recovered locks (stderr). */
  say: (line: string) => void;
}

const POLL_MS = 40;
/** A guard file for removing a stale lock, so two recoverers cannot remove a fresh lock. */
const RECOVER_SUFFIX = '.recover';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Whether a process with `pid` exists on this host. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readInfo(path: string): LockInfo | undefined | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  try {
    const o = JSON.parse(text) as LockInfo;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** A lock that can be taken away: its process is gone (same host), or it is garbage and old. */
function isStale(path: string, info: LockInfo | 'unreadable'): boolean {
  if (info === 'unreadable') return ageMs(path) > 5000;
  return info.host === hostname() && !processAlive(info.pid);
}

function describe(info: LockInfo | 'unreadable'): string {
  return info === 'unreadable' ? 'an unreadable lock file' : `pid ${info.pid} on ${info.host} (\`${info.command}\`, since ${info.time})`;
}

function tryCreate(path: string, info: LockInfo): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Removes the lock at `path` if it is still the stale one; true when it was removed. */
function removeStale(path: string): boolean {
  const guard = path + RECOVER_SUFFIX;
  if (ageMs(guard) > 10_000) rmSync(guard, { force: true });
  const me: LockInfo = { pid: process.pid, host: hostname(), command: 'recover', time: new Date().toISOString() };
  if (!tryCreate(guard, me)) return false;
  try {
    const info = readInfo(path);
    if (info === undefined || !isStale(path, info)) return false;
    unlinkSync(path);
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * A process killed between writing its temp file and linking it leaves `ase.lock.<pid>.tmp` (or the
 * recover guard's) behind; once we hold the lock, those of processes that are gone are removed.
 */
function sweepTemps(path: string): void {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /\.(\d+)\.tmp$/.exec(name) : null;
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) rmSync(join(dirname(path), name), { force: true });
  }
}

function held(path: string, info: LockInfo): Lock {
  sweepTemps(path);
  return {
    path,
    info,
    release() {
      const now = readInfo(path);
      if (now !== undefined && now !== 'unreadable' && now.pid === info.pid && now.host === info.host) rmSync(path, { force: true });
    },
  };
}

function lockInfo(command: string): LockInfo {
  return { pid: process.pid, host: hostname(), command, time: new Date().toISOString() };
}

/**
 * One attempt at the lock, recovering it first when its holder is gone: the lock, or who holds it.
 */
function attempt(path: string, info: LockInfo, say: (line: string) => void): Lock | LockInfo | 'unreadable' {
  for (;;) {
    if (tryCreate(path, info)) return held(path, info);
    const holder = readInfo(path);
    if (holder === undefined) continue;
    if (!isStale(path, holder)) return holder;
    if (removeStale(path)) say(`ase: recovered a stale registry lock left by ${describe(holder)}, which is no longer running`);
  }
}

/** The lock if it is free (or stale) right now; undefined while a live process holds it. */
export function tryLock(gitDir: string, command: string, say: (line: string) => void): Lock | undefined {
  const got = attempt(join(gitDir, 'ase.lock'), lockInfo(command), say);
  return typeof got === 'object' && 'release' in got ? got : undefined;
}

/** Takes the lock in `gitDir`, waiting up to `waitMs` for another writer; exit 3 if it stays held. */
export async function acquireLock(gitDir: string, command: string, opts: LockOptions): Promise<Lock> {
  const path = join(gitDir, 'ase.lock');
  const info = lockInfo(command);
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  for (;;) {
    const got = attempt(path, info, opts.say);
    if (typeof got === 'object' && 'release' in got) return got;
    const holder = got;
    if (Date.now() >= deadline) {
      throw new EnvironmentError(
        `the registry is locked by ${describe(holder)}; waited ${Math.round(opts.waitMs / 1000)} s`,
        `let that command finish and try again; if no ase is running there, delete ${path}`,
      );
    }
    if (!told) {
      opts.say(`ase: waiting for the registry lock held by ${describe(holder)}`);
      told = true;
    }
    await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}
