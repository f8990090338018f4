/** `ase codeowners`: writes .github/CODEOWNERS from the roster, or checks that it is current. */
import { resolve } from 'node:path';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { codeownersPath, codeownersText } from '../codeowners/check.js';
import { RefusedError } from '../errors.js';
import { displayPath } from '../registry/discover.js';
import { openRegistry } from '../registry/open.js';
import { deletionsFirst } from '../render/expected.js';
import { readIfThere, writeGenerated } from '../write/generated-file.js';
import { unifiedDiff } from '../write/line-diff.js';

export interface CodeownersArgs {
  check?: boolean;
  out?: string;
}

export async function run(args: CodeownersArgs, globals: Globals, io: Io): Promise<number> {
  const { location, loaded } = await openRegistry(globals, io);
  const target = args.out !== undefined ? resolve(io.cwd, args.out) : codeownersPath(location);
  const shown = args.out ?? displayPath(location.root, target);
  const expected = codeownersText(location, loaded);
  const existing = readIfThere(target);

  if (args.check) {
    if (existing === undefined) throw new RefusedError(`${shown} does not exist`, 'run `ase codeowners` to write it, then commit it');
    if (existing === expected) {
      io.out(`✔ ${shown} is up to date\n`);
      return 0;
    }
    io.out(deletionsFirst(unifiedDiff(shown, existing, expected)));
    io.err(
      `ase: ${shown} is out of date: the lines marked + are what \`ase codeowners\` would write from ${loaded.registry.files.people}\nhint: run \`ase codeowners\` and commit the file with your change\n`,
    );
    return 1;
  }
  if (existing === expected) {
    io.out(`${shown} is already up to date\n`);
    return 0;
  }
  writeGenerated(target, expected, { makeFolder: true });
  io.out(`wrote ${shown}; ase does not commit it: commit it with your change (\`ase lint\` reports it when it falls behind the roster)\n`);
  return 0;
}
