/**
 * Plain string ordering. `localeCompare` would do, but its first call in a process sets up ICU
 * collation (10-14 ms), a large share of a command's start-up; dates, slugs and paths sort the same
 * by code unit, and names sort case-insensitively here.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive order for display names, ties broken by code unit. */
export function compareNames(a: string, b: string): number {
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}
