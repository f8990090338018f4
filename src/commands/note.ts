/** `ase note <slug>`: a short plain-text note for the ticketing tool (never coloured). */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { peopleByHandle } from '../core/queries.js';
import { handlerOf } from '../core/coverage.js';
import { customerNote } from '../report/customer-note.js';
import { findCustomer, openRegistry } from '../registry/open.js';

export interface NoteArgs {
  args: [string];
}

export async function run(args: NoteArgs, globals: Globals, io: Io): Promise<number> {
  const { loaded } = await openRegistry(globals, io);
  const customer = findCustomer(loaded, args.args[0]);
  const today = customer.status === 'active' ? handlerOf(loaded.registry, customer, globals.today) : undefined;
  io.out(customerNote(customer, peopleByHandle(loaded.registry.people), today));
  return 0;
}
