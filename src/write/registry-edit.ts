/** The in-memory change set of one write: yaml Documents per file, created lazily, rendered at the end. */
import { join } from 'node:path';
import { Document, parseDocument } from 'yaml';
import type { Customer, CustomerHead, Registry } from '../core/model.js';
import { isSlug } from '../core/slug.js';
import { RefusedError, UsageError } from '../errors.js';
import type { RegistryLocation } from '../registry/discover.js';
import { displayPath } from '../registry/discover.js';
import type { LoadedRegistry } from '../registry/build.js';
import { PARSE_OPTIONS } from '../source/parse-yaml.js';
import type { FileKind } from '../source/schema-findings.js';
import { keepFormatting } from './keep-formatting.js';
import { editDocument, type KeyOrder, type YamlDocEdit } from './yaml-edit.js';
import { compareText } from '../core/compare.js';
import { timeOffPath } from '../core/coverage.js';

export type { YamlDocEdit } from './yaml-edit.js';

/** What a change may do to the registry; every edit stays in memory until the transaction writes. */
export interface RegistryEdit {
  /** The model before the change. */
  readonly before: Registry;
  readonly today: string;
  /** A customer of `before` with its details (read from its file when the reader kept only the head). */
  details(c: CustomerHead): Customer;
  hasCustomer(slug: string): boolean;
  /** UsageError when unknown. */
  customer(slug: string): YamlDocEdit;
  /** A new customer file, starting with the schema modeline. */
  createCustomer(slug: string, data: Record<string, unknown>): YamlDocEdit;
  people(): YamlDocEdit;
  config(): YamlDocEdit;
  /** time-off.yaml, created (with its modeline and an empty list) when the registry has none. */
  timeOff(): YamlDocEdit;
}

export const MODELINES: Record<FileKind, string> = {
  config: '# yaml-language-server: $schema=../schemas/config.schema.json',
  people: '# yaml-language-server: $schema=../schemas/people.schema.json',
  customer: '# yaml-language-server: $schema=../../schemas/customer.schema.json',
  'time-off': '# yaml-language-server: $schema=../schemas/time-off.schema.json',
};

/** Where new top-level fields of a customer file go: the order of the sample files. */
export const CUSTOMER_KEY_ORDER = [
  'name',
  'segment',
  'term',
  'ends_on',
  'status',
  'engineer',
  'backup',
  'ce',
  'communicated',
  'communicated_on',
  'since',
  'ended_on',
  'request',
  'approvals',
  'rejection',
  'rationale',
  'docs',
  'environment',
  'checkins',
  'history',
  'notes',
];

/** Where new fields of a person in people.yaml go: the order of the sample roster. */
export const PERSON_KEY_ORDER = ['handle', 'name', 'roles', 'email', 'github', 'timezone', 'working_hours', 'working_days', 'active', 'overloaded'];

/** New keys of a customer file rank at the top level; a person's inside their people: entry. */
function keyOrder(kind: FileKind): KeyOrder {
  if (kind === 'customer') return CUSTOMER_KEY_ORDER;
  if (kind === 'people') return (mapPath) => (mapPath.length === 2 && mapPath[0] === 'people' ? PERSON_KEY_ORDER : []);
  return [];
}

const RENDER = { lineWidth: 0, flowCollectionPadding: false } as const;

interface Tracked {
  abs: string;
  file: string;
  kind: FileKind;
  /** Text as read; undefined for a file the change creates. */
  original: string | undefined;
  doc: Document;
  changed: boolean;
}

/** One file the change writes: its paths and texts before and after. */
export interface FileChange {
  abs: string;
  file: string;
  /** Registry file kind; 'page' for the rendered customer-exceptions page. */
  kind: FileKind | 'page';
  before: string | undefined;
  after: string;
}

/** Collects the edits of one change over `loaded`. */
export class ChangeSet implements RegistryEdit {
  private readonly tracked = new Map<string, Tracked>();

  constructor(
    private readonly location: RegistryLocation,
    private readonly loaded: LoadedRegistry,
    readonly today: string,
  ) {}

  get before(): Registry {
    return this.loaded.registry;
  }

  details(c: CustomerHead): Customer {
    return this.loaded.details(c);
  }

  hasCustomer(slug: string): boolean {
    return this.tracked.has(this.customerFile(slug).file) || this.loaded.registry.customers.some((c) => c.slug === slug);
  }

