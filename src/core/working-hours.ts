/** Working hours and days of a person at an instant, in their IANA time zone through Intl only: pure, no clock read. */
import { isValidTimeZone } from './time-zone.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DEFAULT_WORKING_DAYS: readonly string[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const HOURS_RE = /^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** True for `HH:MM-HH:MM` with real clock times. */
export function isWorkingHours(text: string): boolean {
  return HOURS_RE.test(text);
}

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** mon..sun */
  weekday: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The date, weekday and time of day of `epochMs` in `timeZone` (UTC when undefined or unknown). */
export function localTime(epochMs: number, timeZone: string | undefined): LocalTime {
  const zone = timeZone !== undefined && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: (parts.weekday ?? '').slice(0, 3).toLowerCase(),
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

/**
 * Whether a person with these hours and days works at `local`; null when they give neither
 * (then nothing is known). Hours that end before they start run past midnight.
 */
export function inHours(local: LocalTime, hours: string | undefined, days: readonly string[] | undefined): boolean | null {
  if (hours === undefined && days === undefined) return null;
  const m = hours === undefined ? null : HOURS_RE.exec(hours);
  const start = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  const end = m ? Number(m[3]) * 60 + Number(m[4]) : 24 * 60;
  // Past midnight, the hours after it belong to the day the shift started.
  const overnight = end <= start && m !== null;
  if (overnight && local.minutes < end) {
    const prev = WEEKDAYS[(WEEKDAYS.indexOf(local.weekday as (typeof WEEKDAYS)[number]) + 6) % 7]!;
    return (days ?? DEFAULT_WORKING_DAYS).includes(prev);
  }
  if (!(days ?? DEFAULT_WORKING_DAYS).includes(local.weekday)) return false;
  return overnight ? local.minutes >= start : local.minutes >= start && local.minutes < end;
}
