// The post-process step that drops the allocator word of static objects and the type id word of static strings and
// buffers (scripts/lib/static-headers.ts, docs/abi.md#static-object-headers): the initial memory differs from asc's
// only in those words, nothing but well-formed object headers is touched, an array's static buffer keeps its
// allocator word, and code that may read a type id keeps every type id.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dropStaticHeaders, readsTypeIds } from "../../scripts/lib/static-headers.js";
import { buildModule, minimalContract } from "../fixtures/wasm/builder.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { nodeWasm } from "../helpers/wasm-engine.js";

const ROOT = repoRoot();


/** Linear memory right after instantiation (data segments applied; asc output has no start function). */
async function initialMemory(wasm: Uint8Array): Promise<Uint8Array> {
  const env = new Proxy({}, { get: () => () => 0 });
  const { instance } = await nodeWasm.instantiate(wasm, { env });
  const memory = instance.exports.memory as { buffer: ArrayBuffer };
  return new Uint8Array(memory.buffer.slice(0));
}

const u32 = (m: Uint8Array, at: number): number => new DataView(m.buffer, m.byteOffset).getUint32(at, true);

// A 32-bit AS static object: mmInfo, gcInfo, gcInfo2, rtId, rtSize, then the payload (16-byte aligned).
function staticObject(rtId: number, payload: number[], mmInfo?: number): number[] {
  const size = payload.length;
  const block = Math.max(((size + 16 + 4 + 15) & ~15) - 4, 28);
  const word = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
  return [...word(mmInfo ?? block), ...word(0), ...word(0), ...word(rtId), ...word(size), ...payload];
}

/** The data segments asc's memory packing makes of an object: the mmInfo word, then rtId onwards. */
function packed(at: number, bytes: number[]): { offset: number; bytes: number[] }[] {
  const head = bytes.slice(0, 4);
  while (head.length > 1 && head[head.length - 1] === 0) head.pop();
  return [
    { offset: at, bytes: head },
    { offset: at + 12, bytes: bytes.slice(12) },
  ];
}

describe("dropStaticHeaders", () => {
  it("drops the mmInfo segment of well-formed headers only, whatever the offset encoding", async () => {
    const hi = [0x68, 0, 0x69, 0]; // "hi" in UTF-16
    const spec = minimalContract();
    spec.data = [
      // 1420: offset LEB128 is 0x8c 0x0b, i.e. contains the `end` opcode byte.
      ...packed(1420, staticObject(2, hi)),
      // An ArrayBuffer (id 1) that a static Array header (id 9 here) points at: kept, `push` reallocates it.
      ...packed(1452, staticObject(1, [1, 2, 3, 4])),
      ...packed(1484, staticObject(9, [0xc0, 0x05, 0, 0, 0xc0, 0x05, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0])),
      // An ArrayBuffer nothing in memory points at (a copy source of __newArray): dropped.
      ...packed(1532, staticObject(1, [5, 6, 7, 8])),
      // A String id with an mmInfo that is not the compiler's: not a header we know, kept.
      ...packed(1564, staticObject(2, hi, 60)),
      // Not 20 bytes before a 16-aligned payload: kept.
      ...packed(1600, staticObject(2, hi)),
    ];
    const before = buildModule(spec);
    const { wasm, dropped, typeIds } = dropStaticHeaders(before);
    expect(dropped).toBe(3);
    // The type ids of the strings and buffers whose payload is 16-byte aligned (not the Array header's, not 1600's).
    expect(typeIds).toBe(4);
    expect(wasm.length).toBeLessThan(before.length);
    const a = await initialMemory(before);
    const b = await initialMemory(wasm);
    for (const at of [1420, 1484, 1532, 1420 + 12, 1452 + 12, 1532 + 12, 1564 + 12]) {
      expect(u32(a, at)).toBeGreaterThan(0);
      expect(u32(b, at)).toBe(0);
      b.set(a.subarray(at, at + 4), at);
    }
    expect(u32(a, 1452)).toBe(28); // the array's buffer
    expect(u32(b, 1484 + 12)).toBe(9); // the Array header's type id
    expect(b).toEqual(a);
  });

  it("keeps every type id when the code may read one", async () => {
    const spec = minimalContract();
    // query: i32.load (i32.sub (local.get 0) (i32.const 8)), the shape of a dynamic instanceof test.
    spec.funcs[5] = { type: spec.funcs[5]!.type, body: [0x20, 0x00, 0x41, 0x08, 0x6b, 0x28, 0x02, 0x00] };
    spec.data = [...packed(1420, staticObject(2, [0x68, 0, 0x69, 0]))];
    const before = buildModule(spec);
    const { wasm, dropped, typeIds } = dropStaticHeaders(before);
    expect([dropped, typeIds]).toEqual([1, 0]);
    expect(u32(await initialMemory(wasm), 1432)).toBe(2);
  });

  it("recognises the type id loads asc and binaryen emit", () => {
    expect(readsTypeIds(new Uint8Array([0x20, 0x00, 0x41, 0x14, 0x6b, 0x28, 0x02, 0x0c]))).toBe(true);
    expect(readsTypeIds(new Uint8Array([0x20, 0x00, 0x41, 0x78, 0x6a, 0x28, 0x02, 0x00]))).toBe(true);
    // rtSize (offset 16 from ptr - 20) is read everywhere (String#length): not a type id.
    expect(readsTypeIds(new Uint8Array([0x20, 0x00, 0x41, 0x14, 0x6b, 0x28, 0x02, 0x10]))).toBe(false);
  });

  it("leaves a module without such segments byte-identical", () => {
    const wasm = buildModule(minimalContract());
    const out = dropStaticHeaders(wasm);
    expect(out.dropped).toBe(0);
    expect(out.wasm).toEqual(wasm);
  });

  for (const name of ["escrow", "oracle", "probe", "counter"]) {
    const raw = path.join(ROOT, "build", `${name}.raw.wasm`);
    it.skipIf(!existsSync(raw))(`${name}: memory differs from asc's only in static objects' mmInfo`, async () => {
      const before = new Uint8Array(readFileSync(raw));
      const { wasm, dropped, typeIds } = dropStaticHeaders(before);
      expect(typeIds).toBeGreaterThan(100);
      const a = await initialMemory(before);
      const b = await initialMemory(wasm);
      expect(b.length).toBe(a.length);
      const words = new Set<number>();
      for (let at = 0; at < a.length; at += 4) words.add(u32(a, at));
      let differing = 0;
      let strings = 0;
      let typeIdWords = 0;
      for (let at = 0; at < a.length; at += 4) {
        if (u32(a, at) === u32(b, at)) continue;
        differing++;
        expect(u32(b, at)).toBe(0);
        if ((at + 8) % 16 === 0 && (u32(a, at) === 1 || u32(a, at) === 2)) {
          // A static string's or buffer's type id, 8 bytes before its 16-byte aligned payload.
          typeIdWords++;
          continue;
        }
        // An object header: mmInfo here, rtId twelve bytes on, payload 16-byte aligned; an ArrayBuffer's only
        // if no static object holds its address.
        expect((at + 20) % 16).toBe(0);
        if (u32(a, at + 12) === 1) expect(words.has(at + 20)).toBe(false);
        else if (u32(a, at + 12) === 2) strings++;
      }
      expect(strings).toBeGreaterThan(100);
      expect(differing).toBe(dropped + typeIds);
      expect(typeIdWords).toBe(typeIds);
    });
  }
});
