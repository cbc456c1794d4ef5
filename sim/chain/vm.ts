// One contract call: a fresh WebAssembly.Instance (docs/embedded-chain.md#fresh-instance-per-call), the `env`
// imports of cosmwasm-vm 3.0 with their return conventions and Regions sized in bytes (docs/abi.md#imports,
// #region). Failures surface as VmError carrying wasmvm's text.

import { VmError } from "./errors.js";
import { fromUtf8, utf8 } from "./json.js";
import { KvGas, readRegionCost, stringFromBytesCost, VmGas, WasmdGas, writeRegionCost, type GasMeter } from "./gas.js";
import { GAS_GLOBAL, injectMetering, WRITE_END_GLOBAL } from "../wasm/metering.js";
import {
  capMemory,
  exportGlobals,
  globalExportName,
  importMemory,
  keepExports,
  MEMORY_IMPORT,
  mergeDataSegments,
} from "./memory-limit.js";
import { parseWasm } from "../wasm/parse.js";
import { Wasm, type WasmInstance, type WasmMemory, type WasmModule } from "./wasm-runtime.js";
import { addrHumanize, cryptoImports, type HostApi } from "./host-api.js";
import { decodeAddress } from "./addresses.js";
import { toBech32 } from "@cosmjs/encoding";

/** What a call may touch; `readonly` is set for queries, whose storage writes fail as in cosmwasm-vm. */
export interface ContractStorage {
  get(key: Uint8Array): Uint8Array | undefined;
  set(key: Uint8Array, value: Uint8Array): void;
  remove(key: Uint8Array): void;
  /** Entries in [start, end), read lazily from the state as it was when the scan started. */
  range(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    descending: boolean,
  ): Iterator<[Uint8Array, Uint8Array]>;
}

export interface CallContext {
  storage: ContractStorage;
  readonly: boolean;
  api: HostApi;
  /** The SDK gas meter: storage access is charged here as the SDK's gas KV store does (`KvGas`). */
  gas: GasMeter;
  /** Bytes the SDK store's keys have before the contract's own key (wasmd: 0x03 and the contract address). */
  keyPrefix: number;
  /** CosmWasm gas the call may spend (wasmd `runtimeGasForContract`). */
  vmLimit: number;
  /** Out: the call's internally used CosmWasm gas, as cosmwasm-vm's gas report (`used_internally`). */
  vmUsed: number;
  /** `query_chain`: request JSON in, `SystemResult<ContractResult<Binary>>` JSON out. */
  query(request: Uint8Array, vmGasLeft: number): Uint8Array;
  debug(message: string): void;
}

// cosmwasm-vm imports.rs limits.
const MAX_LENGTH_DB_KEY = 64 * 1024;
const MAX_LENGTH_DB_VALUE = 128 * 1024;
const MAX_LENGTH_QUERY_CHAIN_REQUEST = 64 * 1024;
const MAX_LENGTH_ABORT = 2 * 1024 * 1024;
const MAX_LENGTH_DEBUG = 2 * 1024 * 1024;
const MAX_LENGTH_HUMAN_ADDRESS = 256;
const MAX_LENGTH_CANONICAL_ADDRESS = 64;
const MAX_RESULT_LENGTH = 64 * 1024 * 1024;

/** Wraps a guest-visible failure raised inside an import, as wasmer reports a host error. */
const hostError = (message: string): VmError => new VmError(`Wasmer runtime error: RuntimeError: ${message}`);
const communication = (message: string): VmError => hostError(`Error in guest/host communication: ${message}`);

// V8's trap texts mapped to wasmer's (TrapCode display).
const TRAPS: [RegExp, string][] = [
  [/^unreachable/, "unreachable"],
  [/memory access out of bounds/, "out of bounds memory access"],
  [/divide by zero|remainder by zero/, "integer divide by zero"],
  [/divide result unrepresentable/, "integer overflow"],
  [/float unrepresentable|integer result unrepresentable/, "invalid conversion to integer"],
  [/table index is out of bounds/, "undefined element: out of bounds table access"],
  [/null function|signature mismatch/, "indirect call type mismatch"],
  [/Maximum call stack size exceeded/, "call stack exhausted"],
];

function trapText(e: Error): string {
  for (const [re, text] of TRAPS) if (re.test(e.message)) return text;
  return e.message;
}

