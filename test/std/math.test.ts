// Properties of contracts/std/math (Uint128, Uint256, Decimal) against bigint references, run in the compiled
// wasm through test/asm/math-harness.ts. Panics are compared by their exact text.

import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { DEC_OP, loadMathHarness, type MathHarness, U128_OP, U256_OP } from "../helpers/asm.js";

let h: MathHarness;

beforeAll(async () => {
  h = await loadMathHarness();
});

const RUNS = { numRuns: 1000 };
const MAX64 = 2n ** 64n - 1n;
const MAX128 = 2n ** 128n - 1n;
const MAX256 = 2n ** 256n - 1n;
const FRAC = 10n ** 18n;

// ---------------------------------------------------------------------------------------------------------------
// Generators biased toward the boundaries where limb and carry bugs live
// ---------------------------------------------------------------------------------------------------------------

function specials(max: bigint): bigint[] {
  const out = new Set<bigint>([0n, 1n, 2n, 3n, 7n, 10n, max, max - 1n, max / 2n, max / 2n + 1n, max / 3n]);
  for (let b = 31n; 2n ** b <= max; b += 32n) {
    for (const d of [-1n, 0n, 1n]) out.add(2n ** b + d);
    const b1 = b + 1n;
    if (2n ** b1 <= max) for (const d of [-1n, 0n, 1n]) out.add(2n ** b1 + d);
  }
  for (let p = 10n; p <= max; p *= 10n) {
    out.add(p);
    out.add(p - 1n);
  }
  out.add(FRAC);
  out.add(FRAC * FRAC);
  return [...out].filter((x) => x >= 0n && x <= max);
}

// 32-bit digits that make long division's trial quotient wrong (qhat corrections and the rare add-back step),
// which uniformly random operands essentially never reach (probability ~2^-31 per step).
const EDGE_DIGITS = [0n, 1n, 2n, 3n, 0x20000000n, 0x7fffffffn, 0x80000000n, 0x80000001n, 0xfffffffen, 0xffffffffn];

function digitPattern(bits: number): fc.Arbitrary<bigint> {
  return fc
    .integer({ min: 1, max: bits / 32 })
    .chain((n) => fc.array(fc.constantFrom(...EDGE_DIGITS), { minLength: n, maxLength: n }))
    .map((ds) => ds.reduce((acc, x) => (acc << 32n) | x, 0n));
}

/**
 * Integers in [0, max]: boundary constants, uniform values, values of uniformly random bit length, and
 * edge-digit patterns.
 */
function uint(bits: number): fc.Arbitrary<bigint> {
  const max = 2n ** BigInt(bits) - 1n;
  const sp = specials(max);
  return fc.oneof(
    { weight: 3, arbitrary: digitPattern(bits) },
    { weight: 3, arbitrary: fc.constantFrom(...sp) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max }) },
    {
      weight: 4,
      arbitrary: fc.integer({ min: 0, max: bits }).chain((b) => fc.bigInt({ min: 0n, max: 2n ** BigInt(b) - 1n })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...sp), fc.bigInt({ min: -1000n, max: 1000n }))
        .map(([s, d]) => (s + d < 0n ? 0n : s + d > max ? max : s + d)),
    },
  );
}

const u128 = uint(128);
const u256 = uint(256);

// ---------------------------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------------------------

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;
const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
const bit = (v: boolean): string => (v ? "1" : "0");
const bitLength = (a: bigint): number => a.toString(2).replace(/^0+/, "").length;

function compareText(a: bigint, b: bigint, show: (x: bigint) => string = String): string {
  const flags = [a === b, a !== b, a < b, a <= b, a > b, a >= b].map(bit).join("");
  return `${cmp(a, b)},${flags},${show(a < b ? a : b)},${show(a > b ? a : b)}`;
}

