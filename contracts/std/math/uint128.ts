// cosmwasm_std::Uint128 for AssemblyScript. AS integer ops wrap silently (docs/abi.md#wrapping-integer-ops): every public
// operation here is checked and either panics with a message naming the operation and operands, or (checked*)
// returns null.

import { panic } from "../abort";
import {
  DIV_Q,
  DIV_R,
  DIV_U,
  DIV_V,
  MUL_P,
  anyLimb,
  divWords,
  limbsToString,
  mul64,
  mulHi,
  mulLimbs,
  parseLimbs,
} from "./limbs";
import { intStr } from "../strings";

const SCRATCH_A: usize = memory.data(16);
const SCRATCH_B: usize = memory.data(16);

function fail2(kind: string, op: string, a: string, sym: string, b: string): void {
  panic(kind + ": cannot " + op + " " + a + " " + sym + " " + b);
}

/** Immutable 128-bit unsigned integer as two u64 limbs (`lo` least significant). */
@final
export class Uint128 {
  readonly lo: u64;
  readonly hi: u64;

  constructor(lo: u64 = 0, hi: u64 = 0) {
    this.lo = lo;
    this.hi = hi;
  }

  static zero(): Uint128 {
    return new Uint128(0, 0);
  }
  static one(): Uint128 {
    return new Uint128(1, 0);
  }
  /** 2^128 − 1 (cosmwasm `Uint128::MAX`). */
  static maxValue(): Uint128 {
    return new Uint128(u64.MAX_VALUE, u64.MAX_VALUE);
  }
  static fromU64(n: u64): Uint128 {
    return new Uint128(n, 0);
  }
  static fromParts(hi: u64, lo: u64): Uint128 {
    return new Uint128(lo, hi);
  }

  /**
   * Decimal digits only, as Rust's `u128::from_str` minus its optional leading '+': at least one ASCII digit,
   * leading zeros allowed. Null on empty input, signs, spaces, any other character, or a value > 2^128 − 1.
   */
  static parse(s: string): Uint128 | null {
    return Uint128.parseRange(s, 0, s.length);
  }
  /** `parse` on s[start, end) without allocating a substring (for the JSON and Decimal parsers). */
  static parseRange(s: string, start: i32, end: i32): Uint128 | null {
    if (!parseLimbs(s, start, end, SCRATCH_A, 2)) return null;
    return new Uint128(load<u64>(SCRATCH_A), load<u64>(SCRATCH_A, 8));
  }

  toString(): string {
    if (this.hi == 0) return intStr(this.lo);
    store<u64>(SCRATCH_A, this.lo);
    store<u64>(SCRATCH_A, this.hi, 8);
    return limbsToString(SCRATCH_A, 2);
  }

  isZero(): bool {
    return (this.lo | this.hi) == 0;
  }
  /** -1, 0 or 1. */
  cmp(b: Uint128): i32 {
    if (this.hi != b.hi) return this.hi < b.hi ? -1 : 1;
    if (this.lo != b.lo) return this.lo < b.lo ? -1 : 1;
    return 0;
  }
  eq(b: Uint128): bool {
    return this.lo == b.lo && this.hi == b.hi;
  }
  ne(b: Uint128): bool {
    return !this.eq(b);
  }
  lt(b: Uint128): bool {
    return this.hi < b.hi || (this.hi == b.hi && this.lo < b.lo);
  }
  le(b: Uint128): bool {
    return this.hi < b.hi || (this.hi == b.hi && this.lo <= b.lo);
  }
  gt(b: Uint128): bool {
    return b.lt(this);
  }
  ge(b: Uint128): bool {
    return b.le(this);
  }
  min(b: Uint128): Uint128 {
    return this.le(b) ? this : b;
  }
  max(b: Uint128): Uint128 {
    return this.ge(b) ? this : b;
  }

  fitsU64(): bool {
    return this.hi == 0;
  }
  /** Panics "Overflow: cannot convert <x> to u64" if it does not fit. */
  toU64(): u64 {
    if (this.hi != 0) {
      panic("Overflow: cannot convert " + this.toString() + " to u64");
      unreachable();
    }
    return this.lo;
  }

