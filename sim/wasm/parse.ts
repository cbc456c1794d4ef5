// A self-contained WebAssembly binary parser (core spec 1.0 plus the post-MVP proposals that can appear in
// the wild), written for the CosmWasm upload gate in ./upload-check.ts. It decodes every instruction with its
// immediates so feature detection is exact: a byte 0xFC inside an i32.const immediate is not a bulk-memory op.
//
// Design: the parser never throws for a *feature* it does not allow; it records a `FeatureUse` and keeps
// decoding (so one report lists everything). It throws `WasmParseError` only when the bytes are malformed or
// use an encoding it cannot step over (e.g. GC instructions), because from there on nothing can be trusted.

export type ParseErrorKind = "header" | "section-order" | "malformed";

export class WasmParseError extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
    readonly kind: ParseErrorKind = "malformed",
  ) {
    super(`${detail} (at offset 0x${offset.toString(16)})`);
    this.name = "WasmParseError";
  }
}

export type ValType = "i32" | "i64" | "f32" | "f64" | "v128" | "funcref" | "externref";

export interface FuncType {
  params: ValType[];
  results: ValType[];
}

export interface Limits {
  min: number;
  max: number | null;
  shared: boolean;
  index64: boolean;
}

export interface TableType {
  elem: ValType;
  limits: Limits;
}

export type ImportDesc =
  | { kind: "function"; typeIndex: number }
  | { kind: "table"; table: TableType }
  | { kind: "memory"; limits: Limits }
  | { kind: "global"; type: ValType; mutable: boolean }
  | { kind: "tag"; typeIndex: number };

export interface Import {
  module: string;
  name: string;
  desc: ImportDesc;
  offset: number;
}

export type ExportKind = "function" | "table" | "memory" | "global" | "tag";

export interface Export {
  name: string;
  kind: ExportKind;
  index: number;
}

export interface Global {
  type: ValType;
  mutable: boolean;
}

export interface Section {
  id: number;
  name: string;
  offset: number;
  size: number;
}

/** Use of a post-MVP feature (or of an opcode/encoding the CosmWasm feature set forbids). */
export interface FeatureUse {
  feature: Feature;
  /** Where: "function 12 (offset 0x1a3)", "section datacount", "table 0", … */
  where: string;
  /** What: an instruction name or a short description. */
  what: string;
  offset: number;
}

export type Feature =
  | "bulk-memory"
  | "reference-types"
  | "simd"
  | "threads"
  | "tail-calls"
  | "exceptions"
  | "multi-memory"
  | "memory64"
  | "gc"
  | "extended-const";

export interface ParsedFunction {
  /** Index in the function index space (imports first). */
  index: number;
  typeIndex: number;
  bodyOffset: number;
  bodySize: number;
  localCount: number;
  instructionCount: number;
  floatOps: number;
}

export interface ParsedModule {
  version: number;
  sections: Section[];
  types: FuncType[];
  imports: Import[];
  /** Type index per defined function (the function section). */
  functions: number[];
  tables: TableType[];
  memories: Limits[];
  globals: Global[];
  exports: Export[];
  start: number | null;
  elementSegments: number;
  dataSegments: number;
  dataCount: number | null;
  code: ParsedFunction[];
  customSections: string[];
  features: FeatureUse[];
  floatOps: number;
}

const SECTION_NAMES: Record<number, string> = {
  0: "custom",
  1: "type",
  2: "import",
  3: "function",
  4: "table",
  5: "memory",
  6: "global",
  7: "export",
  8: "start",
  9: "element",
  10: "code",
  11: "data",
  12: "datacount",
  13: "tag",
};

// Position of each known section id in the required order (the tag section sits between memory and global,
// datacount between element and code).
export const SECTION_ORDER: Record<number, number> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  13: 6,
  6: 7,
  7: 8,
  8: 9,
  9: 10,
  12: 11,
  10: 12,
  11: 13,
};

const VALTYPES: Record<number, ValType> = {
  0x7f: "i32",
  0x7e: "i64",
  0x7d: "f32",
  0x7c: "f64",
  0x7b: "v128",
  0x70: "funcref",
  0x6f: "externref",
};

/** Maximum locals per function accepted by wasmparser (and therefore by the chain's validator). */
export const MAX_LOCALS_PER_FUNCTION = 50_000;

export function sectionName(id: number): string {
  return SECTION_NAMES[id] ?? `unknown(${id})`;
}

