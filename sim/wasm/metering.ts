// Wasm instruction metering as cosmwasm-vm 3.0 does it, as a module rewrite done once per code.
//
// cosmwasm-vm compiles every contract with its `Metering` middleware (packages/vm/src/wasm_backend/metering.rs, a
// copy of wasmer's lib/middlewares/src/metering.rs) and the cost function of wasm_backend/engine.rs: 115 gas per
// operator, 1,610 (14×) for an "accounting" operator — one that ends or starts a basic block (loop, end, if, else,
// br, br_if, br_table, call, call_indirect, return). The cost of the operators since the last accounting operator,
// that operator included, is charged just before it executes: if the remaining points are below the cost the call
// traps as out of gas, otherwise they are decreased. A function with more than 29 declared locals is charged
// 115 × (locals − 29) on entry, with its first block when its first operator is an accounting one, else at once.
//
// The same charges are injected here, at the same places and with the same costs, against an exported mutable i64
// global (`GAS_GLOBAL`) holding the remaining points; no host call. Remaining points are decreased first, so running
// out shows as a negative value, the same condition as wasmer's `remaining < cost` for any limit below 2^63.
// Each function keeps a copy of the points in an extra i64 local, read from the global on entry and after every
// call, and stores each new value to the global at once: the global is exact wherever the host or a trap reads it,
// and V8 keeps the local in a register where every `global.get` is a load through the instance (this halves the
// wasm time metering adds; sim/README.md#gas).
//
// Where the call stops differs, what anyone can observe does not: wasmer traps in the block that runs out; here only
// blocks ending in a branch or a call (br, br_if, br_table, call, call_indirect — every loop iteration and every
// recursion passes one) trap at once, and the others only decrease. The host treats negative points as out of gas
// before any import does anything, after every call into the module, and on any trap, and reports the whole limit as
// used, as cosmwasm-vm does for an exhausted instance. Code run between the block that ran out and the next check
// touches nothing but the instance's own memory and globals, which the failed call discards.

import { SECTION_ORDER } from "./parse.js";

/** Export name of the remaining-points global the rewrite adds. */
export const GAS_GLOBAL = "__cosmwasm_gas_left";
/**
 * Export name of an i32 global the rewrite adds: the end of the highest store since the host last set it to 0
 * (address + offset + 8, an upper bound of the bytes any store writes; not counted as gas: it is the host's, not the
 * contract's). Nothing at or past it was written by the module, so the host can restore the instance's memory for
 * the next call by copying only what lies below it.
 */
export const WRITE_END_GLOBAL = "__akash_econ_write_end";

/** cosmwasm-vm 3.0 engine.rs `cost`: flat gas per operator. */
export const GAS_PER_OPERATION = 115;
/** Accounting operators cost 14 operations. */
export const GAS_PER_ACCOUNTING_OPERATION = GAS_PER_OPERATION * 14;
/** metering.rs: locals beyond this many minus one are charged on function entry. */
const CHARGED_LOCALS_THRESHOLD = 30;

class Reader {
  constructor(
    readonly b: Uint8Array,
    public at: number,
  ) {}

  byte(): number {
    const v = this.b[this.at++];
    if (v === undefined) throw new Error("metering: unexpected end of module");
    return v;
  }

