/** The registry as it was at a git revision, built from file texts the same way `ase lint` reads it. */
import type { RegistryFiles } from '../core/model.js';
import { buildRegistry, type CustomerSource, type LoadedRegistry } from '../registry/build.js';
import { displayPath, type RegistryLocation } from '../registry/discover.js';
import { loadFile } from '../source/load-file.js';
import { timeOffPath } from '../core/coverage.js';
import { readTree } from './git-read.js';

/** Builds a registry from path -> text (paths as shown to people). Pure. */
export function registryFromTexts(files: RegistryFiles, texts: ReadonlyMap<string, string>): LoadedRegistry {
  const load = (path: string, kind: 'config' | 'people' | 'time-off') => {
    const text = texts.get(path);
    return text === undefined ? undefined : loadFile(path, kind, text);
  };
  const prefix = `${files.customersDir}/`;
  const customers: CustomerSource[] = [...texts.keys()]
    .filter((p) => p.startsWith(prefix) && p.endsWith('.yaml') && !p.slice(prefix.length).includes('/') && !p.slice(prefix.length).startsWith('.'))
    .sort()
    .map((p) => ({ slug: p.slice(prefix.length, -'.yaml'.length), loaded: loadFile(p, 'customer', texts.get(p)!) }));
  return buildRegistry(files, load(files.config, 'config'), load(files.people, 'people'), customers, [], load(timeOffPath(files), 'time-off'));
}

/** The registry at `commit`; an empty one when the registry folder did not exist then. */
export async function registryAtCommit(location: RegistryLocation, gitRoot: string, commit: string): Promise<LoadedRegistry> {
  const dir = displayPath(gitRoot, location.dir);
  return registryFromTexts(location.files, await readTree(gitRoot, commit, dir));
}
