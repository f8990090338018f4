/** `ase init [dir]`: creates a registry (config, people, customers/, schemas) in a git repo, as one commit. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { RefusedError } from '../errors.js';
import { git } from '../git/exec.js';
import { dirtyPaths, gitDir as findGitDir } from '../git/repo.js';
import { displayPath, findGitRoot } from '../registry/discover.js';
import { commitMessage } from '../write/commit-message.js';
import { defaultConfigText, emptyPeopleText, emptyTimeOffText, schemaFiles } from '../write/init-files.js';
import { acquireLock } from '../write/lock.js';
import { commitFiles } from '../write/transaction.js';

export interface InitArgs {
  args: [string?];
}

export async function run(args: InitArgs, _globals: Globals, io: Io): Promise<number> {
  const dir = resolve(io.cwd, args.args[0] ?? '.');
  const registryDir = join(dir, 'registry');
  if (existsSync(join(registryDir, 'config.yaml'))) {
    throw new RefusedError(`a registry already exists in ${registryDir}`, 'use it (`ase lint`, `ase list`), or choose another folder for a new one');
  }
  mkdirSync(dir, { recursive: true });
  let root = findGitRoot(dir);
  if (root === undefined) {
    await git(dir, ['init', '--quiet']);
    io.out(`initialised an empty git repository in ${dir}\n`);
    root = dir;
  }
  const files = [
    { abs: join(registryDir, 'config.yaml'), after: defaultConfigText() },
    { abs: join(registryDir, 'people.yaml'), after: emptyPeopleText() },
    { abs: join(registryDir, 'time-off.yaml'), after: emptyTimeOffText() },
    { abs: join(registryDir, 'customers', '.gitkeep'), after: '' },
    ...schemaFiles().map((s) => ({ abs: join(dir, 'schemas', s.name), after: s.text })),
  ]
    .filter((f) => !(existsSync(f.abs) && readFileSync(f.abs, 'utf8') === f.after))
    .map((f) => ({ ...f, file: displayPath(root!, f.abs) }));
  for (const f of files) {
    if (existsSync(f.abs)) throw new RefusedError(`${f.file} already exists with other content`, 'move it away, or keep it and create the registry by hand');
  }
  const dirty = await dirtyPaths(
    root,
    files.map((f) => f.file),
  );
  if (dirty.size > 0) throw new RefusedError(`${[...dirty.keys()][0]} is staged but not committed`, 'commit or unstage it first');
  const gitDir = await findGitDir(root);
  const lock = await acquireLock(gitDir, 'ase init', { waitMs: 10_000, say: (l) => io.err(`${l}\n`) });
  try {
    const message = commitMessage({
      subject: 'init: new ase registry',
      body: [
        'Creates the registry: config.yaml with the default policy, an empty people.yaml and time-off.yaml, customers/, and the JSON Schemas editors validate against.',
      ],
      trailers: { Action: 'init' },
    });
    const commit = await commitFiles(root, gitDir, files, message, 'ase init');
    io.out(`[${commit.slice(0, 7)}] init: new ase registry\n`);
    for (const f of files) io.out(`  ${f.file}\n`);
    io.out(`next: add people to ${displayPath(root, join(registryDir, 'people.yaml'))}, then \`ase request\` or \`ase assign\`\n`);
  } finally {
    lock.release();
  }
  return 0;
}
