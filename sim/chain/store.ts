// The chain's key-value store. The root layer is a persistent B+ tree (sorted-btree): O(log n) get/set/delete, ordered
// scans from any key, and an O(1) `clone()` whose nodes are shared until either side writes, which is what makes
// snapshots and forks cheap. A transaction or submessage writes into its own child layer over the parent's view and
// either merges it into the parent (commit) or drops it, as the SDK's CacheContext does.
//
// Keys compare as JS strings (UTF-16 code units). Every key the chain stores is ASCII (contract storage keys are hex),
// so this order is the byte order in which IAVL iterates the raw keys.

import { createRequire } from "node:module";

// sorted-btree is CommonJS exporting `exports.default`; Node's ESM loader and vitest disagree on what a default import
// of it yields, so it is loaded the CommonJS way, which both run alike.
const BTree = (createRequire(import.meta.url)("sorted-btree") as typeof import("sorted-btree")).default;
type Tree<V> = InstanceType<typeof BTree<string, V>>;

const DELETED = Symbol("deleted");
type Slot<V> = V | typeof DELETED;

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const newTree = <V>(): Tree<V> => new BTree<string, V>(undefined, compareKeys);

/** An immutable copy of a root layer: restoring it (any number of times) costs O(1). */
export class StoreSnapshot<V> {
  /** @internal */
  constructor(readonly tree: Tree<V>) {}

  get size(): number {
    return this.tree.size;
  }

  get(key: string): V | undefined {
    return this.tree.get(key);
  }

  /** Every key in byte order (tests and tools that inspect raw state). */
  keys(): IterableIterator<string> {
    return this.tree.keys();
  }
}

/** Keys in [from, to) (`to` undefined = unbounded), ascending unless `reverse`. */
export interface ScanRange {
  from: string;
  to: string | undefined;
  reverse?: boolean;
}

export class Layer<V> {
  /**
   * The root's entries, or a child's writes with tombstones for deletes. A child's is created by the first write:
   * most layers of a tx (bank, codes, …) are never written.
   */
  private tree: Tree<Slot<V>> | undefined;

  private constructor(
    private readonly parent: Layer<V> | undefined,
    tree: Tree<Slot<V>> | undefined,
  ) {
    this.tree = tree;
  }

  static root<V>(from?: StoreSnapshot<V>): Layer<V> {
    return new Layer<V>(undefined, from === undefined ? newTree() : from.tree.clone());
  }

  /** The root's current entries, frozen: later writes to this layer do not change it. */
  snapshot(): StoreSnapshot<V> {
    if (this.parent !== undefined) throw new Error("only the root layer can be snapshotted");
    return new StoreSnapshot((this.tree as Tree<V>).clone());
  }

  child(): Layer<V> {
    return new Layer<V>(this, undefined);
  }

  get(key: string): V | undefined {
    const w = this.tree?.get(key);
    if (w === DELETED) return undefined;
    if (w !== undefined) return w;
    return this.parent?.get(key);
  }

  set(key: string, value: V): void {
    (this.tree ??= newTree()).set(key, value);
  }

  delete(key: string): void {
    if (this.parent === undefined) this.tree!.delete(key);
    else (this.tree ??= newTree()).set(key, DELETED);
  }

  /** Merge this layer's writes into its parent. */
  commit(): void {
    const parent = this.parent;
    if (parent === undefined) throw new Error("the root layer has no parent to commit into");
    const writes = this.tree;
    if (writes === undefined) return;
    this.tree = undefined;
    writes.forEachPair((k, v) => {
      if (v === DELETED) parent.delete(k);
      else parent.set(k, v);
    });
  }

  /**
   * Live entries in `range`, merged across layers (a layer's writes and deletes win over its parents'). The view is
   * taken when the scan starts, like a contract iterator's: writes made while iterating are not seen.
   */
  scan(range: ScanRange): IterableIterator<[string, V]> {
    const trees: Tree<Slot<V>>[] = [];
    this.collectTrees(trees);
    return range.reverse === true ? scanDescending(trees, range) : scanAscending(trees, range);
  }

  /** Clones of the non-empty trees from this layer down to the root. */
  private collectTrees(into: Tree<Slot<V>>[]): void {
    if (this.tree !== undefined && this.tree.size > 0) into.push(this.tree.clone());
    this.parent?.collectTrees(into);
  }

  /** Live entries whose key starts with `prefix`, in key order. */
  entries(prefix: string): [string, V][] {
    return [...this.scan({ from: prefix, to: prefixEnd(prefix) })];
  }
}

/** The first key after every key that starts with `prefix` (undefined: none, the prefix is all U+FFFF). */
export function prefixEnd(prefix: string): string | undefined {
  let end = prefix;
  while (end.length > 0) {
    const last = end.charCodeAt(end.length - 1);
    if (last < 0xffff) return end.slice(0, -1) + String.fromCharCode(last + 1);
    end = end.slice(0, -1);
  }
  return undefined;
}

type Head<V> = { key: string; value: Slot<V> } | undefined;

function nextHead<V>(it: Iterator<[string, Slot<V>]>): Head<V> {
  const r = it.next();
  return r.done === true ? undefined : { key: r.value[0], value: r.value[1] };
}

/**
 * A k-way merge of the layers' sorted entries (the trees are ordered top layer first). `before(a, b)` is true when
 * key a comes first in the scan's direction; `inRange` ends the scan.
 */
function* merge<V>(
  iterators: Iterator<[string, Slot<V>]>[],
  before: (a: string, b: string) => boolean,
  inRange: (key: string) => boolean,
): Generator<[string, V]> {
  const heads = iterators.map((it) => nextHead(it));
  for (;;) {
    let pick = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h !== undefined && (pick < 0 || before(h.key, heads[pick]!.key))) pick = i;
    }
    if (pick < 0) return;
    const { key, value } = heads[pick]!;
    if (!inRange(key)) return;
    // The top-most layer holding the key decides; the same key below it is shadowed.
    for (let i = 0; i < heads.length; i++) if (heads[i]?.key === key) heads[i] = nextHead(iterators[i]!);
    if (value !== DELETED) yield [key, value];
  }
}

function scanAscending<V>(trees: Tree<Slot<V>>[], { from, to }: ScanRange): IterableIterator<[string, V]> {
  const iterators = trees.map((t) => t.entries(from));
  return merge(
    iterators,
    (a, b) => a < b,
    (k) => to === undefined || k < to,
  );
}

function scanDescending<V>(trees: Tree<Slot<V>>[], { from, to }: ScanRange): IterableIterator<[string, V]> {
  // entriesReversed(to, _, true) starts at the last key ≤ `to`, skipping `to` itself: the end is exclusive.
  const iterators = trees.map((t) => t.entriesReversed(to, undefined, to !== undefined));
  return merge(
    iterators,
    (a, b) => a > b,
    (k) => k >= from,
  );
}
