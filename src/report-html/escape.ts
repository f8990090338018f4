/** Escaping for text and attribute values, and the few number formats the report uses. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value, safe anywhere in the page (SVG text included). */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A link only to a web page: anything else (javascript:, data:, relative paths) stays plain text. */
export function safeHref(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

/** SVG coordinates with at most one decimal, so output is short and the same on every machine. */
export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}
