/** In-place edits of a yaml Document: comments, field order and untouched nodes survive. */
import { type Document, isCollection, isMap, isScalar, isSeq, type Node, type YAMLSeq } from 'yaml';
import { UsageError } from '../errors.js';

export type YamlPath = (string | number)[];

/** Reads and edits one YAML document by path. */
export interface YamlDocEdit {
  get(path: YamlPath): unknown;
  /** Creates intermediate maps; edits in place, keeps comments/order; `flow` writes a new list or map on one line (`[mon, tue]`). */
  set(path: YamlPath, value: unknown, options?: { flow?: boolean }): void;
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

/** Where new keys go in the map at a path: the order to rank them by (empty: at the end). */
export type KeyOrder = readonly string[] | ((mapPath: YamlPath) => readonly string[]);

/**
 * Puts a new key where `order` says it belongs in its map (before the first existing key that
 * comes after it), instead of at the end of the map.
 */
function placeNewKey(doc: Document, path: YamlPath, order: KeyOrder): void {
  const key = path.at(-1);
  const mapPath = path.slice(0, -1);
  const ranks = typeof order === 'function' ? order(mapPath) : mapPath.length === 0 ? order : [];
  const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
  const rank = typeof key === 'string' ? ranks.indexOf(key) : -1;
  if (!isMap(map) || rank < 0) return;
  const items = map.items;
  const keyOf = (p: { key: unknown }) => String(isScalar(p.key) ? p.key.value : p.key);
  const at = items.findIndex((p) => keyOf(p) === key);
  if (at !== items.length - 1) return;
  const before = items.findIndex((p) => ranks.indexOf(keyOf(p)) > rank);
  if (before < 0 || before >= at) return;
  const [pair] = items.splice(at, 1);
  items.splice(before, 0, pair!);
}

/**
 * A map appended to a list takes its style from the item before it: a list or map value written
 * in flow style there (`roles: [support-engineer]`) is written in flow style in the new item too.
 * A key the item before lacks follows the style of its other lists and maps.
 * The first item of an empty list writes its lists of words on one line.
 */
function styleLikeSibling(seq: YAMLSeq, node: Node): void {
  if (!isMap(node)) return;
  const previous = seq.items.at(-1);
  if (!isMap(previous)) {
    // The first item of an empty `[]`: the list goes block style, short lists of words stay on one line.
    seq.flow = false;
    for (const pair of node.items) if (isSeq(pair.value) && pair.value.items.every(isScalar)) pair.value.flow = true;
    return;
  }
  const anyFlow = previous.items.some((p) => isCollection(p.value) && p.value.flow);
  for (const pair of node.items) {
    const value = pair.value;
    if (!isCollection(value)) continue;
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    const like = previous.get(key, true);
    if (isCollection(like) ? like.flow : anyFlow) value.flow = true;
  }
}

/** An editor over `doc`; `onChange` is told each time the document is modified; `order` ranks new keys (a list: top-level keys only). */
export function editDocument(doc: Document, describe: string, onChange: () => void = () => undefined, order: KeyOrder = []): YamlDocEdit {
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
    set(path, value, options = {}) {
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
        const node = doc.createNode(value);
        if (options.flow && isCollection(node)) node.flow = true;
        doc.setIn(path, node);
        if (isNew && typeof path.at(-1) === 'string') placeNewKey(doc, path, order);
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
      if (isSeq(seq)) {
        const node = doc.createNode(value);
        styleLikeSibling(seq, node);
        seq.add(node);
      } else if (seq === undefined || (isScalar(seq) && seq.value === null)) {
        doc.setIn(path, doc.createNode([value]));
        if (typeof path.at(-1) === 'string') placeNewKey(doc, path, order);
      } else throw new UsageError(`${describe}: ${path.join('.')} is not a list`, `fix ${describe} by hand, then run \`ase lint\``);
      onChange();
    },
  };
}