class Reader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  eof(): boolean {
    return this.pos >= this.end;
  }

  fail(message: string, at = this.pos, kind?: ParseErrorKind): never {
    throw new WasmParseError(message, at, kind);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail("unexpected end");
    return this.bytes[this.pos++]!;
  }

  peek(): number {
    if (this.pos >= this.end) this.fail("unexpected end");
    return this.bytes[this.pos]!;
  }

  skip(n: number): void {
    if (n < 0 || this.pos + n > this.end) this.fail("unexpected end");
    this.pos += n;
  }

  u32(): number {
    const start = this.pos;
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      // The fifth byte may only carry the top 4 bits of a u32; anything else is an overlong/overflowing LEB.
      if (i === 4 && (b & 0xf0) !== 0) this.fail("invalid u32 LEB128 (too large)", start);
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
    return this.fail("invalid u32 LEB128 (too long)", start);
  }

  /** Unsigned 64-bit LEB128 (memory64 limits); precision beyond 2^53 does not matter for limit checks. */
  u64(): number {
    const start = this.pos;
    let result = 0;
    for (let i = 0; i < 10; i++) {
      const b = this.u8();
      result += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) return result;
    }
    return this.fail("invalid u64 LEB128 (too long)", start);
  }

  /** Signed LEB128 of at most `bits` bits, returned as a bigint (only needed for validation, not the value). */
  sleb(bits: number): bigint {
    const start = this.pos;
    const maxBytes = Math.ceil(bits / 7);
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < maxBytes; i++) {
      const b = this.u8();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if ((b & 0x80) === 0) {
        if (i === maxBytes - 1) {
          // Unused bits of the last byte must be a sign extension of the value's top bit.
          const unused = maxBytes * 7 - bits;
          const top = (b >> (6 - unused)) & ((1 << (unused + 1)) - 1);
          if (top !== 0 && top !== (1 << (unused + 1)) - 1) this.fail(`invalid s${bits} LEB128 (overflow)`, start);
        }
        if (b & 0x40) result -= 1n << shift;
        return result;
      }
    }
    return this.fail(`invalid s${bits} LEB128 (too long)`, start);
  }

  name(): string {
    const len = this.u32();
    const start = this.pos;
    this.skip(len);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(start, start + len));
    } catch {
      return this.fail("invalid UTF-8 in name", start);
    }
  }
}

interface Ctx {
  mod: ParsedModule;
  where: string;
  /** Set while decoding a function body: items then name the function and the instruction's own offset. */
  fnIndex?: number;
}

function use(ctx: Ctx, feature: Feature, what: string, offset: number, where?: string): void {
  const w =
    where ?? (ctx.fnIndex === undefined ? ctx.where : `function ${ctx.fnIndex} (offset 0x${offset.toString(16)})`);
  ctx.mod.features.push({ feature, where: w, what, offset });
}

function valtype(r: Reader, ctx: Ctx, what: string): ValType {
  const at = r.pos;
  const b = r.u8();
  const t = VALTYPES[b];
  if (t === undefined) {
    if (b === 0x64 || b === 0x63) {
      use(ctx, "gc", `typed reference in ${what}`, at);
      r.fail("typed function references are not supported", at);
    }
    r.fail(`invalid value type 0x${b.toString(16)} in ${what}`, at);
  }
  if (t === "v128") use(ctx, "simd", `v128 ${what}`, at);
  return t;
}

function limits(r: Reader, ctx: Ctx, what: string, allowShared: boolean): Limits {
  const at = r.pos;
  const flags = r.u8();
  if (flags > 0x07) r.fail(`invalid limits flags 0x${flags.toString(16)} in ${what}`, at);
  const shared = (flags & 0x02) !== 0;
  const index64 = (flags & 0x04) !== 0;
  if (shared) {
    if (!allowShared) r.fail(`shared flag on ${what}`, at);
    use(ctx, "threads", `shared ${what}`, at);
  }
  if (index64) use(ctx, "memory64", `64-bit ${what}`, at);
  const read = (): number => (index64 ? r.u64() : r.u32());
  const min = read();
  const max = (flags & 0x01) !== 0 ? read() : null;
  if (max !== null && max < min) r.fail(`${what}: maximum ${max} is smaller than the minimum ${min}`, at);
  return { min, max, shared, index64 };
}

function tableType(r: Reader, ctx: Ctx, what: string): TableType {
  const at = r.pos;
  const elem = valtype(r, ctx, what);
  if (elem !== "funcref" && elem !== "externref") r.fail(`table element type must be a reference, not ${elem}`, at);
  if (elem === "externref") use(ctx, "reference-types", `externref ${what}`, at);
  const l = limits(r, ctx, what, false);
  return { elem, limits: l };
}

