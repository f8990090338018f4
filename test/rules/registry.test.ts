/**
 * The one list of rules and the README stay in step with the rule files: a rule file missing
 * from RULES would silently never run, and a code without a README row is undocumented.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULE_CODES, RULES } from '../../src/core/rules/index.js';
import type { Rule } from '../../src/core/rules/rule.js';

const RULES_DIR = join(import.meta.dirname, '../../src/core/rules');
/** Files in src/core/rules/ that are not model rules run by lint. */
const NOT_RULES: Record<string, string> = {
  'index.ts': 'the types derived from the list',
  'all.ts': 'the list itself, written by the build (scripts/rules-list.mjs)',
  'rule.ts': 'defineRule and the rule types',
  'approval-unverified.ts': 'a history check run by `ase verify` only (its code is in FILE_CODES)',
};

/** Each exported rule of each rule file, by file name. */
async function ruleFiles(): Promise<Map<string, Rule[]>> {
  const out = new Map<string, Rule[]>();
  for (const name of readdirSync(RULES_DIR).sort()) {
    if (!name.endsWith('.ts') || name in NOT_RULES) continue;
    const mod: Record<string, unknown> = await import(join(RULES_DIR, name));
    out.set(
      name,
      Object.values(mod).filter((v): v is Rule => typeof v === 'object' && v !== null && 'code' in v && 'check' in v),
    );
  }
  return out;
}

/** The codes of the README's rules table (`| \`code\` |` rows under `## Rules`). */
function readmeRows(): Map<string, string> {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Rules\n'));
  const body = section.slice(0, section.indexOf('\n## ', 1));
  const rows = new Map<string, string>();
  for (const m of body.matchAll(/^\| `([a-z-]+)` \| ([^|]*)\|/gm)) rows.set(m[1]!, m[2]!.trim());
  return rows;
}

describe('the rule registry', () => {
  it('lists every rule file in RULES, once', async () => {
    const files = await ruleFiles();
    expect(files.size).toBeGreaterThan(10);
    for (const [name, rules] of files) {
      expect(rules, `${name} exports no rule made with defineRule`).not.toHaveLength(0);
      const fix = 'declare it as `export const <name> = defineRule({...})`, which the build lists in src/core/rules/all.ts';
      for (const rule of rules) expect(RULES, `${name}: ${rule.code} is not in RULES: ${fix}`).toContain(rule);
    }
    expect(RULES.length).toBe([...files.values()].flat().length);
  });

  it('names each rule after its file, with unique codes', async () => {
    for (const [name, rules] of await ruleFiles()) for (const rule of rules) expect(`${rule.code}.ts`).toBe(name);
    expect(new Set(ALL_RULE_CODES).size).toBe(ALL_RULE_CODES.length);
  });

  it('documents every code ase can emit in the README rules table, with the rule severity', () => {
    const rows = readmeRows();
    for (const code of ALL_RULE_CODES) expect(rows.has(code), `README: no \`| \\\`${code}\\\` |\` row under ## Rules`).toBe(true);
    for (const rule of RULES) expect(rows.get(rule.code), `README severity of ${rule.code}`).toMatch(new RegExp(`^${rule.severity}\\b`));
    expect(
      [...rows.keys()].filter((code) => !ALL_RULE_CODES.includes(code as never)),
      'README rows for codes ase never emits',
    ).toEqual([]);
  });
});
