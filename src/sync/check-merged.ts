/** The rule check of a rebased branch: which errors the local commits bring on top of the remote, and which commit first. */
import type { Finding } from '../core/findings.js';
import { registryAtCommit } from '../diff/registry-at.js';
import type { RegistryLocation } from '../registry/discover.js';
import { evaluate } from '../registry/open.js';
import { pageFindings } from '../registry/page-check.js';
import { readRegistry } from '../registry/reader.js';
import { introducedErrors } from '../write/refusal.js';

export interface LocalCommit {
  hash: string;
  subject: string;
}

export interface MergedCheck {
  /** Error findings of the merged work tree that the remote alone does not have. */
  introduced: Finding[];
  /** The first rebased commit whose registry has such errors. */
  culprit?: LocalCommit;
}

/**
 * Evaluates every rule on the work tree after the rebase (`today` for the dated rules) against
 * the remote's tip, and walks the rebased commits to find the first that breaks a rule.
 */
export async function checkMerged(
  location: RegistryLocation,
  root: string,
  remoteTip: string | undefined,
  rebased: readonly LocalCommit[],
  today: string,
): Promise<MergedCheck> {
  const remote = remoteTip ? evaluate(await registryAtCommit(location, root, remoteTip), today) : [];
  const merged = readRegistry(location);
  // The page is checked too: a line merge of two rendered pages is not a rendered page.
  const page = pageFindings(location, merged, { registry: undefined, today, todayGiven: true, color: false });
  const introduced = introducedErrors(remote, [...evaluate(merged, today), ...page]);
  if (introduced.length === 0) return { introduced };
  for (const c of rebased) {
    if (introducedErrors(remote, evaluate(await registryAtCommit(location, root, c.hash), today)).length > 0) return { introduced, culprit: c };
  }
  return { introduced, culprit: rebased.at(-1) };
}

/** The user's own commit (before the rebase) that matches a rebased one: same place in the list, else same subject. */
export function originalOf(rebased: LocalCommit, rebasedList: readonly LocalCommit[], originals: readonly LocalCommit[]): LocalCommit {
  const i = rebasedList.indexOf(rebased);
  if (rebasedList.length === originals.length && originals[i]?.subject === rebased.subject) return originals[i]!;
  return originals.find((o) => o.subject === rebased.subject) ?? rebased;
}
