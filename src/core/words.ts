/** Small wording helpers for messages: counts with the right noun, and user values quoted briefly. */

/** `1 day`, `2 days`: a count and its noun, singular for exactly one. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The most of a user's value a message quotes (as schema messages do): a 100 KB handle is not repeated in full. */
export const QUOTE_MAX = 60;

/** `value` in double quotes, clipped to QUOTE_MAX characters with `...`. */
export function quote(value: unknown): string {
  const s = String(value);
  return `"${s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX - 3)}...` : s}"`;
}
