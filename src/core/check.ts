/** Runs every model rule over a registry. Pure: `today` comes from the caller. */
import type { PendingFinding } from './findings.js';
import type { Registry } from './model.js';
import { peopleByHandle } from './queries.js';
import { RULES } from './rules/index.js';
import type { Rule } from './rules/rule.js';

export function checkRegistry(registry: Registry, today: string, rules: readonly Rule[] = RULES): PendingFinding[] {
  const ctx = { registry, today, people: peopleByHandle(registry.people) };
  return rules.flatMap((rule) => rule.check(ctx));
}
