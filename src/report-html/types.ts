/** What the HTML report is drawn from. Pure data: the renderer reads no files and no clock. */
import type { DetailedRegistry } from '../core/model.js';
import type { FindingLike } from '../status/from-findings.js';

/** One day of the coverage calendar (the shape of `coverageByDay` in src/core/coverage.ts, SPEC 6). */
export interface CoverageDay {
  /** YYYY-MM-DD. */
  date: string;
  /** Handles of support engineers away that day. */
  away: string[];
  /** Slugs of active customers with no handler that day. */
  gaps: string[];
  /** More engineers away than `max_away_at_once`. */
  thin: boolean;
}

export interface ReportInput {
  registry: DetailedRegistry;
  today: string;
  /** The lint findings of the registry on `today` (what `ase status` is made from). */
  findings: readonly FindingLike[];
  /** Every day of the calendar, today first. */
  coverage: readonly CoverageDay[];
}
