// Float-free JSON. Numbers stay as their raw text and are converted only by the typed readers, so u64/i64 and
// 128-bit amounts never pass through f64. Errors are collected in a Parser (first error wins) instead of trapping,
// and read like serde's so contract errors look like cosmwasm's.

import { Uint128 } from "./math/uint128";
import { Uint256 } from "./math/uint256";
import { Decimal } from "./math/decimal";
import { fromBase64, toBase64 } from "./encoding";
import { Coin } from "./types";
import { concatAll } from "./strings";

export enum JsonKind {
  Null,
  Bool,
  Number,
  String,
  Array,
  Object,
}

const MAX_DEPTH = 128; // serde_json's recursion limit

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
      if (v.index >= 0) parts.unshift("[" + v.index.toString() + "]");
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
    const v = this.get(key);
    return v !== null && v.kind != JsonKind.Null;
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
    if (!this.has(key)) return null;
    return p.str(this.get(key)!);
  }
  bool(key: string, p: Parser): bool {
    const v = this.need(key, p);
    return v === null ? false : p.bool(v);
  }
  optBool(key: string, p: Parser, dflt: bool): bool {
    return this.has(key) ? p.bool(this.get(key)!) : dflt;
  }
  u64(key: string, p: Parser): u64 {
    const v = this.need(key, p);
    return v === null ? 0 : p.u64(v);
  }
  optU64(key: string, p: Parser): u64 {
    return this.has(key) ? p.u64(this.get(key)!) : 0;
  }
  u32(key: string, p: Parser): u32 {
    const v = this.need(key, p);
    return v === null ? 0 : p.u32(v);
  }
  optU32(key: string, p: Parser): u32 {
    return this.has(key) ? p.u32(this.get(key)!) : 0;
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
    return this.has(key) ? p.i64(this.get(key)!) : 0;
  }
  i32(key: string, p: Parser): i32 {
    const v = this.need(key, p);
    return v === null ? 0 : p.i32(v);
  }
  optI32(key: string, p: Parser): i32 {
    return this.has(key) ? p.i32(this.get(key)!) : 0;
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
    return this.has(key) ? p.uint128(this.get(key)!) : null;
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
    return this.has(key) ? p.decimal(this.get(key)!) : null;
  }
  binary(key: string, p: Parser): Uint8Array {
    const v = this.need(key, p);
    return v === null ? new Uint8Array(0) : p.binary(v);
  }
  optBinary(key: string, p: Parser): Uint8Array | null {
    return this.has(key) ? p.binary(this.get(key)!) : null;
  }
  obj(key: string, p: Parser): JsonObject {
    const v = this.need(key, p);
    return v === null ? new JsonObject() : p.obj(v);
  }
  optObj(key: string, p: Parser): JsonObject | null {
    return this.has(key) ? p.obj(this.get(key)!) : null;
  }
  arr(key: string, p: Parser): Array<JsonValue> {
    const v = this.need(key, p);
    return v === null ? new Array<JsonValue>() : p.arr(v);
  }
  optArr(key: string, p: Parser): Array<JsonValue> | null {
    return this.has(key) ? p.arr(this.get(key)!) : null;
  }
  coins(key: string, p: Parser): Array<Coin> {
    const v = this.need(key, p);
    return v === null ? new Array<Coin>() : p.coins(v);
  }
  optCoins(key: string, p: Parser): Array<Coin> {
    return this.has(key) ? p.coins(this.get(key)!) : new Array<Coin>();
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

export class Variant {
  constructor(
    public name: string,
    public body: JsonObject,
  ) {}
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
    this.denyUnknown(o, ["denom", "amount"]);
    return new Coin(o.str("denom", this), o.uint128("amount", this));
  }
  coins(v: JsonValue): Array<Coin> {
    const items = this.arr(v);
    const out = new Array<Coin>();
    for (let i = 0; i < items.length && !this.failed(); i++) out.push(this.coin(items[i]));
    return out;
  }

  /** cosmwasm's `#[cw_serde]` implies `deny_unknown_fields`. Returns false (and records the error) on an unknown key. */
  denyUnknown(o: JsonObject, fields: Array<string>): bool {
    for (let i = 0; i < o.keys.length; i++) {
      const k = o.keys[i];
      if (!fields.includes(k)) {
        this.fail("unknown field `" + k + "`, " + expectedList(fields, "there are no fields") + at(o.owner));
        return false;
      }
    }
    return true;
  }
}

function expectedList(names: Array<string>, none: string): string {
  if (names.length == 0) return none;
  if (names.length == 1) return "expected `" + names[0] + "`";
  if (names.length == 2) return "expected `" + names[0] + "` or `" + names[1] + "`";
  return "expected one of `" + names.join("`, `") + "`";
}

