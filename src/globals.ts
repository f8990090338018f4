/** Options every command shares, resolved once: registry override, today, colour. */
import { isDate } from './core/dates.js';
import { UsageError } from './errors.js';
import { isTerminal, type Io } from './io.js';

export interface Globals {
  /** --registry or ASE_REGISTRY, unresolved. */
  registry: string | undefined;
  /** Today's date (YYYY-MM-DD) from --today, ASE_TODAY, else the clock. */
  today: string;
  /** Whether --today or ASE_TODAY fixed the date (render stamps a date only then). */
  todayGiven: boolean;
  color: boolean;
}

export interface RawGlobals {
  registry?: string;
  today?: string;
  color?: boolean;
}

/** Today as the local calendar date. */
export function clockToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks a date given on the command line; the name says which flag in the error. */
export function parseDateArg(value: string, flag: string): string {
  if (!isDate(value)) throw new UsageError(`${flag} "${value}" is not a real date`, 'write dates as YYYY-MM-DD, for example 2026-03-31');
  return value;
}

export function resolveGlobals(raw: RawGlobals, io: Io): Globals {
  const given = raw.today ?? (io.env.ASE_TODAY || undefined);
  const today = given !== undefined ? parseDateArg(given, raw.today !== undefined ? '--today' : 'ASE_TODAY') : clockToday();
  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  return {
    registry: raw.registry ?? (io.env.ASE_REGISTRY || undefined),
    today,
    todayGiven: given !== undefined,
    color: raw.color !== false && !noColorEnv && (forced || isTerminal(1)),
  };
}
