// The chain's whole state as copy-on-write layers: contract storage, bank, distribution's community pool, codes,
// contracts and the id sequences. A transaction runs in `child()` and is committed or dropped as one unit.

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
  readonly storage: StoreSnapshot<Uint8Array>;
  readonly balances: StoreSnapshot<bigint>;
  readonly supply: StoreSnapshot<bigint>;
  readonly pool: StoreSnapshot<bigint>;
  readonly codes: StoreSnapshot<CodeRecord>;
  readonly contracts: StoreSnapshot<ContractRecord>;
  readonly seq: StoreSnapshot<bigint>;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Lowercase hex; short keys (every storage access) without a Buffer round trip. */
function hex(b: Uint8Array): string {
  if (b.length > 64) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
  let out = "";
  for (const x of b) out += HEX[x]!;
  return out;
}

export const codeKey = (codeId: bigint): string => codeId.toString().padStart(20, "0");

export class World {
  private constructor(
    readonly storage: Layer<Uint8Array>,
    readonly balances: Layer<bigint>,
    readonly supply: Layer<bigint>,
    readonly pool: Layer<bigint>,
    readonly codes: Layer<CodeRecord>,
    readonly contracts: Layer<ContractRecord>,
    readonly seq: Layer<bigint>,
  ) {}

  static empty(): World {
    return new World(Layer.root(), Layer.root(), Layer.root(), Layer.root(), Layer.root(), Layer.root(), Layer.root());
  }

  static fromSnapshot(s: WorldSnapshot): World {
    return new World(
      Layer.root(s.storage),
      Layer.root(s.balances),
      Layer.root(s.supply),
      Layer.root(s.pool),
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
      pool: this.pool.snapshot(),
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
      this.pool.child(),
      this.codes.child(),
      this.contracts.child(),
      this.seq.child(),
    );
  }

  commit(): void {
    this.storage.commit();
    this.balances.commit();
    this.supply.commit();
    this.pool.commit();
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
  storageKey = (contract: string, key: Uint8Array): string => `${contract}/${hex(key)}`;

  read(contract: string, key: Uint8Array): Uint8Array | undefined {
    return this.storage.get(this.storageKey(contract, key));
  }

  write(contract: string, key: Uint8Array, value: Uint8Array): void {
    this.storage.set(this.storageKey(contract, key), value.slice());
  }

  remove(contract: string, key: Uint8Array): void {
    this.storage.delete(this.storageKey(contract, key));
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
        return { done: false, value: [Uint8Array.from(Buffer.from(k.slice(prefix.length), "hex")), v] };
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
