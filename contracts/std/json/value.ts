// The parsed tree (JsonValue, JsonObject) and the typed readers over it (Parser). Numbers stay as their raw text
// and are converted only by the typed readers, so u64/i64 and 128-bit amounts never pass through f64. Errors are
// collected in a Parser (first error wins) instead of trapping, and read like serde's so contract errors look like
// cosmwasm's.

import { Uint128 } from "../math/uint128";
import { Uint256 } from "../math/uint256";
import { Decimal } from "../math/decimal";
import { fromBase64 } from "../encoding";
import { Coin } from "../coin";
import { concatAll, intStr, joinWith } from "../strings";

export enum JsonKind {
  Null,
  Bool,
  Number,
  String,
  Array,
  Object,
}

export class JsonValue {
  kind: JsonKind = JsonKind.Null;
  /** String contents (unescaped) or the number's raw text. */
  text: string = "";
  boolValue: bool = false;
  items: Array<JsonValue> | null = null;
  object: JsonObject | null = null;
  // Where the value sits, for error paths; computed only when an error is reported.
  parent: JsonValue | null = null;
  key: string = "";
  index: i32 = -1;
  isRoot: bool = true;
  // The source slice, for raw().
  source: string = "";
  start: i32 = 0;
  end: i32 = 0;

  isNull(): bool {
    return this.kind == JsonKind.Null;
  }
  isObject(): bool {
    return this.kind == JsonKind.Object;
  }
  isArray(): bool {
    return this.kind == JsonKind.Array;
  }
  isString(): bool {
    return this.kind == JsonKind.String;
  }
  isNumber(): bool {
    return this.kind == JsonKind.Number;
  }
  asObject(): JsonObject | null {
    return this.kind == JsonKind.Object ? this.object : null;
  }
  asArray(): Array<JsonValue> | null {
    return this.kind == JsonKind.Array ? this.items : null;
  }
  asString(): string | null {
    return this.kind == JsonKind.String ? this.text : null;
  }
  /** The exact JSON text of this value as it appeared in the input. */
  raw(): string {
    return this.source.substring(this.start, this.end);
  }

  /** `a.b[2].c`, relative to the nearest root (a message, or a variant body). */
  path(): string {
    const parts = new Array<string>();
    let v: JsonValue | null = this;
    while (v !== null && !v.isRoot) {
      if (v.index >= 0) parts.unshift("[" + intStr(v.index) + "]");
      else {
        const p = v.parent;
        const needDot = p !== null && !p.isRoot;
        parts.unshift(needDot ? "." + v.key : v.key);
      }
      v = v.parent;
    }
    return concatAll(parts);
  }

  /** serde's "unexpected" wording for invalid-type errors. */
  describe(): string {
    switch (this.kind) {
      case JsonKind.Null:
        return "null";
      case JsonKind.Bool:
        return this.boolValue ? "boolean `true`" : "boolean `false`";
      case JsonKind.Number:
        return isIntegerText(this.text) ? "integer `" + this.text + "`" : "floating point `" + this.text + "`";
      case JsonKind.String:
        return 'string "' + this.text + '"';
      case JsonKind.Array:
        return "sequence";
      default:
        return "map";
    }
  }
}

export class JsonObject {
  keys: Array<string> = new Array<string>();
  values: Array<JsonValue> = new Array<JsonValue>();
  owner: JsonValue | null = null;

