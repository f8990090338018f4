/** Where CODEOWNERS lives for a registry, and the `codeowners-out-of-date` lint finding. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/findings.js';
import type { LoadedRegistry } from '../registry/build.js';
import { displayPath, type RegistryLocation } from '../registry/discover.js';
import { readText } from '../registry/reader.js';
import { firstDifferentLine, normaliseNewlines } from '../render/expected.js';
import { expectedCodeowners, type CodeownersPaths } from './expected.js';

/** `.github/CODEOWNERS` at the root of the work tree (the registry's parent outside git). */
export function codeownersPath(location: RegistryLocation): string {
  return join(location.root, '.github', 'CODEOWNERS');
}

/** The registry's files relative to the work tree root. */
export function codeownersPaths(location: RegistryLocation): CodeownersPaths {
  const rel = (name: string) => displayPath(location.root, join(location.dir, name));
  return { config: rel('config.yaml'), people: rel('people.yaml'), customersDir: rel('customers') };
}

export function codeownersText(location: RegistryLocation, loaded: LoadedRegistry): string {
  return expectedCodeowners(loaded.registry, codeownersPaths(location));
}

/** One error when `.github/CODEOWNERS` exists and differs from what `ase codeowners` would write; nothing when it is absent. */
export function codeownersFindings(location: RegistryLocation, loaded: LoadedRegistry): Finding[] {
  const abs = codeownersPath(location);
  if (!existsSync(abs)) return [];
  const file = displayPath(location.root, abs);
  const at = (line: number, message: string): Finding => ({ rule: 'codeowners-out-of-date', severity: 'error', file, line, column: 1, message });
  let text: string;
  try {
    text = normaliseNewlines(readText(abs));
  } catch (err) {
    return [at(1, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}); run \`ase codeowners\` to write it again`)];
  }
  const expected = codeownersText(location, loaded);
  if (text === expected) return [];
  const line = firstDifferentLine(text, expected);
  return [
    at(
      line,
      `${file} differs from what \`ase codeowners\` would write from the roster (first at line ${line}); run \`ase codeowners\` and commit it with your change`,
    ),
  ];
}
