/** Line diffs: the edit script between two texts and its unified-diff rendering. Pure. */

export type LineOp = { kind: 'equal'; a: number; b: number } | { kind: 'delete'; a: number } | { kind: 'insert'; b: number };

/** Lines of `text`, keeping a trailing newline implicit (the last empty piece is dropped). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The edit script turning `a` into `b` (longest common subsequence; common ends trimmed first). */
export function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  // lcs[i][j] = LCS length of a[start+i..endA) and b[start+j..endB)
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = a[start + i] === b[start + j] ? lcs[at(i + 1, j + 1)]! + 1 : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
    }
  }
  const ops: LineOp[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: 'equal', a: k, b: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      ops.push({ kind: 'equal', a: start + i, b: start + j });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[at(i, j + 1)]! > lcs[at(i + 1, j)]!)) {
      ops.push({ kind: 'insert', b: start + j });
      j++;
    } else {
      ops.push({ kind: 'delete', a: start + i });
      i++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: 'equal', a: endA + k, b: endB + k });
  return ops;
}

/** A unified diff (`git diff` style, 3 lines of context) of one file; '' when unchanged. */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const ops = diffLines(a, b);
  const header = [
    before === undefined
      ? `diff --git a/${path} b/${path}\nnew file`
      : after === undefined
        ? `diff --git a/${path} b/${path}\ndeleted file`
        : `diff --git a/${path} b/${path}`,
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`,
  ];
  const out: string[] = [...header];
  const changed = ops.map((o, k) => (o.kind !== 'equal' ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    let from = Math.max(0, changed[k]! - context);
    let last = changed[k]!;
    while (k + 1 < changed.length && changed[k + 1]! - last - 1 <= 2 * context) last = changed[++k]!;
    k++;
    const to = Math.min(ops.length - 1, last + context);
    const hunk = ops.slice(from, to + 1);
    const aStart = firstLine(ops, from, 'a');
    const bStart = firstLine(ops, from, 'b');
    const aLen = hunk.filter((o) => o.kind !== 'insert').length;
    const bLen = hunk.filter((o) => o.kind !== 'delete').length;
    out.push(`@@ -${aLen === 0 ? aStart : aStart + 1},${aLen} +${bLen === 0 ? bStart : bStart + 1},${bLen} @@`);
    for (const o of hunk) {
      if (o.kind === 'equal') out.push(` ${a[o.a]}`);
      else if (o.kind === 'delete') out.push(`-${a[o.a]}`);
      else out.push(`+${b[o.b]}`);
    }
    from = to;
  }
  if (after !== undefined && after !== '' && !after.endsWith('\n')) out.push('\\ No newline at end of file');
  return `${out.join('\n')}\n`;
}

/** 0-based line number in side `side` where the op at `index` starts. */
function firstLine(ops: readonly LineOp[], index: number, side: 'a' | 'b'): number {
  let count = 0;
  for (let k = 0; k < index; k++) {
    const o = ops[k]!;
    if (side === 'a' ? o.kind !== 'insert' : o.kind !== 'delete') count++;
  }
  return count;
}
