/** `ase diff`: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('`ase diff` is not available yet in this version');
}