const PAGE = 65536;
/** Memories up to this size are recycled (zeroing costs less than a fresh mapping); larger ones are always fresh. */
const MAX_RECYCLED_PAGES = 32;
const MAX_SPARE_MEMORIES = 4;

/**
 * A code compiled once for all its calls. When the module's memory could be turned into an import (`importMemory`),
 * every instance gets a memory of exactly the module's declared limits: a fresh one, or one a finished call of this
 * code left at its initial size, zeroed again, so that a new instance cannot tell the two apart.
 */
export interface CompiledCode {
  /** The whole module (all exports). */
  readonly module: WasmModule;
  readonly memory: MemoryPlan | undefined;
  /** What `module` was compiled from. */
  readonly bytes: Uint8Array;
  /** Per entry point, the module exporting only what a call of it uses (`keepExports`), compiled on first use. */
  readonly entries: Map<string, WasmModule>;
}

/**
 * The memory of a code whose memory is imported. `reuse` is set when instances can be recycled: every piece of
 * state an instance has is its memory and its globals (the module has no start function, and the upload gate rejects
 * the bulk-memory and reference-types operators, so tables and data segments cannot change), all globals are
 * exported (`exportGlobals`), so an instance restored to the memory image and global values it had right after its
 * instantiation cannot be told apart from a new one.
 */
interface MemoryPlan {
  readonly initial: number;
  readonly maximum: number;
  readonly spare: WasmMemory[];
  readonly reuse: { readonly globals: readonly number[]; readonly pools: Map<string, InstancePool> } | undefined;
}

/** Per entry point: what a new instance looks like, and finished instances restored to it. */
interface InstancePool {
  readonly image: Uint8Array;
  /** The image is zero from here on. */
  readonly imageEnd: number;
  readonly globals: unknown[];
  readonly spare: PooledInstance[];
}

interface PooledInstance {
  readonly instance: WasmInstance;
  readonly memory: WasmMemory;
  readonly globals: { value: unknown }[];
  /** The end of the highest store of the module since the host set it to 0 (`injectMetering`). */
  readonly writeEnd: { value: unknown } | undefined;
}

/** Index after the last non-zero byte. */
function nonZeroEnd(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end;
}

/** The mutable globals `exportGlobals` should export; undefined for a start function or a post-MVP feature. */
function reusableGlobals(original: Uint8Array, rewritten: Uint8Array): number[] | undefined {
  try {
    const before = parseWasm(original);
    if (before.start !== null || before.features.length > 0) return undefined;
    const after = parseWasm(rewritten);
    if (after.imports.some((i) => i.desc.kind !== "function" && i.desc.kind !== "memory")) return undefined;
    if (after.start !== null || after.features.length > 0) return undefined;
    const mutable: number[] = [];
    after.globals.forEach((g, i) => {
      if (g.mutable) mutable.push(i);
    });
    return mutable;
  } catch {
    return undefined;
  }
}

/** Compiles a code for `callEntry`; throws what compiling the memory-capped module throws. */
export function compileCode(original: Uint8Array): CompiledCode {
  const wasm = injectMetering(original);
  const imported = importMemory(wasm);
  if (imported !== undefined) {
    try {
      const merged = mergeDataSegments(imported.wasm, imported.initial * PAGE);
      const memory = { initial: imported.initial, maximum: imported.maximum, spare: [] };
      const globals = imported.initial <= MAX_RECYCLED_PAGES ? reusableGlobals(original, merged) : undefined;
      const exported = globals === undefined ? undefined : exportGlobals(merged, globals);
      if (globals !== undefined && exported !== undefined) {
        try {
          const reuse = { globals, pools: new Map<string, InstancePool>() };
          return {
            module: new Wasm.Module(exported),
            memory: { ...memory, reuse },
            bytes: exported,
            entries: new Map(),
          };
        } catch {
          // Compile the module without the extra exports (below).
        }
      }
      return {
        module: new Wasm.Module(merged),
        memory: { ...memory, reuse: undefined },
        bytes: merged,
        entries: new Map(),
      };
    } catch {
      // Compile the module as it was (below) for the compiler's own error text.
    }
  }
  const bytes = capMemory(wasm);
  return { module: new Wasm.Module(bytes), memory: undefined, bytes, entries: new Map() };
}

