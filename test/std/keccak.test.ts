import { keccak_256 } from "@noble/hashes/sha3";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { loadMathHarness, type MathHarness } from "../helpers/asm.js";

let h: MathHarness;

beforeAll(async () => {
  h = await loadMathHarness();
});

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("keccak256 (contracts/std/crypto/keccak.ts)", () => {
  // Published vectors: the Keccak team's / Ethereum's, repeated across independent implementations.
  const vectors: [string, Uint8Array, string][] = [
    ["empty", new Uint8Array(0), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"],
    ["abc", utf8("abc"), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"],
    [
      "quick brown fox",
      utf8("The quick brown fox jumps over the lazy dog"),
      "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15",
    ],
    ["200 × 0xa3", new Uint8Array(200).fill(0xa3), "3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a"],
    // Rate boundary (136 bytes): the pad bytes 0x01 and 0x80 share a byte at 135, a full block needs a padding-only
    // block at 136, and 137 spills one byte into the second block.
    ["135 × 0x00", new Uint8Array(135), "29e3704feeca7fb9ba229f0fa04d9b36449cf3ad6e1d85d9cfff3a10df9abc3e"],
    ["136 × 0x00", new Uint8Array(136), "3a5912a7c5faa06ee4fe906253e339467a9ce87d533c65be3c15cb231cdb25f9"],
    ["137 × 0x00", new Uint8Array(137), "bee7fbb405cb0d91a8775e338c4a5e4b5d6b2d051f687fa942043cffdc73bd28"],
    ["272 × 0x00", new Uint8Array(272), "a8005c7a3125b6c3629b4181eca54d18721e41fef639718d205beb00b366ed7d"],
  ];

  test.each(vectors)("published vector: %s", (_name, input, want) => {
    expect(hex(h.keccak(input))).toBe(want);
  });

  test("is Keccak (pad 0x01), not SHA3-256 (pad 0x06)", () => {
    expect(hex(h.keccak(new Uint8Array(0)))).not.toBe(
      "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", // SHA3-256("")
    );
  });

  test("every length 0..=300 matches @noble/hashes", () => {
    for (let n = 0; n <= 300; n++) {
      const data = new Uint8Array(n).map((_, i) => (i * 131 + n) & 0xff);
      expect(hex(h.keccak(data)), `length ${n}`).toBe(hex(keccak_256(data)));
    }
  });

  test("random inputs of length 0..600 match @noble/hashes", () => {
    // Length drawn first and uniformly, so long and rate-straddling inputs are as common as short ones.
    const input = fc.integer({ min: 0, max: 600 }).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
    fc.assert(
      fc.property(input, (data) => {
        expect(hex(h.keccak(data))).toBe(hex(keccak_256(data)));
      }),
      { numRuns: 1000 },
    );
  });
});
