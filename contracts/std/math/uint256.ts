// 256-bit unsigned integer plus the word-level kernels (wide multiply, long division, decimal conversion) that
// Uint128 and Decimal share. AS integer ops wrap silently (cosmwasm-abi.md §7.1), so every carry, borrow and
// lost high word is tracked explicitly and turned into a panic or a null.

import { panic } from "../abort";
import { Uint128 } from "./uint128";

// ---------------------------------------------------------------------------------------------------------------
// Word kernels
// ---------------------------------------------------------------------------------------------------------------

// 64×64→128 multiply: wasm has no widening multiply, and functions cannot return two values, so the high word
// travels through a global (contracts are single-threaded, and every caller reads it right after the call).
let mulHiWord: u64 = 0;

export function mul64(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  // Each term is < 2^32, so the sum of three stays far below 2^64.
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  mulHiWord = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return (mid << 32) | (p00 & 0xffffffff);
}

/** High 64 bits of the last `mul64` product. */
export function mulHi(): u64 {
  return mulHiWord;
}

// Static scratch instead of heap objects: no allocation per operation (the stub runtime never frees), and no
// module-level `new` that would have to run in the start function.
// Division operands are little-endian u32 digits; a u64 limb stored at byte 8k is digits 2k and 2k+1.
const DIGITS_MAX = 16; // 512-bit numerators (Uint256 × Uint256 / Uint256)
export const DIV_U: usize = memory.data(DIGITS_MAX * 4 + 8);
export const DIV_V: usize = memory.data(DIGITS_MAX * 4 + 8);
export const DIV_Q: usize = memory.data(DIGITS_MAX * 4 + 8);
export const DIV_R: usize = memory.data(DIGITS_MAX * 4 + 8);
const DIV_UN: usize = memory.data(DIGITS_MAX * 4 + 8);
const DIV_VN: usize = memory.data(DIGITS_MAX * 4 + 8);
/** Product area for `mulLimbs`: 8 u64 limbs. */
export const MUL_P: usize = memory.data(64);
const MUL_A: usize = memory.data(32);
const MUL_B: usize = memory.data(32);

function dg(base: usize, i: i32): u64 {
  return <u64>load<u32>(base + ((<usize>i) << 2));
}

function setDg(base: usize, i: i32, v: u64): void {
  store<u32>(base + ((<usize>i) << 2), <u32>v);
}

/** Zeroes `n` u64 limbs at `ptr` (no memory.fill: bulk memory is disabled for CosmWasm). */
export function zeroLimbs(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<u64>(ptr + ((<usize>i) << 3), 0);
}

/**
 * Long division (Knuth TAOCP 4.3.1 algorithm D, in the Hacker's Delight `divmnu` form) on u32 digits.
 * Divides the `m`-digit number at DIV_U by the `n`-digit number at DIV_V; writes the quotient to DIV_Q and the
 * remainder to DIV_R, both zero-padded to DIGITS_MAX digits. DIV_U is left intact. The divisor must be non-zero
 * (callers check first so that the panic can name the operands).
 */
