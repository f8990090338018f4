/** Which error findings a change introduces, and the refusal that names the rule, the numbers and the fix. Pure. */
import type { Finding } from '../core/findings.js';
import type { Registry } from '../core/model.js';
import { activeCustomers } from '../core/queries.js';

/** What tells findings apart, placed or not (positions move when lines are added above). */
type Told = Pick<Finding, 'rule' | 'severity' | 'file' | 'message'>;

function key(f: Told): string {
  return `${f.rule}\u0000${f.file}\u0000${f.message}`;
}

/** Error findings of `after` that `before` did not have. */
export function introducedErrors<F extends Told>(before: readonly F[], after: readonly F[]): F[] {
  const had = new Set(before.filter((f) => f.severity === 'error').map(key));
  return after.filter((f) => f.severity === 'error' && !had.has(key(f)));
}

/** One line per introduced problem, the cap told in its own words. */
export function refusalLines(introduced: readonly Finding[], before: Registry, after: Registry): string[] {
  const lines: string[] = [];
  let capTold = false;
  for (const f of introduced) {
    if (f.rule === 'cap-exceeded') {
      if (capTold) continue;
      capTold = true;
      const used = activeCustomers(before).length;
      const { cap } = after.config;
      lines.push(
        `cap reached: ${used} of ${cap} active (${after.files.config}: cap) — end or transition an assignment first` +
          (activeCustomers(after).length > cap + 1 ? ` (this change would make ${activeCustomers(after).length})` : ''),
      );
      continue;
    }
    lines.push(`${f.rule}: ${f.message} (${f.file}:${f.line})`);
  }
  return lines;
}
