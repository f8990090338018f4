/** Which page `ase render` writes, and which page an existing one is checked against. Pure. */
import type { DetailedRegistry } from '../core/model.js';
import { pageStamp, renderPage } from './page.js';

/** The page `ase render` writes now: stamped with today only when the date was given. */
export function pageToWrite(registry: DetailedRegistry, when: { today: string; todayGiven: boolean }): string {
  return renderPage(registry, { asOf: when.todayGiven ? when.today : undefined });
}

/**
 * What an existing page should say: rendered for the date stamped on it (or none), so the
 * check is about the data and passes whatever date CI runs on.
 */
export function expectedPage(registry: DetailedRegistry, existing: string): string {
  return renderPage(registry, { asOf: pageStamp(existing) });
}

/** Line endings as LF, so a checkout with CRLF endings is not "out of date". */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** 1-based number of the first line where two texts differ (0 when equal). */
export function firstDifferentLine(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return Math.min(i + 1, Math.max(x.length, 1));
}

/** A unified diff with each run of changed lines shown as removals before additions, like git. */
export function deletionsFirst(diff: string): string {
  const lines = diff.split('\n');
  const out: string[] = [];
  let minus: string[] = [];
  let plus: string[] = [];
  const flush = () => {
    out.push(...minus, ...plus);
    minus = [];
    plus = [];
  };
  let inHunk = false;
  for (const line of lines) {
    if (line.startsWith('@@')) inHunk = true;
    if (inHunk && line.startsWith('-')) minus.push(line);
    else if (inHunk && line.startsWith('+')) plus.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}