  customer(slug: string): YamlDocEdit {
    const { abs, file } = this.customerFile(slug);
    if (!this.hasCustomer(slug)) {
      throw new UsageError(`unknown customer "${slug}"`, '`ase list --all` lists every customer; `ase request` or `ase assign` with --name creates one');
    }
    return this.open(abs, file, 'customer');
  }

  createCustomer(slug: string, data: Record<string, unknown>): YamlDocEdit {
    const { abs, file } = this.customerFile(slug);
    if (this.hasCustomer(slug)) throw new UsageError(`customer "${slug}" already exists (${file})`, `see \`ase show ${slug}\``);
    const doc = new Document(data, { version: '1.2', schema: 'core' });
    const t: Tracked = { abs, file, kind: 'customer', original: undefined, doc, changed: true };
    this.tracked.set(file, t);
    return editDocument(doc, file, () => (t.changed = true), CUSTOMER_KEY_ORDER);
  }

  people(): YamlDocEdit {
    return this.open(join(this.location.dir, 'people.yaml'), this.location.files.people, 'people');
  }

  config(): YamlDocEdit {
    return this.open(join(this.location.dir, 'config.yaml'), this.location.files.config, 'config');
  }

  timeOff(): YamlDocEdit {
    const file = timeOffPath(this.location.files);
    const abs = join(this.location.dir, 'time-off.yaml');
    if (this.tracked.has(file) || this.loaded.files.has(file)) return this.open(abs, file, 'time-off');
    const doc = new Document({ time_off: [] }, { version: '1.2', schema: 'core' });
    const t: Tracked = { abs, file, kind: 'time-off', original: undefined, doc, changed: false };
    this.tracked.set(file, t);
    return editDocument(doc, file, () => (t.changed = true));
  }

  /** Every file whose text the change alters, with its new text. */
  changes(): FileChange[] {
    const out: FileChange[] = [];
    for (const t of this.tracked.values()) {
      if (!t.changed) continue;
      const after = this.render(t);
      if (after !== t.original) out.push({ abs: t.abs, file: t.file, kind: t.kind, before: t.original, after });
    }
    return out.sort((a, b) => compareText(a.file, b.file));
  }

  private customerFile(slug: string): { abs: string; file: string } {
    if (!isSlug(slug))
      throw new UsageError(
        `"${slug}" is not a valid customer slug`,
        'a slug is lowercase letters, digits and hyphens, starts with a letter or digit, at most 64 characters (e.g. acme-corp)',
      );
    const abs = join(this.location.dir, 'customers', `${slug}.yaml`);
    return { abs, file: displayPath(this.location.root, abs) };
  }

  private open(abs: string, file: string, kind: FileKind): YamlDocEdit {
    let t = this.tracked.get(file);
    if (!t) {
      const loaded = this.loaded.files.get(file);
      if (!loaded) throw new RefusedError(`${file} is missing or unreadable`, 'restore it from git (`git checkout -- <file>`) or run `ase lint` to see why');
      const doc = parseDocument(loaded.text, PARSE_OPTIONS);
      if (doc.errors.length > 0 || loaded.data === undefined) {
        throw new RefusedError(`${file} is not valid YAML, so ase will not edit it`, `fix it by hand first: \`ase lint\` shows where`);
      }
      t = { abs, file, kind, original: loaded.text, doc, changed: false };
      this.tracked.set(file, t);
    }
    const tracked = t;
    return editDocument(tracked.doc, file, () => (tracked.changed = true), keyOrder(kind));
  }

  private render(t: Tracked): string {
    const edited = t.doc.toString(RENDER);
    if (t.original === undefined) return `${MODELINES[t.kind]}\n${edited}`;
    const rerendered = parseDocument(t.original, PARSE_OPTIONS).toString(RENDER);
    const merged = keepFormatting(t.original, rerendered, edited);
    // The merge only restores spelling; if it ever changed meaning, trust the library's text.
    return sameData(merged, edited) ? merged : edited;
  }
}

function sameData(a: string, b: string): boolean {
  try {
    const da = parseDocument(a, PARSE_OPTIONS);
    const db = parseDocument(b, PARSE_OPTIONS);
    return da.errors.length === 0 && JSON.stringify(da.toJS()) === JSON.stringify(db.toJS());
  } catch {
    return false;
  }
}
