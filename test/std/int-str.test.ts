// std's intStr (contracts/std/strings.ts), the decimal formatter contracts use instead of ~lib's integer toString:
// the same text as BigInt's toString for every width, at the edges and on generated values.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compileAsm, instantiateAsm } from "../helpers/asm.js";

type Fmt = (n: number | bigint) => string;

describe("std intStr", () => {
  const fmt: Record<string, Fmt> = {};
  beforeAll(async () => {
    const { exports, memory } = await instantiateAsm(await compileAsm("test/asm/strings-harness.ts"));
    const reset = exports.reset as () => void;
    for (const name of ["ofU64", "ofI64", "ofU32", "ofI32", "ofI8", "ofU16"]) {
      const f = exports[name] as (n: number | bigint) => number;
      fmt[name] = (n) => {
        reset();
        const r = f(n);
        const units = new DataView(memory.buffer).getUint32(r, true);
        return String.fromCharCode(...new Uint16Array(memory.buffer.slice(r + 4, r + 4 + 2 * units)));
      };
    }
  }, 120_000);

  it("writes the edges of every width", () => {
    for (const n of [0n, 1n, 9n, 10n, 99n, 100n, 4294967295n, 4294967296n, 10n ** 19n, 2n ** 64n - 1n])
      expect(fmt.ofU64!(n)).toBe(n.toString());
    for (const n of [0n, -1n, 1n, -10n, -(2n ** 63n), 2n ** 63n - 1n, -9n]) expect(fmt.ofI64!(n)).toBe(n.toString());
    for (const n of [0, 7, 4294967295]) expect(fmt.ofU32!(n)).toBe(n.toString());
    for (const n of [0, -1, 2147483647, -2147483648]) expect(fmt.ofI32!(n)).toBe(n.toString());
    // Narrow types are converted first, as the contract's value would be.
    expect(fmt.ofI8!(200)).toBe("-56");
    expect(fmt.ofU16!(-1)).toBe("65535");
  });

  it("agrees with BigInt on generated values", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.integer(),
        (u, i, n) => {
          expect(fmt.ofU64!(u)).toBe(u.toString());
          expect(fmt.ofI64!(i)).toBe(i.toString());
          expect(fmt.ofI32!(n)).toBe(n.toString());
          expect(fmt.ofU32!(n >>> 0)).toBe((n >>> 0).toString());
        },
      ),
      { numRuns: 5_000, seed: 8_675_309 },
    );
  });
});
