/** `ase render`: writes customer-exceptions.md from the registry, or checks that it is current. */
import { count } from '../core/words.js';
import { resolve } from 'node:path';
import { countFindings } from '../core/findings.js';
import { RefusedError } from '../errors.js';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { evaluate, openRegistry, withDetails } from '../registry/open.js';
import { pagePath } from '../registry/page-check.js';
import { deletionsFirst, expectedPage, pageToWrite } from '../render/expected.js';
import { readIfThere, writeGenerated } from '../write/generated-file.js';
import { unifiedDiff } from '../write/line-diff.js';

export interface RenderArgs {
  check?: boolean;
  out?: string;
}

export async function run(args: RenderArgs, globals: Globals, io: Io): Promise<number> {
  const { location, loaded } = await openRegistry(globals, io);
  const target = args.out !== undefined ? resolve(io.cwd, args.out) : pagePath(location);
  const shown = args.out ?? location.files.page;
  const existing = readIfThere(target);

  if (args.check) {
    if (existing === undefined) {
      throw new RefusedError(`${shown} does not exist`, 'run `ase render` to write it, then commit it');
    }
    const expected = expectedPage(withDetails(loaded), existing);
    if (existing === expected) {
      io.out(`✔ ${shown} is up to date\n`);
      return 0;
    }
    io.out(deletionsFirst(unifiedDiff(shown, existing, expected)));
    io.err(
      `ase: ${shown} is out of date: the lines marked + are what \`ase render\` would write\nhint: run \`ase render\` and commit the page with your change\n`,
    );
    return 1;
  }

  const page = pageToWrite(withDetails(loaded), globals);
  const { errors } = countFindings(evaluate(loaded, globals.today));
  if (errors > 0) io.err(`ase: note: the registry has ${count(errors, 'lint error')}; the page shows the data as it is (\`ase lint\` lists them)\n`);
  if (existing === page) {
    io.out(`${shown} is already up to date\n`);
    return 0;
  }
  writeGenerated(target, page);
  io.out(`wrote ${shown}; ase does not commit it: commit it with your change (CI runs \`ase render --check\`)\n`);
  return 0;
}
