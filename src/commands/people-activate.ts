/** `ase people activate <handle>`: see src/roster/set-active.ts. */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { setActive, type SetActiveArgs } from '../roster/set-active.js';

export function run(args: SetActiveArgs, globals: Globals, io: Io): Promise<number> {
  return setActive(true, args, globals, io);
}
