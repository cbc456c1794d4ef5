// 256-bit unsigned integer, for wide products and quotients of 128-bit amounts. AS integer ops wrap silently
// (docs/abi.md#wrapping-integer-ops), so every carry, borrow and lost high word is tracked explicitly and turned into a panic
// or a null.

import { panic } from "../abort";
import { Uint128 } from "./uint128";
import {
  anyLimb,
  DIV_Q,
  DIV_R,
  DIV_U,
  DIV_V,
  divWords,
  limbsToString,
  MUL_A,
  MUL_B,
  MUL_P,
  mulLimbs,
  parseLimbs,
  zeroLimbs,
} from "./limbs";
import { intStr } from "../strings";

// ---------------------------------------------------------------------------------------------------------------
// Uint256
// ---------------------------------------------------------------------------------------------------------------

const FULL_MUL_A: usize = memory.data(16);
const FULL_MUL_B: usize = memory.data(16);

function fail2(kind: string, op: string, a: string, sym: string, b: string): void {
  panic(kind + ": cannot " + op + " " + a + " " + sym + " " + b);
}

/** Immutable 256-bit unsigned integer (limbs little-endian: l0 is the least significant). For wide products. */
@final
export class Uint256 {
  readonly l0: u64;
  readonly l1: u64;
  readonly l2: u64;
  readonly l3: u64;

  constructor(l0: u64 = 0, l1: u64 = 0, l2: u64 = 0, l3: u64 = 0) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  static zero(): Uint256 {
    return new Uint256();
  }
  static one(): Uint256 {
    return new Uint256(1);
  }
  /** 2^256 − 1. */
  static maxValue(): Uint256 {
    return new Uint256(u64.MAX_VALUE, u64.MAX_VALUE, u64.MAX_VALUE, u64.MAX_VALUE);
  }
  static fromU64(n: u64): Uint256 {
    return new Uint256(n);
  }
  static fromUint128(n: Uint128): Uint256 {
    return new Uint256(n.lo, n.hi);
  }
  /** The exact product of two Uint128 (never overflows). Here rather than on Uint128 so uint128.ts needs no Uint256. */
  static fullMul(a: Uint128, b: Uint128): Uint256 {
    store<u64>(FULL_MUL_A, a.lo);
    store<u64>(FULL_MUL_A, a.hi, 8);
    store<u64>(FULL_MUL_B, b.lo);
    store<u64>(FULL_MUL_B, b.hi, 8);
    mulLimbs(FULL_MUL_A, 2, FULL_MUL_B, 2, MUL_P);
    return Uint256.fromLimbs(MUL_P);
  }
  /** Reads 4 limbs at `ptr` (internal: results of the word kernels). */
  static fromLimbs(ptr: usize): Uint256 {
    return new Uint256(load<u64>(ptr), load<u64>(ptr, 8), load<u64>(ptr, 16), load<u64>(ptr, 24));
  }
  /** Writes the 4 limbs to `ptr`. */
  storeLimbs(ptr: usize): void {
    store<u64>(ptr, this.l0);
    store<u64>(ptr, this.l1, 8);
    store<u64>(ptr, this.l2, 16);
    store<u64>(ptr, this.l3, 24);
  }

  /** Decimal digits only (see `parseLimbs`); null on empty input, any other character, or > 2^256 − 1. */
  static parse(s: string): Uint256 | null {
    return Uint256.parseRange(s, 0, s.length);
  }
  /** `parse` on s[start, end) without allocating a substring. */
  static parseRange(s: string, start: i32, end: i32): Uint256 | null {
    if (!parseLimbs(s, start, end, MUL_A, 4)) return null;
    return Uint256.fromLimbs(MUL_A);
  }

  toString(): string {
    this.storeLimbs(MUL_A);
    return limbsToString(MUL_A, 4);
  }

  isZero(): bool {
    return (this.l0 | this.l1 | this.l2 | this.l3) == 0;
  }
  /** -1, 0 or 1. */
  cmp(b: Uint256): i32 {
    if (this.l3 != b.l3) return this.l3 < b.l3 ? -1 : 1;
    if (this.l2 != b.l2) return this.l2 < b.l2 ? -1 : 1;
    if (this.l1 != b.l1) return this.l1 < b.l1 ? -1 : 1;
    if (this.l0 != b.l0) return this.l0 < b.l0 ? -1 : 1;
    return 0;
  }
  eq(b: Uint256): bool {
    return this.l0 == b.l0 && this.l1 == b.l1 && this.l2 == b.l2 && this.l3 == b.l3;
  }
  ne(b: Uint256): bool {
    return !this.eq(b);
  }
  lt(b: Uint256): bool {
    return this.cmp(b) < 0;
  }
  le(b: Uint256): bool {
    return this.cmp(b) <= 0;
  }
  gt(b: Uint256): bool {
    return this.cmp(b) > 0;
  }
  ge(b: Uint256): bool {
    return this.cmp(b) >= 0;
  }
  min(b: Uint256): Uint256 {
    return this.cmp(b) <= 0 ? this : b;
  }
  max(b: Uint256): Uint256 {
    return this.cmp(b) >= 0 ? this : b;
  }