/** Constant expressions (global initialisers, segment offsets): the MVP set plus the ops extensions allow. */
function constExpr(r: Reader, ctx: Ctx, what: string): void {
  for (;;) {
    const at = r.pos;
    const op = r.u8();
    switch (op) {
      case 0x0b:
        return;
      case 0x41:
        r.sleb(32);
        break;
      case 0x42:
        r.sleb(64);
        break;
      case 0x43:
        r.skip(4);
        ctx.mod.floatOps++;
        break;
      case 0x44:
        r.skip(8);
        ctx.mod.floatOps++;
        break;
      case 0x23:
        r.u32();
        break;
      case 0xd0:
        heapType(r, ctx);
        use(ctx, "reference-types", `ref.null in ${what}`, at);
        break;
      case 0xd2:
        r.u32();
        use(ctx, "reference-types", `ref.func in ${what}`, at);
        break;
      case 0x6a:
      case 0x6b:
      case 0x6c:
      case 0x7c:
      case 0x7d:
      case 0x7e:
        use(ctx, "extended-const", `arithmetic in ${what}`, at);
        break;
      case 0xfd:
        use(ctx, "simd", `v128.const in ${what}`, at);
        if (r.u32() !== 12) r.fail(`invalid SIMD opcode in ${what}`, at);
        r.skip(16);
        break;
      default:
        r.fail(`opcode 0x${op.toString(16)} not allowed in ${what}`, at);
    }
  }
}

function heapType(r: Reader, ctx: Ctx): void {
  const at = r.pos;
  const b = r.peek();
  if (b === 0x70 || b === 0x6f) {
    r.u8();
    return;
  }
  use(ctx, "gc", "typed heap type", at);
  r.sleb(33);
}

const MEMORY_OP_NAMES: Record<number, string> = {
  0x28: "i32.load",
  0x29: "i64.load",
  0x2a: "f32.load",
  0x2b: "f64.load",
  0x2c: "i32.load8_s",
  0x2d: "i32.load8_u",
  0x2e: "i32.load16_s",
  0x2f: "i32.load16_u",
  0x30: "i64.load8_s",
  0x31: "i64.load8_u",
  0x32: "i64.load16_s",
  0x33: "i64.load16_u",
  0x34: "i64.load32_s",
  0x35: "i64.load32_u",
  0x36: "i32.store",
  0x37: "i64.store",
  0x38: "f32.store",
  0x39: "f64.store",
  0x3a: "i32.store8",
  0x3b: "i32.store16",
  0x3c: "i64.store8",
  0x3d: "i64.store16",
  0x3e: "i64.store32",
};

const FC_NAMES: string[] = [
  "i32.trunc_sat_f32_s",
  "i32.trunc_sat_f32_u",
  "i32.trunc_sat_f64_s",
  "i32.trunc_sat_f64_u",
  "i64.trunc_sat_f32_s",
  "i64.trunc_sat_f32_u",
  "i64.trunc_sat_f64_s",
  "i64.trunc_sat_f64_u",
  "memory.init",
  "data.drop",
  "memory.copy",
  "memory.fill",
  "table.init",
  "elem.drop",
  "table.copy",
  "table.grow",
  "table.size",
  "table.fill",
];

/** Whether an opcode without a prefix (0x00–0xFF) touches f32/f64. */
function isFloatOp(op: number): boolean {
  return (
    op === 0x2a ||
    op === 0x2b ||
    op === 0x38 ||
    op === 0x39 ||
    op === 0x43 ||
    op === 0x44 ||
    (op >= 0x5b && op <= 0x66) ||
    (op >= 0x8b && op <= 0xa6) ||
    (op >= 0xa8 && op <= 0xab) ||
    (op >= 0xae && op <= 0xbf)
  );
}

interface FuncCtx extends Ctx {
  numLocals: number;
  numFuncs: number;
  numGlobals: number;
  numTypes: number;
  numTables: number;
  numMemories: number;
  numData: number | null;
}

function memarg(r: Reader, ctx: FuncCtx, opName: string, at: number, prefixed = false): void {
  const align = r.u32();
  if (align & 0x40) {
    const mem = r.u32();
    if (mem !== 0) use(ctx, "multi-memory", `${opName} on memory ${mem}`, at);
  }
  r.u32();
  if (!prefixed && ctx.numMemories === 0) r.fail(`${opName} without a memory`, at);
}

