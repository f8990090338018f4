/** The one place the report gets its coverage days from: the core's coverage model (SPEC section 6). */
import { coverageByDay } from '../core/coverage.js';
import type { Registry } from '../core/model.js';
import type { CoverageDay } from './types.js';

export function coverageDays(registry: Registry, from: string, to: string): CoverageDay[] {
  return coverageByDay(registry, from, to);
}
