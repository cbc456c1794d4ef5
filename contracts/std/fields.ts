// Field access for the parsers that scripts/codegen generates from each contract's msg.ts: serde's errors for a
// missing field and for a string outside an `@enum` list.

import { JsonObject, JsonValue, Parser } from "./json";
import { Some } from "./some";
import { joinWith } from "./strings";

/** The value of a required field (an explicit null included, so the reader reports its type); null when absent. */
export function requiredField(o: JsonObject, key: string, p: Parser): JsonValue | null {
  const v = o.get(key);
  if (v === null) {
    const owner = o.owner;
    const path = owner === null ? "" : owner.path();
    p.fail("missing field `" + key + "`" + (path.length == 0 ? "" : " at `" + path + "`"));
  }
  return v;
}

/** The value of an optional field: null when absent or null (serde's view of an `Option`). */
export function optionalField(o: JsonObject, key: string): JsonValue | null {
  return o.has(key) ? o.get(key) : null;
}

/** A string restricted to `allowed` (an `@enum` field). */
export function readOneOf(v: JsonValue, allowed: Array<string>, p: Parser): string {
  const s = p.str(v);
  if (!p.failed() && !allowed.includes(s)) p.invalidValue(v, "one of `" + joinWith(allowed, "`, `") + "`");
  return s;
}

export function readU16(v: JsonValue, p: Parser): u16 {
  const n = p.u32(v);
  if (!p.failed() && n > 0xffff) p.invalidValue(v, "u16");
  return <u16>n;
}

/** An optional integer field (`Some<T> | null`): null when absent or null. One call per field keeps parsers small. */
export function optionalInt<T>(o: JsonObject, key: string, p: Parser): Some<T> | null {
  const v = optionalField(o, key);
  if (v === null) return null;
  if (isSigned<T>()) return new Some<T>(sizeof<T>() == 8 ? <T>p.i64(v) : <T>p.i32(v));
  if (sizeof<T>() == 1) return new Some<T>(<T>p.u8(v));
  if (sizeof<T>() == 2) return new Some<T>(<T>readU16(v, p));
  if (sizeof<T>() == 4) return new Some<T>(<T>p.u32(v));
  return new Some<T>(<T>p.u64(v));
}