  checkedAdd(b: Uint128): Uint128 | null {
    const lo = this.lo + b.lo;
    const carry = <u64>(lo < this.lo);
    const hi1 = this.hi + b.hi;
    if (hi1 < this.hi) return null;
    const hi = hi1 + carry;
    if (hi < hi1) return null;
    return new Uint128(lo, hi);
  }
  checkedSub(b: Uint128): Uint128 | null {
    if (this.lt(b)) return null;
    return new Uint128(this.lo - b.lo, this.hi - b.hi - <u64>(this.lo < b.lo));
  }
  checkedMul(b: Uint128): Uint128 | null {
    // At most one operand may have a high limb, and its cross product must fit in 64 bits.
    if (this.hi != 0 && b.hi != 0) return null;
    const lo = mul64(this.lo, b.lo);
    let hi = mulHi();
    let cross: u64 = 0;
    if (this.hi != 0) {
      cross = mul64(this.hi, b.lo);
      if (mulHi() != 0) return null;
    } else if (b.hi != 0) {
      cross = mul64(this.lo, b.hi);
      if (mulHi() != 0) return null;
    }
    const h = hi + cross;
    if (h < hi) return null;
    hi = h;
    return new Uint128(lo, hi);
  }
  /** Floor division; null if b is zero. */
  checkedDiv(b: Uint128): Uint128 | null {
    if (b.isZero()) return null;
    if ((this.hi | b.hi) == 0) return new Uint128(this.lo / b.lo, 0);
    if (this.lt(b)) return new Uint128(0, 0);
    this.divmod(b);
    return new Uint128(load<u64>(DIV_Q), load<u64>(DIV_Q, 8));
  }
  /** Null if b is zero. */
  checkedRem(b: Uint128): Uint128 | null {
    if (b.isZero()) return null;
    if ((this.hi | b.hi) == 0) return new Uint128(this.lo % b.lo, 0);
    if (this.lt(b)) return this;
    this.divmod(b);
    return new Uint128(load<u64>(DIV_R), load<u64>(DIV_R, 8));
  }
  private divmod(b: Uint128): void {
    store<u64>(DIV_U, this.lo);
    store<u64>(DIV_U, this.hi, 8);
    store<u64>(DIV_V, b.lo);
    store<u64>(DIV_V, b.hi, 8);
    divWords(4, 4);
  }

  /** Panics "Overflow: cannot add a + b". */
  add(b: Uint128): Uint128 {
    const r = this.checkedAdd(b);
    if (r !== null) return r;
    fail2("Overflow", "add", this.toString(), "+", b.toString());
    return unreachable();
  }
  /** Panics "Underflow: cannot sub a - b". */
  sub(b: Uint128): Uint128 {
    const r = this.checkedSub(b);
    if (r !== null) return r;
    fail2("Underflow", "sub", this.toString(), "-", b.toString());
    return unreachable();
  }
  /** Panics "Overflow: cannot mul a * b". */
  mul(b: Uint128): Uint128 {
    const r = this.checkedMul(b);
    if (r !== null) return r;
    fail2("Overflow", "mul", this.toString(), "*", b.toString());
    return unreachable();
  }
  /** Floor division. Panics "Division by zero: cannot div a / 0". */
  div(b: Uint128): Uint128 {
    const r = this.checkedDiv(b);
    if (r !== null) return r;
    fail2("Division by zero", "div", this.toString(), "/", b.toString());
    return unreachable();
  }
  /** Panics "Division by zero: cannot rem a % 0". */
  rem(b: Uint128): Uint128 {
    const r = this.checkedRem(b);
    if (r !== null) return r;
    fail2("Division by zero", "rem", this.toString(), "%", b.toString());
    return unreachable();
  }
  /** Clamps at 2^128 − 1 instead of panicking. */
  saturatingAdd(b: Uint128): Uint128 {
    const r = this.checkedAdd(b);
    return r === null ? Uint128.maxValue() : r;
  }
  /** Clamps at 0 instead of panicking. */
  saturatingSub(b: Uint128): Uint128 {
    const r = this.checkedSub(b);
    return r === null ? Uint128.zero() : r;
  }

