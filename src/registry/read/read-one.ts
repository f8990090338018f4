/**
 * Reads one customer file without the rest of the registry, for commands about a single customer.
 * A file counts as the customer exactly when the full reader (read.ts) would load it: a regular
 * file, not a link, in a real customers/ folder, readable and not too large.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../core/findings.js';
import type { Customer } from '../../core/model.js';
import { normaliseCustomer } from '../../core/normalise.js';
import { displayPath, type RegistryLocation } from '../discover.js';
import { decode, readBytes, statFile } from './read-disk.js';
import { dataOf } from '../cache/read-file.js';

/** The customer `slug` as the full reader would build it, or undefined when there is no such file. */
export function readOneCustomer(location: RegistryLocation, slug: string): Customer | undefined {
  const folder = join(location.dir, 'customers');
  if (!lstatSync(folder, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const disk = { abs: join(folder, `${slug}.yaml`), file: `${location.files.customersDir}/${slug}.yaml` };
  // Problems become findings in the full reader; here they mean there is no customer to show.
  const problems: Finding[] = [];
  const bytes = statFile(disk, problems) && readBytes(disk, problems, { buf: Buffer.allocUnsafe(64 * 1024) });
  if (!bytes) return undefined;
  return normaliseCustomer(slug, displayPath(location.root, disk.abs), dataOf('customer', decode(bytes)));
}