  /** The field's value, including an explicit null; null when absent. */
  get(key: string): JsonValue | null {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] == key) return this.values[i];
    return null;
  }
  /** Present and not null (serde's view of an `Option` field). */
  has(key: string): bool {
    return this.present(key) !== null;
  }
  /** The field's value when present and not null, else null: one lookup and no `!` check for the opt* readers. */
  present(key: string): JsonValue | null {
    const v = this.get(key);
    return v !== null && v.kind != JsonKind.Null ? v : null;
  }
  /** Present at all, even as null. */
  contains(key: string): bool {
    return this.get(key) !== null;
  }
  /** The object's JSON text as it appeared in the input ("{}" for one built in code). */
  raw(): string {
    const o = this.owner;
    return o === null ? "{}" : o.raw();
  }
  get size(): i32 {
    return this.keys.length;
  }

  private need(key: string, p: Parser): JsonValue | null {
    const v = this.get(key);
    if (v === null) p.fail("missing field `" + key + "`" + at(this.owner));
    return v;
  }

  str(key: string, p: Parser): string {
    const v = this.need(key, p);
    return v === null ? "" : p.str(v);
  }
  optStr(key: string, p: Parser): string | null {
    const v = this.present(key);
    return v === null ? null : p.str(v);
  }
  /** A string of at most `maxBytes` UTF-8 bytes, e.g. an id that becomes a storage key (see Parser.strMax). */
  strMax(key: string, maxBytes: i32, p: Parser): string {
    const v = this.need(key, p);
    return v === null ? "" : p.strMax(v, maxBytes);
  }
  optStrMax(key: string, maxBytes: i32, p: Parser): string | null {
    const v = this.present(key);
    return v === null ? null : p.strMax(v, maxBytes);
  }
  bool(key: string, p: Parser): bool {
    const v = this.need(key, p);
    return v === null ? false : p.bool(v);
  }
  optBool(key: string, p: Parser, dflt: bool): bool {
    const v = this.present(key);
    return v !== null ? p.bool(v) : dflt;
  }
  u64(key: string, p: Parser): u64 {
    const v = this.need(key, p);
    return v === null ? 0 : p.u64(v);
  }
  optU64(key: string, p: Parser): u64 {
    const v = this.present(key);
    return v !== null ? p.u64(v) : 0;
  }
  u32(key: string, p: Parser): u32 {
    const v = this.need(key, p);
    return v === null ? 0 : p.u32(v);
  }
  optU32(key: string, p: Parser): u32 {
    const v = this.present(key);
    return v !== null ? p.u32(v) : 0;
  }
  u8(key: string, p: Parser): u8 {
    const v = this.need(key, p);
    return v === null ? 0 : p.u8(v);
  }
  i64(key: string, p: Parser): i64 {
    const v = this.need(key, p);
    return v === null ? 0 : p.i64(v);
  }
  optI64(key: string, p: Parser): i64 {
    const v = this.present(key);
    return v !== null ? p.i64(v) : 0;
  }
  i32(key: string, p: Parser): i32 {
    const v = this.need(key, p);
    return v === null ? 0 : p.i32(v);
  }
  optI32(key: string, p: Parser): i32 {
    const v = this.present(key);
    return v !== null ? p.i32(v) : 0;
  }
  /** cosmwasm `Uint64`: a decimal string. */
  u64Str(key: string, p: Parser): u64 {
    const v = this.need(key, p);
    return v === null ? 0 : p.u64Str(v);
  }
  uint128(key: string, p: Parser): Uint128 {
    const v = this.need(key, p);
    return v === null ? Uint128.zero() : p.uint128(v);
  }
  optUint128(key: string, p: Parser): Uint128 | null {
    const v = this.present(key);
    return v !== null ? p.uint128(v) : null;
  }
  uint256(key: string, p: Parser): Uint256 {
    const v = this.need(key, p);
    return v === null ? Uint256.zero() : p.uint256(v);
  }
  decimal(key: string, p: Parser): Decimal {
    const v = this.need(key, p);
    return v === null ? Decimal.zero() : p.decimal(v);
  }
  optDecimal(key: string, p: Parser): Decimal | null {
    const v = this.present(key);
    return v !== null ? p.decimal(v) : null;
  }
  binary(key: string, p: Parser): Uint8Array {
    const v = this.need(key, p);
    return v === null ? new Uint8Array(0) : p.binary(v);
  }
  optBinary(key: string, p: Parser): Uint8Array | null {
    const v = this.present(key);
    return v !== null ? p.binary(v) : null;
  }
  obj(key: string, p: Parser): JsonObject {
    const v = this.need(key, p);
    return v === null ? new JsonObject() : p.obj(v);
  }
  optObj(key: string, p: Parser): JsonObject | null {
    const v = this.present(key);
    return v !== null ? p.obj(v) : null;
  }
  arr(key: string, p: Parser): Array<JsonValue> {
    const v = this.need(key, p);
    return v === null ? new Array<JsonValue>() : p.arr(v);
  }
  optArr(key: string, p: Parser): Array<JsonValue> | null {
    const v = this.present(key);
    return v !== null ? p.arr(v) : null;
  }
  coins(key: string, p: Parser): Array<Coin> {
    const v = this.need(key, p);
    return v === null ? new Array<Coin>() : p.coins(v);
  }
  optCoins(key: string, p: Parser): Array<Coin> {
    const v = this.present(key);
    return v !== null ? p.coins(v) : new Array<Coin>();
  }
}

