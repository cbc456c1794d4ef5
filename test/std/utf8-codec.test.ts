// The std's UTF-8 codec (contracts/std/utf8.ts) against the platform's: decodeUtf8Lossy must equal a non-fatal
// TextDecoder (both replace each maximal ill-formed subpart with one U+FFFD), decodeUtf8Strict must accept exactly
// what a fatal TextDecoder accepts and read the same text, and encodeUtf8 must equal TextEncoder (unpaired
// surrogates become U+FFFD). Runs UTF8_FC_RUNS cases per property (default 20,000) with seed UTF8_FC_SEED.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compileAsm, instantiateAsm } from "../helpers/asm.js";

const inCI = process.env.CI === "true" || process.env.CI === "1";
const SEED = Number(process.env.UTF8_FC_SEED ?? (inCI ? 271_828_183 : Date.now() % 2 ** 31));
const RUNS = Number(process.env.UTF8_FC_RUNS ?? 20_000);

interface Codec {
  lossy(bytes: Uint8Array): string;
  strict(bytes: Uint8Array): string | null;
  encode(s: string): Uint8Array;
}

async function loadCodec(): Promise<Codec> {
  const { exports, memory } = await instantiateAsm(await compileAsm("test/asm/utf8-harness.ts"));
  const alloc = exports.alloc as (len: number) => number;
  const reset = exports.reset as () => void;
  const fn = (name: string): ((ptr: number, len: number) => number) =>
    exports[name] as (ptr: number, len: number) => number;
  const putBytes = (bytes: Uint8Array): number => {
    reset();
    const p = alloc(Math.max(bytes.length, 1));
    new Uint8Array(memory.buffer, p, bytes.length).set(bytes);
    return p;
  };
  const readUnits = (r: number): string => {
    const n = new DataView(memory.buffer).getUint32(r, true);
    return String.fromCharCode(...new Uint16Array(memory.buffer.slice(r + 4, r + 4 + 2 * n)));
  };
  return {
    lossy: (bytes) => readUnits(fn("lossy")(putBytes(bytes), bytes.length)),
    strict(bytes) {
      const r = fn("strict")(putBytes(bytes), bytes.length);
      return r === 0 ? null : readUnits(r);
    },
    encode(s) {
      reset();
      const p = alloc(Math.max(2 * s.length, 2));
      const view = new DataView(memory.buffer);
      for (let i = 0; i < s.length; i++) view.setUint16(p + 2 * i, s.charCodeAt(i), true);
      const r = fn("encode")(p, s.length);
      const len = new DataView(memory.buffer).getUint32(r, true);
      return new Uint8Array(memory.buffer.slice(r + 4, r + 4 + len));
    },
  };
}

const lossyDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
const fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

function fatal(bytes: Uint8Array): string | null {
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    return null;
  }
}

// Bytes that hit every UTF-8 branch: ASCII, continuation bytes, each lead-byte range and its edges.
const utf8ish = fc
  .uint8Array({ maxLength: 24 })
  .chain((raw) =>
    fc
      .array(
        fc.oneof(
          fc.constantFrom(0x00, 0x22, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf),
          fc.constantFrom(0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff),
          fc.integer({ min: 0x80, max: 0xbf }),
        ),
        { maxLength: 24 },
      )
      .map((picked) => Uint8Array.from([...raw.slice(0, 4), ...picked])),
  );
// Strings of UTF-16 units with lone and paired surrogates, astral characters and every encoded length.
const utf16ish = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0x7ff }),
      fc.integer({ min: 0x800, max: 0xffff }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.constantFrom(0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff),
    ),
    { maxLength: 32 },
  )
  .map((u) => String.fromCharCode(...u));

describe("std UTF-8 codec", () => {
  let codec: Codec;
  beforeAll(async () => {
    codec = await loadCodec();
  }, 120_000);

  it("decodes the edge cases like TextDecoder", () => {
    const cases = [
      [],
      [0x24],
      [0xc2, 0x80],
      [0xdf, 0xbf],
      [0xe0, 0xa0, 0x80],
      [0xef, 0xbf, 0xbf],
      [0xed, 0x9f, 0xbf],
      [0xf0, 0x90, 0x80, 0x80],
      [0xf4, 0x8f, 0xbf, 0xbf],
      [0xf0, 0x9f, 0x98, 0x80, 0x41],
      [0xc0, 0xa2],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x98],
      [0x80, 0x41],
    ].map((b) => Uint8Array.from(b));
    for (const bytes of cases) {
      expect(codec.lossy(bytes), bytes.join(",")).toBe(lossyDecoder.decode(bytes));
      expect(codec.strict(bytes), bytes.join(",")).toBe(fatal(bytes));
    }
  });

  it("decodeUtf8Lossy and decodeUtf8Strict agree with TextDecoder on random bytes", () => {
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        expect(codec.lossy(bytes)).toBe(lossyDecoder.decode(bytes));
        expect(codec.strict(bytes)).toBe(fatal(bytes));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("encodes the edge cases like TextEncoder", () => {
    for (const s of [
      "",
      "a",
      "\u0080",
      "\u07ff",
      "\u0800",
      "\uffff",
      "😀",
      "\ud800",
      "\udc00",
      "a\ud800",
      "\udc00\ud800",
    ]) {
      expect([...codec.encode(s)], JSON.stringify(s)).toEqual([...encoder.encode(s)]);
    }
  });

  it("encodeUtf8 agrees with TextEncoder on random UTF-16 (lone surrogates included)", () => {
    fc.assert(
      fc.property(utf16ish, (s) => {
        expect([...codec.encode(s)]).toEqual([...encoder.encode(s)]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
