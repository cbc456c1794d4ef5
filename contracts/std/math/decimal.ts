// cosmwasm_std::Decimal for AssemblyScript: a fixed-point number with 18 fractional digits stored as a Uint128
// count of 10^-18 units ("atomics"). Every operation states its rounding direction; products and quotients use a
// 256-bit intermediate so that only the final result can overflow.

import { panic } from "../abort";
import { Uint128 } from "./uint128";
import { pow10u64 } from "./limbs";
import { intStr } from "../strings";

const FRACTIONAL: u64 = 1000000000000000000; // 10^18
const PLACES: i32 = 18;
const ZEROS = "000000000000000000";

function fractional(): Uint128 {
  return new Uint128(FRACTIONAL, 0);
}

function fail2(kind: string, op: string, a: string, sym: string, b: string): void {
  panic(kind + ": cannot " + op + " " + a + " " + sym + " " + b);
}

/** Immutable non-negative decimal, max (2^128 − 1) / 10^18 = 340282366920938463463.374607431768211455. */
@final
export class Decimal {
  /** The value × 10^18. */
  readonly atomics: Uint128;

  constructor(atomics: Uint128) {
    this.atomics = atomics;
  }

  static fromAtomics(atomics: Uint128): Decimal {
    return new Decimal(atomics);
  }
  static zero(): Decimal {
    return new Decimal(Uint128.zero());
  }
  static one(): Decimal {
    return new Decimal(fractional());
  }
  static maxValue(): Decimal {
    return new Decimal(Uint128.maxValue());
  }

  /** n as a Decimal. Panics "Overflow: cannot convert n to Decimal" above 340282366920938463463. */
  static fromInt(n: Uint128): Decimal {
    const a = n.checkedMul(fractional());
    if (a !== null) return new Decimal(a);
    panic("Overflow: cannot convert " + n.toString() + " to Decimal");
    return unreachable();
  }
  /** n as a Decimal; every u64 fits. */
  static fromU64(n: u64): Decimal {
    return new Decimal(Uint128.fromU64(n).mul(fractional()));
  }
  /** n / 100 (exact; every u64 fits). */
  static percent(n: u64): Decimal {
    return new Decimal(Uint128.fromU64(n).mul(Uint128.fromU64(10000000000000000)));
  }
  /** n / 1000 (exact). */
  static permille(n: u64): Decimal {
    return new Decimal(Uint128.fromU64(n).mul(Uint128.fromU64(1000000000000000)));
  }
  /** n / 10000, basis points (exact). */
  static bps(n: u64): Decimal {
    return new Decimal(Uint128.fromU64(n).mul(Uint128.fromU64(100000000000000)));
  }

  /**
   * atomics / 10^places as a Decimal, like cosmwasm `Decimal::from_atomics`: exact for places ≤ 18, rounded down
   * (extra digits truncated) above. Null if the value does not fit.
   */
  static fromAtomicsScaled(atomics: Uint128, places: u32): Decimal | null {
    if (places <= <u32>PLACES) {
      const a = atomics.checkedMul(Uint128.fromU64(pow10u64(PLACES - <i32>places)));
      return a === null ? null : new Decimal(a);
    }
    // Successive floors equal one floor: floor(floor(x / p) / q) == floor(x / (p·q)).
    let a = atomics;
    let extra = places - <u32>PLACES;
    while (extra > 0 && !a.isZero()) {
      const step = extra > 19 ? 19 : <i32>extra;
      a = a.div(Uint128.fromU64(pow10u64(step)));
      extra -= <u32>step;
    }
    return new Decimal(a);
  }

  /** n / d rounded down. Null if d is zero or the result does not fit. */
  static checkedFromRatio(n: Uint128, d: Uint128): Decimal | null {
    const a = n.checkedMulDivFloor(fractional(), d);
    return a === null ? null : new Decimal(a);
  }
  /** n / d rounded up. Null if d is zero or the result does not fit. */
  static checkedFromRatioCeil(n: Uint128, d: Uint128): Decimal | null {
    const a = n.checkedMulDivCeil(fractional(), d);
    return a === null ? null : new Decimal(a);
  }
  /**
   * n / d rounded down (cosmwasm `Decimal::from_ratio`).
   * Panics "Division by zero: cannot fromRatio n / 0" or "Overflow: cannot fromRatio n / d".
   */
  static fromRatio(n: Uint128, d: Uint128): Decimal {
    const r = Decimal.checkedFromRatio(n, d);
    if (r !== null) return r;
    fail2(d.isZero() ? "Division by zero" : "Overflow", "fromRatio", n.toString(), "/", d.toString());
    return unreachable();
  }
  /** n / d rounded up. Panics like `fromRatio`. */
  static fromRatioCeil(n: Uint128, d: Uint128): Decimal {
    const r = Decimal.checkedFromRatioCeil(n, d);
    if (r !== null) return r;
    fail2(d.isZero() ? "Division by zero" : "Overflow", "fromRatio", n.toString(), "/", d.toString());
    return unreachable();
  }