/** Result text of a checked binary integer op; `max` bounds the type. */
function intOp(op: "add" | "sub" | "mul" | "div" | "rem", a: bigint, b: bigint, max: bigint): bigint | string {
  switch (op) {
    case "add":
      return a + b > max ? `Overflow: cannot add ${a} + ${b}` : a + b;
    case "sub":
      return a < b ? `Underflow: cannot sub ${a} - ${b}` : a - b;
    case "mul":
      return a * b > max ? `Overflow: cannot mul ${a} * ${b}` : a * b;
    case "div":
      return b === 0n ? `Division by zero: cannot div ${a} / ${b}` : a / b;
    case "rem":
      return b === 0n ? `Division by zero: cannot rem ${a} % ${b}` : a % b;
  }
}

/** Expected harness text for a panicking op (`E:` prefix) and for its checked twin (`null`). */
const panicking = (r: bigint | string): string => (typeof r === "string" ? `E:${r}` : r.toString());
const checked = (r: bigint | string): string => (typeof r === "string" ? "null" : r.toString());

function mulDiv(a: bigint, b: bigint, c: bigint, max: bigint, ceil: boolean): bigint | string {
  if (c === 0n) return `Division by zero: cannot mulDiv ${a} * ${b} / ${c}`;
  const q = ceil ? ceilDiv(a * b, c) : (a * b) / c;
  return q > max ? `Overflow: cannot mulDiv ${a} * ${b} / ${c}` : q;
}

/** cosmwasm_std::Decimal Display. */
function decStr(atomics: bigint): string {
  const whole = atomics / FRAC;
  const frac = atomics % FRAC;
  if (frac === 0n) return whole.toString();
  return `${whole}.${frac.toString().padStart(18, "0").replace(/0+$/, "")}`;
}

/** cosmwasm_std::Decimal FromStr, minus the '+' Rust's integer parser tolerates; atomics or null. */
function decParse(s: string): bigint | null {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(s);
  if (m === null) return null;
  const whole = BigInt(m[1] ?? "");
  const fracText = m[2] ?? "";
  if (fracText.length > 18) return null;
  const atomics = whole * FRAC + (fracText === "" ? 0n : BigInt(fracText) * 10n ** BigInt(18 - fracText.length));
  return atomics > MAX128 ? null : atomics;
}

function uintParse(s: string, max: bigint): bigint | null {
  if (!/^[0-9]+$/.test(s)) return null;
  const v = BigInt(s);
  return v > max ? null : v;
}

// ---------------------------------------------------------------------------------------------------------------
// Uint128 / Uint256 share one battery of properties
// ---------------------------------------------------------------------------------------------------------------

interface IntOps {
  add: number;
  sub: number;
  mul: number;
  div: number;
  rem: number;
  checkedAdd: number;
  checkedSub: number;
  checkedMul: number;
  checkedDiv: number;
  checkedRem: number;
  mulDivFloor: number;
  mulDivCeil: number;
  checkedMulDivFloor: number;
  checkedMulDivCeil: number;
  parse: number;
  compare: number;
  toU64: number;
  shl: number;
  shr: number;
  bits: number;
}

