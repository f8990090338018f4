/** How customer names are compared: two names with the same key are the same customer's. Pure. */
const ASCII = /^[\x20-\x7e]*$/;

/** The name's key: NFKC, trimmed, lowercase, runs of white space as one space (so it holds no tab or line break). */
export function nameKey(name: string): string {
  // NFKC changes nothing in printable ASCII, and most names are.
  return (ASCII.test(name) ? name : name.normalize('NFKC')).trim().toLowerCase().replace(/\s+/g, ' ');
}
