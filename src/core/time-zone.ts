/** IANA time zones, checked through Intl: pure, no clock read. */

/** True when `tz` is a time zone Intl knows (an IANA name such as Europe/London). */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: tz });
    return tz !== '';
  } catch {
    return false;
  }
}