/**
 * An externally tagged enum, as serde: `{"deposit": {...}}`, or a bare `"name"` for a unit variant (body `{}`).
 * The body becomes the root for error paths, so errors read "missing field `id`" like serde's.
 * Sets `p.typeName` when it is empty so later errors carry the "Error parsing into type …" prefix.
 */
export function parseVariant(v: JsonValue, typeName: string, allowed: Array<string>, p: Parser): Variant | null {
  if (p.typeName.length == 0) p.typeName = typeName;
  if (p.failed()) return null;
  if (v.kind == JsonKind.String) {
    if (!allowed.includes(v.text)) {
      p.fail("unknown variant `" + v.text + "`, " + expectedList(allowed, "there are no variants"));
      return null;
    }
    const empty = new JsonObject();
    empty.owner = v;
    return new Variant(v.text, empty);
  }
  if (v.kind != JsonKind.Object) {
    p.invalidType(v, "enum " + typeName);
    return null;
  }
  const o = v.object!;
  if (o.keys.length != 1) {
    p.fail(
      "expected an object with exactly one key (a variant of " + typeName + "), found " + o.keys.length.toString(),
    );
    return null;
  }
  const name = o.keys[0];
  if (!allowed.includes(name)) {
    p.fail("unknown variant `" + name + "`, " + expectedList(allowed, "there are no variants"));
    return null;
  }
  const body = o.values[0];
  if (body.kind != JsonKind.Object) {
    p.invalidType(body, "struct variant " + typeName + "::" + name);
    return null;
  }
  body.isRoot = true;
  return new Variant(name, body.object!);
}

// ---------------------------------------------------------------------------------------------------------------
// Reader

class Reader {
  i: i32 = 0;
  error: string | null = null;
  constructor(public s: string) {}

