/** The `page-out-of-date` rule: the rendered page must match what `ase render` would write. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/findings.js';
import type { Globals } from '../globals.js';
import { expectedPage, firstDifferentLine, normaliseNewlines } from '../render/expected.js';
import { withDetails, type LoadedRegistry } from './build.js';
import type { RegistryLocation } from './discover.js';
import { readText } from './reader.js';

/** Absolute path of the registry's rendered page. */
export function pagePath(location: RegistryLocation): string {
  return join(location.dir, 'customer-exceptions.md');
}

/** One error when the page exists and differs from a fresh render; nothing when it is absent. */
export function pageFindings(location: RegistryLocation, loaded: LoadedRegistry, _globals: Globals): Finding[] {
  const abs = pagePath(location);
  if (!existsSync(abs)) return [];
  const at = (line: number, message: string): Finding => ({ rule: 'page-out-of-date', severity: 'error', file: location.files.page, line, column: 1, message });
  let text: string;
  try {
    text = normaliseNewlines(readText(abs));
  } catch (err) {
    return [at(1, `cannot read the page (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}); run \`ase render\` to write it again`)];
  }
  const expected = expectedPage(withDetails(loaded), text);
  if (text === expected) return [];
  const line = firstDifferentLine(text, expected);
  return [at(line, `the page differs from what \`ase render\` would write (first at line ${line}); run \`ase render\` and commit the page with your change`)];
}
