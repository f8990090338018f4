/**
 * Keeps a hand-formatted file's untouched lines byte for byte: the yaml library re-renders the whole
 * document (comment spacing, flow padding), so lines it re-rendered without an edit are taken
 * from the original text instead. Pure.
 */
import { diffLines, splitLines } from './line-diff.js';

/**
 * `original` is the file as read, `rerendered` the unedited document rendered by the library,
 * `edited` the edited document rendered the same way; returns `edited` with every line that the
 * edit did not change restored to its original spelling.
 */
export function keepFormatting(original: string, rerendered: string, edited: string): string {
  if (original === rerendered) return edited;
  const o = splitLines(original);
  const r = splitLines(rerendered);
  const e = splitLines(edited);
  const fromOriginal = alignLines(o, r);
  const out: string[] = [];
  let dels: number[] = [];
  let ins: number[] = [];
  const flush = () => {
    ins.forEach((bi, k) => {
      const ai = dels.length === ins.length ? dels[k] : undefined;
      const orig = ai !== undefined ? fromOriginal[ai] : undefined;
      out.push(orig !== undefined ? keepCommentColumn(orig, r[ai!]!, e[bi]!) : e[bi]!);
    });
    dels = [];
    ins = [];
  };
  for (const op of diffLines(r, e)) {
    if (op.kind === 'equal') {
      flush();
      out.push(fromOriginal[op.a] ?? e[op.b]!);
    } else if (op.kind === 'delete') dels.push(op.a);
    else ins.push(op.b);
  }
  flush();
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/**
 * An edited line whose trailing comment is unchanged keeps the comment at its original column
 * (`cap: 15      # why` stays aligned when the value changes).
 */
function keepCommentColumn(original: string, rerendered: string, edited: string): string {
  const at = rerendered.lastIndexOf(' #');
  if (at < 0) return edited;
  const comment = rerendered.slice(at + 1);
  if (!edited.endsWith(` ${comment}`) || !original.endsWith(comment)) return edited;
  const column = original.length - comment.length;
  const content = edited.slice(0, edited.length - comment.length).trimEnd();
  return `${content}${' '.repeat(Math.max(1, column - content.length))}${comment}`;
}

/** For each line of `r`, the line of `o` it renders (equal lines, and changed blocks of equal size). */
function alignLines(o: readonly string[], r: readonly string[]): (string | undefined)[] {
  const map: (string | undefined)[] = new Array(r.length).fill(undefined);
  const ops = diffLines(o, r);
  let dels: number[] = [];
  let ins: number[] = [];
  const flush = () => {
    if (dels.length === ins.length) ins.forEach((ri, k) => (map[ri] = o[dels[k]!]));
    dels = [];
    ins = [];
  };
  for (const op of ops) {
    if (op.kind === 'equal') {
      flush();
      map[op.b] = o[op.a];
    } else if (op.kind === 'delete') dels.push(op.a);
    else ins.push(op.b);
  }
  flush();
  return map;
}