function entryModule(code: CompiledCode, entry: string): WasmModule {
  let module = code.entries.get(entry);
  if (module === undefined) {
    const keep = new Set([entry, "allocate", "deallocate", "memory", GAS_GLOBAL, WRITE_END_GLOBAL]);
    for (const i of code.memory?.reuse?.globals ?? []) keep.add(globalExportName(i));
    const trimmed = keepExports(code.bytes, keep);
    try {
      module = trimmed === undefined ? code.module : new Wasm.Module(trimmed);
    } catch {
      module = code.module;
    }
    code.entries.set(entry, module);
  }
  return module;
}

/**
 * A contract iterator over the SDK's gas KV store: creating it charges for the entry it lands on, and each `db_next`
 * charges for the entry it returns (gaskv `consumeSeekGas`: before moving on), so the first entry is paid twice.
 */
interface DbIterator {
  current: IteratorResult<[Uint8Array, Uint8Array]>;
  rest: Iterator<[Uint8Array, Uint8Array]>;
}

const GAS_DEPLETION = "Ran out of gas during contract execution";

/** gaskv `consumeSeekGas` for one entry (or none), in pieces as the SDK consumes them. */
function seekGas(f: Frame, entry: [Uint8Array, Uint8Array] | undefined): void {
  const meter = f.ctx.gas;
  if (entry !== undefined) {
    meter.consume(KvGas.readPerByte * (f.ctx.keyPrefix + entry[0].length), "ValuePerByte");
    meter.consume(KvGas.readPerByte * entry[1].length, "ValuePerByte");
  }
  meter.consume(KvGas.iterNextFlat, "IterNextFlat");
}

/** The entry the iterator is on, charged, and the iterator moved to the next; undefined (and free) at the end. */
function advance(f: Frame, it: DbIterator): [Uint8Array, Uint8Array] | undefined {
  if (it.current.done === true) return undefined;
  const entry = it.current.value;
  const before = f.ctx.gas.consumedNumber;
  seekGas(f, entry);
  it.current = it.rest.next();
  f.chargeExternal(before);
  return entry;
}

/** The state of one entry-point call. Host functions act on the innermost call: calls nest synchronously. */
class Frame {
  instance: WasmInstance | undefined;
  /** The instance's remaining-points global (`injectMetering`). */
  gas: unknown;
  /** CosmWasm gas used outside the VM (storage, queries), as cosmwasm-vm's `externally_used_gas`. */
  externalUsed = 0;
  /** End of the highest bytes the host wrote into the instance's memory (Regions). */
  hostWriteEnd = 0;
  /** Created by the first `db_scan`. */
  iterators: Map<number, DbIterator> | undefined;
  /** Views of the memory's current buffer (a new buffer after `memory.grow`). */
  private view: DataView | undefined;
  private bytes: Uint8Array | undefined;

  /** `instance.exports`, read once (each read of it is a call into V8's runtime). */
  exports: Record<string, unknown> | undefined;

  constructor(readonly ctx: CallContext) {}

  memory(): WasmMemory {
    const m = this.exports?.memory;
    if (!(m instanceof Wasm.Memory)) throw hostError("Uninitialized Context Data: memory");
    return m;
  }

  private dataView(buf: ArrayBuffer): DataView {
    let view = this.view;
    if (view?.buffer !== buf) {
      this.view = view = new DataView(buf);
      this.bytes = new Uint8Array(buf);
    }
    return view;
  }

  /** The byte view of `buf`; call after `dataView(buf)`. */
  private u8(): Uint8Array {
    return this.bytes!;
  }

  fn(name: string): (...a: number[]) => unknown {
    const f = this.exports?.[name];
    if (typeof f !== "function") {
      throw new VmError(`Error resolving Wasm function: Could not get export: Missing export ${name}`);
    }
    return f as (...a: number[]) => unknown;
  }