export function divWords(m: i32, n: i32): void {
  zeroLimbs(DIV_Q, DIGITS_MAX / 2);
  zeroLimbs(DIV_R, DIGITS_MAX / 2);
  while (n > 0 && dg(DIV_V, n - 1) == 0) n--;
  while (m > 0 && dg(DIV_U, m - 1) == 0) m--;
  if (n == 0) {
    panic("Division by zero");
    unreachable();
  }
  if (m < n) {
    for (let i = 0; i < m; i++) setDg(DIV_R, i, dg(DIV_U, i));
    return;
  }
  if (n == 1) {
    // Single-digit divisor: schoolbook short division, remainder < 2^32 so (r << 32 | digit) fits in u64.
    const d = dg(DIV_V, 0);
    let r: u64 = 0;
    for (let j = m - 1; j >= 0; j--) {
      const t = (r << 32) | dg(DIV_U, j);
      const q = t / d;
      setDg(DIV_Q, j, q);
      r = t - q * d;
    }
    setDg(DIV_R, 0, r);
    return;
  }
  // Normalise so the divisor's top digit has its high bit set; then each trial quotient is off by at most 2.
  // Shifts go through u64 so that s == 0 (a right shift by 32) yields 0 instead of wasm's shift-count-mod-32.
  const s = <u64>clz<u32>(<u32>dg(DIV_V, n - 1));
  for (let i = n - 1; i > 0; i--) setDg(DIV_VN, i, (dg(DIV_V, i) << s) | (dg(DIV_V, i - 1) >> (32 - s)));
  setDg(DIV_VN, 0, dg(DIV_V, 0) << s);
  setDg(DIV_UN, m, dg(DIV_U, m - 1) >> (32 - s));
  for (let i = m - 1; i > 0; i--) setDg(DIV_UN, i, (dg(DIV_U, i) << s) | (dg(DIV_U, i - 1) >> (32 - s)));
  setDg(DIV_UN, 0, dg(DIV_U, 0) << s);

  const B: u64 = 0x100000000;
  const vTop = dg(DIV_VN, n - 1);
  const vNext = dg(DIV_VN, n - 2);
  for (let j = m - n; j >= 0; j--) {
    const num = (dg(DIV_UN, j + n) << 32) | dg(DIV_UN, j + n - 1);
    let qhat = num / vTop;
    let rhat = num - qhat * vTop;
    // `||` short-circuits, so qhat < B and rhat < B whenever the products below are formed: no u64 overflow.
    while (qhat >= B || qhat * vNext > ((rhat << 32) | dg(DIV_UN, j + n - 2))) {
      qhat--;
      rhat += vTop;
      if (rhat >= B) break;
    }
    // Multiply and subtract qhat × divisor from the current window; k is the signed borrow.
    let k: i64 = 0;
    let t: i64 = 0;
    for (let i = 0; i < n; i++) {
      const p = qhat * dg(DIV_VN, i);
      t = <i64>dg(DIV_UN, i + j) - k - <i64>(p & 0xffffffff);
      setDg(DIV_UN, i + j, <u64>t);
      k = <i64>(p >> 32) - (t >> 32);
    }
    t = <i64>dg(DIV_UN, j + n) - k;
    setDg(DIV_UN, j + n, <u64>t);
    if (t < 0) {
      // qhat was one too large (rare): add the divisor back.
      qhat--;
      let c: u64 = 0;
      for (let i = 0; i < n; i++) {
        const sum = dg(DIV_UN, i + j) + dg(DIV_VN, i) + c;
        setDg(DIV_UN, i + j, sum);
        c = sum >> 32;
      }
      setDg(DIV_UN, j + n, dg(DIV_UN, j + n) + c);
    }
    setDg(DIV_Q, j, qhat);
  }
  for (let i = 0; i < n - 1; i++) setDg(DIV_R, i, (dg(DIV_UN, i) >> s) | (dg(DIV_UN, i + 1) << (32 - s)));
  setDg(DIV_R, n - 1, dg(DIV_UN, n - 1) >> s);
}

/** True if any of the u64 limbs [from, to) at `ptr` is non-zero. */
export function anyLimb(ptr: usize, from: i32, to: i32): bool {
  for (let i = from; i < to; i++) if (load<u64>(ptr + ((<usize>i) << 3)) != 0) return true;
  return false;
}

/**
 * Full product of the `an`-limb number at `a` and the `bn`-limb number at `b` into `an + bn` limbs at `out`
 * (which must not overlap the inputs). Schoolbook; each partial sum hi + carries ≤ 2^128 − 1, so no carry is lost.
 */