  peek(): i32 {
    return this.i < this.s.length ? this.s.charCodeAt(this.i) : -1;
  }
  skipWs(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c != 32 && c != 9 && c != 10 && c != 13) break;
      this.i++;
    }
  }
  fail(msg: string): JsonValue | null {
    if (this.error === null) this.error = msg + " at " + this.position();
    return null;
  }
  /** serde_json reports 1-based line and column. */
  position(): string {
    let line = 1;
    let col = 0;
    const end = this.i < this.s.length ? this.i + 1 : this.s.length;
    for (let k = 0; k < end; k++) {
      if (this.s.charCodeAt(k) == 10) {
        line++;
        col = 0;
      } else col++;
    }
    return "line " + line.toString() + " column " + col.toString();
  }

  value(depth: i32): JsonValue | null {
    this.skipWs();
    const c = this.peek();
    if (c < 0) return this.fail("EOF while parsing a value");
    const v = new JsonValue();
    v.source = this.s;
    v.start = this.i;
    if (c == 123) {
      if (depth >= MAX_DEPTH) return this.fail("recursion limit exceeded");
      if (!this.object(v, depth)) return null;
    } else if (c == 91) {
      if (depth >= MAX_DEPTH) return this.fail("recursion limit exceeded");
      if (!this.array(v, depth)) return null;
    } else if (c == 34) {
      const s = this.string();
      if (s === null) return null;
      v.kind = JsonKind.String;
      v.text = s;
    } else if (c == 45 || (c >= 48 && c <= 57)) {
      if (!this.number()) return null;
      v.kind = JsonKind.Number;
      v.text = this.s.substring(v.start, this.i);
    } else if (this.literal("true")) {
      v.kind = JsonKind.Bool;
      v.boolValue = true;
    } else if (this.literal("false")) {
      v.kind = JsonKind.Bool;
    } else if (this.literal("null")) {
      v.kind = JsonKind.Null;
    } else {
      return this.fail("expected value");
    }
    v.end = this.i;
    return v;
  }

  literal(word: string): bool {
    if (this.s.length - this.i < word.length) return false;
    for (let k = 0; k < word.length; k++) if (this.s.charCodeAt(this.i + k) != word.charCodeAt(k)) return false;
    this.i += word.length;
    return true;
  }

  digits(): i32 {
    const from = this.i;
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c < 48 || c > 57) break;
      this.i++;
    }
    return this.i - from;
  }

  number(): bool {
    if (this.peek() == 45) this.i++;
    const c = this.peek();
    if (c == 48) {
      this.i++;
      const d = this.peek();
      if (d >= 48 && d <= 57) {
        this.fail("invalid number");
        return false;
      }
    } else if (this.digits() == 0) {
      this.fail("invalid number");
      return false;
    }
    if (this.peek() == 46) {
      this.i++;
      if (this.digits() == 0) {
        this.fail("invalid number");
        return false;
      }
    }
    const e = this.peek();
    if (e == 101 || e == 69) {
      this.i++;
      const sign = this.peek();
      if (sign == 43 || sign == 45) this.i++;
      if (this.digits() == 0) {
        this.fail("invalid number");
        return false;
      }
    }
    return true;
  }

  hex4(): i32 {
    if (this.s.length - this.i < 4) {
      this.i = this.s.length;
      this.fail("EOF while parsing a string");
      return -1;
    }
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = this.s.charCodeAt(this.i);
      let d = -1;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      if (d < 0) {
        this.fail("invalid escape");
        return -1;
      }
      n = (n << 4) | d;
      this.i++;
    }
    return n;
  }

  /** At the opening quote; returns the unescaped contents. */
  string(): string | null {
    this.i++;
    const parts = new Array<string>();
    let runStart = this.i;
    while (true) {
      if (this.i >= this.s.length) {
        this.fail("EOF while parsing a string");
        return null;
      }
      const c = this.s.charCodeAt(this.i);
      if (c == 34) {
        parts.push(this.s.substring(runStart, this.i));
        this.i++;
        return parts.length == 1 ? parts[0] : concatAll(parts);
      }
      if (c < 0x20) {
        this.fail("control character (\\u0000-\\u001F) found while parsing a string");
        return null;
      }
      if (c != 92) {
        this.i++;
        continue;
      }
      parts.push(this.s.substring(runStart, this.i));
      this.i++;
      if (this.i >= this.s.length) {
        this.fail("EOF while parsing a string");
        return null;
      }
      const e = this.s.charCodeAt(this.i);
      this.i++;
      if (e == 34) parts.push('"');
      else if (e == 92) parts.push("\\");
      else if (e == 47) parts.push("/");
      else if (e == 98) parts.push("\b");
      else if (e == 102) parts.push("\f");
      else if (e == 110) parts.push("\n");
      else if (e == 114) parts.push("\r");
      else if (e == 116) parts.push("\t");
      else if (e == 117) {
        const u = this.hex4();
        if (u < 0) return null;
        if (u >= 0xdc00 && u <= 0xdfff) {
          this.fail("lone leading surrogate in hex escape");
          return null;
        }
        if (u >= 0xd800 && u <= 0xdbff) {
          if (this.peek() != 92 || this.i + 1 >= this.s.length || this.s.charCodeAt(this.i + 1) != 117) {
            this.fail("unexpected end of hex escape");
            return null;
          }
          this.i += 2;
          const lo = this.hex4();
          if (lo < 0) return null;
          if (lo < 0xdc00 || lo > 0xdfff) {
            this.fail("lone leading surrogate in hex escape");
            return null;
          }
          parts.push(String.fromCharCode(u, lo));
        } else {
          parts.push(String.fromCharCode(u));
        }
      } else {
        this.i--;
        this.fail("invalid escape");
        return null;
      }
      runStart = this.i;
    }
  }

  object(v: JsonValue, depth: i32): bool {
    this.i++;
    const o = new JsonObject();
    o.owner = v;
    v.kind = JsonKind.Object;
    v.object = o;
    this.skipWs();
    if (this.peek() == 125) {
      this.i++;
      return true;
    }
    while (true) {
      this.skipWs();
      const c = this.peek();
      if (c < 0) {
        this.fail("EOF while parsing an object");
        return false;
      }
      if (c != 34) {
        this.fail("key must be a string");
        return false;
      }
      const key = this.string();
      if (key === null) return false;
      this.skipWs();
      if (this.peek() != 58) {
        this.fail(this.peek() < 0 ? "EOF while parsing an object" : "expected `:`");
        return false;
      }
      this.i++;
      const child = this.value(depth + 1);
      if (child === null) return false;
      child.parent = v;
      child.key = key;
      child.isRoot = false;
      if (o.contains(key)) {
        this.fail("duplicate field `" + key + "`");
        return false;
      }
      o.keys.push(key);
      o.values.push(child);
      this.skipWs();
      const d = this.peek();
      if (d == 44) {
        this.i++;
        continue;
      }
      if (d == 125) {
        this.i++;
        return true;
      }
      this.fail(d < 0 ? "EOF while parsing an object" : "expected `,` or `}`");
      return false;
    }
  }

  array(v: JsonValue, depth: i32): bool {
    this.i++;
    const items = new Array<JsonValue>();
    v.kind = JsonKind.Array;
    v.items = items;
    this.skipWs();
    if (this.peek() == 93) {
      this.i++;
      return true;
    }
    while (true) {
      const child = this.value(depth + 1);
      if (child === null) return false;
      child.parent = v;
      child.index = items.length;
      child.isRoot = false;
      items.push(child);
      this.skipWs();
      const d = this.peek();
      if (d == 44) {
        this.i++;
        continue;
      }
      if (d == 93) {
        this.i++;
        return true;
      }
      this.fail(d < 0 ? "EOF while parsing a list" : "expected `,` or `]`");
      return false;
    }
  }
}

