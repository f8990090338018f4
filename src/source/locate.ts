/** Finds the line and column of a node in a parsed YAML document from its path of keys and indexes. */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { NodePath } from '../core/findings.js';

export interface Position {
  line: number;
  column: number;
}

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/**
 * Walks `path` as deep as the document goes. Returns the node at the end of the path (or its key
 * when `preferKey`), or, when part of the path is missing, the key of the deepest node found.
 */
export function locate(doc: Document | undefined, lineCounter: LineCounter, path: NodePath, preferKey = false): Position {
  const contents = doc?.contents as Node | null | undefined;
  let node: Node | null | undefined = contents;
  let key: Node | null | undefined;
  let complete = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyOf(p.key) === segment);
      if (!pair) {
        complete = false;
        break;
      }
      key = pair.key as Node;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as Node;
      key = node;
    } else {
      complete = false;
      break;
    }
  }
  const target = (complete && preferKey) || !complete ? (key ?? node) : (node ?? key);
  const offset = target?.range?.[0] ?? firstContentOffset(contents);
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

function firstContentOffset(contents: Node | null | undefined): number {
  return contents?.range?.[0] ?? 0;
}
