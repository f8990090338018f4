/** `ase people`: the roster (handle, name, roles, time zone, hours, active, overloaded, away). */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { openRegistry } from '../registry/open.js';
import { peopleJson, peopleText } from '../report/people-text.js';
import { rosterRows } from '../roster/roster-rows.js';

export interface PeopleArgs {
  json?: boolean;
  active?: boolean;
}

export async function run(args: PeopleArgs, globals: Globals, io: Io): Promise<number> {
  const { registry } = (await openRegistry(globals, io)).loaded;
  const rows = rosterRows(registry, globals.today).filter((r) => args.active !== true || r.active);
  io.out(args.json ? peopleJson(rows) : peopleText(rows, await makeStyle(globals.color)));
  return 0;
}
