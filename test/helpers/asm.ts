// Compiles AssemblyScript test modules (test/asm/*.ts) with the contract build flags and instantiates them.
// Builds are cached in build/test/ under a hash of the AS sources they import, so reruns skip asc.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { repoRoot } from "../../scripts/lib/repo-root.js";

const REPO_ROOT = repoRoot();
const BUILD_DIR = join(REPO_ROOT, "build", "test");

/** The contract build's flags (docs/abi.md#build-recipe) minus the post-processing: tests run the same code shape. */
const BASE_FLAGS = [
  "--runtime",
  "stub",
  "--disable",
  "bulk-memory",
  "-O3",
  "--use",
  "abort=contracts/std/abort/cwAbort",
];

// Read from package.json rather than the compiler module: loading asc (binaryen) costs seconds, so it is only
// imported when a build is actually needed.
function ascVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", "assemblyscript", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** The entry plus every file it imports relatively, transitively: the sources a build depends on. */
function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [resolve(REPO_ROOT, entry)];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bfrom\s+"(\.{1,2}\/[^"]+)"/g)) {
      const base = resolve(dirname(file), m[1] ?? "");
      const next = [`${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p));
      if (next !== undefined) stack.push(next);
    }
  }
  return [...seen].sort();
}

function sourceKey(entry: string, flags: readonly string[]): string {
  const h = createHash("sha256");
  h.update(`${ascVersion()}\0${entry}\0${flags.join(" ")}\0`);
  for (const f of importClosure(entry)) {
    h.update(relative(REPO_ROOT, f));
    h.update("\0");
    h.update(readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

/**
 * Compiles `entry` (repo-relative, e.g. "test/asm/math-harness.ts") to wasm bytes, reusing build/test/<name>.wasm
 * when no AS source changed. Concurrent workers may both compile; the rename makes the last write win atomically.
 */
export async function compileAsm(entry: string, extraFlags: readonly string[] = []): Promise<Uint8Array> {
  const name = entry.replace(/^.*\//, "").replace(/\.ts$/, "");
  const flags = [...BASE_FLAGS, ...extraFlags];
  const key = sourceKey(entry, flags);
  const wasmPath = join(BUILD_DIR, `${name}.wasm`);
  const keyPath = join(BUILD_DIR, `${name}.key`);
  if (existsSync(wasmPath) && existsSync(keyPath) && readFileSync(keyPath, "utf8") === key) {
    return new Uint8Array(readFileSync(wasmPath));
  }
  mkdirSync(BUILD_DIR, { recursive: true });
  // asc silently applies ./asconfig.json unless told otherwise (docs/abi.md#asconfig): point it at an empty one.
  const configPath = join(BUILD_DIR, "asconfig.empty.json");
  if (!existsSync(configPath)) writeFileSync(configPath, "{}\n");
  const asc = await import("assemblyscript/asc");
  const emitted: { wasm: Uint8Array | null } = { wasm: null };
  const stderr = asc.createMemoryStream();
  const result = await asc.main(
    [entry, "--config", relative(REPO_ROOT, configPath), "--baseDir", REPO_ROOT, "--outFile", `${name}.wasm`, ...flags],
    {
      stderr,
      writeFile: (file, contents) => {
        if (file.endsWith(".wasm") && typeof contents !== "string") emitted.wasm = contents;
      },
    },
  );
  if (result.error !== null) throw new Error(`asc failed for ${entry}: ${result.error.message}\n${stderr.toString()}`);
  const out = emitted.wasm;
  if (out === null) throw new Error(`asc produced no wasm for ${entry}`);
  const tmp = `${wasmPath}.${String(process.pid)}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, wasmPath);
  const keyTmp = `${keyPath}.${String(process.pid)}.tmp`;
  writeFileSync(keyTmp, key);
  renameSync(keyTmp, keyPath);
  return out;
}

/** A contract-side panic (CosmWasm `env.abort`) surfaced in JS with its message. */
export class AsmPanic extends Error {
  constructor(readonly panicMessage: string) {
    super(`AS panic: ${panicMessage}`);
  }
}

// tsconfig's lib (ES2022 + @types/node) does not declare the WebAssembly JS API, so describe the part we use.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  Memory: abstract new (...args: never[]) => WasmMemory;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export interface AsmInstance {
  exports: Record<string, unknown>;
  memory: WasmMemory;
}