  /**
   * The bytes of the Region at `ptr`: a copy, or with `borrow` a view of the memory itself, for a caller that is done with them
   * before the module runs again (storage keys and values are turned into strings at once).
   */
  readRegion(ptr: number, maxLength: number, borrow = false): Uint8Array {
    if (ptr === 0) throw communication("Got a zero Wasm address");
    const buf = this.memory().buffer;
    if (ptr + 12 > buf.byteLength) {
      throw communication(`Tried to access memory of region at ${ptr} in Wasm memory of size ${buf.byteLength} bytes.`);
    }
    const view = this.dataView(buf);
    const offset = view.getUint32(ptr, true);
    const capacity = view.getUint32(ptr + 4, true);
    const length = view.getUint32(ptr + 8, true);
    this.charge(readRegionCost(length));
    if (offset === 0) throw communication("Got an invalid region: Region offset is zero");
    if (length > capacity) throw communication("Got an invalid region: Region length exceeds capacity");
    if (length > maxLength) throw communication(`Region length too big. Got ${length}, limit ${maxLength}`);
    if (offset + length > buf.byteLength) {
      throw communication(`Tried to access memory of region at ${ptr} in Wasm memory of size ${buf.byteLength} bytes.`);
    }
    const bytes = this.u8().subarray(offset, offset + length);
    if (borrow) return bytes;
    // A small copy comes from Buffer's shared pool, where `slice` would allocate an ArrayBuffer for each.
    const pooled = Buffer.allocUnsafe(length);
    const copy = new Uint8Array(pooled.buffer, pooled.byteOffset, length);
    copy.set(bytes);
    return copy;
  }

  writeRegion(ptr: number, data: Uint8Array): void {
    const buf = this.memory().buffer;
    const view = this.dataView(buf);
    const offset = view.getUint32(ptr, true);
    const capacity = view.getUint32(ptr + 4, true);
    this.charge(writeRegionCost(data.length));
    if (data.length > capacity) throw communication(`Region too small. Got ${capacity}, required ${data.length}`);
    // Out of bounds: the typed-array constructor throws the RangeError whose text the caller reports.
    if (offset + data.length > buf.byteLength) new Uint8Array(buf, offset, data.length);
    const end = Math.max(offset + data.length, ptr + 12);
    if (end > this.hostWriteEnd) this.hostWriteEnd = end;
    this.u8().set(data, offset);
    view.setUint32(ptr + 8, data.length, true);
  }

  /** A new Region owned by the contract (allocated through its `allocate`, which may re-enter). */
  toContract(data: Uint8Array): number {
    const ptr = Number(this.fn("allocate")(data.length));
    this.checkGas();
    if (ptr === 0) throw communication("Got a zero Wasm address");
    this.writeRegion(ptr, data);
    return ptr;
  }

  /** Out of gas once the points went negative (metering.ts: not every block traps at once). */
  checkGas(): void {
    if ((this.gas as { value: bigint }).value < 0n) throw new VmError(GAS_DEPLETION);
  }

  /** Remaining CosmWasm gas (cosmwasm-vm `get_gas_left`: 0 once exhausted). */
  gasLeft(): number {
    const v = (this.gas as { value: bigint }).value;
    return v < 0n ? 0 : Number(v);
  }

  /** cosmwasm-vm `process_gas_info`: external gas (already charged to the SDK meter) and a cost, in CosmWasm gas. */
  processGas(external: number, cost: number): void {
    // One read and one write of the global: each converts between a BigInt and the wasm i64.
    const global = this.gas as { value: bigint };
    const points = global.value;
    if (points < 0n) throw new VmError(GAS_DEPLETION);
    const left = Number(points);
    this.externalUsed += external;
    const next = left - external - cost;
    global.value = BigInt(next < 0 ? 0 : next);
    if (external + cost > left) throw new VmError(GAS_DEPLETION);
  }

  /** A cost in CosmWasm gas; the host-call cost by default. */
  charge(cost: number = VmGas.hostCall): void {
    this.processGas(0, cost);
  }

  /** SDK gas the storage consumed since `before` (the SDK meter's reading), reported to the VM as external gas. */
  chargeExternal(before: number): void {
    this.processGas((this.ctx.gas.consumedNumber - before) * WasmdGas.multiplier, 0);
  }

  writable(): void {
    if (this.ctx.readonly) throw hostError("Must not call a writing storage function in this context.");
  }

  iterator(id: number): DbIterator {
    const it = this.iterators?.get(id);
    if (it === undefined) {
      throw hostError(`Error calling into the VM's backend: Iterator with ID ${id} does not exist`);
    }
    return it;
  }
}

const frames: Frame[] = [];
/** The call whose instance is running: only it can be calling an import. */
const top = (): Frame => frames[frames.length - 1]!;

/** db_next_key / db_next_value: one part (0 key, 1 value) of the iterator's next entry; 0 at the end. */
function nextPart(id: number, part: 0 | 1): number {
  const f = top();
  f.charge();
  const entry = advance(f, f.iterator(id));
  if (entry === undefined) return 0;
  return f.toContract(entry[part]);
}

