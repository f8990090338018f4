/** What the workflow tests share: reading a YAML file of the repository, and the inputs each action we use documents. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from './cli.js';

/** A YAML file of this repository, parsed strictly (duplicate keys fail). */
export function loadYaml(path: string) {
  return parse(readFileSync(join(PROJECT_ROOT, path), 'utf8'), { strict: true, uniqueKeys: true });
}

/** Inputs documented in the action.yml of each action at that version. */
export const DOCUMENTED_INPUTS: Record<string, string[]> = {
  'actions/checkout@v4': [
    'repository',
    'ref',
    'token',
    'ssh-key',
    'ssh-known-hosts',
    'ssh-strict',
    'ssh-user',
    'persist-credentials',
    'path',
    'clean',
    'filter',
    'sparse-checkout',
    'sparse-checkout-cone-mode',
    'fetch-depth',
    'fetch-tags',
    'show-progress',
    'lfs',
    'submodules',
    'set-safe-directory',
    'github-server-url',
  ],
  'actions/setup-node@v4': [
    'always-auth',
    'node-version',
    'node-version-file',
    'architecture',
    'check-latest',
    'registry-url',
    'scope',
    'token',
    'cache',
    'cache-dependency-path',
  ],
  'actions/upload-artifact@v4': ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files'],
  'actions/upload-pages-artifact@v3': ['name', 'path', 'retention-days'],
  'actions/deploy-pages@v4': ['token', 'timeout', 'error_count', 'reporting_interval', 'artifact_name', 'preview'],
};

/** A step that `uses:` an action we know passes only inputs that action documents. */
export function expectDocumentedInputs(step: { uses?: string; with?: Record<string, unknown> }): void {
  if (!step.uses) return;
  expect(Object.keys(DOCUMENTED_INPUTS)).toContain(step.uses);
  for (const input of Object.keys(step.with ?? {})) expect(DOCUMENTED_INPUTS[step.uses]).toContain(input);
}