  private mulWide(b: Uint128): void {
    store<u64>(SCRATCH_A, this.lo);
    store<u64>(SCRATCH_A, this.hi, 8);
    store<u64>(SCRATCH_B, b.lo);
    store<u64>(SCRATCH_B, b.hi, 8);
    mulLimbs(SCRATCH_A, 2, SCRATCH_B, 2, MUL_P);
  }

  /** floor(this × num / den) through a 256-bit product; null if den is zero or the result exceeds 2^128 − 1. */
  checkedMulDivFloor(num: Uint128, den: Uint128): Uint128 | null {
    if (den.isZero() || !this.mulDivCore(num, den)) return null;
    return new Uint128(load<u64>(DIV_Q), load<u64>(DIV_Q, 8));
  }
  /** ceil(this × num / den) through a 256-bit product; null if den is zero or the result exceeds 2^128 − 1. */
  checkedMulDivCeil(num: Uint128, den: Uint128): Uint128 | null {
    if (den.isZero() || !this.mulDivCore(num, den)) return null;
    const q = new Uint128(load<u64>(DIV_Q), load<u64>(DIV_Q, 8));
    return anyLimb(DIV_R, 0, 2) ? q.checkedAdd(Uint128.one()) : q;
  }
  /**
   * floor(this × num / den), exact (256-bit intermediate): rounds toward zero.
   * Panics "Division by zero: cannot mulDiv a * b / 0" or "Overflow: cannot mulDiv a * b / c".
   */
  mulDivFloor(num: Uint128, den: Uint128): Uint128 {
    const r = this.checkedMulDivFloor(num, den);
    if (r !== null) return r;
    this.mulDivFail(num, den);
    return unreachable();
  }
  /** ceil(this × num / den), exact: rounds up whenever the division leaves a remainder. Panics like mulDivFloor. */
  mulDivCeil(num: Uint128, den: Uint128): Uint128 {
    const r = this.checkedMulDivCeil(num, den);
    if (r !== null) return r;
    this.mulDivFail(num, den);
    return unreachable();
  }
  /** Leaves quotient limbs in DIV_Q, remainder in DIV_R; false if the quotient needs more than 128 bits. */
  private mulDivCore(num: Uint128, den: Uint128): bool {
    this.mulWide(num);
    store<u64>(DIV_U, load<u64>(MUL_P));
    store<u64>(DIV_U, load<u64>(MUL_P, 8), 8);
    store<u64>(DIV_U, load<u64>(MUL_P, 16), 16);
    store<u64>(DIV_U, load<u64>(MUL_P, 24), 24);
    store<u64>(DIV_V, den.lo);
    store<u64>(DIV_V, den.hi, 8);
    divWords(8, 4);
    return !anyLimb(DIV_Q, 2, 4);
  }
  private mulDivFail(num: Uint128, den: Uint128): void {
    const kind = den.isZero() ? "Division by zero" : "Overflow";
    panic(kind + ": cannot mulDiv " + this.toString() + " * " + num.toString() + " / " + den.toString());
  }

  /** Logical shift left; panics "Overflow: cannot shl a << n" if a set bit would be shifted out. */
  shl(n: i32): Uint128 {
    if (this.isZero()) return this;
    if (n < 0 || n >= 128 || this.bits() + n > 128) {
      panic("Overflow: cannot shl " + this.toString() + " << " + intStr(n));
      unreachable();
    }
    if (n == 0) return this;
    if (n >= 64) return new Uint128(0, this.lo << ((n - 64) as u64));
    const s = <u64>n;
    return new Uint128(this.lo << s, (this.hi << s) | (this.lo >> (64 - s)));
  }
  /** Logical shift right (floor division by 2^n); n ≥ 128 gives zero. */
  shr(n: i32): Uint128 {
    if (n <= 0) return this;
    if (n >= 128) return new Uint128(0, 0);
    if (n >= 64) return new Uint128(this.hi >> ((n - 64) as u64), 0);
    const s = <u64>n;
    return new Uint128((this.lo >> s) | (this.hi << (64 - s)), this.hi >> s);
  }
  /** Number of significant bits (0 for zero). */
  bits(): i32 {
    if (this.hi != 0) return 128 - <i32>clz<u64>(this.hi);
    return 64 - <i32>clz<u64>(this.lo);
  }
}