/** wasmd's `validateAddress` / `canonicalizeAddress` behind the VM's input checks (cosmwasm-vm imports.rs). */
function humanInput(f: Frame, ptr: number): string | { error: string } {
  const bytes = f.readRegion(ptr, MAX_LENGTH_HUMAN_ADDRESS);
  if (bytes.length === 0) return { error: "Input is empty" };
  f.charge(stringFromBytesCost(bytes.length));
  try {
    return fromUtf8(bytes);
  } catch {
    return { error: "Input is not valid UTF-8" };
  }
}

function sections(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 4, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    new DataView(out.buffer).setUint32(at + p.length, p.length);
    at += p.length + 4;
  }
  return out;
}

/** The `env` imports, built once: every function acts on the innermost call. */
const ENV: Record<string, (...a: number[]) => number | bigint | undefined> = {
  abort: (msg) => {
    const f = top();
    f.charge();
    const bytes = f.readRegion(msg, MAX_LENGTH_ABORT);
    f.charge(stringFromBytesCost(bytes.length));
    const text = fromUtf8Lossless(bytes);
    throw hostError(`Aborted: ${text}`);
  },
  debug: (msg) => {
    const f = top();
    f.charge();
    f.ctx.debug(fromUtf8Lossless(f.readRegion(msg, MAX_LENGTH_DEBUG)));
    return undefined;
  },
  db_read: (key) => {
    const f = top();
    f.charge();
    const k = f.readRegion(key, MAX_LENGTH_DB_KEY, true);
    const meter = f.ctx.gas;
    const before = meter.consumedNumber;
    meter.consume(KvGas.readFlat, "ReadFlat");
    const v = f.ctx.storage.get(k);
    meter.consume(KvGas.readPerByte * (f.ctx.keyPrefix + k.length), "ReadPerByte");
    meter.consume(KvGas.readPerByte * (v?.length ?? 0), "ReadPerByte");
    f.chargeExternal(before);
    return v === undefined ? 0 : f.toContract(v);
  },
  db_write: (key, value) => {
    const f = top();
    f.charge();
    f.writable();
    const k = f.readRegion(key, MAX_LENGTH_DB_KEY, true);
    const v = f.readRegion(value, MAX_LENGTH_DB_VALUE, true);
    const meter = f.ctx.gas;
    const before = meter.consumedNumber;
    meter.consume(KvGas.writeFlat, "WriteFlat");
    meter.consume(KvGas.writePerByte * (f.ctx.keyPrefix + k.length), "WritePerByte");
    meter.consume(KvGas.writePerByte * v.length, "WritePerByte");
    f.ctx.storage.set(k, v);
    f.chargeExternal(before);
    return undefined;
  },
  db_remove: (key) => {
    const f = top();
    f.charge();
    f.writable();
    const k = f.readRegion(key, MAX_LENGTH_DB_KEY, true);
    const before = f.ctx.gas.consumedNumber;
    f.ctx.gas.consume(KvGas.delete, "Delete");
    f.ctx.storage.remove(k);
    f.chargeExternal(before);
    return undefined;
  },
  db_scan: (start, end, order) => {
    const f = top();
    f.charge();
    const s = start === 0 ? undefined : f.readRegion(start, MAX_LENGTH_DB_KEY);
    const e = end === 0 ? undefined : f.readRegion(end, MAX_LENGTH_DB_KEY);
    if (order !== 1 && order !== 2) {
      throw communication(`Got an invalid value for iteration order: ${order}`);
    }
    f.iterators ??= new Map();
    const id = f.iterators.size + 1;
    const before = f.ctx.gas.consumedNumber;
    const rest = f.ctx.storage.range(s, e, order === 2);
    const current = rest.next();
    seekGas(f, current.done === true ? undefined : current.value);
    f.iterators.set(id, { current, rest });
    f.chargeExternal(before);
    return id;
  },
  db_next: (id) => {
    const f = top();
    f.charge();
    const entry = advance(f, f.iterator(id));
    if (entry === undefined) return f.toContract(new Uint8Array(8));
    return f.toContract(sections(entry[0], entry[1]));
  },
  db_next_key: (id) => nextPart(id, 0),
  db_next_value: (id) => nextPart(id, 1),
  addr_validate: (human) => {
    const f = top();
    f.charge();
    const input = humanInput(f, human);
    if (typeof input !== "string") return f.toContract(utf8(input.error));
    const prefix = f.ctx.api.prefix;
    const res = decodeAddress(prefix, input);
    if (typeof res === "string") {
      f.charge(WasmdGas.canonicalizeAddress * WasmdGas.multiplier);
      return f.toContract(utf8(res));
    }
    f.charge(WasmdGas.validateAddress * WasmdGas.multiplier);
    return toBech32(prefix, res) === input ? 0 : f.toContract(utf8("address not normalized"));
  },
  addr_canonicalize: (human, dest) => {
    const f = top();
    f.charge();
    const input = humanInput(f, human);
    if (typeof input !== "string") return f.toContract(utf8(input.error));
    const res = decodeAddress(f.ctx.api.prefix, input);
    f.charge(WasmdGas.canonicalizeAddress * WasmdGas.multiplier);
    if (typeof res === "string") return f.toContract(utf8(res));
    f.writeRegion(dest, res);
    return 0;
  },
  addr_humanize: (canonical, dest) => {
    const f = top();
    f.charge();
    const bytes = f.readRegion(canonical, MAX_LENGTH_CANONICAL_ADDRESS);
    const res = addrHumanize(f.ctx.api, bytes);
    f.charge(WasmdGas.humanizeAddress * WasmdGas.multiplier);
    if (res.error !== undefined) return f.toContract(utf8(res.error));
    f.writeRegion(dest, utf8(res.address));
    return 0;
  },
  query_chain: (request) => {
    const f = top();
    f.charge();
    const req = f.readRegion(request, MAX_LENGTH_QUERY_CHAIN_REQUEST);
    const before = f.ctx.gas.consumedNumber;
    const answer = f.ctx.query(req, f.gasLeft());
    f.chargeExternal(before);
    return f.toContract(answer);
  },
  ...cryptoImports({
    readRegion: (ptr, maxLength) => top().readRegion(ptr, maxLength),
    toContract: (data) => top().toContract(data),
    charge: (cost) => {
      top().charge(cost);
    },
    hostError,
  }),
};

