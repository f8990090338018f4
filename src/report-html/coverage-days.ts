/**
 * The one place the report gets its coverage days from. Until time off (SPEC section 6) lands,
 * every day is plain: nobody away, no gaps, not thin. When src/core/coverage.ts exists, this file
 * becomes `return coverageByDay(registry, from, to)` and nothing else in the report changes.
 */
import { addDays, daysBetween } from '../core/dates.js';
import type { Registry } from '../core/model.js';
import type { CoverageDay } from './types.js';

export function coverageDays(_registry: Registry, from: string, to: string): CoverageDay[] {
  const days: CoverageDay[] = [];
  for (let i = 0; i <= daysBetween(from, to); i++) days.push({ date: addDays(from, i), away: [], gaps: [], thin: false });
  return days;
}