/** Instantiates with a CosmWasm-style `env.abort(regionPtr)` that throws `AsmPanic`. */
export async function instantiateAsm(bytes: Uint8Array): Promise<AsmInstance> {
  let memory: WasmMemory | null = null;
  const abort = (region: number): never => {
    if (memory === null) throw new AsmPanic("(abort before memory export)");
    const view = new DataView(memory.buffer);
    const offset = view.getUint32(region, true);
    const length = view.getUint32(region + 8, true);
    throw new AsmPanic(new TextDecoder().decode(new Uint8Array(memory.buffer, offset, length)));
  };
  const { instance } = await wasmApi.instantiate(bytes, { env: { abort } });
  const mem = instance.exports.memory;
  if (!(mem instanceof wasmApi.Memory)) throw new Error("module exports no memory");
  memory = mem;
  return { exports: instance.exports, memory: mem };
}

/** Operation codes of test/asm/math-harness.ts `run`. */
export const U128_OP = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  rem: 4,
  checkedAdd: 5,
  checkedSub: 6,
  checkedMul: 7,
  checkedDiv: 8,
  checkedRem: 9,
  mulDivFloor: 10,
  mulDivCeil: 11,
  checkedMulDivFloor: 12,
  checkedMulDivCeil: 13,
  parse: 14,
  compare: 15,
  toU64: 16,
  shl: 17,
  shr: 18,
  bits: 19,
  saturatingAdd: 20,
  saturatingSub: 21,
  fullMul: 22,
} as const;

/** Uint256 codes: the same numbering shifted by 100, plus conversions. */
export const U256_OP = {
  add: 100,
  sub: 101,
  mul: 102,
  div: 103,
  rem: 104,
  checkedAdd: 105,
  checkedSub: 106,
  checkedMul: 107,
  checkedDiv: 108,
  checkedRem: 109,
  mulDivFloor: 110,
  mulDivCeil: 111,
  checkedMulDivFloor: 112,
  checkedMulDivCeil: 113,
  parse: 114,
  compare: 115,
  toU64: 116,
  shl: 117,
  shr: 118,
  bits: 119,
  toUint128: 123,
  checkedToUint128: 124,
} as const;

/** Decimal codes; decimal operands and results are atomics (integer strings). */
export const DEC_OP = {
  parse: 200,
  add: 201,
  sub: 202,
  mulFloor: 203,
  mulCeil: 204,
  divFloor: 205,
  divCeil: 206,
  checkedAdd: 207,
  checkedSub: 208,
  checkedMulFloor: 209,
  checkedMulCeil: 210,
  checkedDivFloor: 211,
  checkedDivCeil: 212,
  mulUintFloor: 213,
  mulUintCeil: 214,
  divUintFloor: 215,
  divUintCeil: 216,
  fromRatio: 217,
  fromRatioCeil: 218,
  floor: 219,
  ceil: 220,
  fract: 221,
  toString: 222,
  fromInt: 223,
  percent: 224,
  permille: 225,
  bps: 226,
  compare: 227,
  fromAtomicsScaled: 228,
  checkedFromRatio: 229,
  checkedFromRatioCeil: 230,
  checkedMulUintFloor: 231,
  checkedMulUintCeil: 232,
  mul: 233,
  div: 234,
  saturatingAdd: 235,
  saturatingSub: 236,
  absDiff: 237,
} as const;

export interface MathHarness {
  /** Result text, "null" for a null result, or "E:<panic message>". */
  run(op: number, ...operands: string[]): string;
  keccak(data: Uint8Array): Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function loadMathHarness(): Promise<MathHarness> {
  const inst = await instantiateAsm(await compileAsm("test/asm/math-harness.ts"));
  const { exports, memory } = inst;
  const alloc = exports.alloc as (len: number) => number;
  const reset = exports.reset as () => void;
  const run = exports.run as (
    op: number,
    ap: number,
    al: number,
    bp: number,
    bl: number,
    cp: number,
    cl: number,
  ) => number;
  const keccak = exports.keccak as (ptr: number, len: number) => number;

  const put = (bytes: Uint8Array): number => {
    const p = alloc(Math.max(bytes.length, 1));
    new Uint8Array(memory.buffer, p, bytes.length).set(bytes);
    return p;
  };

  return {
    run(op, ...operands) {
      const [a = "", b = "", c = ""] = operands;
      reset();
      const ab = encoder.encode(a);
      const bb = encoder.encode(b);
      const cb = encoder.encode(c);
      const ap = put(ab);
      const bp = put(bb);
      const cp = put(cb);
      try {
        const r = run(op, ap, ab.length, bp, bb.length, cp, cb.length);
        const len = new DataView(memory.buffer).getUint32(r, true);
        return decoder.decode(new Uint8Array(memory.buffer, r + 4, len));
      } catch (e) {
        if (e instanceof AsmPanic) return `E:${e.panicMessage}`;
        throw e;
      }
    },
    keccak(data) {
      reset();
      const p = put(data);
      const r = keccak(p, data.length);
      return new Uint8Array(memory.buffer, r, 32).slice();
    },
  };
}