function blockType(r: Reader, ctx: FuncCtx, opName: string, at: number): void {
  const b = r.peek();
  if (b === 0x40) {
    r.u8();
    return;
  }
  const vt = VALTYPES[b];
  if (vt !== undefined) {
    r.u8();
    if (vt === "v128") use(ctx, "simd", `${opName} with v128 result`, at);
    if (vt === "funcref" || vt === "externref") use(ctx, "reference-types", `${opName} with ${vt} result`, at);
    return;
  }
  if (b === 0x64 || b === 0x63) {
    use(ctx, "gc", `${opName} with a typed reference result`, at);
    r.fail("typed function references are not supported", at);
  }
  const idx = r.sleb(33);
  if (idx < 0n || idx >= BigInt(ctx.numTypes)) r.fail(`${opName}: invalid block type`, at);
  // multi-value block types are allowed by CosmWasm; nothing to record.
}

function checkIndex(r: Reader, idx: number, limit: number, what: string, at: number): void {
  if (idx >= limit) r.fail(`${what} index ${idx} out of range (${limit})`, at);
}

/**
 * Decodes one function body's instructions. Tracks block nesting (so `end` and branch depths are checked) and
 * index bounds; full operand-stack typing is left to the engine's validator.
 */
function decodeBody(r: Reader, ctx: FuncCtx, fn: ParsedFunction): void {
  // Control stack: each entry is the opcode that opened the frame (0 = function body).
  const frames: number[] = [0];
  const branch = (at: number): void => {
    const depth = r.u32();
    if (depth >= frames.length) r.fail(`branch depth ${depth} out of range`, at);
  };
  while (frames.length > 0) {
    const at = r.pos;
    const op = r.u8();
    fn.instructionCount++;
    if (isFloatOp(op)) {
      fn.floatOps++;
      ctx.mod.floatOps++;
    }
    if (op >= 0x45 && op <= 0xc4) continue;
    const mem = MEMORY_OP_NAMES[op];
    if (mem !== undefined) {
      memarg(r, ctx, mem, at);
      continue;
    }
    switch (op) {
      case 0x00: // unreachable
      case 0x01: // nop
      case 0x0f: // return
      case 0x1a: // drop
      case 0x1b: // select
        break;
      case 0x02:
      case 0x03:
      case 0x04:
        blockType(r, ctx, op === 0x02 ? "block" : op === 0x03 ? "loop" : "if", at);
        frames.push(op);
        break;
      case 0x05:
        if (frames[frames.length - 1] !== 0x04) r.fail("else without if", at);
        frames[frames.length - 1] = 0x05;
        break;
      case 0x0b:
        frames.pop();
        break;
      case 0x0c:
      case 0x0d:
        branch(at);
        break;
      case 0x0e: {
        const n = r.u32();
        for (let i = 0; i <= n; i++) branch(at);
        break;
      }
      case 0x10:
        checkIndex(r, r.u32(), ctx.numFuncs, "function", at);
        break;
      case 0x11: {
        checkIndex(r, r.u32(), ctx.numTypes, "type", at);
        // Rust >= 1.82 pads the table index to a 5-byte LEB (the reference-types encoding); CosmWasm 3.0 parses
        // with reference types on and accepts it, so only a table other than 0 counts as a reference-types use.
        const table = r.u32();
        if (table !== 0) use(ctx, "reference-types", `call_indirect on table ${table}`, at);
        if (table >= ctx.numTables) r.fail(`call_indirect on table ${table}, which does not exist`, at);
        break;
      }
      case 0x12:
        use(ctx, "tail-calls", "return_call", at);
        checkIndex(r, r.u32(), ctx.numFuncs, "function", at);
        break;
      case 0x13:
        use(ctx, "tail-calls", "return_call_indirect", at);
        r.u32();
        r.u32();
        break;
      case 0x14:
      case 0x15:
        use(ctx, "gc", op === 0x14 ? "call_ref" : "return_call_ref", at);
        if (op === 0x15) use(ctx, "tail-calls", "return_call_ref", at);
        r.u32();
        break;
      case 0x06:
        use(ctx, "exceptions", "try", at);
        blockType(r, ctx, "try", at);
        frames.push(op);
        break;
      case 0x07:
        use(ctx, "exceptions", "catch", at);
        r.u32();
        break;
      case 0x08:
        use(ctx, "exceptions", "throw", at);
        r.u32();
        break;
      case 0x09:
        use(ctx, "exceptions", "rethrow", at);
        r.u32();
        break;
      case 0x0a:
        use(ctx, "exceptions", "throw_ref", at);
        break;
      case 0x18:
        use(ctx, "exceptions", "delegate", at);
        r.u32();
        frames.pop();
        break;
      case 0x19:
        use(ctx, "exceptions", "catch_all", at);
        break;
      case 0x1f: {
        use(ctx, "exceptions", "try_table", at);
        blockType(r, ctx, "try_table", at);
        const n = r.u32();
        for (let i = 0; i < n; i++) {
          const kind = r.u8();
          if (kind > 3) r.fail("invalid try_table catch kind", at);
          if (kind < 2) r.u32();
          r.u32();
        }
        frames.push(op);
        break;
      }
      case 0x1c: {
        const n = r.u32();
        const types: ValType[] = [];
        for (let i = 0; i < n; i++) types.push(valtype(r, ctx, "select type"));
        use(ctx, "reference-types", `select (typed: ${types.join(",")})`, at);
        break;
      }
      case 0x20:
      case 0x21:
      case 0x22:
        checkIndex(r, r.u32(), ctx.numLocals, "local", at);
        break;
      case 0x23:
      case 0x24:
        checkIndex(r, r.u32(), ctx.numGlobals, "global", at);
        break;
      case 0x25:
      case 0x26:
        use(ctx, "reference-types", op === 0x25 ? "table.get" : "table.set", at);
        r.u32();
        break;
      case 0x3f:
      case 0x40: {
        const name = op === 0x3f ? "memory.size" : "memory.grow";
        const m = r.u32();
        if (m !== 0) use(ctx, "multi-memory", `${name} on memory ${m}`, at);
        if (ctx.numMemories === 0) r.fail(`${name} without a memory`, at);
        break;
      }
      case 0x41:
        r.sleb(32);
        break;
      case 0x42:
        r.sleb(64);
        break;
      case 0x43:
        r.skip(4);
        break;
      case 0x44:
        r.skip(8);
        break;
      case 0xd0:
        use(ctx, "reference-types", "ref.null", at);
        heapType(r, ctx);
        break;
      case 0xd1:
        use(ctx, "reference-types", "ref.is_null", at);
        break;
      case 0xd2:
        use(ctx, "reference-types", "ref.func", at);
        checkIndex(r, r.u32(), ctx.numFuncs, "function", at);
        break;
      case 0xd3:
      case 0xd4:
        use(ctx, "gc", op === 0xd3 ? "ref.eq" : "ref.as_non_null", at);
        break;
      case 0xd5:
      case 0xd6:
        use(ctx, "gc", op === 0xd5 ? "br_on_null" : "br_on_non_null", at);
        branch(at);
        break;
      case 0xfc:
        decodeFC(r, ctx, fn, at);
        break;
      case 0xfd:
        decodeSimd(r, ctx, at);
        break;
      case 0xfe:
        decodeAtomic(r, ctx, at);
        break;
      case 0xfb:
        use(ctx, "gc", "GC instruction (0xFB prefix)", at);
        r.fail("GC instructions cannot be decoded", at);
        break;
      default:
        r.fail(`unknown opcode 0x${op.toString(16)}`, at);
    }
  }
}

