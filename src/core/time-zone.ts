/** IANA time zone names, checked through Intl (pure: no clock is read). */

/** True when `tz` is a time zone Intl knows (`Europe/London`, `UTC`); false for `Mars/Olympus`. */
export function isValidTimeZone(tz: string): boolean {
  if (tz === '') return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: tz });
    return true;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}