/** Parses a whole document; on a syntax error records it in `p` (serde_json wording with line/column) and returns null. */
export function parseJson(text: string, p: Parser): JsonValue | null {
  const r = new Reader(text);
  const v = r.value(0);
  if (v !== null) {
    r.skipWs();
    if (r.i < text.length) {
      r.fail("trailing characters");
    }
  }
  const e = r.error;
  if (e !== null) {
    p.fail(e);
    return null;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Writer

const HEXDIGITS = "0123456789abcdef";

/** Appends `s` as a JSON string literal (serde_json's escaping: only `"`, `\` and control characters). */
function pushQuoted(out: Array<string>, s: string): void {
  out.push('"');
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c != 34 && c != 92) continue;
    if (i > run) out.push(s.substring(run, i));
    run = i + 1;
    if (c == 34) out.push('\\"');
    else if (c == 92) out.push("\\\\");
    else if (c == 10) out.push("\\n");
    else if (c == 13) out.push("\\r");
    else if (c == 9) out.push("\\t");
    else if (c == 8) out.push("\\b");
    else if (c == 12) out.push("\\f");
    else out.push("\\u00" + HEXDIGITS.charAt(c >> 4) + HEXDIGITS.charAt(c & 15));
  }
  if (run == 0) out.push(s);
  else if (run < s.length) out.push(s.substring(run));
  out.push('"');
}

export function quote(s: string): string {
  const out = new Array<string>();
  pushQuoted(out, s);
  return concatAll(out);
}

/** Streaming writer; commas are inserted automatically. Every method returns `this` for chaining. */
export class JsonWriter {
  private out: Array<string> = new Array<string>();
  private first: Array<bool> = new Array<bool>();
  private afterKey: bool = false;

  private pre(): void {
    if (this.afterKey) {
      this.afterKey = false;
      return;
    }
    const d = this.first.length;
    if (d == 0) return;
    if (this.first[d - 1]) this.first[d - 1] = false;
    else this.out.push(",");
  }

  beginObject(): JsonWriter {
    this.pre();
    this.out.push("{");
    this.first.push(true);
    return this;
  }
  endObject(): JsonWriter {
    this.first.pop();
    this.out.push("}");
    return this;
  }
  beginArray(): JsonWriter {
    this.pre();
    this.out.push("[");
    this.first.push(true);
    return this;
  }
  endArray(): JsonWriter {
    this.first.pop();
    this.out.push("]");
    return this;
  }
  key(k: string): JsonWriter {
    this.pre();
    pushQuoted(this.out, k);
    this.out.push(":");
    this.afterKey = true;
    return this;
  }
  str(s: string): JsonWriter {
    this.pre();
    pushQuoted(this.out, s);
    return this;
  }
  optStr(s: string | null): JsonWriter {
    if (s === null) return this.nul();
    return this.str(s);
  }
  u64(n: u64): JsonWriter {
    this.pre();
    this.out.push(n.toString());
    return this;
  }
  i64(n: i64): JsonWriter {
    this.pre();
    this.out.push(n.toString());
    return this;
  }
  bool(b: bool): JsonWriter {
    this.pre();
    this.out.push(b ? "true" : "false");
    return this;
  }
  nul(): JsonWriter {
    this.pre();
    this.out.push("null");
    return this;
  }
  /** Inserts already-serialized JSON as one value. */
  raw(json: string): JsonWriter {
    this.pre();
    this.out.push(json);
    return this;
  }
  uint128(u: Uint128): JsonWriter {
    return this.str(u.toString());
  }
  uint256(u: Uint256): JsonWriter {
    return this.str(u.toString());
  }
  decimal(d: Decimal): JsonWriter {
    return this.str(d.toString());
  }
  binary(bytes: Uint8Array): JsonWriter {
    return this.str(toBase64(bytes));
  }
  coin(c: Coin): JsonWriter {
    return this.beginObject().key("denom").str(c.denom).key("amount").uint128(c.amount).endObject();
  }
  coins(cs: Array<Coin>): JsonWriter {
    this.beginArray();
    for (let i = 0; i < cs.length; i++) this.coin(cs[i]);
    return this.endArray();
  }
  toString(): string {
    return concatAll(this.out);
  }
}
