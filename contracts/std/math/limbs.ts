// Word-level kernels shared by Uint128, Uint256 and Decimal: wide multiply, long division, decimal conversion.
// AS integer ops wrap silently (docs/abi.md#wrapping-integer-ops), so every carry, borrow and lost high word is tracked
// explicitly and turned into a panic or a null by the callers.

import { panic } from "../abort";

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
export const MUL_A: usize = memory.data(32);
export const MUL_B: usize = memory.data(32);

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
