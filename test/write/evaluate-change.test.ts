/**
 * A write checks only the changed customers and the rules across customers, yet refuses and warns
 * exactly as a check of the whole registry before and after would.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../src/core/findings.js';
import { locationOf, type RegistryLocation } from '../../src/registry/discover.js';
import { evaluateChange, placed, type ChangeFinding } from '../../src/registry/evaluate-change.js';
import { readRegistry } from '../../src/registry/reader.js';
import { evaluate } from '../../src/registry/evaluate.js';
import { introducedErrors } from '../../src/write/refusal.js';
import type { Customer } from '../../src/core/model.js';
import type { LoadedRegistry } from '../../src/registry/build.js';
import type { FileChange } from '../../src/write/registry-edit.js';
import { withTexts } from '../../src/write/transaction.js';
import { sampleRepo } from '../helpers/repo.js';

const TODAY = '2026-11-28';

/** Warnings `after` has that `before` has not, as the write path tells them. */
function newWarnings(before: readonly ChangeFinding[], after: readonly ChangeFinding[]): string[] {
  const key = (f: ChangeFinding) => `${f.rule}\u0000${f.file}\u0000${f.subject?.handle ?? ''}`;
  const had = new Set(before.map(key));
  return after
    .filter((f) => f.severity === 'warning' && !had.has(key(f)))
    .map((f) => `${f.rule} ${f.file} ${f.message}`)
    .sort();
}

/** The sample registry in a fresh repo, and the changes a case makes to it. */
function setUp(): { dir: string; cases: Record<string, FileChange[]> } {
  const dir = sampleRepo();
  const customersDir = join(dir, 'registry', 'customers');
  const text = (name: string) => readFileSync(join(customersDir, name), 'utf8');
  const change = (name: string, after: string): FileChange => ({
    abs: join(customersDir, name),
    file: `registry/customers/${name}`,
    kind: 'customer',
    before: text(name),
    after,
  });
  const names = readdirSync(customersDir).filter((n) => n.endsWith('.yaml'));
  const nameOf = (name: string) => /^name: (.*)$/m.exec(text(name))![1]!;

  const cases: Record<string, FileChange[]> = {
    'every customer made active (cap, workload)': names.map((n) => change(n, text(n).replace(/^status: .*$/m, 'status: active'))),
    "a customer takes another's name": [change(names[0]!, text(names[0]!).replace(/^name: .*$/m, `name: ${nameOf(names[1]!)}`))],
    'a customer file broken': [change(names[2]!, 'name: [unclosed\n')],
    'a new customer': [
      {
        abs: join(customersDir, 'zz-new.yaml'),
        file: 'registry/customers/zz-new.yaml',
        kind: 'customer',
        before: undefined,
        after: `${text(names[3]!).replace(/^name: .*$/m, `name: ${nameOf(names[4]!)}`)}`,
      },
    ],
    'the roster loses a person': [
      {
        abs: join(dir, 'registry', 'people.yaml'),
        file: 'registry/people.yaml',
        kind: 'people',
        before: readFileSync(join(dir, 'registry', 'people.yaml'), 'utf8'),
        after: readFileSync(join(dir, 'registry', 'people.yaml'), 'utf8').replace(/- handle: (\S+)/, '- handle: $1-gone'),
      },
    ],
  };

  return { dir, cases };
}

const CASES = Object.keys(setUp().cases);

/** One case in a fresh copy of the sample: its changes, and the registry as read before them. */
function readCase(what: string): { changes: FileChange[]; location: RegistryLocation; loaded: LoadedRegistry } {
  const { dir, cases } = setUp();
  const location = locationOf(join(dir, 'registry'));
  return { changes: cases[what]!, location, loaded: readRegistry(location, { env: { ASE_CACHE: 'off' } }) };
}

describe('evaluateChange', () => {
  for (const what of CASES) {
    it(`gives the same refusals and warnings as a full check: ${what}`, () => {
      const { changes, loaded } = readCase(what);
      const after = withTexts(loaded, changes);
      const full = { before: evaluate(loaded, TODAY), after: evaluate(after, TODAY) };
      const part = evaluateChange(loaded, after, new Set(changes.map((c) => c.file)), TODAY);
      // Placed as the write places what it tells: the same lines and columns a full check gives.
      expect(placed(after, introducedErrors(part.before, part.after)).sort(compareFindings)).toEqual(introducedErrors(full.before, full.after));
      expect(newWarnings(part.before, part.after)).toEqual(newWarnings(full.before, full.after));
      expect(introducedErrors(full.before, full.after).length + newWarnings(full.before, full.after).length).toBeGreaterThan(0);
    });
  }
});

/** What a registry says, field by field, and which files and file findings it has. */
function contents(loaded: LoadedRegistry) {
  const fields = (c: Customer) => {
    const { slug, file, name, named, segment, term, ends_on, status, engineer, backup, communicated, ce, since, ended_on } = c;
    const { request, approvals, rejection, docs, environment, checkins, history } = c;
    return {
      slug,
      file,
      name,
      named,
      segment,
      term,
      ends_on,
      status,
      engineer,
      backup,
      communicated,
      ce,
      since,
      ended_on,
      request,
      approvals,
      rejection,
      docs,
      environment,
      checkins,
      history,
    };
  };
  const { files, config, people, customers } = loaded.registry;
  return {
    registry: { files, config, people, customers: customers.map((c) => fields(loaded.details(c))) },
    files: [...loaded.files.keys()].sort(),
    fileFindings: [...loaded.fileFindings].sort(compareFindings),
  };
}

describe('withTexts', () => {
  for (const what of CASES) {
    it(`gives the registry a read of the changed files gives: ${what}`, () => {
      const { changes, location, loaded } = readCase(what);
      const after = withTexts(loaded, changes);
      for (const c of changes) writeFileSync(c.abs, c.after);
      expect(contents(after)).toEqual(contents(readRegistry(location, { env: { ASE_CACHE: 'off' } })));
    });
  }
});