function decodeFC(r: Reader, ctx: FuncCtx, fn: ParsedFunction, at: number): void {
  const sub = r.u32();
  const name = FC_NAMES[sub] ?? `0xFC ${sub}`;
  if (sub <= 7) {
    // saturating float-to-int: allowed, but a float op
    fn.floatOps++;
    ctx.mod.floatOps++;
    return;
  }
  switch (sub) {
    case 8: // memory.init dataidx mem
      use(ctx, "bulk-memory", name, at);
      dataIndex(r, ctx, name, at);
      r.u32();
      return;
    case 9: // data.drop dataidx
      use(ctx, "bulk-memory", name, at);
      dataIndex(r, ctx, name, at);
      return;
    case 10: // memory.copy dst src
      use(ctx, "bulk-memory", name, at);
      r.u32();
      r.u32();
      return;
    case 11: // memory.fill mem
      use(ctx, "bulk-memory", name, at);
      r.u32();
      return;
    case 12: // table.init elemidx tableidx
    case 14: // table.copy dst src
      use(ctx, "bulk-memory", name, at);
      r.u32();
      r.u32();
      return;
    case 13: // elem.drop elemidx
      use(ctx, "bulk-memory", name, at);
      r.u32();
      return;
    case 15: // table.grow / size / fill: reference-types instructions
    case 16:
    case 17:
      use(ctx, "reference-types", name, at);
      r.u32();
      return;
    default:
      r.fail(`unknown opcode 0xFC ${sub}`, at);
  }
}

function dataIndex(r: Reader, ctx: FuncCtx, name: string, at: number): void {
  const idx = r.u32();
  if (ctx.numData === null) r.fail(`${name} requires a DataCount section`, at);
  checkIndex(r, idx, ctx.numData, "data segment", at);
}

