// A copy-on-write key-value layer: a transaction or submessage writes into its own layer over the parent's view and
// either merges it into the parent (commit) or drops it, as the SDK's CacheContext does.

const DELETED = Symbol("deleted");

export class Layer<V> {
  /** Created by the first write: most layers of a tx (bank, codes, …) are never written. */
  private writesMap: Map<string, V | typeof DELETED> | undefined;
  /** The root's keys in order, so a prefix scan costs a binary search instead of a pass over the whole state. */
  private sortedKeys: string[] | undefined;

  private constructor(
    private readonly parent: Layer<V> | undefined,
    base?: ReadonlyMap<string, V>,
  ) {
    if (base !== undefined) for (const [k, v] of base) this.writes.set(k, v);
  }

  private get writes(): Map<string, V | typeof DELETED> {
    return (this.writesMap ??= new Map());
  }

  static root<V>(entries?: ReadonlyMap<string, V>): Layer<V> {
    return new Layer<V>(undefined, entries);
  }

  child(): Layer<V> {
    return new Layer<V>(this);
  }

  get(key: string): V | undefined {
    const w = this.writesMap?.get(key);
    if (w === DELETED) return undefined;
    if (w !== undefined) return w;
    return this.parent?.get(key);
  }

  set(key: string, value: V): void {
    if (this.parent === undefined && !this.writes.has(key)) this.sortedKeys = undefined;
    this.writes.set(key, value);
  }

  delete(key: string): void {
    if (this.parent === undefined) {
      if (this.writes.delete(key)) this.sortedKeys = undefined;
    } else this.writes.set(key, DELETED);
  }

  /** Merge this layer's writes into its parent. */
  commit(): void {
    if (this.parent === undefined) throw new Error("the root layer has no parent to commit into");
    const writes = this.writesMap;
    if (writes === undefined) return;
    for (const [k, v] of writes) {
      if (v === DELETED) this.parent.delete(k);
      else this.parent.set(k, v);
    }
    writes.clear();
  }

  /** Live entries whose key starts with `prefix`, sorted by key (UTF-16 order = byte order for the keys used here). */
  entries(prefix: string): [string, V][] {
    const merged = new Map<string, V>();
    this.collect(prefix, merged);
    return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private collect(prefix: string, into: Map<string, V>): void {
    if (this.parent === undefined) {
      this.sortedKeys ??= [...this.writes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const keys = this.sortedKeys;
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix); i++) {
        const k = keys[i]!;
        into.set(k, this.writes.get(k) as V);
      }
      return;
    }
    this.parent.collect(prefix, into);
    for (const [k, v] of this.writes) {
      if (!k.startsWith(prefix)) continue;
      if (v === DELETED) into.delete(k);
      else into.set(k, v);
    }
  }

  /** A copy of the merged view (for snapshots of the root). */
  toMap(): Map<string, V> {
    return new Map(this.entries(""));
  }
}
