/** `ase status`: what needs attention now, most urgent first. */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { statusJson } from '../report/status-json.js';
import { statusText } from '../report/status-text.js';
import { evaluate, openRegistry, withDetails } from '../registry/open.js';
import { pageFindings } from '../registry/page-check.js';
import { needsAction, statusReport } from '../status/report.js';

export interface StatusArgs {
  json?: boolean;
  strict?: boolean;
}

export async function run(args: StatusArgs, globals: Globals, io: Io): Promise<number> {
  const { location, loaded } = await openRegistry(globals, io);
  const { registry } = loaded;
  // The very findings `ase lint` reports, so the two commands cannot disagree.
  const findings = [...evaluate(loaded, globals.today), ...pageFindings(location, loaded, globals)];
  const report = statusReport(withDetails(loaded), globals.today, findings);
  if (args.json) io.out(statusJson(report));
  else {
    const customers = new Map(registry.customers.map((c) => [c.slug, c.name]));
    const people = new Map(registry.people.map((p) => [p.handle, p.name]));
    io.out(statusText(report, { today: globals.today, customers, people }, await makeStyle(globals.color)));
  }
  return args.strict && needsAction(report) ? 1 : 0;
}
