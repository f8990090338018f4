import { describe, expect, it } from 'vitest';
import { DOCUMENTED_INPUTS, expectDocumentedInputs, loadYaml as load } from '../helpers/workflows.js';

describe('the CI recipe', () => {
  it("the workflow checks out the full history and runs this repository's action", () => {
    const wf = load('.github/workflows/ase.yml');
    expect(typeof wf.name).toBe('string');
    expect(Object.keys(wf.on)).toEqual(['pull_request', 'merge_group']);
    const jobs = Object.values(wf.jobs) as { 'runs-on': string; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }[];
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job['runs-on']).toBe('ubuntu-latest');
    const actionInputs = Object.keys(load('action.yml').inputs);
    for (const step of job.steps) {
      expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
      const documented = step.uses === './' ? actionInputs : DOCUMENTED_INPUTS[step.uses ?? ''];
      if (step.uses) expect(documented, step.uses).toBeDefined();
      for (const input of Object.keys(step.with ?? {})) expect(documented).toContain(input);
    }
    expect(job.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(job.steps.map((s) => s.uses)).toContain('./');
  });

  it('the action lints, checks the page and summarises the diff, with no expression inside a script', () => {
    const action = load('action.yml');
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps as {
      uses?: string;
      run?: string;
      shell?: string;
      with?: Record<string, unknown>;
      env?: Record<string, string>;
      if?: string;
    }[];
    for (const step of steps) {
      expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
      if (step.uses) expectDocumentedInputs(step);
      else expect(step.shell).toBe('bash');
    }
    const runs = steps.map((s) => s.run ?? '');
    expect(runs.some((r) => r.includes('args=(lint --format github)'))).toBe(true);
    expect(runs.some((r) => r.includes('args=(render --check)'))).toBe(true);
    const summary = steps.find((s) => s.run?.includes('args=(diff'))!;
    expect(summary.if).toContain("github.event_name == 'pull_request'");
    expect(summary.run).toContain('"${ASE_INPUT_BASE:-origin/$BASE_REF}" HEAD --format markdown');
    expect(summary.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(runs.some((r) => r.includes('verify --format github'))).toBe(true);
    expect(summary.env?.BASE_REF).toBe('${{ github.base_ref }}');
    // Inputs reach the scripts through the environment, never pasted into the script text.
    expect(runs.join('\n')).not.toContain('${{');
  });

  it('the pre-commit hooks lint the registry without passing file names', () => {
    const hooks = load('.pre-commit-hooks.yaml') as Record<string, unknown>[];
    expect(Array.isArray(hooks)).toBe(true);
    const lint = hooks.find((h) => h.id === 'ase-lint')!;
    expect(lint).toMatchObject({ name: expect.any(String), entry: 'ase lint', pass_filenames: false, files: '^registry/' });
    expect(['node', 'system']).toContain(lint.language);
    for (const h of hooks) expect(Object.keys(h).sort()).toEqual(['description', 'entry', 'files', 'id', 'language', 'name', 'pass_filenames']);
    expect(new RegExp(lint.files as string).test('registry/customers/acme.yaml')).toBe(true);
  });
});
