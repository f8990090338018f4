/** `ase report`: writes the registry as one self-contained HTML page (SPEC section 8). */
import { count } from '../core/words.js';
import { resolve } from 'node:path';
import { addDays } from '../core/dates.js';
import { UsageError } from '../errors.js';
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { evaluate, locateRegistry, withDetails } from '../registry/open.js';
import { readRegistryAsync } from '../registry/reader.js';
import { pageFindings } from '../registry/page-check.js';
import { coverageDays } from '../report-html/coverage-days.js';
import { renderReport } from '../report-html/page.js';
import { writeGenerated } from '../write/generated-file.js';

export interface ReportArgs {
  out?: string;
  weeks?: string;
}

export const DEFAULT_WEEKS = 6;

export function parseWeeks(value: string | undefined): number {
  if (value === undefined) return DEFAULT_WEEKS;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 52)
    throw new UsageError(`--weeks "${value}" is not a whole number of weeks from 1 to 52`, 'for example --weeks 6 (the default)');
  return n;
}

export async function run(args: ReportArgs, globals: Globals, io: Io): Promise<number> {
  const weeks = parseWeeks(args.weeks);
  if (args.out === undefined || args.out === '')
    throw new UsageError('ase report needs --out <file.html>', 'for example `ase report --out report.html` (or `--out -` for standard output)');
  const location = locateRegistry(globals, io);
  // The timeline reads every customer's history, so every customer is needed whole. Read without
  // the lint cache and without `today`, the reader parses every file (across cores when there
  // are many) and keeps each customer whole; from the cache it would keep only the heads and
  // then parse each file again, one by one, for its body.
  const loaded = await readRegistryAsync(location, { io, env: { ...io.env, ASE_CACHE: 'off' } });
  const { registry } = loaded;
  // The findings of `ase lint`, as `ase status` uses them: the attention list is the same.
  const findings = [...evaluate(loaded, globals.today), ...pageFindings(location, loaded, globals)];
  const coverage = coverageDays(registry, globals.today, addDays(globals.today, weeks * 7 - 1));
  const html = renderReport({ registry: withDetails(loaded), today: globals.today, findings, coverage });
  if (args.out === '-') {
    io.out(html);
    return 0;
  }
  const target = resolve(io.cwd, args.out);
  writeGenerated(target, html, { shown: args.out });
  io.out(`wrote ${args.out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KB): the registry on ${globals.today}, coverage for ${count(weeks, 'week')}\n`);
  return 0;
}
