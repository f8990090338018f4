/**
 * Checks what `ase people add|set` are given (handle, roles, time zone, hours, days) before the
 * registry is read: bad input is exit 2 with one line that says what to write instead. Pure.
 */
import { ROLES, type Role } from '../core/model.js';
import { isSlug } from '../core/slug.js';
import { isValidTimeZone } from '../core/time-zone.js';
import { UsageError } from '../errors.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const HOURS_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A handle for a person: the same shape as a customer slug. */
export function checkHandle(handle: string): string {
  if (!isSlug(handle)) {
    throw new UsageError(
      `"${handle}" is not a valid handle`,
      'a handle is lowercase letters, digits and hyphens, starts with a letter or digit, at most 64 characters (e.g. amara or j-smith)',
    );
  }
  return handle;
}

/** Roles given as repeated flags, each possibly comma-separated; duplicates dropped. */
export function checkRoles(values: readonly string[], flag: string): Role[] {
  const out: Role[] = [];
  for (const v of values
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '')) {
    if (!(ROLES as readonly string[]).includes(v)) {
      throw new UsageError(`${flag} "${v}" is not a role`, `roles are ${ROLES.join(', ')}`);
    }
    if (!out.includes(v as Role)) out.push(v as Role);
  }
  return out;
}

/** An IANA time zone Intl knows. */
export function checkTimeZone(tz: string): string {
  if (!isValidTimeZone(tz)) {
    throw new UsageError(
      `--timezone "${tz}" is not an IANA time zone`,
      'use a name from the tz database, for example Europe/London, America/Chicago or Asia/Singapore',
    );
  }
  return tz;
}

/** Working hours `HH:MM-HH:MM` (24-hour clock, local time of the person's time zone). */
export function checkHours(hours: string): string {
  if (!HOURS_RE.test(hours)) {
    throw new UsageError(`--hours "${hours}" is not a span of working hours`, 'write HH:MM-HH:MM on a 24-hour clock, for example 09:00-17:00 (00:00 to 23:59)');
  }
  return hours;
}

/** Working days `mon,tue,...`, in week order, each once. */
export function checkDays(days: string): string[] {
  const given = days
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  const bad = given.find((d) => !(WEEKDAYS as readonly string[]).includes(d));
  if (bad !== undefined || given.length === 0) {
    throw new UsageError(
      `--days "${days}" is not a list of weekdays${bad !== undefined ? ` ("${bad}")` : ''}`,
      'write three-letter days separated by commas, for example mon,tue,wed,thu,fri',
    );
  }
  return WEEKDAYS.filter((d) => given.includes(d));
}

/** Hours need a time zone to mean anything: the person's, or the one given with them. */
export function requireZoneForHours(handle: string, timezone: string | undefined): void {
  if (timezone === undefined) {
    throw new UsageError(`--hours needs a time zone: ${handle} has none`, `add --timezone <IANA name>, for example --timezone Europe/London`);
  }
}

const GITHUB_RE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** A GitHub user name as the schema allows it (without the @). */
export function checkGithub(name: string): string {
  const bare = name.startsWith('@') ? name.slice(1) : name;
  if (!GITHUB_RE.test(bare))
    throw new UsageError(
      `--github "${name.length > 60 ? `${name.slice(0, 60)}...` : name}" is not a GitHub user name`,
      'letters, digits and single hyphens, at most 39 characters, e.g. --github amara-okafor',
    );
  return bare;
}

/** The `email` format of the schema (ajv-formats' fast pattern, as in src/source/formats.cjs). */
const EMAIL_RE = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function checkEmail(email: string): string {
  if (!EMAIL_RE.test(email)) throw new UsageError(`--email "${email}" is not an email address`, 'write it as name@example.com');
  return email;
}

/** A display name: one line, 1 to 200 characters (the schema's limits). */
export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200 || /[\r\n]/.test(trimmed)) {
    throw new UsageError(`--name must be one line of 1 to 200 characters`, 'for example: --name "Amara Okafor"');
  }
  return trimmed;
}
