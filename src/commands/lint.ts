/** `ase lint`: every file against its schema and every team rule. */
import { countFindings } from '../core/findings.js';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { findingsGithub } from '../report/findings-github.js';
import { findingsJson } from '../report/findings-json.js';
import { findingsText } from '../report/findings-text.js';
import { evaluate, openRegistry } from '../registry/open.js';
import { pageFindings } from '../registry/page-check.js';
import { codeownersFindings } from '../codeowners/check.js';

export interface LintArgs {
  format?: 'text' | 'json' | 'github';
  json?: boolean;
  strict?: boolean;
}

export async function run(args: LintArgs, globals: Globals, io: Io): Promise<number> {
  const { location, loaded } = await openRegistry(globals, io);
  const findings = [...evaluate(loaded, globals.today), ...pageFindings(location, loaded, globals), ...codeownersFindings(location, loaded)];
  const format = args.json ? 'json' : (args.format ?? 'text');
  if (format === 'json') io.out(findingsJson(findings));
  else if (format === 'github') io.out(findingsGithub(findings));
  else io.out(findingsText(findings, await makeStyle(globals.color), { files: loaded.files.size }));
  const { errors, warnings } = countFindings(findings);
  return errors > 0 || (args.strict && warnings > 0) ? 1 : 0;
}
