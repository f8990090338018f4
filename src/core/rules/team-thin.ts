import { awayOn, dayRange, MAX_SPAN_DAYS, supportEngineers, timeOffOf, timeOffPath } from '../coverage.js';
import { addDays } from '../dates.js';
import type { TimeOff } from '../model.js';
import { defineRule, type RuleFinding } from './rule.js';

/**
 * From today on, more support engineers away on one day than `max_away_at_once`. One finding per
 * run of days with the same people away, at the entry that starts last among theirs (the one
 * that tipped the team over).
 */
export const teamThin = defineRule({
  code: 'team-thin',
  severity: 'warning',
  status: { kind: 'team-thin', label: 'team thin' },
  across({ registry, today, people }) {
    const entries = timeOffOf(registry).filter((e) => e.to >= today && e.from <= e.to);
    if (entries.length <= registry.config.max_away_at_once) return [];
    const max = registry.config.max_away_at_once;
    const last = entries.reduce((m, e) => (e.to > m ? e.to : m), today);
    const end = last < addDays(today, MAX_SPAN_DAYS) ? last : addDays(today, MAX_SPAN_DAYS);
    const first = entries.reduce((m, e) => (e.from < m ? e.from : m), end);
    const findings: RuleFinding[] = [];
    let run: { from: string; to: string; away: string[] } | undefined;
    const close = () => {
      if (!run) return;
      const at = tipping(entries, run.away, run.from);
      findings.push({
        file: timeOffPath(registry.files),
        path: ['time_off', at.index],
        subject: { handle: at.handle },
        message:
          `${run.away.length} support engineers away on ${dayRange(run.from, run.to)} (${run.away.join(', ')}), more than max_away_at_once ${max} ` +
          `(${registry.files.config}): move one absence (\`ase away ${at.handle} --cancel --from ${at.from}\` and record it again) or raise max_away_at_once`,
      });
      run = undefined;
    };
    for (let d = first > today ? first : today; d <= end; d = addDays(d, 1)) {
      const away = supportEngineers(awayOn(entries, d), people);
      if (away.length <= max) {
        close();
        continue;
      }
      if (run && run.away.join() === away.join() && addDays(run.to, 1) === d) run.to = d;
      else {
        close();
        run = { from: d, to: d, away };
      }
    }
    close();
    return findings;
  },
});

/** Of the entries of `away` covering `day`, the one that starts last (the last in the file on a tie). */
function tipping(entries: readonly TimeOff[], away: readonly string[], day: string): TimeOff {
  let best: TimeOff | undefined;
  for (const e of entries) {
    if (!away.includes(e.handle) || e.from > day || day > e.to) continue;
    if (!best || e.from >= best.from) best = e;
  }
  return best!;
}