function intSuite(name: string, bits: number, ops: IntOps, gen: fc.Arbitrary<bigint>): void {
  const max = 2n ** BigInt(bits) - 1n;
  const run = (op: number, ...args: bigint[]): string => h.run(op, ...args.map(String));

  describe(name, () => {
    const binary = ["add", "sub", "mul", "div", "rem"] as const;
    for (const op of binary) {
      const checkedName = `checked${op[0]!.toUpperCase()}${op.slice(1)}` as `checked${Capitalize<typeof op>}`;
      test(`${op} and ${checkedName} match bigint, panicking exactly when bigint leaves the range`, () => {
        fc.assert(
          fc.property(gen, gen, (a, b) => {
            const r = intOp(op, a, b, max);
            expect(run(ops[op], a, b)).toBe(panicking(r));
            expect(run(ops[checkedName], a, b)).toBe(checked(r));
          }),
          RUNS,
        );
      });
    }

    test("div/rem by small and near-equal divisors (Knuth D correction paths)", () => {
      // Divisors close to the dividend, or with a top digit just above 2^31, exercise the rare add-back step.
      const divisor = fc.oneof(
        fc.bigInt({ min: 1n, max: 2n ** 32n }),
        gen.filter((x) => x > 0n),
        fc.integer({ min: 33, max: bits }).map((b) => 2n ** BigInt(b - 1) + 1n),
      );
      fc.assert(
        fc.property(gen, divisor, fc.bigInt({ min: 0n, max: 2n ** 40n }), (a, d, k) => {
          expect(run(ops.div, a, d)).toBe((a / d).toString());
          expect(run(ops.rem, a, d)).toBe((a % d).toString());
          const n = d * k + (a % d);
          if (n <= max) expect(run(ops.div, n, d)).toBe((n / d).toString());
        }),
        RUNS,
      );
    });

    test("mulDivFloor/mulDivCeil use a double-width intermediate", () => {
      fc.assert(
        fc.property(gen, gen, gen, (a, b, c) => {
          const f = mulDiv(a, b, c, max, false);
          const cl = mulDiv(a, b, c, max, true);
          expect(run(ops.mulDivFloor, a, b, c)).toBe(panicking(f));
          expect(run(ops.mulDivCeil, a, b, c)).toBe(panicking(cl));
          expect(run(ops.checkedMulDivFloor, a, b, c)).toBe(checked(f));
          expect(run(ops.checkedMulDivCeil, a, b, c)).toBe(checked(cl));
        }),
        RUNS,
      );
    });

    test("mulDiv where the product overflows but the quotient fits", () => {
      fc.assert(
        fc.property(gen, gen, (a, b) => {
          const c = b === 0n ? 1n : b;
          // a × c / c == a for every a, although a × c may need twice the width.
          expect(run(ops.mulDivFloor, a, c, c)).toBe(a.toString());
          expect(run(ops.mulDivCeil, a, c, c)).toBe(a.toString());
        }),
        RUNS,
      );
    });

    test("toString/parse round trip and compare", () => {
      fc.assert(
        fc.property(gen, gen, fc.nat({ max: 45 }), (a, b, zeros) => {
          expect(run(ops.parse, a)).toBe(a.toString());
          expect(h.run(ops.parse, "0".repeat(zeros) + a.toString())).toBe(a.toString());
          expect(run(ops.compare, a, b)).toBe(compareText(a, b));
          expect(run(ops.compare, a, a)).toBe(compareText(a, a));
          expect(run(ops.toU64, a)).toBe(a > MAX64 ? `E:Overflow: cannot convert ${a} to u64` : a.toString());
          expect(run(ops.bits, a)).toBe(String(bitLength(a)));
        }),
        RUNS,
      );
    });

    test("parse rejects everything but in-range ASCII digit strings", () => {
      const alphabet = fc.constantFrom(..."0123456789+- .eE_x\u0661\uff11a".split(""));
      const text = fc.oneof(
        fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join("")),
        fc.string({ maxLength: 8 }),
        gen.map((x) => x.toString()),
        gen.map((x) => (max - x + max).toString()), // above the maximum most of the time
        gen.map((x) => `+${x}`),
        gen.map((x) => `${x} `),
        fc.constantFrom(
          "",
          "+",
          "-",
          "-0",
          "0x10",
          "1e3",
          max.toString(),
          (max + 1n).toString(),
          (10n ** 80n).toString(),
        ),
      );
      fc.assert(
        fc.property(text, (s) => {
          const want = uintParse(s, max);
          expect(h.run(ops.parse, s)).toBe(want === null ? "null" : want.toString());
        }),
        RUNS,
      );
    });

    test("shl/shr", () => {
      fc.assert(
        fc.property(gen, fc.integer({ min: 0, max: bits + 3 }), (a, n) => {
          const shl =
            a === 0n
              ? "0"
              : n >= bits || bitLength(a) + n > bits
                ? `E:Overflow: cannot shl ${a} << ${n}`
                : (a << BigInt(n)).toString();
          expect(h.run(ops.shl, a.toString(), String(n))).toBe(shl);
          expect(h.run(ops.shr, a.toString(), String(n))).toBe((a >> BigInt(n)).toString());
        }),
        RUNS,
      );
    });
  });
}

