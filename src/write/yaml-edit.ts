/** In-place edits of a yaml Document: comments, field order and untouched nodes survive. */
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { UsageError } from '../errors.js';

export type YamlPath = (string | number)[];

/** Reads and edits one YAML document by path. */
export interface YamlDocEdit {
  get(path: YamlPath): unknown;
  /** Creates intermediate maps; edits in place, keeps comments/order. */
  set(path: YamlPath, value: unknown): void;
  delete(path: YamlPath): void;
  /** Appends to a sequence, creating it. */
  append(path: YamlPath, value: unknown): void;
}

function plain(node: unknown): unknown {
  if (node === undefined || node === null) return node;
  if (isScalar(node)) return node.value;
  if (typeof (node as Node).toJSON === 'function') return (node as Node).toJSON();
  return node;
}

/**
 * Puts a new top-level key where `order` says it belongs (before the first existing key that
 * comes after it), instead of at the end of the file.
 */
function placeNewKey(doc: Document, key: string, order: readonly string[]): void {
  const map = doc.contents;
  const rank = order.indexOf(key);
  if (!isMap(map) || rank < 0) return;
  const items = map.items;
  const keyOf = (p: { key: unknown }) => String(isScalar(p.key) ? p.key.value : p.key);
  const at = items.findIndex((p) => keyOf(p) === key);
  if (at !== items.length - 1) return;
  const before = items.findIndex((p) => order.indexOf(keyOf(p)) > rank);
  if (before < 0 || before >= at) return;
  const [pair] = items.splice(at, 1);
  items.splice(before, 0, pair!);
}

/** An editor over `doc`; `onChange` is told each time the document is modified; `order` ranks top-level keys. */
export function editDocument(doc: Document, describe: string, onChange: () => void = () => undefined, order: readonly string[] = []): YamlDocEdit {
  const ensureMap = () => {
    if (doc.contents === null || doc.contents === undefined || (isScalar(doc.contents) && doc.contents.value === null)) {
      doc.contents = doc.createNode({}) as never;
    }
    if (!isMap(doc.contents)) throw new UsageError(`${describe} is not a YAML mapping`, `fix ${describe} by hand, then run \`ase lint\``);
  };
  return {
    get(path) {
      return plain(doc.getIn(path, true));
    },
    set(path, value) {
      if (value === undefined) return this.delete(path);
      ensureMap();
      const current = doc.getIn(path, true);
      if (isScalar(current) && (value === null || typeof value !== 'object')) {
        if (current.value === value) return;
        current.value = value;
        // A quoted or block style chosen for the old value may not suit the new one.
        if (typeof value !== 'string') current.type = undefined;
      } else {
        const isNew = !doc.hasIn(path);
        doc.setIn(path, doc.createNode(value));
        if (isNew && path.length === 1 && typeof path[0] === 'string') placeNewKey(doc, path[0], order);
      }
      onChange();
    },
    delete(path) {
      if (!doc.hasIn(path)) return;
      doc.deleteIn(path);
      onChange();
    },
    append(path, value) {
      ensureMap();
      const seq = doc.getIn(path, true);
      if (isSeq(seq)) seq.add(doc.createNode(value));
      else if (seq === undefined || (isScalar(seq) && seq.value === null)) {
        doc.setIn(path, doc.createNode([value]));
        if (path.length === 1 && typeof path[0] === 'string') placeNewKey(doc, path[0], order);
      }
      else throw new UsageError(`${describe}: ${path.join('.')} is not a list`, `fix ${describe} by hand, then run \`ase lint\``);
      onChange();
    },
  };
}
