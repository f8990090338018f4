/** `ase diff [base] [head]`: the semantic diff of the registry between two revisions, for review. */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { resolveCommit } from '../diff/git-read.js';
import { registryAtCommit } from '../diff/registry-at.js';
import { diffMarkdown } from '../diff/report-markdown.js';
import { diffText } from '../diff/report-text.js';
import { diffRegistries } from '../diff/semantic.js';
import { EnvironmentError } from '../errors.js';
import { discoverRegistry } from '../registry/discover.js';
import { withDetails } from '../registry/build.js';
import { evaluate } from '../registry/open.js';
import { readRegistry } from '../registry/reader.js';

export interface DiffArgs {
  format?: 'text' | 'markdown' | 'json';
  json?: boolean;
  args?: (string | undefined)[];
}

export async function run(args: DiffArgs, globals: Globals, io: Io): Promise<number> {
  const location = discoverRegistry(io.cwd, globals.registry);
  const root = location.gitRoot;
  if (root === undefined) {
    throw new EnvironmentError(
      '`ase diff` compares git revisions, but the registry is not inside a git work tree',
      'run it in a clone of the registry repository (`git init` and commit to start one)',
    );
  }
  const [baseRev = 'HEAD', headRev] = args.args ?? [];
  const baseCommit = await resolveCommit(root, baseRev);
  const headCommit = headRev === undefined ? undefined : await resolveCommit(root, headRev);
  const baseLoaded = await registryAtCommit(location, root, baseCommit);
  const headLoaded = headCommit === undefined ? readRegistry(location) : await registryAtCommit(location, root, headCommit);
  const diff = diffRegistries(
    { label: baseRev, registry: withDetails(baseLoaded), findings: evaluate(baseLoaded, globals.today) },
    { label: headRev ?? 'work tree', registry: withDetails(headLoaded), findings: evaluate(headLoaded, globals.today) },
  );
  const format = args.json ? 'json' : (args.format ?? 'text');
  if (format === 'json') io.out(`${JSON.stringify(diff, null, 2)}\n`);
  else if (format === 'markdown') io.out(diffMarkdown(diff));
  else io.out(diffText(diff, await makeStyle(globals.color)));
  return 0;
}
