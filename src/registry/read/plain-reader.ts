/**
 * The plain reader: every registry file read from disk, parsed by the full YAML parser and checked
 * against its schema, every customer built whole; nothing kept between runs, no threads, no git.
 * It is what the fast reader (../cache/) must agree with: the differential tests run both on the
 * same registries, and `ASE_READER=plain` makes any command use it.
 */
import { lstatSync } from 'node:fs';
import { join, sep } from 'node:path';
import { timeOffPath } from '../../core/coverage.js';
import type { Finding, NodePath } from '../../core/findings.js';
import type { LoadedFile } from '../../source/load-file.js';
import type { Position } from '../../source/locate.js';
import type { FileKind } from '../../source/schema-findings.js';
import { buildRegistry, type CustomerSource, type LoadedRegistry } from '../build.js';
import type { RegistryLocation } from '../discover.js';
import { sourceModule } from '../source-module.js';
import { customerFolder, customersFolderProblem, decode, misnamedFinding, readBytes, statFile, type DiskFile, type Scratch } from './read-disk.js';

/** A file as the plain reader loads it: text, data and findings at once; positions found when asked. */
function plainFile(disk: DiskFile, kind: FileKind, text: string): LoadedFile {
  const entry = sourceModule().parseEntry(kind, text, true);
  let finder: ((path: NodePath, preferKey?: boolean) => Position) | undefined;
  return {
    file: disk.file,
    kind,
    text,
    data: entry.data,
    findings: entry.findings.map((f) => ({ ...f, file: disk.file })),
    position: (path, preferKey = false) => (finder ??= sourceModule().positionsIn(text))(path, preferKey),
  };
}

/** Reads and checks every registry file of `loc`. */
export function readPlain(loc: RegistryLocation): LoadedRegistry {
  const findings: Finding[] = [];
  const scratch: Scratch = { buf: Buffer.allocUnsafe(64 * 1024) };
  const load = (disk: DiskFile, kind: FileKind): LoadedFile | undefined => {
    const bytes = statFile(disk, findings) && readBytes(disk, findings, scratch);
    return bytes ? plainFile(disk, kind, decode(bytes)) : undefined;
  };
  const config = load({ abs: join(loc.dir, 'config.yaml'), file: loc.files.config }, 'config');
  const people = load({ abs: join(loc.dir, 'people.yaml'), file: loc.files.people }, 'people');
  const timeOffAbs = join(loc.dir, 'time-off.yaml');
  const timeOff = lstatSync(timeOffAbs, { throwIfNoEntry: false }) ? load({ abs: timeOffAbs, file: timeOffPath(loc.files) }, 'time-off') : undefined;

  const customersAbs = join(loc.dir, 'customers');
  const folderProblem = customersFolderProblem(customersAbs, loc.files.customersDir);
  if (folderProblem) findings.push(folderProblem);
  const { entries, misnamed } = folderProblem ? { entries: [], misnamed: [] } : customerFolder(loc.dir);
  for (const name of misnamed) findings.push(misnamedFinding(loc.files.customersDir, name));
  const customers: CustomerSource[] = [];
  for (const { name } of entries) {
    const loaded = load({ abs: customersAbs + sep + name, file: `${loc.files.customersDir}/${name}` }, 'customer');
    if (loaded) customers.push({ slug: name.slice(0, -'.yaml'.length), loaded });
  }
  return buildRegistry(loc.files, config, people, customers, findings, timeOff);
}