  fitsU64(): bool {
    return (this.l1 | this.l2 | this.l3) == 0;
  }
  fitsUint128(): bool {
    return (this.l2 | this.l3) == 0;
  }
  /** Panics "Overflow: cannot convert <x> to u64" if it does not fit. */
  toU64(): u64 {
    if (!this.fitsU64()) {
      panic("Overflow: cannot convert " + this.toString() + " to u64");
      unreachable();
    }
    return this.l0;
  }
  /** Panics "Overflow: cannot convert <x> to Uint128" if it does not fit. */
  toUint128(): Uint128 {
    if (!this.fitsUint128()) {
      panic("Overflow: cannot convert " + this.toString() + " to Uint128");
      unreachable();
    }
    return new Uint128(this.l0, this.l1);
  }
  checkedToUint128(): Uint128 | null {
    return this.fitsUint128() ? new Uint128(this.l0, this.l1) : null;
  }

  checkedAdd(b: Uint256): Uint256 | null {
    const s0 = this.l0 + b.l0;
    let c = <u64>(s0 < this.l0);
    const t1 = this.l1 + b.l1;
    let c1 = <u64>(t1 < this.l1);
    const s1 = t1 + c;
    c = c1 | (<u64>(s1 < t1));
    const t2 = this.l2 + b.l2;
    c1 = <u64>(t2 < this.l2);
    const s2 = t2 + c;
    c = c1 | (<u64>(s2 < t2));
    const t3 = this.l3 + b.l3;
    c1 = <u64>(t3 < this.l3);
    const s3 = t3 + c;
    c = c1 | (<u64>(s3 < t3));
    if (c != 0) return null;
    return new Uint256(s0, s1, s2, s3);
  }
  checkedSub(b: Uint256): Uint256 | null {
    if (this.lt(b)) return null;
    // this ≥ b, so the final borrow is zero; only the inner borrows need tracking.
    const d0 = this.l0 - b.l0;
    let bw = <u64>(this.l0 < b.l0);
    const t1 = this.l1 - b.l1;
    let b1 = <u64>(this.l1 < b.l1);
    const d1 = t1 - bw;
    bw = b1 | (<u64>(t1 < bw));
    const t2 = this.l2 - b.l2;
    b1 = <u64>(this.l2 < b.l2);
    const d2 = t2 - bw;
    bw = b1 | (<u64>(t2 < bw));
    const d3 = this.l3 - b.l3 - bw;
    return new Uint256(d0, d1, d2, d3);
  }
  checkedMul(b: Uint256): Uint256 | null {
    this.storeLimbs(MUL_A);
    b.storeLimbs(MUL_B);
    mulLimbs(MUL_A, 4, MUL_B, 4, MUL_P);
    if (anyLimb(MUL_P, 4, 8)) return null;
    return Uint256.fromLimbs(MUL_P);
  }
  /** Floor division; null if b is zero. */
  checkedDiv(b: Uint256): Uint256 | null {
    if (b.isZero()) return null;
    this.divmod(b);
    return Uint256.fromLimbs(DIV_Q);
  }
  checkedRem(b: Uint256): Uint256 | null {
    if (b.isZero()) return null;
    this.divmod(b);
    return Uint256.fromLimbs(DIV_R);
  }
  private divmod(b: Uint256): void {
    this.storeLimbs(DIV_U);
    b.storeLimbs(DIV_V);
    divWords(8, 8);
  }

  /** Panics "Overflow: cannot add a + b". */
  add(b: Uint256): Uint256 {
    const r = this.checkedAdd(b);
    if (r !== null) return r;
    fail2("Overflow", "add", this.toString(), "+", b.toString());
    return unreachable();
  }
  /** Panics "Underflow: cannot sub a - b". */
  sub(b: Uint256): Uint256 {
    const r = this.checkedSub(b);
    if (r !== null) return r;
    fail2("Underflow", "sub", this.toString(), "-", b.toString());
    return unreachable();
  }
  /** Panics "Overflow: cannot mul a * b". */
  mul(b: Uint256): Uint256 {
    const r = this.checkedMul(b);
    if (r !== null) return r;
    fail2("Overflow", "mul", this.toString(), "*", b.toString());
    return unreachable();
  }
  /** Floor division. Panics "Division by zero: cannot div a / 0". */
  div(b: Uint256): Uint256 {
    const r = this.checkedDiv(b);
    if (r !== null) return r;
    fail2("Division by zero", "div", this.toString(), "/", b.toString());
    return unreachable();
  }
  /** Panics "Division by zero: cannot rem a % 0". */
  rem(b: Uint256): Uint256 {
    const r = this.checkedRem(b);
    if (r !== null) return r;
    fail2("Division by zero", "rem", this.toString(), "%", b.toString());
    return unreachable();
  }