  u32(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return value;
    }
  }

  /** Skips any LEB128 (signed or not). */
  skipLeb(): void {
    while ((this.byte() & 0x80) !== 0);
  }

  /** Skips one LEB128 and returns the position after it. */
  skipLebAt(): number {
    this.skipLeb();
    return this.at;
  }

  skip(n: number): void {
    this.at += n;
  }

  bytes(n: number): Uint8Array {
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

function uleb(n: number, out: number[] = []): number[] {
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a non-negative safe integer. */
function sleb(n: number, out: number[] = []): number[] {
  for (;;) {
    const b = n % 128;
    n = Math.floor(n / 128);
    if (n === 0 && (b & 0x40) === 0) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Signed LEB128 of an i32 (the bits of `n` taken as a two's-complement i32). */
function slebI32(n: number, out: number[]): void {
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

function isAccounting(op: number): boolean {
  // loop, if, else, end, br, br_if, br_table, return, call, call_indirect (the subset of metering.rs's
  // `is_accounting` that the features cosmwasm-vm enables can produce).
  return (op >= 0x03 && op <= 0x05) || (op >= 0x0b && op <= 0x11);
}

/** Skips one instruction's immediates after its opcode byte. */
function skipImmediates(r: Reader, op: number): void {
  if (op <= 0x01 || op === 0x05 || op === 0x0b || op === 0x0f || op === 0x1a || op === 0x1b) return;
  if (op >= 0x45 && op <= 0xc4) return; // numeric, conversions, sign extension
  switch (op) {
    case 0x02:
    case 0x03:
    case 0x04: {
      const t = r.b[r.at]!;
      if (t === 0x40 || (t >= 0x6f && t <= 0x7f)) r.skip(1);
      else r.skipLeb(); // type index (s33)
      return;
    }
    case 0x0c:
    case 0x0d:
    case 0x10:
    case 0x20:
    case 0x21:
    case 0x22:
    case 0x23:
    case 0x24:
    case 0x25:
    case 0x26:
    case 0xd2:
    case 0x3f:
    case 0x40:
    case 0x41:
    case 0x42:
      r.skipLeb();
      return;
    case 0x0e: {
      const n = r.u32();
      for (let i = 0; i <= n; i++) r.skipLeb();
      return;
    }
    case 0x11:
      r.skipLeb();
      r.skipLeb();
      return;
    case 0x1c:
      r.skip(r.u32());
      return;
    case 0x43:
      r.skip(4);
      return;
    case 0x44:
      r.skip(8);
      return;
    case 0xd0:
      r.skip(1);
      return;
    case 0xd1:
      return;
    case 0xfc: {
      const sub = r.u32();
      if (sub <= 7) return;
      if (sub === 8 || sub === 12 || sub === 14) {
        r.skipLeb();
        r.skipLeb();
      } else if (sub === 10) r.skip(2);
      else r.skipLeb();
      return;
    }
  }
  if (op >= 0x28 && op <= 0x3e) {
    r.skipLeb();
    r.skipLeb();
    return;
  }
  throw new Error(`metering: unsupported opcode 0x${op.toString(16)}`);
}

/**
 * The injected charge: remaining -= cost, kept in the function's own copy (a local, `cache`) and stored to the global
 * at once, so that the global is exact at every trap, host call and return; with `trap`, then trap if it went
 * negative. A local is a register for V8, where every read of the global is a load through the instance.
 */
function gasCheck(global: number[], cache: number[], cost: number, out: number[], trap = true): void {
  out.push(0x20, ...cache, 0x42);
  sleb(cost, out);
  out.push(0x7d, 0x22, ...cache, 0x24, ...global);
  if (trap) out.push(0x20, ...cache, 0x42, 0x00, 0x53, 0x04, 0x40, 0x00, 0x0b);
}

/** Value type stored by each store opcode (i32/i64/f32/f64.store, the narrow integer stores). */
const STORE_TYPES: Record<number, number> = {
  0x36: 0x7f,
  0x37: 0x7e,
  0x38: 0x7d,
  0x39: 0x7c,
  0x3a: 0x7f,
  0x3b: 0x7f,
  0x3c: 0x7e,
  0x3d: 0x7e,
  0x3e: 0x7e,
};

/**
 * Before a store (stack: address, value): end = address + offset + 8; if end > the global, the global = end; the
 * store then runs as it was. An add, a compare and a branch taken only while the call's stores climb; the locals are
 * registers. A store whose end would wrap past 2^32 lies past the (capped) memory and traps without writing.
 */
function writeEndCheck(writeEnd: number[], address: number[], value: number[], offset: number, out: number[]): void {
  out.push(0x21, ...value, 0x22, ...address, 0x41);
  slebI32(offset + 8, out);
  out.push(0x6a, 0x22, ...address, 0x23, ...writeEnd, 0x4b, 0x04, 0x40, 0x20, ...address, 0x24, ...writeEnd, 0x0b);
  out.push(0x20, ...address, 0x41);
  slebI32(offset + 8, out);
  out.push(0x6b, 0x20, ...value);
}

/** cache = remaining: on entry, and after a call (the callee, or the host, changed the global). */
function reload(global: number[], cache: number[], out: number[]): void {
  out.push(0x23, ...global, 0x21, ...cache);
}

/** br, br_if, br_table, call, call_indirect: where a loop or a recursion must stop once the points are gone. */
const traps = (op: number): boolean => op >= 0x0c && op !== 0x0f && op <= 0x11;

function pushBytes(out: number[], b: Uint8Array): void {
  for (let i = 0; i < b.length; i++) out.push(b[i]!);
}

/**
 * One function body (locals + code) rewritten with the checks. `params`: the function's parameter count (its extra
 * i64 local, the cached remaining points, comes after the parameters and the declared locals).
 */
function meterBody(body: Uint8Array, global: number[], writeEnd: number[], params: number): number[] {
  const r = new Reader(body, 0);
  let locals = 0;
  const groups = r.u32();
  for (let i = 0; i < groups; i++) {
    locals += r.u32();
    r.skip(1);
  }
  // Added locals: the cached points (i64), then for the store check an address (i32) and a value of each type.
  const out: number[] = uleb(groups + 5);
  pushBytes(out, body.subarray(new Reader(body, 0).skipLebAt(), r.at));
  out.push(0x01, 0x7e, 0x02, 0x7f, 0x01, 0x7e, 0x01, 0x7d, 0x01, 0x7c);
  const added = params + locals;
  const cache = uleb(added);
  const address = uleb(added + 1);
  const valueOf: Record<number, number[]> = { 0x7f: uleb(added + 2), 0x7e: uleb(added + 3) };
  valueOf[0x7d] = uleb(added + 4);
  valueOf[0x7c] = uleb(added + 5);
  reload(global, cache, out);
  const charged = Math.max(0, locals - (CHARGED_LOCALS_THRESHOLD - 1));
  let accumulated = 0;
  let first = true;
  let copied = r.at;
  // Open blocks (opcode, whether a branch targets it); the function body is the outermost.
  const control: { op: number; targeted: boolean }[] = [{ op: 0, targeted: true }];
  const target = (depth: number): void => {
    const frame = control[control.length - 1 - depth];
    if (frame !== undefined) frame.targeted = true;
  };
  while (r.at < body.length) {
    const start = r.at;
    const op = r.byte();
    if (op === 0x0c || op === 0x0d) target(r.u32());
    else if (op === 0x0e) {
      const n = r.u32();
      for (let i = 0; i <= n; i++) target(r.u32());
    } else skipImmediates(r, op);
    if (op >= 0x02 && op <= 0x04) control.push({ op, targeted: false });
    const stored = STORE_TYPES[op];
    if (stored !== undefined) {
      const memarg = new Reader(body, start + 1);
      memarg.skipLeb();
      const offset = memarg.u32();
      pushBytes(out, body.subarray(copied, start));
      copied = start;
      writeEndCheck(writeEnd, address, valueOf[stored]!, offset, out);
    }
    const accounting = isAccounting(op);
    if (first && charged > 0) {
      const localsCost = GAS_PER_OPERATION * charged;
      if (accounting) accumulated += localsCost;
      else {
        pushBytes(out, body.subarray(copied, start));
        copied = start;
        gasCheck(global, cache, localsCost, out);
      }
    }
    first = false;
    accumulated += accounting ? GAS_PER_ACCOUNTING_OPERATION : GAS_PER_OPERATION;
    // The end of a `block` no branch targets is reached only by falling through: its charge can ride with the next
    // one (the same total on every path; only the moment of running out moves, see above).
    const closed = op === 0x0b ? control.pop() : undefined;
    const carry = closed !== undefined && closed.op === 0x02 && !closed.targeted;
    if (accounting && !carry) {
      pushBytes(out, body.subarray(copied, start));
      copied = start;
      gasCheck(global, cache, accumulated, out, traps(op));
      accumulated = 0;
    }
    if (op === 0x10 || op === 0x11) {
      pushBytes(out, body.subarray(copied, r.at));
      copied = r.at;
      reload(global, cache, out);
    }
  }
  pushBytes(out, body.subarray(copied));
  return out;
}

interface RawSection {
  id: number;
  payload: Uint8Array;
}

function sections(wasm: Uint8Array): RawSection[] {
  const r = new Reader(wasm, 8);
  const out: RawSection[] = [];
  while (r.at < wasm.length) {
    const id = r.byte();
    const size = r.u32();
    out.push({ id, payload: r.bytes(size) });
  }
  return out;
}

function importedGlobals(payload: Uint8Array): number {
  const r = new Reader(payload, 0);
  let globals = 0;
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    r.skip(r.u32());
    r.skip(r.u32());
    const kind = r.byte();
    if (kind === 0x00) r.skipLeb();
    else if (kind === 0x01 || kind === 0x02) {
      if (kind === 0x01) r.skip(1);
      const flags = r.byte();
      r.skipLeb();
      if ((flags & 1) !== 0) r.skipLeb();
    } else if (kind === 0x03) {
      r.skip(2);
      globals++;
    } else throw new Error(`metering: unsupported import kind ${kind}`);
  }
  return globals;
}

/** The parameter count of each function the module defines, in code-section order. */
function definedParams(list: RawSection[]): number[] {
  const counts: number[] = [];
  const types = list.find((s) => s.id === 1);
  if (types !== undefined) {
    const r = new Reader(types.payload, 0);
    const n = r.u32();
    for (let i = 0; i < n; i++) {
      if (r.byte() !== 0x60) throw new Error("metering: unsupported type form");
      const p = r.u32();
      counts.push(p);
      r.skip(p);
      r.skip(r.u32());
    }
  }
  const functions = list.find((s) => s.id === 3);
  if (functions === undefined) return [];
  const r = new Reader(functions.payload, 0);
  const n = r.u32();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const count = counts[r.u32()];
    if (count === undefined) throw new Error("metering: function type out of range");
    out.push(count);
  }
  return out;
}

/** A vector section's payload with `count` more items (their bytes in `items`). */
function vecWithMore(payload: Uint8Array | undefined, count: number, items: number[]): number[] {
  if (payload === undefined) return [...uleb(count), ...items];
  const r = new Reader(payload, 0);
  const n = r.u32();
  const out = uleb(n + count);
  pushBytes(out, payload.subarray(r.at));
  out.push(...items);
  return out;
}

/**
 * The module with cosmwasm-vm's metering injected: a new exported mutable i64 global `GAS_GLOBAL` (initially 0: set
 * it to the call's limit before running anything) and a check per basic block. Throws on an opcode outside what
 * cosmwasm-vm accepts.
 */
export function injectMetering(wasm: Uint8Array): Uint8Array {
  const list = sections(wasm);
  const imports = list.find((s) => s.id === 2);
  const globalsSection = list.find((s) => s.id === 6);
  const definedGlobals = globalsSection === undefined ? 0 : new Reader(globalsSection.payload, 0).u32();
  const index = (imports === undefined ? 0 : importedGlobals(imports.payload)) + definedGlobals;
  const globalLeb = uleb(index);
  const writeEndLeb = uleb(index + 1);

  const newGlobals = vecWithMore(
    globalsSection?.payload,
    2,
    [0x7e, 0x01, 0x42, 0x00, 0x0b, 0x7f, 0x01, 0x41, 0x00, 0x0b],
  );
  const exportItems: number[] = [];
  for (const [text, leb] of [
    [GAS_GLOBAL, globalLeb],
    [WRITE_END_GLOBAL, writeEndLeb],
  ] as const) {
    const name = new TextEncoder().encode(text);
    uleb(name.length, exportItems);
    pushBytes(exportItems, name);
    exportItems.push(0x03, ...leb);
  }
  const exportsSection = list.find((s) => s.id === 7);
  const newExports = vecWithMore(exportsSection?.payload, 2, exportItems);

  const replaced = new Map<number, number[]>([
    [6, newGlobals],
    [7, newExports],
  ]);
  const code = list.find((s) => s.id === 10);
  if (code !== undefined) {
    const params = definedParams(list);
    const r = new Reader(code.payload, 0);
    const n = r.u32();
    const out = uleb(n);
    for (let i = 0; i < n; i++) {
      const size = r.u32();
      const body = meterBody(r.bytes(size), globalLeb, writeEndLeb, params[i] ?? 0);
      uleb(body.length, out);
      for (const b of body) out.push(b);
    }
    replaced.set(10, out);
  }

  const parts: number[][] = [];
  const emitted = new Set<number>();
  const emit = (id: number, payload: number[]): void => {
    parts.push([id, ...uleb(payload.length)], payload);
    emitted.add(id);
  };
  for (const s of list) {
    const rank = SECTION_ORDER[s.id];
    if (rank !== undefined) {
      // A missing global or export section goes before the first section that must follow it.
      for (const id of [6, 7]) {
        if (!emitted.has(id) && rank > SECTION_ORDER[id]! && !list.some((x) => x.id === id))
          emit(id, replaced.get(id)!);
      }
    }
    const payload = replaced.get(s.id);
    if (payload !== undefined) emit(s.id, payload);
    else {
      const p: number[] = [];
      pushBytes(p, s.payload);
      parts.push([s.id, ...uleb(s.payload.length)], p);
    }
  }
  for (const id of [6, 7]) if (!emitted.has(id)) emit(id, replaced.get(id)!);

  const total = 8 + parts.reduce((n, p) => n + p.length, 0);
  const outBytes = new Uint8Array(total);
  outBytes.set(wasm.subarray(0, 8), 0);
  let at = 8;
  for (const p of parts) {
    outBytes.set(p, at);
    at += p.length;
  }
  return outBytes;
}
