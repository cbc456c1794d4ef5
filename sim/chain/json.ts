// JSON that keeps u64s exact. Contracts return ids, code ids and gas limits as JSON numbers up to 2^64-1, which
// `JSON.parse` rounds above 2^53; here every integer literal becomes a bigint.

import { isAscii } from "node:buffer";

export type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/** Deepest nesting `plainText` lets through: far below what the recursive parser below can handle. */
const MAX_PLAIN_DEPTH = 64;

/** Digits an integer literal may have for `JSON.parse` to read it exactly (below 2^53). */
const MAX_EXACT_DIGITS = 15;

/**
 * What `JSON.parse` makes of `text` compared with `parseJson`, judged outside strings: PLAIN, no number literal (it
 * builds exactly what `parseJson` builds: the grammars agree, and only numbers differ); INTEGERS, number literals
 * that are all integers of at most MAX_EXACT_DIGITS digits (the same once each number becomes a bigint); OTHER.
 * Nesting deeper than MAX_PLAIN_DEPTH is OTHER.
 */
const PLAIN = 0;
const INTEGERS = 1;
const OTHER = 2;

function plainText(text: string): typeof PLAIN | typeof INTEGERS | typeof OTHER {
  const n = text.length;
  let depth = 0;
  let kind: typeof PLAIN | typeof INTEGERS = PLAIN;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_PLAIN_DEPTH) return OTHER;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = c === 0x2d ? i + 1 : i;
      const first = j;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 0x30 || d > 0x39) break;
        j++;
      }
      if (j === first || j - first > MAX_EXACT_DIGITS) return OTHER;
      const next = j < n ? text.charCodeAt(j) : 0;
      // A fraction or an exponent (a number `parseJson` keeps as a float).
      if (next === 0x2e || next === 0x65 || next === 0x45) return OTHER;
      kind = INTEGERS;
      i = j - 1;
    }
  }
  return kind;
}

/** Every number in a `JSON.parse` result made a bigint (all are exact integers: `plainText` said INTEGERS). */
function integersToBigInt(v: Json): Json {
  if (typeof v === "number") return BigInt(v);
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === "number") v[i] = BigInt(x);
      else if (typeof x === "object" && x !== null) integersToBigInt(x);
    }
    return v;
  }
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (typeof x === "number") {
      // An own "__proto__" key (JSON.parse defines it as a data property) must not go through the setter.
      if (k === "__proto__") {
        Object.defineProperty(v, k, { value: BigInt(x), enumerable: true, writable: true, configurable: true });
      } else v[k] = BigInt(x);
    } else if (typeof x === "object" && x !== null) integersToBigInt(x);
  }
  return v;
}

export function parseJson(text: string): Json {
  const kind = plainText(text);
  if (kind !== OTHER) {
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      // Not JSON: the parser below words the error.
      return parseJsonSlow(text);
    }
    return kind === PLAIN ? parsed : integersToBigInt(parsed);
  }
  return parseJsonSlow(text);
}

function parseJsonSlow(text: string): Json {
  let pos = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at position ${pos}`);
  };
  const ws = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
  };
  const value = (): Json => {
    ws();
    const c = text[pos];
    if (c === "{") {
      pos++;
      const obj: JsonMap = {};
      ws();
      if (text[pos] === "}") {
        pos++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail("expected string key");
        const key = str();
        ws();
        if (text[pos] !== ":") fail("expected ':'");
        pos++;
        const v = value();
        if (key === "__proto__") {
          Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        } else obj[key] = v;
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      pos++;
      const arr: Json[] = [];
      ws();
      if (text[pos] === "]") {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (text.startsWith("true", pos)) {
      pos += 4;
      return true;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return false;
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return null;
    }
    return num();
  };
  const str = (): string => {
    const start = pos;
    pos++;
    let simple = true;
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === "\\") {
        simple = false;
        pos += 2;
      } else {
        if (text.charCodeAt(pos) < 0x20) fail("control character in string");
        pos++;
      }
    }
    if (pos >= text.length) fail("unterminated string");
    pos++;
    const raw = text.slice(start, pos);
    return simple ? raw.slice(1, -1) : (JSON.parse(raw) as string);
  };
  const num = (): number | bigint => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m === null) return fail("unexpected token");
    pos += m[0].length;
    return m[2] === undefined && m[3] === undefined ? BigInt(m[0]) : Number(m[0]);
  };
  const result = value();
  ws();
  if (pos !== text.length) fail("trailing characters");
  return result;
}

/**
 * True when `JSON.stringify(value)` writes what `stringifyJson` writes: a tree of plain objects, arrays without holes
 * or `undefined`, strings, booleans, finite numbers and null (no bigint, no `toJSON`, no functions or symbols).
 */
function isPlainJson(value: unknown, depth: number): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (depth > 64) return false;
      if (Array.isArray(value)) {
        const items = value as unknown[];
        for (let i = 0; i < items.length; i++) {
          if (!(i in items) || items[i] === undefined || !isPlainJson(items[i], depth + 1)) return false;
        }
        return Object.getPrototypeOf(items) === Array.prototype && !("toJSON" in items);
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if ((proto !== Object.prototype && proto !== null) || "toJSON" in value) return false;
      for (const k in value) {
        if (!Object.hasOwn(value, k)) return false;
        const v = (value as Record<string, unknown>)[k];
        if (v !== undefined && !isPlainJson(v, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** JSON text with bigints written as plain numbers; `undefined` object fields are left out. */
export function stringifyJson(value: unknown): string {
  if (typeof value === "object" && value !== null && isPlainJson(value, 0)) return JSON.stringify(value);
  return stringifyValue(value);
}

function stringifyValue(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("non-finite number in JSON");
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (Array.isArray(value)) {
        const items = value as unknown[];
        let out = "[";
        for (let i = 0; i < items.length; i++) {
          if (i > 0) out += ",";
          // A hole stays empty, as `map(…).join(",")` leaves it.
          if (i in items) out += stringifyValue(items[i]);
        }
        return `${out}]`;
      }
      let out = "{";
      let first = true;
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined) continue;
        out += `${first ? "" : ","}${JSON.stringify(k)}:${stringifyValue(v)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`cannot serialize ${typeof value} to JSON`);
  }
}

export const isMap = (v: Json | undefined): v is JsonMap => typeof v === "object" && v !== null && !Array.isArray(v);

const utf8Decoder = new TextDecoder("utf-8", { fatal: true });
const utf8Encoder = new TextEncoder();

export const utf8 = (s: string): Uint8Array => utf8Encoder.encode(s);

/**
 * `utf8(s)` for bytes that are copied and dropped at once (a call's arguments): Buffer.from takes small ones from its
 * shared pool, where each TextEncoder result is a new ArrayBuffer. The view's `buffer` is the pool's.
 */
export function utf8Transient(s: string): Uint8Array {
  const b = Buffer.from(s, "utf8");
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Strict UTF-8 decoding; ASCII (most JSON) is read as latin1, the same characters without the decoder's checks. */
export const fromUtf8 = (b: Uint8Array): string =>
  isAscii(b) ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1") : utf8Decoder.decode(b);