  /** floor(this × num / den) with a 512-bit intermediate; null if den is zero or the result exceeds 2^256 − 1. */
  checkedMulDivFloor(num: Uint256, den: Uint256): Uint256 | null {
    if (den.isZero() || !this.mulDivCore(num, den)) return null;
    return Uint256.fromLimbs(DIV_Q);
  }
  /** ceil(this × num / den) with a 512-bit intermediate; null if den is zero or the result exceeds 2^256 − 1. */
  checkedMulDivCeil(num: Uint256, den: Uint256): Uint256 | null {
    if (den.isZero() || !this.mulDivCore(num, den)) return null;
    const q = Uint256.fromLimbs(DIV_Q);
    return anyLimb(DIV_R, 0, 4) ? q.checkedAdd(Uint256.one()) : q;
  }
  /** Rounds down. Panics "Division by zero: cannot mulDiv a * b / 0" or "Overflow: cannot mulDiv a * b / c". */
  mulDivFloor(num: Uint256, den: Uint256): Uint256 {
    const r = this.checkedMulDivFloor(num, den);
    if (r !== null) return r;
    this.mulDivFail(num, den);
    return unreachable();
  }
  /** Rounds up. Panics like `mulDivFloor`. */
  mulDivCeil(num: Uint256, den: Uint256): Uint256 {
    const r = this.checkedMulDivCeil(num, den);
    if (r !== null) return r;
    this.mulDivFail(num, den);
    return unreachable();
  }
  private mulDivCore(num: Uint256, den: Uint256): bool {
    this.storeLimbs(MUL_A);
    num.storeLimbs(MUL_B);
    mulLimbs(MUL_A, 4, MUL_B, 4, DIV_U);
    zeroLimbs(DIV_V, 8);
    den.storeLimbs(DIV_V);
    divWords(16, 8);
    return !anyLimb(DIV_Q, 4, 8);
  }
  private mulDivFail(num: Uint256, den: Uint256): void {
    const kind = den.isZero() ? "Division by zero" : "Overflow";
    panic(kind + ": cannot mulDiv " + this.toString() + " * " + num.toString() + " / " + den.toString());
  }

  /** Logical shift left; panics "Overflow: cannot shl a << n" if a set bit would be shifted out. */
  shl(n: i32): Uint256 {
    if (this.isZero()) return this;
    if (n < 0 || n >= 256 || this.bits() + n > 256) {
      panic("Overflow: cannot shl " + this.toString() + " << " + intStr(n));
      unreachable();
    }
    this.storeLimbs(MUL_A);
    zeroLimbs(MUL_B, 4);
    const w = n >> 6;
    const s = <u64>(n & 63);
    for (let i = 3; i >= w; i--) {
      let v = load<u64>(MUL_A + ((<usize>(i - w)) << 3)) << s;
      if (s != 0 && i - w - 1 >= 0) v |= load<u64>(MUL_A + ((<usize>(i - w - 1)) << 3)) >> (64 - s);
      store<u64>(MUL_B + ((<usize>i) << 3), v);
    }
    return Uint256.fromLimbs(MUL_B);
  }
  /** Logical shift right (floor division by 2^n); n ≥ 256 gives zero. */
  shr(n: i32): Uint256 {
    if (n <= 0) return this;
    if (n >= 256) return Uint256.zero();
    this.storeLimbs(MUL_A);
    zeroLimbs(MUL_B, 4);
    const w = n >> 6;
    const s = <u64>(n & 63);
    for (let i = 0; i + w < 4; i++) {
      let v = load<u64>(MUL_A + ((<usize>(i + w)) << 3)) >> s;
      if (s != 0 && i + w + 1 < 4) v |= load<u64>(MUL_A + ((<usize>(i + w + 1)) << 3)) << (64 - s);
      store<u64>(MUL_B + ((<usize>i) << 3), v);
    }
    return Uint256.fromLimbs(MUL_B);
  }
  /** Number of significant bits (0 for zero). */
  bits(): i32 {
    if (this.l3 != 0) return 256 - <i32>clz<u64>(this.l3);
    if (this.l2 != 0) return 192 - <i32>clz<u64>(this.l2);
    if (this.l1 != 0) return 128 - <i32>clz<u64>(this.l1);
    return 64 - <i32>clz<u64>(this.l0);
  }
}
