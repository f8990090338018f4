/** Finds the registry the way git finds `.git`, and the work tree it sits in. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { RegistryFiles } from '../core/model.js';
import { EnvironmentError } from '../errors.js';

export interface RegistryLocation {
  /** Absolute path of the registry folder (the one holding config.yaml). */
  dir: string;
  /** Absolute path of the git work tree holding it, or undefined outside git. */
  gitRoot: string | undefined;
  /** Folder that display paths are relative to: the git root, else the registry's parent. */
  root: string;
  files: RegistryFiles;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isRegistryDir(dir: string): boolean {
  return existsSync(join(dir, 'config.yaml')) && (isDir(join(dir, 'customers')) || existsSync(join(dir, 'people.yaml')));
}

/** The registry folder for `dir`: `dir` itself, or `dir/registry`. */
function registryAt(dir: string): string | undefined {
  if (isRegistryDir(join(dir, 'registry'))) return join(dir, 'registry');
  if (isRegistryDir(dir)) return dir;
  return undefined;
}

export function findGitRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A path as shown to people: relative to `root`, with forward slashes. */
export function displayPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

export function locationOf(dir: string): RegistryLocation {
  const gitRoot = findGitRoot(dir);
  const root = gitRoot ?? dirname(dir);
  const show = (name: string) => displayPath(root, join(dir, name));
  return {
    dir,
    gitRoot,
    root,
    files: {
      config: show('config.yaml'),
      people: show('people.yaml'),
      customersDir: show('customers'),
      page: show('customer-exceptions.md'),
      timeOff: show('time-off.yaml'),
    },
  };
}

/**
 * `explicit` (from --registry or ASE_REGISTRY) names the registry folder or a folder holding
 * `registry/`; otherwise the nearest ancestor of `cwd` that is or holds one.
 */
export function discoverRegistry(cwd: string, explicit: string | undefined): RegistryLocation {
  if (explicit !== undefined && explicit !== '') {
    const abs = resolve(cwd, explicit);
    const dir = registryAt(abs);
    if (!dir) {
      // Same exit as discovery finding nothing: the registry is missing from the environment.
      throw new EnvironmentError(
        `no registry at ${explicit}: expected config.yaml there or in ${join(explicit, 'registry')}`,
        'point --registry (or ASE_REGISTRY) at the registry folder or the folder holding registry/; `ase init` creates one',
      );
    }
    return locationOf(dir);
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = registryAt(dir);
    if (found) return locationOf(found);
    if (dirname(dir) === dir) break;
  }
  throw new EnvironmentError(
    'no registry found here or in any parent folder (looked for registry/config.yaml)',
    'run ase inside a registry repository, pass --registry <dir> or set ASE_REGISTRY; `ase init` creates one',
  );
}
