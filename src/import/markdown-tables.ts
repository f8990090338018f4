/** Finds the pipe tables of a markdown page, with the line of every row and the heading above. Pure. */

export interface MdRow {
  /** 1-based line in the page. */
  line: number;
  cells: string[];
}

export interface MdTable {
  /** 1-based line of the header row. */
  line: number;
  headers: string[];
  rows: MdRow[];
  /** Text of the nearest heading above the table ('' when none). */
  heading: string;
}

const DELIMITER_CELL = /^\s*:?-{1,}:?\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** Cells of one table line: split on pipes that are not escaped and not inside `code`. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '`') {
      inCode = !inCode;
      current += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c));
}

function looksLikeRow(line: string): boolean {
  return line.includes('|') && line.trim() !== '';
}

export function findTables(page: string): MdTable[] {
  const lines = page.replace(/\r\n?/g, '\n').split('\n');
  const tables: MdTable[] = [];
  let heading = '';
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1]![0];
      else if (f[1]![0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = HEADING.exec(line);
    if (h) {
      heading = h[1]!;
      continue;
    }
    const next = lines[i + 1];
    if (looksLikeRow(line) && next !== undefined && isDelimiterRow(next)) {
      const table: MdTable = { line: i + 1, headers: splitRow(line), rows: [], heading };
      let j = i + 2;
      for (; j < lines.length && looksLikeRow(lines[j]!); j++) table.rows.push({ line: j + 1, cells: splitRow(lines[j]!) });
      tables.push(table);
      i = j - 1;
    }
  }
  return tables;
}
