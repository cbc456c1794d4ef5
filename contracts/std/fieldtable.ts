// One interpreter for the field tables scripts/codegen emits per message class: each field is a name plus a code
// (reader kind in the low byte, the field's offset in the object above it), so a class costs a static table instead
// of a call sequence per field. Fields are read in table order, the order serde reports errors in.

import { JsonObject, JsonValue, Parser } from "./json";
import { optionalField, optionalInt, requiredField } from "./fields";

export const F_STR: u32 = 0;
export const F_OPT_STR: u32 = 1;
export const F_BOOL: u32 = 2;
export const F_U8: u32 = 3;
export const F_U32: u32 = 4;
export const F_U64: u32 = 5;
export const F_I32: u32 = 6;
export const F_I64: u32 = 7;
export const F_UINT128: u32 = 8;
export const F_OPT_UINT128: u32 = 9;
export const F_UINT256: u32 = 10;
export const F_DECIMAL: u32 = 11;
export const F_OPT_DECIMAL: u32 = 12;
export const F_BINARY: u32 = 13;
export const F_OPT_BINARY: u32 = 14;
export const F_SOME_U8: u32 = 15;
export const F_SOME_U16: u32 = 16;
export const F_SOME_U32: u32 = 17;
export const F_SOME_U64: u32 = 18;
export const F_SOME_I32: u32 = 19;
export const F_SOME_I64: u32 = 20;
/** Read by the class's own `custom` function (nested classes, arrays, enums, …); missing is an error. */
export const F_CUSTOM: u32 = 21;
/** As F_CUSTOM, but absent or null leaves the field as initialised. */
export const F_OPT_CUSTOM: u32 = 22;
/** Flag: read only when the key is present (`@optional`), otherwise keep the initial value. */
export const F_IF_PRESENT: u32 = 0x80;

/** Reads a field whose kind the table cannot express; `i` is its index in the table. */
export type CustomReader = (i: i32, v: JsonValue, p: Parser, obj: usize) => void;

export function noCustomFields(i: i32, v: JsonValue, p: Parser, obj: usize): void {}

/** Rejects unknown keys, then reads every field of `names`/`codes` into the object at `obj`. */
export function readFields(
  o: JsonObject,
  p: Parser,
  obj: usize,
  names: Array<string>,
  codes: StaticArray<u32>,
  custom: CustomReader,
): void {
  p.denyUnknown(o, names);
  for (let i = 0; i < names.length; i++) {
    const key = unchecked(names[i]);
    const code = unchecked(codes[i]);
    if (code & F_IF_PRESENT && !o.has(key)) continue;
    const at = obj + (code >>> 8);
    switch (code & 0x7f) {
      case F_STR:
        store<usize>(at, changetype<usize>(o.str(key, p)));
        break;
      case F_OPT_STR:
        store<usize>(at, changetype<usize>(o.optStr(key, p)));
        break;
      case F_BOOL:
        store<bool>(at, o.bool(key, p));
        break;
      case F_U8:
        store<u8>(at, o.u8(key, p));
        break;
      case F_U32:
        store<u32>(at, o.u32(key, p));
        break;
      case F_U64:
        store<u64>(at, o.u64(key, p));
        break;
      case F_I32:
        store<i32>(at, o.i32(key, p));
        break;
      case F_I64:
        store<i64>(at, o.i64(key, p));
        break;
      case F_UINT128:
        store<usize>(at, changetype<usize>(o.uint128(key, p)));
        break;
      case F_OPT_UINT128:
        store<usize>(at, changetype<usize>(o.optUint128(key, p)));
        break;
      case F_UINT256:
        store<usize>(at, changetype<usize>(o.uint256(key, p)));
        break;
      case F_DECIMAL:
        store<usize>(at, changetype<usize>(o.decimal(key, p)));
        break;
      case F_OPT_DECIMAL:
        store<usize>(at, changetype<usize>(o.optDecimal(key, p)));
        break;
      case F_BINARY:
        store<usize>(at, changetype<usize>(o.binary(key, p)));
        break;
      case F_OPT_BINARY:
        store<usize>(at, changetype<usize>(o.optBinary(key, p)));
        break;
      case F_SOME_U8:
        store<usize>(at, changetype<usize>(optionalInt<u8>(o, key, p)));
        break;
      case F_SOME_U16:
        store<usize>(at, changetype<usize>(optionalInt<u16>(o, key, p)));
        break;
      case F_SOME_U32:
        store<usize>(at, changetype<usize>(optionalInt<u32>(o, key, p)));
        break;
      case F_SOME_U64:
        store<usize>(at, changetype<usize>(optionalInt<u64>(o, key, p)));
        break;
      case F_SOME_I32:
        store<usize>(at, changetype<usize>(optionalInt<i32>(o, key, p)));
        break;
      case F_SOME_I64:
        store<usize>(at, changetype<usize>(optionalInt<i64>(o, key, p)));
        break;
      default: {
        const v = (code & 0x7f) == F_CUSTOM ? requiredField(o, key, p) : optionalField(o, key);
        if (v !== null) custom(i, v, p, obj);
      }
    }
  }
}
