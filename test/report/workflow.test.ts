/** The Pages workflow: a valid workflow (action-validator) that writes the report and publishes it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { expectDocumentedInputs, loadYaml } from '../helpers/workflows.js';

const FILE = '.github/workflows/report.yml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface Job {
  'runs-on': string;
  needs?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url: string };
  steps: Step[];
}

describe('the report workflow', () => {
  const wf = loadYaml(FILE);

  it('passes action-validator', () => {
    const r = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'action-validator'), [FILE], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs on pushes to main, builds the report, uploads it as an artifact and for Pages, then deploys', () => {
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const build = wf.jobs.build as Job;
    const deploy = wf.jobs.deploy as Job;
    for (const step of [...build.steps, ...deploy.steps]) {
      expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
      expectDocumentedInputs(step);
    }
    expect(build.steps.map((s) => s.run ?? s.uses)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      'mkdir -p site\nnpx --no-install ase report --out site/index.html\n',
      'actions/upload-artifact@v4',
      'actions/upload-pages-artifact@v3',
    ]);
    expect(build.steps[4]!.with).toEqual({ name: 'ase-report', path: 'site/index.html' });
    expect(build.steps[5]!.with).toEqual({ path: 'site' });
    // As the deploy-pages documentation asks: its own permissions and the github-pages environment.
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps).toEqual([{ name: 'Deploy to GitHub Pages', id: 'deployment', uses: 'actions/deploy-pages@v4' }]);
  });
});