intSuite("Uint128", 128, U128_OP, u128);
intSuite("Uint256", 256, U256_OP, u256);

describe("Uint128 extras", () => {
  test("saturating ops and the exact 256-bit product", () => {
    fc.assert(
      fc.property(u128, u128, (a, b) => {
        expect(h.run(U128_OP.saturatingAdd, String(a), String(b))).toBe(String(a + b > MAX128 ? MAX128 : a + b));
        expect(h.run(U128_OP.saturatingSub, String(a), String(b))).toBe(String(a < b ? 0n : a - b));
        expect(h.run(U128_OP.fullMul, String(a), String(b))).toBe(String(a * b));
      }),
      RUNS,
    );
  });

  test("long-division vectors that need the add-back step (Hacker's Delight divmnu64 test set)", () => {
    const fromDigits = (ds: bigint[]): bigint => ds.reduceRight((acc, x) => (acc << 32n) | x, 0n);
    const cases: [bigint[], bigint[]][] = [
      [
        [3n, 0n, 0x80000000n, 0n],
        [1n, 0n, 0x20000000n],
      ],
      [
        [3n, 0n, 0x8000n, 0n],
        [1n, 0n, 0x2000n],
      ],
      [
        [0n, 0xfffen, 0x8000n],
        [0xffffn, 0x8000n],
      ],
      [
        [0n, 0n, 0x80000000n, 0x7fffffffn],
        [1n, 0xffffffffn, 0x80000000n],
      ],
    ];
    for (const [u, v] of cases) {
      const a = fromDigits(u);
      const b = fromDigits(v);
      for (const op of [U128_OP, U256_OP]) {
        expect(h.run(op.div, String(a), String(b))).toBe(String(a / b));
        expect(h.run(op.rem, String(a), String(b))).toBe(String(a % b));
      }
    }
  });

  test("panic messages", () => {
    expect(h.run(U128_OP.add, MAX128.toString(), "1")).toBe(
      "E:Overflow: cannot add 340282366920938463463374607431768211455 + 1",
    );
    expect(h.run(U128_OP.sub, "1", "2")).toBe("E:Underflow: cannot sub 1 - 2");
    expect(h.run(U128_OP.div, "5", "0")).toBe("E:Division by zero: cannot div 5 / 0");
    expect(h.run(U128_OP.mulDivFloor, "5", "6", "0")).toBe("E:Division by zero: cannot mulDiv 5 * 6 / 0");
  });
});