  /**
   * Parses like cosmwasm `Decimal::from_str`: `<digits>` or `<digits>.<1 to 18 digits>`; leading zeros allowed.
   * Null for an empty part ("1.", ".5"), more than one dot, more than 18 fractional digits, signs, exponents,
   * spaces, or a value above the maximum. (Rust's integer parser would accept a '+' in either part; we do not.)
   */
  static parse(s: string): Decimal | null {
    const len = s.length;
    let dot = -1;
    for (let i = 0; i < len; i++) {
      if (s.charCodeAt(i) == 46) {
        if (dot >= 0) return null;
        dot = i;
      }
    }
    const wholeEnd = dot < 0 ? len : dot;
    const whole = Uint128.parseRange(s, 0, wholeEnd);
    if (whole === null) return null;
    const a = whole.checkedMul(fractional());
    if (a === null) return null;
    if (dot < 0) return new Decimal(a);
    const fracLen = len - dot - 1;
    if (fracLen > PLACES) return null;
    const frac = Uint128.parseRange(s, dot + 1, len);
    if (frac === null) return null;
    // frac < 10^18 and the factor ≤ 10^17, so this product cannot overflow.
    const sum = a.checkedAdd(frac.mul(Uint128.fromU64(pow10u64(PLACES - fracLen))));
    return sum === null ? null : new Decimal(sum);
  }

  /** Like cosmwasm's Display: "0", "1", "1.5", "0.000000000000000001" (no trailing fractional zeros). */
  toString(): string {
    const whole = this.atomics.div(fractional());
    let f = this.atomics.sub(whole.mul(fractional())).lo;
    if (f == 0) return whole.toString();
    let digits = PLACES;
    while (f % 10 == 0) {
      f /= 10;
      digits--;
    }
    const fs = intStr(f);
    return whole.toString() + "." + ZEROS.substring(0, digits - fs.length) + fs;
  }

  isZero(): bool {
    return this.atomics.isZero();
  }
  cmp(b: Decimal): i32 {
    return this.atomics.cmp(b.atomics);
  }
  eq(b: Decimal): bool {
    return this.atomics.eq(b.atomics);
  }
  ne(b: Decimal): bool {
    return !this.atomics.eq(b.atomics);
  }
  lt(b: Decimal): bool {
    return this.atomics.lt(b.atomics);
  }
  le(b: Decimal): bool {
    return this.atomics.le(b.atomics);
  }
  gt(b: Decimal): bool {
    return this.atomics.gt(b.atomics);
  }
  ge(b: Decimal): bool {
    return this.atomics.ge(b.atomics);
  }
  min(b: Decimal): Decimal {
    return this.le(b) ? this : b;
  }
  max(b: Decimal): Decimal {
    return this.ge(b) ? this : b;
  }

  /** Integer part, rounded down (toward zero). */
  floor(): Uint128 {
    return this.atomics.div(fractional());
  }
  /** Smallest integer ≥ this (rounded up); always fits, the maximum's ceiling is 340282366920938463464. */
  ceil(): Uint128 {
    const w = this.atomics.div(fractional());
    return this.atomics.rem(fractional()).isZero() ? w : w.add(Uint128.one());
  }
  /** this − floor(this), in [0, 1). */
  fract(): Decimal {
    return new Decimal(this.atomics.rem(fractional()));
  }

  /** Exact. */
  checkedAdd(b: Decimal): Decimal | null {
    const a = this.atomics.checkedAdd(b.atomics);
    return a === null ? null : new Decimal(a);
  }
  /** Exact; null if b > this. */
  checkedSub(b: Decimal): Decimal | null {
    const a = this.atomics.checkedSub(b.atomics);
    return a === null ? null : new Decimal(a);
  }
  /** Exact. Panics "Overflow: cannot add a + b". */
  add(b: Decimal): Decimal {
    const r = this.checkedAdd(b);
    if (r !== null) return r;
    fail2("Overflow", "add", this.toString(), "+", b.toString());
    return unreachable();
  }
  /** Exact. Panics "Underflow: cannot sub a - b". */
  sub(b: Decimal): Decimal {
    const r = this.checkedSub(b);
    if (r !== null) return r;
    fail2("Underflow", "sub", this.toString(), "-", b.toString());
    return unreachable();
  }
  /** Exact; clamps at the maximum. */
  saturatingAdd(b: Decimal): Decimal {
    const r = this.checkedAdd(b);
    return r === null ? Decimal.maxValue() : r;
  }
  /** Exact; clamps at zero. */
  saturatingSub(b: Decimal): Decimal {
    const r = this.checkedSub(b);
    return r === null ? Decimal.zero() : r;
  }
  /** |this − b|, exact. */
  absDiff(b: Decimal): Decimal {
    return this.ge(b) ? new Decimal(this.atomics.sub(b.atomics)) : new Decimal(b.atomics.sub(this.atomics));
  }