function decodeSimd(r: Reader, ctx: FuncCtx, at: number): void {
  const sub = r.u32();
  use(ctx, "simd", `SIMD instruction 0xFD ${sub}`, at);
  if (sub <= 11 || sub === 92 || sub === 93) {
    memarg(r, ctx, "v128 memory access", at, true);
  } else if (sub === 12 || sub === 13) {
    r.skip(16);
  } else if (sub >= 21 && sub <= 34) {
    r.u8();
  } else if (sub >= 84 && sub <= 91) {
    memarg(r, ctx, "v128 lane access", at, true);
    r.u8();
  } else if (sub > 0x113) {
    r.fail(`unknown opcode 0xFD ${sub}`, at);
  }
}

function decodeAtomic(r: Reader, ctx: FuncCtx, at: number): void {
  const sub = r.u32();
  use(ctx, "threads", sub === 3 ? "atomic.fence" : `atomic instruction 0xFE ${sub}`, at);
  if (sub === 3) {
    r.u8();
  } else if (sub <= 2 || (sub >= 0x10 && sub <= 0x4e)) {
    memarg(r, ctx, "atomic access", at, true);
  } else {
    r.fail(`unknown opcode 0xFE ${sub}`, at);
  }
}

/**
 * Parses a module. Throws WasmParseError on malformed input; feature uses are recorded in `features`.
 * `partial` receives the module object before parsing starts, so a caller can still report what was read
 * before a later section turned out malformed.
 */
