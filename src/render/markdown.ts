/** Small markdown builders shared by the page and the diff reporter. Pure. */

/** A table cell: one line, pipes escaped, empty shown as an em dash. */
export function cell(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return '—';
  return value.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

/** A GitHub-flavoured markdown table; cells are escaped by the caller with `cell`. */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Text that markdown would otherwise read as formatting, escaped. */
export function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** Escapes markdown outside `code spans`, which stay as written (finding messages use them). */
export function escapeOutsideCode(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeInline(part)))
    .join('');
}

/** Sorts by a key with plain code-unit order, so output does not depend on the machine's locale. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
