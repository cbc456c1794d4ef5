// Math and crypto operations shared by the execute and query sides of the probe.

import { Decimal, JsonObject, Parser, Uint128, fromHex, keccak256, toHex } from "../../contracts/std";

/** The result as text, "none" for a checked op that failed; "" with `p` failed on bad input. */
export function u128Op(o: JsonObject, p: Parser): string {
  p.denyUnknown(o, ["op", "a", "b", "c"]);
  const op = o.str("op", p);
  const a = o.uint128("a", p);
  const b = o.uint128("b", p);
  const c = o.optUint128("c", p);
  if (p.failed()) return "";
  if (op == "add") return a.add(b).toString();
  if (op == "sub") return a.sub(b).toString();
  if (op == "mul") return a.mul(b).toString();
  if (op == "div") return a.div(b).toString();
  if (op == "rem") return a.rem(b).toString();
  if (op == "checked_add") return orNone(a.checkedAdd(b));
  if (op == "checked_sub") return orNone(a.checkedSub(b));
  if (op == "checked_mul") return orNone(a.checkedMul(b));
  if (op == "checked_div") return orNone(a.checkedDiv(b));
  if (op == "mul_div_floor" || op == "mul_div_ceil") {
    if (c === null) {
      p.fail("missing field `c`");
      return "";
    }
    return op == "mul_div_floor" ? a.mulDivFloor(b, c).toString() : a.mulDivCeil(b, c).toString();
  }
  p.fail("unknown variant `" + op + "` for op");
  return "";
}

function orNone(u: Uint128 | null): string {
  return u === null ? "none" : u.toString();
}

function decOrNone(d: Decimal | null): string {
  return d === null ? "none" : d.toString();
}

export function decOp(o: JsonObject, p: Parser): string {
  p.denyUnknown(o, ["op", "a", "b"]);
  const op = o.str("op", p);
  const a = o.decimal("a", p);
  const b = o.decimal("b", p);
  if (p.failed()) return "";
  if (op == "add") return a.add(b).toString();
  if (op == "sub") return a.sub(b).toString();
  if (op == "mul") return a.mul(b).toString();
  if (op == "div") return a.div(b).toString();
  if (op == "checked_add") return decOrNone(a.checkedAdd(b));
  if (op == "checked_sub") return decOrNone(a.checkedSub(b));
  if (op == "checked_mul") return decOrNone(a.checkedMul(b));
  if (op == "checked_div") return decOrNone(a.checkedDiv(b));
  p.fail("unknown variant `" + op + "` for op");
  return "";
}

export function keccakOp(o: JsonObject, p: Parser): string {
  p.denyUnknown(o, ["data_hex"]);
  const data = hexField(o, "data_hex", p);
  if (p.failed()) return "";
  return toHex(keccak256(data));
}

export function hexField(o: JsonObject, key: string, p: Parser): Uint8Array {
  const s = o.str(key, p);
  if (p.failed()) return new Uint8Array(0);
  const b = fromHex(s);
  if (b === null) {
    p.fail("invalid hex in `" + key + "`");
    return new Uint8Array(0);
  }
  return b;
}