/** Import objects, built once; `memoryImport.memory` is set just before an instantiation reads it. */
const memoryImport: { memory: WasmMemory | undefined } = { memory: undefined };
const IMPORTS_OWN_MEMORY = { env: ENV };
const IMPORTS_WITH_MEMORY = { env: ENV, [MEMORY_IMPORT.module]: memoryImport };

let lastCallMemory = 0;

/**
 * Linear memory in bytes at the end of the last finished entry-point call: its peak, since memory never shrinks
 * within an instance (benchmarks report it beside gas).
 */
export function lastCallMemoryBytes(): number {
  return lastCallMemory;
}

/**
 * Runs `entry` with the given JSON arguments and returns the bytes of the result Region.
 * Throws VmError with the text after wasmvm's "Error calling the VM: " prefix.
 */
export function callEntry(
  code: CompiledCode,
  entry: string,
  args: readonly Uint8Array[],
  ctx: CallContext,
): Uint8Array {
  const frame = new Frame(ctx);
  const plan = code.memory;
  let memory: WasmMemory | undefined;
  let pool: InstancePool | undefined;
  let pooled: PooledInstance | undefined;
  frames.push(frame);
  try {
    try {
      pool = plan?.reuse?.pools.get(entry);
      pooled = pool?.spare.pop();
      if (pooled !== undefined) {
        frame.instance = pooled.instance;
        memory = pooled.memory;
      } else if (plan === undefined) {
        frame.instance = new Wasm.Instance(entryModule(code, entry), IMPORTS_OWN_MEMORY);
      } else {
        memory = plan.spare.pop() ?? new Wasm.Memory({ initial: plan.initial, maximum: plan.maximum });
        memoryImport.memory = memory;
        try {
          frame.instance = new Wasm.Instance(entryModule(code, entry), IMPORTS_WITH_MEMORY);
        } finally {
          memoryImport.memory = undefined;
        }
        if (plan.reuse !== undefined) {
          const globals = exportedGlobals(frame.instance, plan.reuse.globals);
          if (globals !== undefined) {
            // Nothing ran yet (no start function): this is the state every new instance of this entry starts in.
            if (pool === undefined) {
              const image = new Uint8Array(memory.buffer).slice();
              pool = { image, imageEnd: nonZeroEnd(image), globals: globals.map((g) => g.value), spare: [] };
            }
            plan.reuse.pools.set(entry, pool);
            const writeEnd = frame.instance.exports[WRITE_END_GLOBAL] as { value: unknown } | undefined;
            pooled = { instance: frame.instance, memory, globals, writeEnd };
          }
        }
      }
    } catch (e) {
      if (e instanceof VmError) throw e;
      throw new VmError(`Error instantiating a Wasm module: ${(e as Error).message}`);
    }
    frame.exports = frame.instance.exports;
    const gas = frame.exports[GAS_GLOBAL];
    frame.gas = gas;
    (gas as { value: bigint }).value = BigInt(ctx.vmLimit);
    if (pooled !== undefined && pooled.writeEnd !== undefined) pooled.writeEnd.value = 0;

    try {
      const f = frame.fn(entry);
      const wanted = entry === "migrate" && f.length === 2 ? args.slice(0, 2) : args;
      if (f.length !== wanted.length) {
        throw new VmError(`Error resolving Wasm function: Function arity mismatch for ${entry}: expected ${f.length}`);
      }
      const ptrs = wanted.map((a) => frame.toContract(a));
      const resultPtr = Number(f(...ptrs));
      frame.checkGas();
      const result = frame.readRegion(resultPtr, MAX_RESULT_LENGTH);
      frame.fn("deallocate")(resultPtr);
      frame.checkGas();
      return result;
    } catch (e) {
      if (e instanceof VmError)
        throw e.message.startsWith("Wasmer") ? new VmError(`Error executing Wasm: ${e.message}`) : e;
      if ((e instanceof Wasm.RuntimeError || e instanceof RangeError) && (frame.gas as { value: bigint }).value < 0n) {
        throw new VmError(`Error executing Wasm: ${GAS_DEPLETION}`);
      }
      if (e instanceof Wasm.RuntimeError || e instanceof RangeError) {
        throw new VmError(`Error executing Wasm: Wasmer runtime error: RuntimeError: ${trapText(e)}`);
      }
      throw e;
    }
  } finally {
    frames.pop();
    // The call's iterators die with it: close their views of the state (world.ts `range`).
    if (frame.iterators !== undefined) for (const it of frame.iterators.values()) it.rest.return?.();
    // cosmwasm-vm's gas report: used_internally = limit − externally used − left.
    if (frame.gas !== undefined) ctx.vmUsed = Math.max(0, ctx.vmLimit - frame.externalUsed - frame.gasLeft());
    const own = frame.exports?.memory;
    lastCallMemory = own instanceof Wasm.Memory ? own.buffer.byteLength : (memory?.buffer.byteLength ?? 0);
    frame.instance = undefined;
    frame.exports = undefined;
    if (pooled !== undefined && pool !== undefined) {
      // Restored to its state right after instantiation, unless its memory grew (memories never shrink).
      if (memory!.buffer.byteLength === pool.image.length && pool.spare.length < MAX_SPARE_MEMORIES) {
        // From `end` on nothing changed: no store of the module reached it (its stores raise writeEnd past every
        // byte they write) and the host wrote nothing past hostWriteEnd.
        const written = pooled.writeEnd === undefined ? pool.image.length : (pooled.writeEnd.value as number) >>> 0;
        const end = Math.max(pool.imageEnd, frame.hostWriteEnd, written);
        if (end >= pool.image.length) new Uint8Array(memory!.buffer).set(pool.image);
        else new Uint8Array(memory!.buffer, 0, end).set(pool.image.subarray(0, end));
        for (let i = 0; i < pooled.globals.length; i++) pooled.globals[i]!.value = pool.globals[i];
        pool.spare.push(pooled);
      }
    } else if (
      memory !== undefined &&
      plan !== undefined &&
      plan.initial <= MAX_RECYCLED_PAGES &&
      plan.spare.length < MAX_SPARE_MEMORIES &&
      memory.buffer.byteLength === plan.initial * PAGE
    ) {
      new Uint8Array(memory.buffer).fill(0);
      plan.spare.push(memory);
    }
  }
}

/** The instance's globals, in index order, as `exportGlobals` exported them; undefined if one is missing. */
function exportedGlobals(instance: WasmInstance, indices: readonly number[]): { value: unknown }[] | undefined {
  const out: { value: unknown }[] = [];
  for (const i of indices) {
    const g = instance.exports[globalExportName(i)];
    if (typeof g !== "object" || g === null || !("value" in g)) return undefined;
    out.push(g);
  }
  return out;
}

/** cosmwasm-vm reads abort/debug text with `String::from_utf8_lossy`-like tolerance only for debug; keep it lossless. */
function fromUtf8Lossless(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
