/**
 * Commit messages of writes: a subject naming action and customer, a readable body, and trailers
 * with the structured facts. Free text can never forge a trailer: every value is collapsed to one
 * line, and body lines that look like `Key: value` are indented so git does not read them as trailers.
 */

const MAX_TRAILER = 300;
const MAX_SUBJECT = 120;

/** One line of plain text: newlines and control characters become spaces, runs of spaces collapse. */
export function oneLine(text: string, max = 10_000): string {
  // eslint-disable-next-line no-control-regex
  const flat = text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A trailer key as git accepts it: letters, digits and hyphens. */
function trailerKey(key: string): string {
  return key.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'Note';
}

/** A body line: one line, and never mistakable for a trailer or a comment. */
function bodyLine(line: string): string {
  const flat = oneLine(line);
  return /^[A-Za-z0-9-]+\s*:/.test(flat) || flat.startsWith('#') ? `  ${flat}` : flat;
}

export interface MessageParts {
  subject: string;
  body?: readonly string[];
  trailers: Record<string, string | undefined>;
}

/** The full commit message; trailers with no value are left out. */
export function commitMessage(parts: MessageParts): string {
  const subject = oneLine(parts.subject, MAX_SUBJECT);
  const body = (parts.body ?? []).map(bodyLine).filter((l) => l !== '');
  const trailers = Object.entries(parts.trailers)
    .map(([k, v]) => [trailerKey(k), v === undefined ? '' : oneLine(v, MAX_TRAILER)] as const)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return `${[subject, ...(body.length > 0 ? ['', ...body] : []), ...(trailers.length > 0 ? ['', ...trailers] : [])].join('\n')}\n`;
}
