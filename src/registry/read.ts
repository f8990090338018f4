/** Reads a registry folder from disk into loaded files. The only place lint touches the filesystem. */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/findings.js';
import { loadFile, type LoadedFile } from '../source/load-file.js';
import type { FileKind } from '../source/schema-findings.js';
import { buildRegistry, type CustomerSource, type LoadedRegistry } from './build.js';
import { displayPath, type RegistryLocation } from './discover.js';

const MAX_FILE_BYTES = 1024 * 1024;

function unreadable(file: string, message: string): Finding {
  return { rule: 'yaml-syntax', severity: 'error', file, line: 1, column: 1, message };
}

/** Reads one file; problems reading it become findings, never exceptions. */
function readOne(abs: string, file: string, kind: FileKind, findings: Finding[]): LoadedFile | undefined {
  try {
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) {
      findings.push(unreadable(file, 'is a symbolic link: registry files must be regular files inside the registry; replace the link with the file'));
      return undefined;
    }
    if (!st.isFile()) {
      findings.push(unreadable(file, 'is not a regular file: remove it or replace it with a YAML file'));
      return undefined;
    }
    if (st.size > MAX_FILE_BYTES) {
      findings.push(unreadable(file, `is ${st.size} bytes, larger than the ${MAX_FILE_BYTES} a registry file may be: it is probably not a registry file`));
      return undefined;
    }
    return loadFile(file, kind, readText(abs));
  } catch (err) {
    findings.push(unreadable(file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`));
    return undefined;
  }
}

/** UTF-8 text without a byte-order mark. */
export function readText(abs: string): string {
  const text = readFileSync(abs, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Customer slugs and file names in `customers/`, sorted; other files are not registry files. */
export function listCustomerFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, 'customers'));
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.yaml') && !n.startsWith('.')).sort();
}

export function readRegistry(loc: RegistryLocation): LoadedRegistry {
  const findings: Finding[] = [];
  const show = (abs: string) => displayPath(loc.root, abs);
  const config = readOne(join(loc.dir, 'config.yaml'), loc.files.config, 'config', findings);
  const peopleAbs = join(loc.dir, 'people.yaml');
  const people = readOne(peopleAbs, loc.files.people, 'people', findings);
  const customers: CustomerSource[] = [];
  for (const name of listCustomerFiles(loc.dir)) {
    const abs = join(loc.dir, 'customers', name);
    const loaded = readOne(abs, show(abs), 'customer', findings);
    if (loaded) customers.push({ slug: name.slice(0, -'.yaml'.length), loaded });
  }
  return buildRegistry(loc.files, config, people, customers, findings);
}