  /** this × b rounded down to 18 places; null on overflow. */
  checkedMulFloor(b: Decimal): Decimal | null {
    const a = this.atomics.checkedMulDivFloor(b.atomics, fractional());
    return a === null ? null : new Decimal(a);
  }
  /** this × b rounded up to 18 places; null on overflow. */
  checkedMulCeil(b: Decimal): Decimal | null {
    const a = this.atomics.checkedMulDivCeil(b.atomics, fractional());
    return a === null ? null : new Decimal(a);
  }
  /** this / b rounded down to 18 places; null if b is zero or on overflow. */
  checkedDivFloor(b: Decimal): Decimal | null {
    const a = this.atomics.checkedMulDivFloor(fractional(), b.atomics);
    return a === null ? null : new Decimal(a);
  }
  /** this / b rounded up to 18 places; null if b is zero or on overflow. */
  checkedDivCeil(b: Decimal): Decimal | null {
    const a = this.atomics.checkedMulDivCeil(fractional(), b.atomics);
    return a === null ? null : new Decimal(a);
  }
  /** Rounded down, as cosmwasm's `Decimal * Decimal`. Null on overflow. */
  checkedMul(b: Decimal): Decimal | null {
    return this.checkedMulFloor(b);
  }
  /** Rounded down, as cosmwasm's `Decimal / Decimal`. Null if b is zero or on overflow. */
  checkedDiv(b: Decimal): Decimal | null {
    return this.checkedDivFloor(b);
  }

  /** this × b rounded down. Panics "Overflow: cannot mul a * b". */
  mulFloor(b: Decimal): Decimal {
    const r = this.checkedMulFloor(b);
    if (r !== null) return r;
    fail2("Overflow", "mul", this.toString(), "*", b.toString());
    return unreachable();
  }
  /** this × b rounded up. Panics "Overflow: cannot mul a * b". */
  mulCeil(b: Decimal): Decimal {
    const r = this.checkedMulCeil(b);
    if (r !== null) return r;
    fail2("Overflow", "mul", this.toString(), "*", b.toString());
    return unreachable();
  }
  /** this / b rounded down. Panics "Division by zero: cannot div a / 0" or "Overflow: cannot div a / b". */
  divFloor(b: Decimal): Decimal {
    const r = this.checkedDivFloor(b);
    if (r !== null) return r;
    this.divFail(b);
    return unreachable();
  }
  /** this / b rounded up. Panics like `divFloor`. */
  divCeil(b: Decimal): Decimal {
    const r = this.checkedDivCeil(b);
    if (r !== null) return r;
    this.divFail(b);
    return unreachable();
  }
  /** Rounded down (cosmwasm semantics). Panics like `mulFloor`. */
  mul(b: Decimal): Decimal {
    return this.mulFloor(b);
  }
  /** Rounded down (cosmwasm semantics). Panics like `divFloor`. */
  div(b: Decimal): Decimal {
    return this.divFloor(b);
  }
  private divFail(b: Decimal): void {
    fail2(b.isZero() ? "Division by zero" : "Overflow", "div", this.toString(), "/", b.toString());
  }

  /** u × this rounded down to an integer (cosmwasm `Uint128::mul_floor`). Null on overflow. */
  checkedMulUintFloor(u: Uint128): Uint128 | null {
    return u.checkedMulDivFloor(this.atomics, fractional());
  }
  /** u × this rounded up to an integer (cosmwasm `Uint128::mul_ceil`). Null on overflow. */
  checkedMulUintCeil(u: Uint128): Uint128 | null {
    return u.checkedMulDivCeil(this.atomics, fractional());
  }
  /** u × this rounded down to an integer. Panics "Overflow: cannot mul u * d". */
  mulUintFloor(u: Uint128): Uint128 {
    const r = this.checkedMulUintFloor(u);
    if (r !== null) return r;
    fail2("Overflow", "mul", u.toString(), "*", this.toString());
    return unreachable();
  }
  /** u × this rounded up to an integer. Panics "Overflow: cannot mul u * d". */
  mulUintCeil(u: Uint128): Uint128 {
    const r = this.checkedMulUintCeil(u);
    if (r !== null) return r;
    fail2("Overflow", "mul", u.toString(), "*", this.toString());
    return unreachable();
  }
  /** u / this rounded down to an integer (cosmwasm `Uint128::div_floor`). Null if this is zero or on overflow. */
  checkedDivUintFloor(u: Uint128): Uint128 | null {
    return u.checkedMulDivFloor(fractional(), this.atomics);
  }
  /** u / this rounded up to an integer (cosmwasm `Uint128::div_ceil`). Null if this is zero or on overflow. */
  checkedDivUintCeil(u: Uint128): Uint128 | null {
    return u.checkedMulDivCeil(fractional(), this.atomics);
  }
  /** u / this rounded down. Panics "Division by zero: cannot div u / 0" or "Overflow: cannot div u / d". */
  divUintFloor(u: Uint128): Uint128 {
    const r = this.checkedDivUintFloor(u);
    if (r !== null) return r;
    fail2(this.isZero() ? "Division by zero" : "Overflow", "div", u.toString(), "/", this.toString());
    return unreachable();
  }
  /** u / this rounded up. Panics like `divUintFloor`. */
  divUintCeil(u: Uint128): Uint128 {
    const r = this.checkedDivUintCeil(u);
    if (r !== null) return r;
    fail2(this.isZero() ? "Division by zero" : "Overflow", "div", u.toString(), "/", this.toString());
    return unreachable();
  }
}
