/** `ase engineers`: workload per support engineer. */
import type { Globals } from '../globals.js';
import type { Io } from '../io.js';
import { makeStyle } from '../cli/style.js';
import { engineersJson } from '../report/engineers-json.js';
import { engineersText } from '../report/engineers-text.js';
import { openRegistry } from '../registry/open.js';
import { engineersWorkload } from '../status/workload.js';

export interface EngineersArgs {
  json?: boolean;
}

export async function run(args: EngineersArgs, globals: Globals, io: Io): Promise<number> {
  const { registry } = (await openRegistry(globals, io)).loaded;
  const loads = engineersWorkload(registry, globals.today);
  io.out(args.json ? engineersJson(loads) : engineersText(loads, registry.config.max_per_engineer, await makeStyle(globals.color)));
  return 0;
}