function at(v: JsonValue | null): string {
  if (v === null) return "";
  const path = v.path();
  return path.length == 0 ? "" : " at `" + path + "`";
}

function isIntegerText(t: string): bool {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c == 46 || c == 101 || c == 69) return false; // . e E
  }
  return true;
}

/** Digits only (no sign) → u64; null on a non-digit or overflow. Boxed because AS has no nullable u64. */
function digitsToU64(t: string, from: i32): U64Box | null {
  if (from >= t.length) return null;
  let n: u64 = 0;
  for (let i = from; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    const d = <u64>(c - 48);
    if (n > (U64.MAX_VALUE - d) / 10) return null;
    n = n * 10 + d;
  }
  return new U64Box(n);
}

class U64Box {
  constructor(public value: u64) {}
}

/** Error collector shared by everything that reads one message. The first error wins. */
export class Parser {
  error: string | null = null;
  constructor(public typeName: string = "") {}

  fail(msg: string): void {
    if (this.error !== null) return;
    this.error = this.typeName.length > 0 ? "Error parsing into type " + this.typeName + ": " + msg : msg;
  }
  failed(): bool {
    return this.error !== null;
  }
  /** The error text, or "" when none. */
  message(): string {
    const e = this.error;
    return e === null ? "" : e;
  }

  invalidType(v: JsonValue, expected: string): void {
    this.fail("invalid type: " + v.describe() + ", expected " + expected + at(v));
  }
  invalidValue(v: JsonValue, expected: string): void {
    this.fail("invalid value: " + v.describe() + ", expected " + expected + at(v));
  }

