// Test-only entry: exposes contracts/std math and keccak to vitest through a string protocol.
// JS writes UTF-8 operands into `alloc`ed memory; `run` returns a pointer to [u32 length][UTF-8 text].
// Decimal operands and results travel as their atomics (integer strings) so the TS side can compare with bigint;
// panics reach JS through env.abort (built with --use abort=contracts/std/abort/cwAbort).

import { Uint128 } from "../../contracts/std/math/uint128";
import { Uint256 } from "../../contracts/std/math/uint256";
import { Decimal } from "../../contracts/std/math/decimal";
import { keccak256Raw } from "../../contracts/std/crypto/keccak";
import { panic } from "../../contracts/std/abort";

export { alloc, reset } from "./io";
import { out } from "./io";

function u128(s: string): Uint128 {
  const r = Uint128.parse(s);
  if (r !== null) return r;
  panic("harness: bad Uint128 operand '" + s + "'");
  return unreachable();
}

function u256(s: string): Uint256 {
  const r = Uint256.parse(s);
  if (r !== null) return r;
  panic("harness: bad Uint256 operand '" + s + "'");
  return unreachable();
}

function dec(s: string): Decimal {
  return Decimal.fromAtomics(u128(s));
}

function int(s: string): i32 {
  return <i32>u128(s).toU64();
}

function n128(r: Uint128 | null): string {
  return r === null ? "null" : r.toString();
}

function n256(r: Uint256 | null): string {
  return r === null ? "null" : r.toString();
}

function nDec(r: Decimal | null): string {
  return r === null ? "null" : r.atomics.toString();
}

function b(v: bool): string {
  return v ? "1" : "0";
}

function runU128(op: i32, as: string, bs: string, cs: string): string {
  switch (op) {
    case 14:
      return n128(Uint128.parse(as));
    case 16:
      return u128(as).toU64().toString();
    case 19:
      return u128(as).bits().toString();
  }
  const a = u128(as);
  switch (op) {
    case 17:
      return a.shl(int(bs)).toString();
    case 18:
      return a.shr(int(bs)).toString();
  }
  const x = u128(bs);
  switch (op) {
    case 0:
      return a.add(x).toString();
    case 1:
      return a.sub(x).toString();
    case 2:
      return a.mul(x).toString();
    case 3:
      return a.div(x).toString();
    case 4:
      return a.rem(x).toString();
    case 5:
      return n128(a.checkedAdd(x));
    case 6:
      return n128(a.checkedSub(x));
    case 7:
      return n128(a.checkedMul(x));
    case 8:
      return n128(a.checkedDiv(x));
    case 9:
      return n128(a.checkedRem(x));
    case 10:
      return a.mulDivFloor(x, u128(cs)).toString();
    case 11:
      return a.mulDivCeil(x, u128(cs)).toString();
    case 12:
      return n128(a.checkedMulDivFloor(x, u128(cs)));
    case 13:
      return n128(a.checkedMulDivCeil(x, u128(cs)));
    case 15:
      return (
        a.cmp(x).toString() +
        "," +
        b(a.eq(x)) +
        b(a.ne(x)) +
        b(a.lt(x)) +
        b(a.le(x)) +
        b(a.gt(x)) +
        b(a.ge(x)) +
        "," +
        a.min(x).toString() +
        "," +
        a.max(x).toString()
      );
    case 20:
      return a.saturatingAdd(x).toString();
    case 21:
      return a.saturatingSub(x).toString();
    case 22:
      return Uint256.fullMul(a, x).toString();
  }
  panic("harness: unknown op " + op.toString());
  return unreachable();
}

function runU256(op: i32, as: string, bs: string, cs: string): string {
  switch (op) {
    case 14:
      return n256(Uint256.parse(as));
    case 16:
      return u256(as).toU64().toString();
    case 19:
      return u256(as).bits().toString();
    case 23:
      return u256(as).toUint128().toString();
    case 24:
      return n128(u256(as).checkedToUint128());
  }
  const a = u256(as);
  switch (op) {
    case 17:
      return a.shl(int(bs)).toString();
    case 18:
      return a.shr(int(bs)).toString();
  }
  const x = u256(bs);
  switch (op) {
    case 0:
      return a.add(x).toString();
    case 1:
      return a.sub(x).toString();
    case 2:
      return a.mul(x).toString();
    case 3:
      return a.div(x).toString();
    case 4:
      return a.rem(x).toString();
    case 5:
      return n256(a.checkedAdd(x));
    case 6:
      return n256(a.checkedSub(x));
    case 7:
      return n256(a.checkedMul(x));
    case 8:
      return n256(a.checkedDiv(x));
    case 9:
      return n256(a.checkedRem(x));
    case 10:
      return a.mulDivFloor(x, u256(cs)).toString();
    case 11:
      return a.mulDivCeil(x, u256(cs)).toString();
    case 12:
      return n256(a.checkedMulDivFloor(x, u256(cs)));
    case 13:
      return n256(a.checkedMulDivCeil(x, u256(cs)));
    case 15:
      return (
        a.cmp(x).toString() +
        "," +
        b(a.eq(x)) +
        b(a.ne(x)) +
        b(a.lt(x)) +
        b(a.le(x)) +
        b(a.gt(x)) +
        b(a.ge(x)) +
        "," +
        a.min(x).toString() +
        "," +
        a.max(x).toString()
      );
  }
  panic("harness: unknown op " + op.toString());
  return unreachable();
}

