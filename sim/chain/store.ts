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
/** In the root's index: the key has no entry. */
const ABSENT = Symbol("absent");
/**
 * Keys the root's index holds before it starts over (a Map holds at most 2^24). The index only changes speed: whatever
 * it holds or forgets, `get` answers what the tree holds.
 */
const MAX_INDEXED = 15_000_000;

/**
 * A root entry's value, in a box the root may overwrite in place while no one else can see it: only a box of the
 * root's current epoch, and never while a scan reads the tree. A snapshot, or a write while a scan is open, starts a
 * new epoch, so the boxes the snapshot or the scan hold stay as they are; a later write of such a key puts a new box
 * into the (copy-on-write) tree.
 */
interface Cell<V> {
  v: V;
  readonly epoch: number;
}

/** Epochs are unique across all roots: a root restored from a snapshot never owns the snapshot's boxes. */
let lastEpoch = 0;

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const newTree = <V>(): Tree<V> => new BTree<string, V>(undefined, compareKeys);

/** An immutable copy of a root layer: restoring it (any number of times) costs O(1). */
export class StoreSnapshot<V> {
  /** @internal */
  constructor(readonly tree: Tree<Cell<V>>) {}

  get size(): number {
    return this.tree.size;
  }

  get(key: string): V | undefined {
    return this.tree.get(key)?.v;
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

/** A scan's hold on one layer's tree; `cells` for the root's. */
interface View {
  readonly layer: Layer<unknown>;
  readonly tree: Tree<unknown>;
  readonly cells: boolean;
}

/**
 * One layer of the state. The root holds every entry in a B+ tree of boxes (`Cell`) plus `index`, a Map from key to
 * box: the tree's ordered search compares whole keys — every contract storage key starts with the contract's
 * ~64-character address, so a lookup is ~18 long compares, each a likely cache miss — where the Map costs one hash.
 * Reads go through the index, and overwriting a key the root already holds only changes its box; the tree is written
 * for new keys, deletes and the first write of a key after a snapshot. A child holds its own writes (tombstones for
 * deletes) in a small tree of plain values.
 */
export class Layer<V> {
  /** The root's boxes, or a child's writes. A child's is created by the first write: most are never written. */
  private tree: Tree<unknown> | undefined;
  /**
   * Open scans reading `tree` itself. While there is one, the next write first replaces `tree` by a clone (the scans
   * keep the original) and, at the root, starts a new epoch; when none is, writes go straight into `tree`.
   */
  private views = 0;
  /** The root's key → box (or ABSENT), filled as keys are read and written; undefined in a child. */
  private readonly index: Map<string, Cell<V> | typeof ABSENT> | undefined;
  /** The root's boxes of this epoch may be overwritten in place. */
  private epoch: number;
  /** The index holds every key of the root's tree: a key it lacks has no entry. */
  private complete: boolean;

  private constructor(
    private readonly parent: Layer<V> | undefined,
    tree: Tree<unknown> | undefined,
  ) {
    this.tree = tree;
    this.index = parent === undefined ? new Map() : undefined;
    this.epoch = parent === undefined ? ++lastEpoch : 0;
    this.complete = parent === undefined && (tree === undefined || tree.size === 0);
  }

  static root<V>(from?: StoreSnapshot<V>): Layer<V> {
    const root = new Layer<V>(undefined, from === undefined ? newTree<Cell<V>>() : from.tree.clone());
    // A small state (a fork of a freshly deployed chain) is indexed at once; a large one as its keys are used.
    if (from !== undefined && from.tree.size <= MAX_INDEXED / 16) {
      const index = root.index!;
      from.tree.forEachPair((k, c) => {
        index.set(k, c);
      });
      root.complete = true;
    }
    return root;
  }

  /** The root's current entries, frozen: later writes to this layer do not change it. */
  snapshot(): StoreSnapshot<V> {
    if (this.parent !== undefined) throw new Error("only the root layer can be snapshotted");
    // The snapshot shares the boxes: from now on they are not this root's to overwrite.
    this.epoch = ++lastEpoch;
    return new StoreSnapshot((this.tree as Tree<Cell<V>>).clone());
  }

  child(): Layer<V> {
    return new Layer<V>(this, undefined);
  }

  get(key: string): V | undefined {
    if (this.index !== undefined) return this.cell(key)?.v;
    const w = this.tree?.get(key) as Slot<V> | undefined;
    if (w === DELETED) return undefined;
    if (w !== undefined) return w;
    return this.parent!.get(key);
  }

  /** The root's box for `key`, through the index. */
  private cell(key: string): Cell<V> | undefined {
    const index = this.index!;
    const c = index.get(key);
    if (c !== undefined) return c === ABSENT ? undefined : c;
    if (this.complete) return undefined;
    const found = (this.tree as Tree<Cell<V>>).get(key);
    this.indexed(key, found ?? ABSENT);
    return found;
  }

  private indexed(key: string, c: Cell<V> | typeof ABSENT): void {
    const index = this.index!;
    if (index.size >= MAX_INDEXED) {
      index.clear();
      this.complete = false;
    }
    index.set(key, c);
  }

  /** The tree to write into: a clone when open scans read the current one. */
  private writable(): Tree<unknown> {
    const tree = this.tree;
    if (tree === undefined) return (this.tree = newTree());
    if (this.views === 0) return tree;
    this.views = 0;
    if (this.index !== undefined) this.epoch = ++lastEpoch;
    return (this.tree = tree.clone());
  }

  set(key: string, value: V): void {
    if (this.index === undefined) {
      this.writable().set(key, value);
      return;
    }
    // Not through `cell`: a key the index lacks needs no lookup, the tree's `set` finds its place anyway.
    const c = this.index.get(key);
    if (c !== undefined && c !== ABSENT && c.epoch === this.epoch && this.views === 0) {
      c.v = value;
      return;
    }
    const tree = this.writable();
    const fresh: Cell<V> = { v: value, epoch: this.epoch };
    tree.set(key, fresh);
    this.indexed(key, fresh);
  }

  delete(key: string): void {
    if (this.index === undefined) {
      this.writable().set(key, DELETED);
      return;
    }
    const c = this.index.get(key);
    if (c === ABSENT || (c === undefined && this.complete)) return;
    this.writable().delete(key);
    if (this.complete) this.index.delete(key);
    else this.indexed(key, ABSENT);
  }

  /** Merge this layer's writes into its parent. */
  commit(): void {
    const parent = this.parent;
    if (parent === undefined) throw new Error("the root layer has no parent to commit into");
    const writes = this.tree as Tree<Slot<V>> | undefined;
    if (writes === undefined) return;
    // Open scans of this layer keep reading `writes`, which is no longer written.
    this.tree = undefined;
    this.views = 0;
    if (writes.size === 0) return;
    if (parent.index !== undefined) {
      writes.forEachPair((k, v) => {
        if (v === DELETED) parent.delete(k);
        else parent.set(k, v);
      });
    } else {
      const into = parent.writable();
      writes.forEachPair((k, v) => {
        into.set(k, v);
      });
    }
  }

  /**
   * Live entries in `range`, merged across layers (a layer's writes and deletes win over its parents'). The view is
   * taken when the scan starts, like a contract iterator's: writes made while iterating are not seen. Reading to
   * the end or `return()` closes the scan; one never closed only costs its layers a clone at their next write.
   */
  scan(range: ScanRange): IterableIterator<[string, V]> {
    const views: View[] = [];
    this.openViews(views);
    const { from, to } = range;
    // entriesReversed(to, _, true) starts at the last key below `to`, skipping `to` itself: the end is exclusive.
    const iterators =
      range.reverse === true
        ? views.map((v) => v.tree.entriesReversed(to, undefined, to !== undefined))
        : views.map((v) => v.tree.entries(from));
    return range.reverse === true
      ? new MergeScan<V>(
          iterators,
          (a, b) => a > b,
          (k) => k >= from,
          views,
        )
      : new MergeScan<V>(
          iterators,
          (a, b) => a < b,
          (k) => to === undefined || k < to,
          views,
        );
  }

  /** The non-empty trees from this layer down to the root, each held open until the scan closes. */
  private openViews(into: View[]): void {
    const tree = this.tree;
    if (tree !== undefined && tree.size > 0) {
      this.views++;
      into.push({ layer: this, tree, cells: this.index !== undefined });
    }
    this.parent?.openViews(into);
  }

  /** A scan of `tree` closed: writes need no clone for it any more (unless `tree` was replaced meanwhile). */
  private closeView(tree: Tree<unknown>): void {
    if (this.tree === tree && this.views > 0) this.views--;
  }

  /** @internal */
  static close(views: readonly View[]): void {
    for (const v of views) v.layer.closeView(v.tree);
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

type Head = { key: string; value: unknown } | undefined;

function nextHead(it: Iterator<[string, unknown]>): Head {
  const r = it.next();
  return r.done === true ? undefined : { key: r.value[0], value: r.value[1] };
}

/**
 * A k-way merge of the layers' sorted entries (the trees are ordered top layer first). `before(a, b)` is true when
 * key a comes first in the scan's direction; `inRange` ends the scan. Its views close when it ends or is returned.
 */
class MergeScan<V> implements IterableIterator<[string, V]> {
  private heads: Head[] | undefined;
  private open = true;

  constructor(
    private readonly iterators: Iterator<[string, unknown]>[],
    private readonly before: (a: string, b: string) => boolean,
    private readonly inRange: (key: string) => boolean,
    private readonly views: readonly View[],
  ) {}

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this;
  }

  next(): IteratorResult<[string, V]> {
    if (!this.open) return { done: true, value: undefined };
    const iterators = this.iterators;
    const heads = (this.heads ??= iterators.map((it) => nextHead(it)));
    for (;;) {
      let pick = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        if (h !== undefined && (pick < 0 || this.before(h.key, heads[pick]!.key))) pick = i;
      }
      if (pick < 0) return this.end();
      const { key, value } = heads[pick]!;
      if (!this.inRange(key)) return this.end();
      // The top-most layer holding the key decides; the same key below it is shadowed.
      for (let i = 0; i < heads.length; i++) if (heads[i]?.key === key) heads[i] = nextHead(iterators[i]!);
      if (this.views[pick]!.cells) return { done: false, value: [key, (value as Cell<V>).v] };
      if (value !== DELETED) return { done: false, value: [key, value as V] };
    }
  }

  return(): IteratorResult<[string, V]> {
    return this.end();
  }

  private end(): IteratorResult<[string, V]> {
    if (this.open) {
      this.open = false;
      this.heads = undefined;
      Layer.close(this.views);
    }
    return { done: true, value: undefined };
  }
}
