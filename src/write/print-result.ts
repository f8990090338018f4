/** How a write command tells people what happened: the commit, or the diff under --dry-run. */
import type { Io } from '../io.js';
import type { WriteResult } from './transaction.js';

/** Prints `result` on stdout; returns the exit code (0). */
export function printResult(result: WriteResult, io: Io): number {
  if (result.dryRun) {
    if (result.diff === '') io.out('nothing to change\n');
    else io.out(result.diff);
    io.err(`dry run: ${result.changedFiles.length === 0 ? 'nothing would be written' : `nothing written (would commit "${result.subject}")`}\n`);
  } else if (result.commit) {
    io.out(`[${result.commit.slice(0, 7)}] ${result.subject}\n`);
    for (const f of result.changedFiles) io.out(`  ${f}\n`);
  }
  for (const m of result.messages) io.out(`${m}\n`);
  return 0;
}
