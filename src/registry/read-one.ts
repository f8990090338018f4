/**
 * Reads one customer file without the rest of the registry, for commands about a single customer.
 * A file counts as the customer exactly when the full reader (read.ts) would load it: a regular
 * file, not a link, in a real customers/ folder, readable and not too large.
 */
import { closeSync, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Globals } from '../cli/globals.js';
import type { Io } from '../cli/io.js';
import type { Customer } from '../core/model.js';
import { normaliseCustomer } from '../core/normalise.js';
import { fastParse } from '../source/fast-yaml.js';
import { recoverBeforeRead } from '../write/recover-before-read.js';
import { discoverRegistry, displayPath, type RegistryLocation } from './discover.js';
import { MAX_FILE_BYTES } from './read-disk.js';
import { sourceModule } from './source-module.js';

/** The registry a command works on, with a killed write finished first, as openRegistry does. */
export function locateRegistry(globals: Globals, io: Io): RegistryLocation {
  const location = discoverRegistry(io.cwd, globals.registry);
  recoverBeforeRead(location, io);
  return location;
}

function isKind(abs: string, want: 'file' | 'dir'): boolean {
  try {
    const st = lstatSync(abs);
    return want === 'file' ? st.isFile() : st.isDirectory();
  } catch {
    return false;
  }
}

/** The file's text without a byte-order mark, or undefined when it cannot be read as a registry file. */
function readSmallText(abs: string): string | undefined {
  let fd;
  try {
    fd = openSync(abs, 'r');
    if (fstatSync(fd).size > MAX_FILE_BYTES) return undefined;
    const bytes = readFileSync(fd);
    if (bytes.length > MAX_FILE_BYTES) return undefined;
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The customer `slug` as the full reader would build it, or undefined when there is no such file. */
export function readOneCustomer(location: RegistryLocation, slug: string): Customer | undefined {
  const folder = join(location.dir, 'customers');
  if (!isKind(folder, 'dir')) return undefined;
  const abs = join(folder, `${slug}.yaml`);
  if (!isKind(abs, 'file')) return undefined;
  const text = readSmallText(abs);
  if (text === undefined) return undefined;
  return normaliseCustomer(slug, displayPath(location.root, abs), dataOf(text));
}

/**
 * The data the full reader gets for a customer file. The fast reader gives the very same data for
 * the plain files ase writes, without loading the text layer or checking the schema (history needs
 * neither); anything else goes through the full parser, and through JSON like every entry the full
 * reader gets from its cache or a worker.
 */
function dataOf(text: string): unknown {
  const fast = fastParse(text);
  if (fast !== undefined) return fast;
  return (JSON.parse(JSON.stringify(sourceModule().parseEntry('customer', text))) as { data?: unknown }).data;
}
