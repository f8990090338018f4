/** Plain YYYY-MM-DD calendar dates, compared as strings and counted in whole days (UTC). */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addDays(date: string, days: number): string {
  return new Date((toDayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The latest of some dates, or undefined when there are none. */
export function latest(dates: ReadonlyArray<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}
