/**
 * A registry file as the reader loaded it: its findings, and its text and data read from disk
 * again only when asked for, checked to be the content the cache knew it by.
 */
import { readFileSync } from 'node:fs';
import type { Finding, NodePath } from '../../core/findings.js';
import type { Customer, CustomerHead } from '../../core/model.js';
import { EnvironmentError } from '../../errors.js';
import { fastParse } from '../../source/fast-yaml.js';
import type { LoadedFile } from '../../source/load-file.js';
import type { Position } from '../../source/locate.js';
import type { FileKind } from '../../source/schema-findings.js';
import { blobId } from '../../git/blob-id.js';
import type { HeadRow } from './head-row.js';
import { contentKey, type LintCache } from './lint-cache.js';
import { decode } from '../read/read-disk.js';
import { sourceModule } from '../source-module.js';

/** A registry file on its way in: found in the cache, or read to be parsed. */
/** The data of a file's text: the fast reader gives exactly the parser's data when it can (plain files, as ase writes them). */
export function dataOf(kind: FileKind, text: string): unknown {
  return fastParse(text) ?? sourceModule().parseEntry(kind, text).data;
}

export interface RawFile {
  abs: string;
  file: string;
  kind: FileKind;
  slug?: string;
  /** Content key (see lint-cache.ts). */
  key?: string;
  /** Git's blob id of the file when the key was derived from it (the file was not read). */
  blob?: string;
  /** The file from the cache or the parser. */
  loaded?: LoadedFile;
  /** The customer, when the parser gave its data in this run. */
  customer?: Customer;
  /** Else its head, from the cache. */
  head?: CustomerHead;
  /** Its text, until it is parsed. */
  text?: string;
  /** What the lint cache keeps for it (JSON), once known. */
  json?: string;
  /** The verdict the registry's snapshot keeps for it (JSON; see snapshot.ts). */
  verdict?: string;
}

/**
 * What the cache keeps per file: its file findings, and the data of config and people or the
 * head of a customer (whose data is read again when asked for).
 */
export interface Entry {
  data?: unknown;
  head?: HeadRow;
  findings: Omit<Finding, 'file'>[];
}

const NO_FINDINGS: Finding[] = [];

/** `v` or `k` (value or key) and the JSON node path -> [line, column]. */
type Positions = Record<string, [number, number]>;

/** Where a run keeps what it learns about positions. */
export interface PositionMemo {
  cache: LintCache;
}

/**
 * A loaded file whose text (and, for a customer found in the cache, data) is read again from disk
 * only when asked for (writes, positions, a customer's details): holding every text of a large
 * registry in memory would double what lint needs. Positions are remembered in the position
 * cache, so an unchanged file with the same findings is parsed once.
 */
export class ReadFile implements LoadedFile {
  readonly file: string;
  readonly kind: FileKind;
  readonly findings: Finding[];
  private body: string | undefined;
  private value: unknown;
  private hasValue: boolean;
  private finder: ((path: NodePath, preferKey?: boolean) => Position) | undefined;
  private known: Positions | undefined;

  constructor(
    private readonly raw: RawFile,
    entry: Entry,
    text: string | undefined,
    private readonly memo: PositionMemo,
  ) {
    this.file = raw.file;
    this.kind = raw.kind;
    // A customer's data is read when asked for, unless the parser just gave it.
    this.hasValue = 'data' in entry || raw.kind !== 'customer';
    this.value = entry.data;
    this.findings = entry.findings.length === 0 ? NO_FINDINGS : entry.findings.map((f) => ({ ...f, file: raw.file }) as Finding);
    this.body = text;
  }

  get text(): string {
    return (this.body ??= this.checkedText());
  }

  /** The key the lint cache knows this content by. */
  get contentKey(): string {
    return this.raw.key!;
  }

  /** The verdict the registry's snapshot keeps for this file; null for none, undefined when the snapshot cannot keep this file. */
  get snapshotVerdict(): string | null | undefined {
    return this.raw.blob === undefined ? undefined : (this.raw.verdict ?? null);
  }

  /** Lets go of the text (it is read again if asked for). */
  forgetText(): void {
    this.body = undefined;
  }

  get data(): unknown {
    if (!this.hasValue) {
      this.value = dataOf(this.kind, this.text);
      this.hasValue = true;
    }
    return this.value;
  }

  /** The text read again, refused when it is no longer the content this file was loaded as. */
  private checkedText(): string {
    const bytes = readFileSync(this.raw.abs);
    if (this.raw.blob !== undefined ? blobId(bytes) !== this.raw.blob : contentKey(this.kind, bytes) !== this.raw.key) {
      throw new EnvironmentError(`${this.file} changed while ase was reading the registry`, 'run the command again once the file is saved');
    }
    return decode(bytes);
  }

  position(path: NodePath, preferKey = false): Position {
    const key = this.raw.key!;
    this.known ??= parsePositions(this.memo.cache.get(key));
    const id = `${preferKey ? 'k' : 'v'}${JSON.stringify(path)}`;
    let at = this.known[id];
    if (!at) {
      this.finder ??= sourceModule().positionsIn(this.text);
      const found = this.finder(path, preferKey);
      at = this.known[id] = [found.line, found.column];
    }
    this.memo.cache.use(key, JSON.stringify(this.known));
    return { line: at[0], column: at[1] };
  }
}

function parsePositions(json: string | undefined): Positions {
  try {
    const p = json === undefined ? undefined : (JSON.parse(json) as unknown);
    return p !== null && typeof p === 'object' ? (p as Positions) : {};
  } catch {
    return {};
  }
}
