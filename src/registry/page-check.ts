/** The `page-out-of-date` rule: the rendered page must match what `ase render` would write. */
import type { Finding } from '../core/findings.js';
import type { Globals } from '../cli/globals.js';
import type { LoadedRegistry } from './build.js';
import type { RegistryLocation } from './discover.js';

/** Filled in by `ase render` (issue 4); until then there is no page to compare. */
export function pageFindings(_location: RegistryLocation, _loaded: LoadedRegistry, _globals: Globals): Finding[] {
  return [];
}