describe("Uint256 extras", () => {
  test("conversion to Uint128", () => {
    fc.assert(
      fc.property(u256, (a) => {
        const fits = a <= MAX128;
        expect(h.run(U256_OP.toUint128, String(a))).toBe(
          fits ? String(a) : `E:Overflow: cannot convert ${a} to Uint128`,
        );
        expect(h.run(U256_OP.checkedToUint128, String(a))).toBe(fits ? String(a) : "null");
      }),
      RUNS,
    );
  });

  test("maximum", () => {
    expect(h.run(U256_OP.parse, MAX256.toString())).toBe(MAX256.toString());
    expect(h.run(U256_OP.parse, (MAX256 + 1n).toString())).toBe("null");
    expect(h.run(U256_OP.mul, MAX128.toString(), MAX128.toString())).toBe((MAX128 * MAX128).toString());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Decimal
// ---------------------------------------------------------------------------------------------------------------

describe("Decimal", () => {
  // Atomics biased toward whole numbers, pure fractions and the extremes as well as the generic boundaries.
  const atomics = fc.oneof(
    { weight: 4, arbitrary: u128 },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX128 / FRAC }).map((w) => w * FRAC) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: FRAC }) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 24n }) },
  );
  const d = (a: bigint): string => a.toString();
  const run = (op: number, ...args: bigint[]): string => h.run(op, ...args.map(d));

  test("toString matches cosmwasm Display", () => {
    fc.assert(
      fc.property(atomics, (a) => {
        expect(run(DEC_OP.toString, a)).toBe(decStr(a));
      }),
      RUNS,
    );
    expect(run(DEC_OP.toString, 0n)).toBe("0");
    expect(run(DEC_OP.toString, 1n)).toBe("0.000000000000000001");
    expect(run(DEC_OP.toString, 15n * 10n ** 17n)).toBe("1.5");
    expect(run(DEC_OP.toString, MAX128)).toBe("340282366920938463463.374607431768211455");
  });

  test("parse(toString(x)) == x", () => {
    fc.assert(
      fc.property(atomics, (a) => {
        expect(h.run(DEC_OP.parse, decStr(a))).toBe(d(a));
      }),
      RUNS,
    );
  });

  test("parse matches the reference on valid and invalid text", () => {
    const digits = (min: number, max: number): fc.Arbitrary<string> =>
      fc.array(fc.constantFrom(..."0123456789".split("")), { minLength: min, maxLength: max }).map((x) => x.join(""));
    const alphabet = fc.constantFrom(..."0123456789..+- eE\u0661".split(""));
    const text = fc.oneof(
      fc.tuple(digits(0, 24), fc.boolean(), digits(0, 21)).map(([w, dot, f]) => (dot ? `${w}.${f}` : w)),
      fc.array(alphabet, { maxLength: 10 }).map((x) => x.join("")),
      atomics.map((a) => `${decStr(a)}0`),
      atomics.map((a) => `0${decStr(a)}`),
      fc.constantFrom(
        "",
        ".",
        "1.",
        ".5",
        "1..2",
        "1.2.3",
        "+1.5",
        "-1.5",
        "1.+5",
        "1e18",
        " 1",
        "0.000000000000000001",
        "0.0000000000000000001",
        "1.000000000000000000",
        "1.0000000000000000000",
        "340282366920938463463.374607431768211455",
        "340282366920938463463.374607431768211456",
        "340282366920938463464",
        "340282366920938463463",
        "000000000000000000000000000000000000000000001.5",
      ),
    );
    fc.assert(
      fc.property(text, (s) => {
        const want = decParse(s);
        expect(h.run(DEC_OP.parse, s), JSON.stringify(s)).toBe(want === null ? "null" : d(want));
      }),
      RUNS,
    );
  });

  test("add/sub (exact)", () => {
    fc.assert(
      fc.property(atomics, atomics, (a, b) => {
        const s = a + b;
        const add = s > MAX128 ? `E:Overflow: cannot add ${decStr(a)} + ${decStr(b)}` : d(s);
        const sub = a < b ? `E:Underflow: cannot sub ${decStr(a)} - ${decStr(b)}` : d(a - b);
        expect(run(DEC_OP.add, a, b)).toBe(add);
        expect(run(DEC_OP.sub, a, b)).toBe(sub);
        expect(run(DEC_OP.checkedAdd, a, b)).toBe(s > MAX128 ? "null" : d(s));
        expect(run(DEC_OP.checkedSub, a, b)).toBe(a < b ? "null" : d(a - b));
        expect(run(DEC_OP.saturatingAdd, a, b)).toBe(d(s > MAX128 ? MAX128 : s));
        expect(run(DEC_OP.saturatingSub, a, b)).toBe(d(a < b ? 0n : a - b));
        expect(run(DEC_OP.absDiff, a, b)).toBe(d(a < b ? b - a : a - b));
        expect(run(DEC_OP.compare, a, b)).toBe(compareText(a, b));
      }),
      RUNS,
    );
  });

  test("mulFloor/mulCeil", () => {
    fc.assert(
      fc.property(atomics, atomics, (a, b) => {
        const p = a * b;
        const fl = p / FRAC;
        const cl = ceilDiv(p, FRAC);
        const msg = `E:Overflow: cannot mul ${decStr(a)} * ${decStr(b)}`;
        expect(run(DEC_OP.mulFloor, a, b)).toBe(fl > MAX128 ? msg : d(fl));
        expect(run(DEC_OP.mul, a, b)).toBe(fl > MAX128 ? msg : d(fl));
        expect(run(DEC_OP.mulCeil, a, b)).toBe(cl > MAX128 ? msg : d(cl));
        expect(run(DEC_OP.checkedMulFloor, a, b)).toBe(fl > MAX128 ? "null" : d(fl));
        expect(run(DEC_OP.checkedMulCeil, a, b)).toBe(cl > MAX128 ? "null" : d(cl));
      }),
      RUNS,
    );
  });

  test("divFloor/divCeil", () => {
    fc.assert(
      fc.property(atomics, atomics, (a, b) => {
        if (b === 0n) {
          const msg = `E:Division by zero: cannot div ${decStr(a)} / 0`;
          expect(run(DEC_OP.divFloor, a, b)).toBe(msg);
          expect(run(DEC_OP.divCeil, a, b)).toBe(msg);
          expect(run(DEC_OP.checkedDivFloor, a, b)).toBe("null");
          return;
        }
        const fl = (a * FRAC) / b;
        const cl = ceilDiv(a * FRAC, b);
        const msg = `E:Overflow: cannot div ${decStr(a)} / ${decStr(b)}`;
        expect(run(DEC_OP.divFloor, a, b)).toBe(fl > MAX128 ? msg : d(fl));
        expect(run(DEC_OP.div, a, b)).toBe(fl > MAX128 ? msg : d(fl));
        expect(run(DEC_OP.divCeil, a, b)).toBe(cl > MAX128 ? msg : d(cl));
        expect(run(DEC_OP.checkedDivFloor, a, b)).toBe(fl > MAX128 ? "null" : d(fl));
        expect(run(DEC_OP.checkedDivCeil, a, b)).toBe(cl > MAX128 ? "null" : d(cl));
      }),
      RUNS,
    );
  });

  test("mulUintFloor/mulUintCeil and divUintFloor/divUintCeil (amount × decimal → integer)", () => {
    fc.assert(
      fc.property(atomics, u128, (a, u) => {
        const fl = (u * a) / FRAC;
        const cl = ceilDiv(u * a, FRAC);
        const msg = `E:Overflow: cannot mul ${u} * ${decStr(a)}`;
        expect(run(DEC_OP.mulUintFloor, a, u)).toBe(fl > MAX128 ? msg : d(fl));
        expect(run(DEC_OP.mulUintCeil, a, u)).toBe(cl > MAX128 ? msg : d(cl));
        expect(run(DEC_OP.checkedMulUintFloor, a, u)).toBe(fl > MAX128 ? "null" : d(fl));
        expect(run(DEC_OP.checkedMulUintCeil, a, u)).toBe(cl > MAX128 ? "null" : d(cl));
        if (a === 0n) {
          expect(run(DEC_OP.divUintFloor, a, u)).toBe(`E:Division by zero: cannot div ${u} / 0`);
        } else {
          const qf = (u * FRAC) / a;
          const qc = ceilDiv(u * FRAC, a);
          const dmsg = `E:Overflow: cannot div ${u} / ${decStr(a)}`;
          expect(run(DEC_OP.divUintFloor, a, u)).toBe(qf > MAX128 ? dmsg : d(qf));
          expect(run(DEC_OP.divUintCeil, a, u)).toBe(qc > MAX128 ? dmsg : d(qc));
        }
      }),
      RUNS,
    );
  });

  test("fromRatio (floor) / fromRatioCeil", () => {
    fc.assert(
      fc.property(u128, u128, (n, den) => {
        if (den === 0n) {
          expect(run(DEC_OP.fromRatio, n, den)).toBe(`E:Division by zero: cannot fromRatio ${n} / 0`);
          expect(run(DEC_OP.fromRatioCeil, n, den)).toBe(`E:Division by zero: cannot fromRatio ${n} / 0`);
          expect(run(DEC_OP.checkedFromRatio, n, den)).toBe("null");
          return;
        }
        const fl = (n * FRAC) / den;
        const cl = ceilDiv(n * FRAC, den);
        const msg = `E:Overflow: cannot fromRatio ${n} / ${den}`;
        expect(run(DEC_OP.fromRatio, n, den)).toBe(fl > MAX128 ? msg : d(fl));
        expect(run(DEC_OP.fromRatioCeil, n, den)).toBe(cl > MAX128 ? msg : d(cl));
        expect(run(DEC_OP.checkedFromRatio, n, den)).toBe(fl > MAX128 ? "null" : d(fl));
        expect(run(DEC_OP.checkedFromRatioCeil, n, den)).toBe(cl > MAX128 ? "null" : d(cl));
      }),
      RUNS,
    );
  });

  test("floor/ceil/fract, fromInt, percent/permille/bps, fromAtomicsScaled", () => {
    fc.assert(
      fc.property(atomics, u128, fc.bigInt({ min: 0n, max: MAX64 }), fc.integer({ min: 0, max: 60 }), (a, n, k, p) => {
        expect(run(DEC_OP.floor, a)).toBe(d(a / FRAC));
        expect(run(DEC_OP.ceil, a)).toBe(d(ceilDiv(a, FRAC)));
        expect(run(DEC_OP.fract, a)).toBe(d(a % FRAC));
        expect(run(DEC_OP.fromInt, n)).toBe(
          n * FRAC > MAX128 ? `E:Overflow: cannot convert ${n} to Decimal` : d(n * FRAC),
        );
        expect(run(DEC_OP.percent, k)).toBe(d(k * 10n ** 16n));
        expect(run(DEC_OP.permille, k)).toBe(d(k * 10n ** 15n));
        expect(run(DEC_OP.bps, k)).toBe(d(k * 10n ** 14n));
        const scaled = p <= 18 ? a * 10n ** BigInt(18 - p) : a / 10n ** BigInt(p - 18);
        expect(h.run(DEC_OP.fromAtomicsScaled, d(a), String(p))).toBe(scaled > MAX128 ? "null" : d(scaled));
      }),
      RUNS,
    );
  });

  test("documented examples", () => {
    const one = FRAC;
    expect(h.run(DEC_OP.parse, "1.5")).toBe(d(15n * 10n ** 17n));
    expect(h.run(DEC_OP.parse, "1.")).toBe("null");
    expect(h.run(DEC_OP.parse, ".5")).toBe("null");
    expect(run(DEC_OP.mulCeil, one / 3n, 3n * one)).toBe(d(one - 1n)); // 0.333…333 × 3, exact
    expect(run(DEC_OP.divCeil, one, 3n * one)).toBe(d(one / 3n + 1n));
    expect(run(DEC_OP.divFloor, one, 3n * one)).toBe(d(one / 3n));
    expect(run(DEC_OP.mulUintCeil, 15n * 10n ** 17n, 3n)).toBe("5"); // 4.5 rounds up
    expect(run(DEC_OP.mulUintFloor, 15n * 10n ** 17n, 3n)).toBe("4");
    expect(run(DEC_OP.ceil, MAX128)).toBe("340282366920938463464");
  });
});