export function parseWasm(bytes: Uint8Array, partial?: (mod: ParsedModule) => void): ParsedModule {
  const mod: ParsedModule = {
    version: 0,
    sections: [],
    types: [],
    imports: [],
    functions: [],
    tables: [],
    memories: [],
    globals: [],
    exports: [],
    start: null,
    elementSegments: 0,
    dataSegments: 0,
    dataCount: null,
    code: [],
    customSections: [],
    features: [],
    floatOps: 0,
  };
  partial?.(mod);
  const r: Reader = new Reader(bytes);
  const ctx: Ctx = { mod, where: "module" };
  if (bytes.length < 8) r.fail("too short for a wasm header", 0, "header");
  if (bytes[0] !== 0x00 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d)
    r.fail("bad magic number", 0, "header");
  mod.version = bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24);
  if (mod.version !== 1) r.fail(`unsupported wasm version ${mod.version} (component or unknown binary)`, 4, "header");
  r.pos = 8;

  let lastOrder = 0;
  let sawCode = false;
  const importedFuncs = (): number => mod.imports.filter((i) => i.desc.kind === "function").length;
  while (!r.eof()) {
    const at = r.pos;
    const id = r.u8();
    const size = r.u32();
    const start = r.pos;
    if (start + size > bytes.length) r.fail(`section ${sectionName(id)} runs past the end of the module`, at);
    const s: Reader = new Reader(bytes, start, start + size);
    mod.sections.push({ id, name: sectionName(id), offset: at, size });
    if (id !== 0) {
      const order = SECTION_ORDER[id];
      if (order === undefined) r.fail(`unknown section id ${id}`, at);
      if (order <= lastOrder) r.fail(`section ${sectionName(id)} out of order or duplicated`, at, "section-order");
      lastOrder = order;
    }
    ctx.where = `section ${sectionName(id)}`;
    switch (id) {
      case 0:
        mod.customSections.push(s.name());
        s.pos = s.end;
        break;
      case 1: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const fAt = s.pos;
          const form = s.u8();
          if (form !== 0x60) {
            if (form === 0x4e || form === 0x50 || form === 0x4f || form === 0x5e || form === 0x5f) {
              use(ctx, "gc", `GC type definition at type ${i}`, fAt);
            }
            s.fail(`type ${i} is not a function type (form 0x${form.toString(16)})`, fAt);
          }
          const params: ValType[] = [];
          const pn = s.u32();
          for (let j = 0; j < pn; j++) params.push(valtype(s, ctx, `type ${i} param`));
          const results: ValType[] = [];
          const rn = s.u32();
          for (let j = 0; j < rn; j++) results.push(valtype(s, ctx, `type ${i} result`));
          for (const t of [...params, ...results]) {
            if (t === "funcref" || t === "externref") use(ctx, "reference-types", `${t} in type ${i}`, fAt);
          }
          mod.types.push({ params, results });
        }
        break;
      }
      case 2: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const iAt = s.pos;
          const module = s.name();
          const name = s.name();
          const kAt = s.pos;
          const kind = s.u8();
          ctx.where = `import ${module}.${name}`;
          let desc: ImportDesc;
          switch (kind) {
            case 0: {
              const typeIndex = s.u32();
              checkIndex(s, typeIndex, mod.types.length, "type", kAt);
              desc = { kind: "function", typeIndex };
              break;
            }
            case 1:
              desc = { kind: "table", table: tableType(s, ctx, "imported table") };
              break;
            case 2:
              desc = { kind: "memory", limits: limits(s, ctx, "imported memory", true) };
              break;
            case 3: {
              const type = valtype(s, ctx, "imported global");
              const m = s.u8();
              if (m > 1) s.fail("invalid global mutability", kAt);
              desc = { kind: "global", type, mutable: m === 1 };
              break;
            }
            case 4: {
              use(ctx, "exceptions", "imported tag", kAt);
              if (s.u8() !== 0) s.fail("invalid tag attribute", kAt);
              desc = { kind: "tag", typeIndex: s.u32() };
              break;
            }
            default:
              s.fail(`invalid import kind ${kind}`, kAt);
          }
          mod.imports.push({ module, name, desc, offset: iAt });
        }
        ctx.where = "section import";
        break;
      }
      case 3: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const tAt = s.pos;
          const t = s.u32();
          checkIndex(s, t, mod.types.length, "type", tAt);
          mod.functions.push(t);
        }
        break;
      }
      case 4: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          if (s.peek() === 0x40) {
            use(ctx, "gc", `table ${i} with an initialiser expression`, s.pos);
            s.fail("tables with initialiser expressions are not supported", s.pos);
          }
          mod.tables.push(tableType(s, ctx, `table ${i}`));
        }
        break;
      }
      case 5: {
        const n = s.u32();
        for (let i = 0; i < n; i++) mod.memories.push(limits(s, ctx, `memory ${i}`, true));
        break;
      }
      case 13: {
        use(ctx, "exceptions", "tag section", at);
        s.pos = s.end;
        break;
      }
      case 6: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const type = valtype(s, ctx, `global ${i}`);
          if (type === "funcref" || type === "externref") use(ctx, "reference-types", `${type} global ${i}`, s.pos);
          const m = s.u8();
          if (m > 1) s.fail("invalid global mutability", s.pos - 1);
          constExpr(s, ctx, `global ${i} initialiser`);
          mod.globals.push({ type, mutable: m === 1 });
        }
        break;
      }
      case 7: {
        const n = s.u32();
        const seen = new Set<string>();
        const kinds: ExportKind[] = ["function", "table", "memory", "global", "tag"];
        for (let i = 0; i < n; i++) {
          const eAt = s.pos;
          const name = s.name();
          const k = s.u8();
          const kind = kinds[k];
          if (kind === undefined) s.fail(`invalid export kind ${k}`, eAt);
          const index = s.u32();
          if (seen.has(name)) s.fail(`duplicate export name "${name}"`, eAt);
          seen.add(name);
          if (kind === "tag") use(ctx, "exceptions", `exported tag "${name}"`, eAt);
          mod.exports.push({ name, kind, index });
        }
        break;
      }
      case 8:
        mod.start = s.u32();
        break;
      case 9: {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const eAt = s.pos;
          const flags = s.u32();
          ctx.where = `element segment ${i}`;
          if (flags > 7) s.fail(`invalid element segment flags ${flags}`, eAt);
          if (flags !== 0) {
            // Passive, declarative, explicitly indexed or expression-based segments come with bulk memory /
            // reference types; AS with the pinned feature set emits only flags 0.
            const feature: Feature = flags & 0x04 || flags === 3 ? "reference-types" : "bulk-memory";
            use(ctx, feature, `element segment with flags ${flags}`, eAt);
          }
          const passiveOrDeclared = (flags & 0x01) !== 0;
          const explicitTable = (flags & 0x02) !== 0 && !passiveOrDeclared;
          const exprs = (flags & 0x04) !== 0;
          if (explicitTable) s.u32();
          if (!passiveOrDeclared) constExpr(s, ctx, `element segment ${i} offset`);
          if (flags & 0x03) {
            // elemkind (0x00) or reftype follows
            if (exprs) valtype(s, ctx, `element segment ${i}`);
            else if (s.u8() !== 0) s.fail("invalid element kind", eAt);
          }
          const count = s.u32();
          for (let j = 0; j < count; j++) {
            if (exprs) constExpr(s, ctx, `element segment ${i} item`);
            else checkIndex(s, s.u32(), importedFuncs() + mod.functions.length, "function", eAt);
          }
          mod.elementSegments++;
        }
        ctx.where = "section element";
        break;
      }
      case 12:
        use(ctx, "bulk-memory", "DataCount section (id 12)", at, "section datacount");
        mod.dataCount = s.u32();
        break;
      case 10: {
        sawCode = true;
        const n = s.u32();
        if (n !== mod.functions.length) {
          s.fail(`code section has ${n} bodies but the function section declares ${mod.functions.length}`, at);
        }
        const base = importedFuncs();
        const numFuncs = base + mod.functions.length;
        const numGlobals = mod.imports.filter((i) => i.desc.kind === "global").length + mod.globals.length;
        const numTables = mod.imports.filter((i) => i.desc.kind === "table").length + mod.tables.length;
        const numMemories = mod.imports.filter((i) => i.desc.kind === "memory").length + mod.memories.length;
        for (let i = 0; i < n; i++) {
          const bodySize = s.u32();
          const bodyOffset = s.pos;
          if (bodyOffset + bodySize > s.end) s.fail(`function body ${base + i} runs past its section`, bodyOffset);
          const b: Reader = new Reader(bytes, bodyOffset, bodyOffset + bodySize);
          const index = base + i;
          const typeIndex = mod.functions[i]!;
          const where = `function ${index} (offset 0x${bodyOffset.toString(16)})`;
          const type = mod.types[typeIndex]!;
          let localCount = type.params.length;
          const groups = b.u32();
          for (let g = 0; g < groups; g++) {
            const cAt = b.pos;
            const count = b.u32();
            const t = valtype(b, { mod, where }, "local");
            if (t === "funcref" || t === "externref") use({ mod, where }, "reference-types", `${t} local`, cAt);
            localCount += count;
            if (localCount > MAX_LOCALS_PER_FUNCTION) b.fail(`too many locals in ${where}`, cAt);
          }
          const fn: ParsedFunction = {
            index,
            typeIndex,
            bodyOffset,
            bodySize,
            localCount,
            instructionCount: 0,
            floatOps: 0,
          };
          const fctx: FuncCtx = {
            mod,
            where,
            fnIndex: index,
            numLocals: localCount,
            numFuncs,
            numGlobals,
            numTypes: mod.types.length,
            numTables,
            numMemories,
            numData: mod.dataCount,
          };
          decodeBody(b, fctx, fn);
          if (b.pos !== b.end) b.fail(`${where}: trailing bytes after the final end`, b.pos);
          mod.code.push(fn);
          s.pos = b.end;
        }
        break;
      }
      case 11: {
        const n = s.u32();
        if (mod.dataCount !== null && mod.dataCount !== n) {
          s.fail(`data section has ${n} segments but DataCount says ${mod.dataCount}`, at);
        }
        for (let i = 0; i < n; i++) {
          const dAt = s.pos;
          const flags = s.u32();
          ctx.where = `data segment ${i}`;
          if (flags === 1) use(ctx, "bulk-memory", `passive data segment ${i}`, dAt);
          else if (flags === 2) {
            const m = s.u32();
            if (m !== 0) use(ctx, "multi-memory", `data segment ${i} for memory ${m}`, dAt);
            else use(ctx, "bulk-memory", `data segment ${i} with explicit memory index`, dAt);
          } else if (flags !== 0) s.fail(`invalid data segment flags ${flags}`, dAt);
          if (flags !== 1) constExpr(s, ctx, `data segment ${i} offset`);
          const len = s.u32();
          s.skip(len);
          mod.dataSegments++;
        }
        ctx.where = "section data";
        break;
      }
    }
    if (s.pos !== s.end) r.fail(`section ${sectionName(id)}: size mismatch`, s.pos);
    r.pos = s.end;
  }
  if (!sawCode && mod.functions.length > 0) r.fail("function section without a code section", bytes.length);
  return mod;
}

/** Signature text as docs/abi.md writes it: "(i32,i32)->i32", "(i32)->()". */
export function signatureText(t: FuncType): string {
  const results = t.results.length === 0 ? "()" : t.results.length === 1 ? t.results[0]! : `(${t.results.join(",")})`;
  return `(${t.params.join(",")})->${results}`;
}

/** The function type of a function index (imports first), or undefined if out of range. */
export function functionType(mod: ParsedModule, index: number): FuncType | undefined {
  const imported = mod.imports.filter((i) => i.desc.kind === "function");
  if (index < imported.length) {
    const d = imported[index]!.desc;
    return d.kind === "function" ? mod.types[d.typeIndex] : undefined;
  }
  const t = mod.functions[index - imported.length];
  return t === undefined ? undefined : mod.types[t];
}
