/** Aligned plain-text tables. Widths count characters, so colour is applied after padding. */

export interface Column<T> {
  header: string;
  value(row: T): string;
  /** Colours a padded cell; must not change its visible width. */
  paint?(cell: string, row: T): string;
  align?: 'left' | 'right';
}

export function table<T>(rows: readonly T[], columns: readonly Column<T>[], header: (s: string) => string = (s) => s): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const pad = (s: string, i: number) => (columns[i]!.align === 'right' ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const lines = [
    header(
      columns
        .map((c, i) => pad(c.header, i))
        .join('  ')
        .trimEnd(),
    ),
  ];
  rows.forEach((row, r) => {
    const line = columns.map((c, i) => {
      const cell = pad(cells[r]![i]!, i);
      return c.paint ? c.paint(cell, row) : cell;
    });
    lines.push(line.join('  ').trimEnd());
  });
  return `${lines.join('\n')}\n`;
}