function runDecimal(op: i32, as: string, bs: string): string {
  switch (op) {
    case 0:
      return nDec(Decimal.parse(as));
    case 22:
      return dec(as).toString();
    case 23:
      return nDec(Decimal.fromInt(u128(as)));
    case 24:
      return nDec(Decimal.percent(u128(as).toU64()));
    case 25:
      return nDec(Decimal.permille(u128(as).toU64()));
    case 26:
      return nDec(Decimal.bps(u128(as).toU64()));
    case 19:
      return dec(as).floor().toString();
    case 20:
      return dec(as).ceil().toString();
    case 21:
      return nDec(dec(as).fract());
    case 17:
      return nDec(Decimal.fromRatio(u128(as), u128(bs)));
    case 18:
      return nDec(Decimal.fromRatioCeil(u128(as), u128(bs)));
    case 28:
      return nDec(Decimal.fromAtomicsScaled(u128(as), <u32>int(bs)));
    case 29:
      return nDec(Decimal.checkedFromRatio(u128(as), u128(bs)));
    case 30:
      return nDec(Decimal.checkedFromRatioCeil(u128(as), u128(bs)));
  }
  const a = dec(as);
  switch (op) {
    case 13:
      return a.mulUintFloor(u128(bs)).toString();
    case 14:
      return a.mulUintCeil(u128(bs)).toString();
    case 15:
      return a.divUintFloor(u128(bs)).toString();
    case 16:
      return a.divUintCeil(u128(bs)).toString();
    case 31:
      return n128(a.checkedMulUintFloor(u128(bs)));
    case 32:
      return n128(a.checkedMulUintCeil(u128(bs)));
  }
  const x = dec(bs);
  switch (op) {
    case 1:
      return nDec(a.add(x));
    case 2:
      return nDec(a.sub(x));
    case 3:
      return nDec(a.mulFloor(x));
    case 4:
      return nDec(a.mulCeil(x));
    case 5:
      return nDec(a.divFloor(x));
    case 6:
      return nDec(a.divCeil(x));
    case 7:
      return nDec(a.checkedAdd(x));
    case 8:
      return nDec(a.checkedSub(x));
    case 9:
      return nDec(a.checkedMulFloor(x));
    case 10:
      return nDec(a.checkedMulCeil(x));
    case 11:
      return nDec(a.checkedDivFloor(x));
    case 12:
      return nDec(a.checkedDivCeil(x));
    case 27:
      return (
        a.cmp(x).toString() +
        "," +
        b(a.eq(x)) +
        b(a.ne(x)) +
        b(a.lt(x)) +
        b(a.le(x)) +
        b(a.gt(x)) +
        b(a.ge(x)) +
        "," +
        nDec(a.min(x)) +
        "," +
        nDec(a.max(x))
      );
    case 33:
      return nDec(a.mul(x));
    case 34:
      return nDec(a.div(x));
    case 35:
      return nDec(a.saturatingAdd(x));
    case 36:
      return nDec(a.saturatingSub(x));
    case 37:
      return nDec(a.absDiff(x));
  }
  panic("harness: unknown op " + op.toString());
  return unreachable();
}

/** op: 0..99 Uint128, 100..199 Uint256, 200..299 Decimal (see test/helpers/asm.ts for the codes). */
export function run(op: i32, ap: usize, al: usize, bp: usize, bl: usize, cp: usize, cl: usize): usize {
  const as = String.UTF8.decodeUnsafe(ap, al);
  const bs = String.UTF8.decodeUnsafe(bp, bl);
  const cs = String.UTF8.decodeUnsafe(cp, cl);
  if (op < 100) return out(runU128(op, as, bs, cs));
  if (op < 200) return out(runU256(op - 100, as, bs, cs));
  return out(runDecimal(op - 200, as, bs));
}

/** Writes keccak256 of [ptr, ptr + len) to a fresh 32-byte block and returns its address. */
export function keccak(ptr: usize, len: usize): usize {
  const o = heap.alloc(32);
  keccak256Raw(ptr, len, o);
  return o;
}
