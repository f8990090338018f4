// action.yml (the reusable action) and the shipped workflows pass @action-validator/cli, and the
// action keeps its documented shape: a composite action installing ase from its own checkout.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';

const VALIDATOR = join(PROJECT_ROOT, 'node_modules', '.bin', 'action-validator');
const validate = (file: string) => spawnSync(VALIDATOR, [file], { encoding: 'utf8', timeout: 60_000 });

const workflows = readdirSync(join(PROJECT_ROOT, '.github', 'workflows'))
  .filter((n) => /\.ya?ml$/.test(n))
  .map((n) => join('.github', 'workflows', n));

describe('the GitHub Action and workflows', () => {
  it.each(['action.yml', ...workflows])('%s passes action-validator', (file) => {
    const r = validate(join(PROJECT_ROOT, file));
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  });

  it('action-validator rejects a broken action (the check can fail)', () => {
    const bad = join(tempDir('ase-action-'), 'action.yml');
    writeFileSync(bad, readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8').replace('using: composite', 'using: compost'));
    expect(validate(bad).status).not.toBe(0);
  });

  it('is a composite action from its own checkout, with the documented inputs, used by the workflow', () => {
    const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8'));
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['registry', 'base', 'strict', 'verify']));
    for (const input of Object.values<{ description: string }>(action.inputs)) expect(input.description.length).toBeGreaterThan(20);
    const script = action.runs.steps.map((s: { run?: string; 'working-directory'?: string }) => `${s['working-directory'] ?? ''}\n${s.run ?? ''}`).join('\n');
    expect(script).toContain('${{ github.action_path }}');
    expect(script).toMatch(/args=\(lint --format github\)/);
    expect(script).toMatch(/args=\(render --check\)/);
    expect(script).toContain('$GITHUB_STEP_SUMMARY');
    const workflow = parse(readFileSync(join(PROJECT_ROOT, '.github', 'workflows', 'ase.yml'), 'utf8'));
    expect(workflow.jobs.registry.steps.map((s: { uses?: string }) => s.uses)).toContain('./');
  });
});