export function mulLimbs(a: usize, an: i32, b: usize, bn: i32, out: usize): void {
  zeroLimbs(out, an + bn);
  for (let i = 0; i < an; i++) {
    const ai = load<u64>(a + ((<usize>i) << 3));
    if (ai == 0) continue;
    let carry: u64 = 0;
    for (let j = 0; j < bn; j++) {
      const at = out + ((<usize>(i + j)) << 3);
      const lo = mul64(ai, load<u64>(b + ((<usize>j) << 3)));
      let hi = mulHi();
      const s1 = lo + load<u64>(at);
      hi += <u64>(s1 < lo);
      const s2 = s1 + carry;
      hi += <u64>(s2 < s1);
      store<u64>(at, s2);
      carry = hi;
    }
    store<u64>(out + ((<usize>(i + bn)) << 3), carry);
  }
}

const CHUNK: u64 = 1000000000; // 10^9: the largest power of ten below 2^32, so short division stays in u64
const STR_BUF: usize = memory.data(80); // 2^256 − 1 has 78 digits
const TEN_POW = memory.data<u64>([
  1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000, 1000000000000,
  10000000000000, 100000000000000, 1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000,
  10000000000000000000,
]);

/** 10^n for n in 0..=19. */
export function pow10u64(n: i32): u64 {
  return load<u64>(TEN_POW + ((<usize>n) << 3));
}

/** Decimal text of the `limbs`-limb number at `ptr`. Destroys the number (divides it down to zero in place). */
export function limbsToString(ptr: usize, limbs: i32): string {
  let digits = limbs * 2;
  let pos = 80;
  while (digits > 0 && dg(ptr, digits - 1) == 0) digits--;
  if (digits == 0) return "0";
  while (digits > 0) {
    let r: u64 = 0;
    for (let j = digits - 1; j >= 0; j--) {
      const t = (r << 32) | dg(ptr, j);
      const q = t / CHUNK;
      setDg(ptr, j, q);
      r = t - q * CHUNK;
    }
    while (digits > 0 && dg(ptr, digits - 1) == 0) digits--;
    // Full 9-digit chunks except the most significant one, which gets no leading zeros.
    for (let k = 0; k < 9; k++) {
      if (digits == 0 && r == 0) break;
      pos--;
      store<u8>(STR_BUF + <usize>pos, <u8>(48 + (r % 10)));
      r /= 10;
    }
  }
  const len = 80 - pos;
  const out = changetype<string>(__new((<usize>len) << 1, idof<string>()));
  for (let i = 0; i < len; i++) {
    store<u16>(changetype<usize>(out) + ((<usize>i) << 1), <u16>load<u8>(STR_BUF + <usize>(pos + i)));
  }
  return out;
}

/**
 * Parses s[start, end) as unsigned decimal digits into `limbs` u64 limbs at `ptr`. Like Rust's `u128::from_str`
 * except that a sign is rejected: at least one digit, ASCII 0-9 only, leading zeros allowed. Returns false on an
 * empty range, a non-digit or a value that does not fit.
 */
export function parseLimbs(s: string, start: i32, end: i32, ptr: usize, limbs: i32): bool {
  if (start < 0 || end > s.length || start >= end) return false;
  zeroLimbs(ptr, limbs);
  let i = start;
  while (i < end) {
    // Up to 19 digits at a time fit in u64; then limbs = limbs × 10^k + chunk.
    let chunk: u64 = 0;
    let k = 0;
    while (i < end && k < 19) {
      const c = <u32>s.charCodeAt(i) - 48;
      if (c > 9) return false;
      chunk = chunk * 10 + <u64>c;
      i++;
      k++;
    }
    const mul = pow10u64(k);
    let carry = chunk;
    for (let l = 0; l < limbs; l++) {
      const at = ptr + ((<usize>l) << 3);
      const lo = mul64(load<u64>(at), mul);
      const hi = mulHi();
      const sum = lo + carry;
      store<u64>(at, sum);
      carry = hi + <u64>(sum < lo);
    }
    if (carry != 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Uint256
// ---------------------------------------------------------------------------------------------------------------

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
      panic("Overflow: cannot shl " + this.toString() + " << " + n.toString());
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
