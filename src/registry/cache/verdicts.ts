/**
 * Evaluates the rules over a loaded registry. Verdicts of the per-customer rules are kept in the
 * lint cache under the customer file's content key, with its path and a fingerprint of everything
 * else they may read (config, roster, file paths, today); a verdict is used only when all of these
 * match, so an unchanged customer is not checked again, and its details are not even read. Rules
 * across customers always run. A registry read from its snapshot has the verdicts there (for the
 * snapshot's fingerprint), and the snapshot takes them when it has none for this fingerprint.
 */
import { checkAcross, checkCustomer, ruleContext } from '../../core/check.js';
import { compareFindings, type Finding } from '../../core/findings.js';
import type { Customer, CustomerHead, Registry } from '../../core/model.js';
import type { CustomerContext } from '../../core/rules/rule.js';
import type { LoadedFile } from '../../source/load-file.js';
import { positionFinding, positionFindings, type LoadedRegistry, type RegistryCache, type SnapshotVerdicts } from '../build.js';
import { hash128 } from './content-hash.js';
import type { LintCache } from './lint-cache.js';

export type Verdict = Omit<Finding, 'file'>[];

/** Every finding of the file checks and the model rules, positioned and sorted, with the verdicts the cache keeps. */
export function evaluateWithVerdicts(loaded: LoadedRegistry, today: string): Finding[] {
  const ctx = ruleContext(loaded.registry, today);
  const cache = loaded.cache;
  const fingerprint = cache ? fingerprintOf(loaded.registry, today) : '';
  const snapshot = cache?.snapshot?.fingerprint === fingerprint ? cache.snapshot : undefined;
  const found: Finding[] = [...loaded.fileFindings];
  const verdicts: (Verdict | undefined)[] = [];
  let missing = 0;
  for (const c of loaded.registry.customers) {
    const kept = snapshot && snapshotVerdict(loaded, snapshot, c);
    if (kept === null) missing++;
    const verdict = kept ?? (cache ? cachedVerdict(loaded, cache, c, ctx, fingerprint) : undefined);
    verdicts.push(verdict);
    if (verdict) for (const f of verdict) found.push(withFile(f, c.file));
    else found.push(...positionFindings(loaded, checkCustomer(loaded.details(c), ctx)));
  }
  found.push(...positionFindings(loaded, checkAcross(ctx)));
  cache?.verdicts.save();
  // The snapshot takes the verdicts when it has none for this day, config and roster, or lacks many.
  if (cache?.snapshot && (!snapshot || missing >= SNAPSHOT_VERDICTS_MISSING)) {
    cache.snapshot.keep(
      fingerprint,
      verdicts.map((v) => v && JSON.stringify(v)),
    );
  }
  return found.sort(compareFindings);
}

/** From this many customers without a verdict in the snapshot on, it is written again with them. */
const SNAPSHOT_VERDICTS_MISSING = 64;

/** The verdict the registry's snapshot keeps for `c`; null when it has the file but no (readable) verdict, undefined when not the file. */
function snapshotVerdict(loaded: LoadedRegistry, snapshot: SnapshotVerdicts, c: CustomerHead): Verdict | null | undefined {
  const file = loaded.files.get(c.file);
  const json = file && snapshot.verdictOf(file);
  if (json === undefined || json === null) return json;
  return parseVerdict(json) ?? null;
}

/** What per-customer verdicts may depend on besides the customer's own file. */
export function fingerprintOf(registry: Omit<Registry, 'customers'>, today: string): string {
  return hash128(Buffer.from(JSON.stringify([registry.config, registry.people, registry.files, today])));
}

/** The customer's verdict from the cache, or checked now and kept; undefined when its file has no content key. */
function cachedVerdict(loaded: LoadedRegistry, cache: RegistryCache, c: CustomerHead, ctx: CustomerContext, fingerprint: string): Verdict | undefined {
  const file = loaded.files.get(c.file);
  const key = file && cache.keyOf(file);
  if (key === undefined) return undefined;
  const stored = cache.verdicts.get(key);
  const kept = stored === undefined ? undefined : storedVerdict(stored, fingerprint, c.file);
  if (kept) {
    cache.verdicts.use(key, stored!);
    return kept;
  }
  return keepVerdict(cache.verdicts, key, fingerprint, file!, loaded.details(c), ctx);
}

/** Verdicts are stored as `<fingerprint> TAB <file> TAB <findings as JSON>`. */
function verdictPrefix(fingerprint: string, file: string): string {
  return `${fingerprint}\t${file}\t`;
}

/** The findings of a stored verdict when it was made for this fingerprint and file (compared in place: no strings made). */
function storedVerdict(stored: string, fingerprint: string, file: string): Verdict | undefined {
  const at = fingerprint.length + 1 + file.length;
  if (
    !stored.startsWith(fingerprint) ||
    stored.charCodeAt(fingerprint.length) !== 9 ||
    !stored.startsWith(file, fingerprint.length + 1) ||
    stored.charCodeAt(at) !== 9
  ) {
    return undefined;
  }
  return parseVerdict(stored, at + 1);
}

/** Checks `c` (read from `file`, whose content key is `key`) and keeps the verdict in `verdicts`. */
export function keepVerdict(verdicts: LintCache, key: string, fingerprint: string, file: LoadedFile, c: Customer, ctx: CustomerContext): Verdict {
  const verdict = checkCustomer(c, ctx).map((p): Omit<Finding, 'file'> => {
    const { file: _file, ...rest } = positionFinding(p, file);
    return rest;
  });
  verdicts.use(key, verdictPrefix(fingerprint, c.file) + JSON.stringify(verdict));
  return verdict;
}

const NO_FINDINGS: Verdict = [];

/** The findings in `text` from `from` on; no findings (the common case) are told without parsing or a new string. */
function parseVerdict(text: string, from = 0): Verdict | undefined {
  if (text.length === from + 2 && text.endsWith('[]')) return NO_FINDINGS;
  try {
    const v = JSON.parse(from === 0 ? text : text.slice(from)) as unknown;
    return Array.isArray(v) ? (v as Verdict) : undefined;
  } catch {
    return undefined;
  }
}

/** The finding with its fields in the order rules give them. */
function withFile(f: Omit<Finding, 'file'>, file: string): Finding {
  return { rule: f.rule, severity: f.severity, file, line: f.line, column: f.column, message: f.message, subject: f.subject };
}
