/** `ase history`: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('`ase history` is not available yet in this version');
}
