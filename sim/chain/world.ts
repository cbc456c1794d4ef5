// The chain's whole state as copy-on-write layers: contract storage, bank (the community pool is the x/protocolpool
// module account's balance), codes, contracts and the id sequences. A transaction runs in `child()` and is committed
// or dropped as one unit.

import { Layer, prefixEnd, StoreSnapshot } from "./store.js";

export interface CodeRecord {
  codeId: bigint;
  /** Lowercase hex sha256 of the wasm. */
  checksum: string;
  creator: string;
  wasm: Uint8Array;
  /** `requires_*` exports, sorted (wasmvm AnalyzeCode). */
  capabilities: string[];
  hasIbcEntryPoints: boolean;
}

export interface ContractRecord {
  address: string;
  codeId: bigint;
  creator: string;
  /** "" = no admin (wasmd stores the empty string). */
  admin: string;
  label: string;
  createdHeight: bigint;
  createdTxIndex: bigint;
  ibcPortId: string;
}

/** The committed state, frozen: taking one and restoring it cost O(1) (the stores share their trees). */
export interface WorldSnapshot {
  /** Values as latin1 strings (`StoredBytes`). */
  readonly storage: StoreSnapshot<StoredBytes>;
  readonly balances: StoreSnapshot<bigint>;
  readonly supply: StoreSnapshot<bigint>;
  readonly codes: StoreSnapshot<CodeRecord>;
  readonly contracts: StoreSnapshot<ContractRecord>;
  readonly seq: StoreSnapshot<bigint>;
}

/**
 * A contract storage value as it sits in the tree: its bytes as a latin1 string (one char per byte). The state's
 * hundreds of thousands of entries are what every major GC marks; a string is one leaf object, where a Uint8Array is
 * a typed array, an ArrayBuffer and its backing store, each of which the collector visits (sim/README.md).
 */
export type StoredBytes = string;

const toStored = (b: Uint8Array): StoredBytes => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");

/** A fresh plain Uint8Array of the stored bytes (a view of the Buffer's copy, not the Buffer itself). */
function fromStored(s: StoredBytes): Uint8Array {
  const b = Buffer.from(s, "latin1");
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1");
/** Reused for every key that fits, so building a key allocates only the key. */
const keyScratch = Buffer.allocUnsafeSlow(1024);

/**
 * `<contract>/<lowercase hex of key>` as one flat string. A key built by concatenation would be a tree of string
 * pieces (a V8 cons string), and the stored keys are, with the values, most of what a major GC marks.
 */
function storageKey(contract: string, key: Uint8Array): string {
  const length = contract.length + 1 + 2 * key.length;
  const buf = length <= keyScratch.length ? keyScratch : Buffer.allocUnsafe(length);
  let at = buf.write(contract, 0, "latin1");
  buf[at++] = 0x2f; // "/"
  for (const x of key) {
    buf[at++] = HEX_DIGITS[x >> 4]!;
    buf[at++] = HEX_DIGITS[x & 15]!;
  }
  return buf.toString("latin1", 0, length);
}

/** Lowercase hex (scan bounds: not stored). */
const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");

export const codeKey = (codeId: bigint): string => codeId.toString().padStart(20, "0");

export class World {
  private constructor(
    readonly storage: Layer<StoredBytes>,
    readonly balances: Layer<bigint>,
    readonly supply: Layer<bigint>,
    readonly codes: Layer<CodeRecord>,
    readonly contracts: Layer<ContractRecord>,
    readonly seq: Layer<bigint>,
  ) {}

  static empty(): World {
    return new World(Layer.root(), Layer.root(), Layer.root(), Layer.root(), Layer.root(), Layer.root());
  }

  static fromSnapshot(s: WorldSnapshot): World {
    return new World(
      Layer.root(s.storage),
      Layer.root(s.balances),
      Layer.root(s.supply),
      Layer.root(s.codes),
      Layer.root(s.contracts),
      Layer.root(s.seq),
    );
  }

  snapshot(): WorldSnapshot {
    return {
      storage: this.storage.snapshot(),
      balances: this.balances.snapshot(),
      supply: this.supply.snapshot(),
      codes: this.codes.snapshot(),
      contracts: this.contracts.snapshot(),
      seq: this.seq.snapshot(),
    };
  }

  child(): World {
    return new World(
      this.storage.child(),
      this.balances.child(),
      this.supply.child(),
      this.codes.child(),
      this.contracts.child(),
      this.seq.child(),
    );
  }

  commit(): void {
    this.storage.commit();
    this.balances.commit();
    this.supply.commit();
    this.codes.commit();
    this.contracts.commit();
    this.seq.commit();
  }

  /** wasmd `mustAutoIncrementID`: sequences start at 1. */
  nextId(name: "code" | "instance"): bigint {
    const id = (this.seq.get(name) ?? 0n) + 1n;
    this.seq.set(name, id);
    return id;
  }

  // Contract storage. Keys are hex so that string order equals byte order for db_scan.

  /** A copy of the stored value: the caller may keep or change it. */
  read(contract: string, key: Uint8Array): Uint8Array | undefined {
    const stored = this.storage.get(storageKey(contract, key));
    return stored === undefined ? undefined : fromStored(stored);
  }

  write(contract: string, key: Uint8Array, value: Uint8Array): void {
    this.storage.set(storageKey(contract, key), toStored(value));
  }

  remove(contract: string, key: Uint8Array): void {
    this.storage.delete(storageKey(contract, key));
  }

  /**
   * Entries of a contract with keys in [start, end) (undefined = unbounded), ascending or descending, read lazily
   * from the state as it is now: O(log n) to start, then O(1) per entry.
   */
  range(
    contract: string,
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    descending = false,
  ): Iterator<[Uint8Array, Uint8Array]> {
    const prefix = `${contract}/`;
    const from = start === undefined ? prefix : prefix + hex(start);
    const to = end === undefined ? prefixEnd(prefix) : prefix + hex(end);
    if (to !== undefined && from >= to) return [][Symbol.iterator]();
    // The view is taken here, when the scan starts, not at the first `next()`.
    const entries = this.storage.scan({ from, to, reverse: descending });
    return {
      next: () => {
        const r = entries.next();
        if (r.done === true) return r;
        const [k, v] = r.value;
        return { done: false, value: [Uint8Array.from(Buffer.from(k.slice(prefix.length), "hex")), fromStored(v)] };
      },
      // Closes the scan's view of the state (store.ts `Layer.scan`).
      return: () => {
        entries.return!();
        return { done: true, value: undefined };
      },
    };
  }

  balance(address: string, denom: string): bigint {
    return this.balances.get(`${address}/${denom}`) ?? 0n;
  }

  setBalance(address: string, denom: string, amount: bigint): void {
    if (amount === 0n) this.balances.delete(`${address}/${denom}`);
    else this.balances.set(`${address}/${denom}`, amount);
  }

  allBalances(address: string): { denom: string; amount: bigint }[] {
    const prefix = `${address}/`;
    return this.balances.entries(prefix).map(([k, amount]) => ({ denom: k.slice(prefix.length), amount }));
  }

  code(codeId: bigint): CodeRecord | undefined {
    return this.codes.get(codeKey(codeId));
  }

  contract(address: string): ContractRecord | undefined {
    return this.contracts.get(address);
  }
}
