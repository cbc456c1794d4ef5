// The post-process step that packs ASCII string literals into a byte blob (scripts/lib/static-strings.ts,
// docs/abi.md#packed-static-strings): once the added function has run, the memory is byte for byte what it was
// without the step, the blob is zero again, a second call changes nothing, and non-ASCII literals stay in segments.

import binaryen from "binaryen";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dropStaticHeaders } from "../../scripts/lib/static-headers.js";
import { addStringWidening, packStaticStrings } from "../../scripts/lib/static-strings.js";
import { buildModule, minimalContract } from "../fixtures/wasm/builder.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { nodeWasm } from "../helpers/wasm-engine.js";

const ROOT = repoRoot();


async function instantiate(wasm: Uint8Array): Promise<Record<string, unknown>> {
  const env = new Proxy({}, { get: () => () => 0 });
  return (await nodeWasm.instantiate(wasm, { env })).instance.exports;
}

const memoryOf = (exports: Record<string, unknown>): Uint8Array =>
  new Uint8Array((exports.memory as { buffer: ArrayBuffer }).buffer.slice(0));

/** `wasm` with the widening function added and exported as `widen` (no optimisation: the function as written). */
function withWidening(wasm: Uint8Array, packed: NonNullable<ReturnType<typeof packStaticStrings>["packed"]>) {
  const mod = binaryen.readBinary(wasm);
  try {
    mod.addFunctionExport(addStringWidening(mod, packed), "widen");
    expect(mod.validate()).toBeTruthy();
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}

/** After the header step, then packing and widening: the memory equals the header step's alone. */
async function roundTrip(raw: Uint8Array) {
  const headers = dropStaticHeaders(raw);
  const { wasm, packed } = packStaticStrings(headers.wasm, headers.strings, headers.keptTypeIds);
  expect(packed).not.toBeNull();
  const before = memoryOf(await instantiate(headers.wasm));
  const exports = await instantiate(withWidening(wasm, packed!));
  const packedMemory = memoryOf(exports);
  (exports.widen as () => void)();
  const after = memoryOf(exports);
  (exports.widen as () => void)();
  return { headers, wasm, packed: packed!, before, packedMemory, after, again: memoryOf(exports) };
}

// A 32-bit AS static String as the header step leaves it: rtSize (type id dropped), then UTF-16 code units.
function stringSegment(payload: number, text: string): { offset: number; bytes: number[] } {
  const size = text.length * 2;
  const bytes = [size & 0xff, size >> 8, 0, 0];
  for (const ch of text) bytes.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  while (bytes[bytes.length - 1] === 0) bytes.pop();
  return { offset: payload - 4, bytes };
}

describe("packStaticStrings", () => {
  it("moves ASCII literals into the blob and restores them exactly, leaving other literals alone", async () => {
    const spec = minimalContract();
    // Lengths 0 to 7 and 200: every remainder of the four-character steps.
    const texts = ["hi", "", "é!", "x".repeat(200), "a\u0000b", "abcd", "abcdefg", "end"];
    const payloads = [1056, 1088, 1120, 1152, 1600, 1632, 1664, 50000];
    spec.data = texts.map((t, i) => stringSegment(payloads[i]!, t));
    const wasm = buildModule(spec);
    const before = memoryOf(await instantiate(wasm));
    const { wasm: out, packed } = packStaticStrings(wasm, payloads, false);
    expect(packed).not.toBeNull();
    // "é!" has a code unit of 0x80 or more: it stays.
    expect(packed!.count).toBe(7);
    expect(packed!.at).toBe(50016);
    // Entry = distance varint + length varint + chars: "hi" 1+1+2, "" 1+1, 200 × "x" 1+2+200, "a\0b" 1+1+3,
    // "abcd" 1+1+4, "abcdefg" 1+1+7, and "end", 3021 units of 16 bytes after "abcdefg", 2+1+3.
    expect(packed!.length).toBe(4 + 2 + 203 + 5 + 6 + 9 + 6);
    expect(out.length).toBeLessThan(wasm.length);
    const exports = await instantiate(withWidening(out, packed!));
    expect(memoryOf(exports)).not.toEqual(before);
    (exports.widen as () => void)();
    expect(memoryOf(exports)).toEqual(before);
    (exports.widen as () => void)();
    expect(memoryOf(exports)).toEqual(before);
  });

  it("writes the type id back when the header step kept it", async () => {
    const spec = minimalContract();
    const seg = stringSegment(1056, "ok");
    spec.data = [{ offset: 1048, bytes: [2, 0, 0, 0, ...seg.bytes] }];
    const wasm = buildModule(spec);
    const before = memoryOf(await instantiate(wasm));
    const { wasm: out, packed } = packStaticStrings(wasm, [1056], true);
    expect(packed!.typeIds).toBe(true);
    const exports = await instantiate(withWidening(out, packed!));
    (exports.widen as () => void)();
    expect(memoryOf(exports)).toEqual(before);
  });

  it("leaves a module without literals unchanged", () => {
    const wasm = buildModule(minimalContract());
    expect(packStaticStrings(wasm, [], false)).toEqual({ wasm, packed: null });
  });

  for (const name of ["escrow", "oracle", "bme", "incentives", "probe", "counter"]) {
    const raw = path.join(ROOT, "build", `${name}.raw.wasm`);
    it.skipIf(!existsSync(raw))(`${name}: after widening the memory is the header step's, blob zeroed`, async () => {
      const r = await roundTrip(new Uint8Array(readFileSync(raw)));
      expect(r.packed.count).toBeGreaterThan(100);
      expect(r.wasm.length).toBeLessThan(r.headers.wasm.length - 2000);
      expect(r.packedMemory).not.toEqual(r.before);
      expect(r.after).toEqual(r.before);
      expect(r.again).toEqual(r.before);
    });
  }
});
