/** The shape every registry rule has: a pure function from the registry (and today) to findings. */
import type { PendingFinding, RuleCode } from '../findings.js';
import type { Person, Registry } from '../model.js';

export interface RuleContext {
  registry: Registry;
  /** Today's date (YYYY-MM-DD), given by the caller: rules never read the clock. */
  today: string;
  people: ReadonlyMap<string, Person>;
}

export interface Rule {
  code: RuleCode;
  check(ctx: RuleContext): PendingFinding[];
}