  str(v: JsonValue): string {
    if (v.kind != JsonKind.String) {
      this.invalidType(v, "a string");
      return "";
    }
    return v.text;
  }
  /**
   * A string no longer than `maxBytes` UTF-8 bytes. Reading ids with their limit here rejects an oversized one while
   * the message is parsed, before any handler can use it as a storage key (serde's `invalid length` wording).
   */
  strMax(v: JsonValue, maxBytes: i32): string {
    if (v.kind != JsonKind.String) {
      this.invalidType(v, "a string");
      return "";
    }
    const n = String.UTF8.byteLength(v.text);
    if (n > maxBytes) {
      this.fail(
        "invalid length " + intStr(n) + ", expected a string of at most " + intStr(maxBytes) + " bytes" + at(v),
      );
      return "";
    }
    return v.text;
  }
  bool(v: JsonValue): bool {
    if (v.kind != JsonKind.Bool) {
      this.invalidType(v, "a boolean");
      return false;
    }
    return v.boolValue;
  }
  private unsigned(v: JsonValue, max: u64, name: string): u64 {
    if (v.kind != JsonKind.Number || !isIntegerText(v.text)) {
      this.invalidType(v, name);
      return 0;
    }
    const b = digitsToU64(v.text, 0);
    if (b === null || b.value > max) {
      this.invalidValue(v, name);
      return 0;
    }
    return b.value;
  }
  private signed(v: JsonValue, max: u64, name: string): i64 {
    if (v.kind != JsonKind.Number || !isIntegerText(v.text)) {
      this.invalidType(v, name);
      return 0;
    }
    const neg = v.text.charCodeAt(0) == 45;
    const b = digitsToU64(v.text, neg ? 1 : 0);
    // The negative range is one larger than the positive one.
    if (b === null || b.value > (neg ? max + 1 : max)) {
      this.invalidValue(v, name);
      return 0;
    }
    return neg ? -(<i64>b.value) : <i64>b.value;
  }
  u64(v: JsonValue): u64 {
    return this.unsigned(v, U64.MAX_VALUE, "u64");
  }
  u32(v: JsonValue): u32 {
    return <u32>this.unsigned(v, <u64>U32.MAX_VALUE, "u32");
  }
  u8(v: JsonValue): u8 {
    return <u8>this.unsigned(v, 255, "u8");
  }
  i64(v: JsonValue): i64 {
    return this.signed(v, <u64>I64.MAX_VALUE, "i64");
  }
  i32(v: JsonValue): i32 {
    return <i32>this.signed(v, <u64>I32.MAX_VALUE, "i32");
  }
  u64Str(v: JsonValue): u64 {
    if (v.kind != JsonKind.String) {
      this.invalidType(v, "string-encoded integer");
      return 0;
    }
    const b = digitsToU64(v.text, 0);
    if (b === null) {
      this.fail("invalid Uint64 `" + v.text + "`" + at(v));
      return 0;
    }
    return b.value;
  }
  uint128(v: JsonValue): Uint128 {
    if (v.kind != JsonKind.String) {
      this.invalidType(v, "string-encoded integer");
      return Uint128.zero();
    }
    const u = Uint128.parse(v.text);
    if (u === null) {
      this.fail("invalid Uint128 `" + v.text + "`" + at(v));
      return Uint128.zero();
    }
    return u;
  }
  uint256(v: JsonValue): Uint256 {
    if (v.kind != JsonKind.String) {
      this.invalidType(v, "string-encoded integer");
      return Uint256.zero();
    }
    const u = Uint256.parse(v.text);
    if (u === null) {
      this.fail("invalid Uint256 `" + v.text + "`" + at(v));
      return Uint256.zero();
    }
    return u;
  }
  decimal(v: JsonValue): Decimal {
    if (v.kind != JsonKind.String) {
      this.invalidType(v, "string-encoded decimal");
      return Decimal.zero();
    }
    const d = Decimal.parse(v.text);
    if (d === null) {
      this.fail("invalid Decimal `" + v.text + "`" + at(v));
      return Decimal.zero();
    }
    return d;
  }
  binary(v: JsonValue): Uint8Array {
    if (v.kind != JsonKind.String) {
      this.invalidType(v, "base64-encoded bytes");
      return new Uint8Array(0);
    }
    const b = fromBase64(v.text);
    if (b === null) {
      this.fail("invalid base64 `" + v.text + "`" + at(v));
      return new Uint8Array(0);
    }
    return b;
  }
  obj(v: JsonValue): JsonObject {
    if (v.kind != JsonKind.Object) {
      this.invalidType(v, "a map");
      return new JsonObject();
    }
    return v.object!;
  }
  arr(v: JsonValue): Array<JsonValue> {
    if (v.kind != JsonKind.Array) {
      this.invalidType(v, "a sequence");
      return new Array<JsonValue>();
    }
    return v.items!;
  }
  coin(v: JsonValue): Coin {
    const o = this.obj(v);
    if (this.failed()) return new Coin("", Uint128.zero());
    this.denyUnknown(o, COIN_FIELDS);
    return new Coin(o.str("denom", this), o.uint128("amount", this));
  }
  coins(v: JsonValue): Array<Coin> {
    const items = this.arr(v);
    const out = new Array<Coin>();
    for (let i = 0; i < items.length && !this.failed(); i++) out.push(this.coin(items[i]));
    return out;
  }

  /** cosmwasm's `#[cw_serde]` implies `deny_unknown_fields`. Returns false (and records the error) on an unknown key. */
  denyUnknown(o: JsonObject, fields: StaticArray<string>): bool {
    for (let i = 0; i < o.keys.length; i++) {
      const k = o.keys[i];
      let known = false;
      for (let j = 0; j < fields.length && !known; j++) known = fields[j] == k;
      if (!known) {
        // The list is a static constant (no allocation per call); the error text wants an Array.
        const names = new Array<string>();
        for (let j = 0; j < fields.length; j++) names.push(fields[j]);
        this.fail("unknown field `" + k + "`, " + expectedList(names, "there are no fields") + at(o.owner));
        return false;
      }
    }
    return true;
  }
}

/** A coin's fields (module constant: the list is static data, not built per call). */
const COIN_FIELDS: StaticArray<string> = ["denom", "amount"];

export function expectedList(names: Array<string>, none: string): string {
  if (names.length == 0) return none;
  if (names.length == 1) return "expected `" + names[0] + "`";
  if (names.length == 2) return "expected `" + names[0] + "` or `" + names[1] + "`";
  return "expected one of `" + joinWith(names, "`, `") + "`";
}
