// Contract storage. Keys follow cw-storage-plus so state is laid out like a Rust contract's and `db_scan` visits
// entries in key order: Item = raw namespace; Map = u16-BE length + namespace, then every key element but the last
// prefixed with its u16-BE length, the last raw. Values are JSON, readable with `wasm raw` queries.

import {
  env_db_next,
  env_db_next_key,
  env_db_next_value,
  env_db_read,
  env_db_remove,
  env_db_scan,
  env_db_write,
} from "./imports";
import { readRegion, regionFromBytes } from "./region";
import { concatBytes, utf8Decode, utf8Encode } from "./encoding";
import { JsonValue, JsonWriter, Parser, parseJson } from "./json";
import { panic } from "./abort";
import { intStr } from "./strings";

export enum Order {
  Ascending = 1,
  Descending = 2,
}

// ---------------------------------------------------------------------------------------------------------------
// Raw access

export function dbRead(key: Uint8Array): Uint8Array | null {
  const r = env_db_read(regionFromBytes(key));
  // 0 means "absent"; an empty value is a present key.
  if (r == 0) return null;
  return readRegion(r);
}

export function dbWrite(key: Uint8Array, value: Uint8Array): void {
  env_db_write(regionFromBytes(key), regionFromBytes(value));
}

export function dbRemove(key: Uint8Array): void {
  env_db_remove(regionFromBytes(key));
}

/** Iterator over [start, end) (null = unbounded). */
export function dbScan(start: Uint8Array | null, end: Uint8Array | null, order: Order): u32 {
  const s: u32 = start === null ? 0 : regionFromBytes(start);
  const e: u32 = end === null ? 0 : regionFromBytes(end);
  return env_db_scan(s, e, <i32>order);
}

export class KV {
  constructor(
    public key: Uint8Array,
    public value: Uint8Array,
  ) {}
}

function sectionLength(b: Uint8Array, endPos: i32): i32 {
  return (
    ((<i32>b[endPos - 4]) << 24) | ((<i32>b[endPos - 3]) << 16) | ((<i32>b[endPos - 2]) << 8) | (<i32>b[endPos - 1])
  );
}

/** Next entry, or null at the end (the VM signals the end with an empty key). */
export function dbNext(iterator: u32): KV | null {
  // Sections are `data ++ u32-BE length`, so they are decoded from the back: value first, then key.
  const b = readRegion(env_db_next(iterator));
  if (b.length < 8) panic("db_next: malformed sections");
  const vLen = sectionLength(b, b.length);
  const vStart = b.length - 4 - vLen;
  const kLen = sectionLength(b, vStart);
  const kStart = vStart - 4 - kLen;
  if (vStart < 4 || kStart != 0) panic("db_next: malformed sections");
  if (kLen == 0) return null;
  return new KV(b.slice(0, kLen), b.slice(vStart, vStart + vLen));
}

/** Key only (cheaper when values are large); null at the end. */
export function dbNextKey(iterator: u32): Uint8Array | null {
  const r = env_db_next_key(iterator);
  if (r == 0) return null;
  const k = readRegion(r);
  return k.length == 0 ? null : k;
}

export function dbNextValue(iterator: u32): Uint8Array | null {
  const r = env_db_next_value(iterator);
  if (r == 0) return null;
  return readRegion(r);
}

// ---------------------------------------------------------------------------------------------------------------
// Keys

function u16be(n: i32): Uint8Array {
  if (n > 0xffff) panic("key element longer than 65535 bytes");
  const b = new Uint8Array(2);
  b[0] = <u8>(n >> 8);
  b[1] = <u8>(n & 0xff);
  return b;
}

function lengthPrefixed(b: Uint8Array): Uint8Array {
  return concatBytes(u16be(b.length), b);
}

/** A (possibly composite) map key; each element is raw bytes. */
export class Key {
  parts: Array<Uint8Array> = new Array<Uint8Array>();

  static bytes(b: Uint8Array): Key {
    const k = new Key();
    k.parts.push(b);
    return k;
  }
  static str(s: string): Key {
    return Key.bytes(utf8Encode(s));
  }
  /** 8-byte big-endian, so numeric order = byte order. */
  static u64(n: u64): Key {
    const b = new Uint8Array(8);
    for (let i = 0; i < 8; i++) b[i] = <u8>(n >> (<u64>(56 - 8 * i)));
    return Key.bytes(b);
  }
  static u32(n: u32): Key {
    const b = new Uint8Array(4);
    for (let i = 0; i < 4; i++) b[i] = <u8>(n >> (<u32>(24 - 8 * i)));
    return Key.bytes(b);
  }
  static pair(a: Key, b: Key): Key {
    const k = new Key();
    for (let i = 0; i < a.parts.length; i++) k.parts.push(a.parts[i]);
    for (let i = 0; i < b.parts.length; i++) k.parts.push(b.parts[i]);
    return k;
  }
  static triple(a: Key, b: Key, c: Key): Key {
    return Key.pair(Key.pair(a, b), c);
  }

  /** Joined as the tail of a storage key: all but the last element length-prefixed. */
  encode(): Uint8Array {
    let out = new Uint8Array(0);
    for (let i = 0; i < this.parts.length; i++) {
      out = concatBytes(out, i + 1 < this.parts.length ? lengthPrefixed(this.parts[i]) : this.parts[i]);
    }
    return out;
  }
  /** As a prefix (every element length-prefixed), for iterating the keys that extend it. */
  encodePrefix(): Uint8Array {
    let out = new Uint8Array(0);
    for (let i = 0; i < this.parts.length; i++) out = concatBytes(out, lengthPrefixed(this.parts[i]));
    return out;
  }
}

/** cosmwasm-vm's limit on a `db_read`/`db_write` key; a longer key fails the whole call with a VM error. */
export const MAX_KEY_LENGTH: i32 = 64 * 1024;

/**
 * Whether `k` under a namespace prefix of `prefixLength` bytes makes a key the VM accepts. Checked before every
 * access so an oversized id from a message reads as absent instead of aborting the call.
 */
function storable(k: Key, prefixLength: i32): bool {
  let total = prefixLength;
  for (let i = 0; i < k.parts.length; i++) {
    const n = k.parts[i].length;
    const last = i + 1 == k.parts.length;
    if (!last && n > 0xffff) return false; // its u16 length prefix cannot hold it
    total += last ? n : n + 2;
  }
  return total <= MAX_KEY_LENGTH;
}

/** Reads a u64 written by Key.u64 (e.g. from an Entry key). */
export function decodeU64Key(b: Uint8Array, offset: i32 = 0): u64 {
  let n: u64 = 0;
  for (let i = 0; i < 8; i++) n = (n << 8) | (<u64>b[offset + i]);
  return n;
}

/** Splits a composite key's bytes (as returned in Entry.key) back into its elements. */
export function splitKey(b: Uint8Array, elements: i32): Array<Uint8Array> {
  const out = new Array<Uint8Array>();
  let pos = 0;
  for (let i = 0; i + 1 < elements; i++) {
    if (pos + 2 > b.length) panic("splitKey: truncated key");
    const n = ((<i32>b[pos]) << 8) | (<i32>b[pos + 1]);
    pos += 2;
    if (pos + n > b.length) panic("splitKey: truncated key");
    out.push(b.slice(pos, pos + n));
    pos += n;
  }
  out.push(b.slice(pos));
  return out;
}

/** Smallest key greater than every key starting with `prefix`; null if there is none (all 0xff). */
function prefixEnd(prefix: Uint8Array): Uint8Array | null {
  let i = prefix.length - 1;
  while (i >= 0 && prefix[i] == 0xff) i--;
  if (i < 0) return null;
  const out = prefix.slice(0, i + 1);
  out[i] = out[i] + 1;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Pagination (cw-plus convention)

export const DEFAULT_LIMIT: i32 = 10;
export const MAX_LIMIT: i32 = 30;

/** `has` = the caller supplied a limit. */
export function clampLimit(limit: i32, has: bool): i32 {
  if (!has) return DEFAULT_LIMIT;
  if (limit < 0) return 0;
  return limit > MAX_LIMIT ? MAX_LIMIT : limit;
}

// ---------------------------------------------------------------------------------------------------------------
// Typed containers

function encodeValue<T>(t: T, encode: (t: T, w: JsonWriter) => void): Uint8Array {
  const w = new JsonWriter();
  encode(t, w);
  return utf8Encode(w.toString());
}

function decodeValue<T>(bytes: Uint8Array, decode: (v: JsonValue, p: Parser) => T, what: string): T {
  // Stored data is ours; failing to read it back is a broken invariant, not a user error.
  const p = new Parser();
  const v = parseJson(utf8Decode(bytes), p);
  if (v === null) {
    panic("corrupt " + what + ": " + p.message());
    return unreachable();
  }
  const t = decode(v, p);
  if (p.failed()) panic("corrupt " + what + ": " + p.message());
  return t;
}

export class Item<T> {
  private keyBytes: Uint8Array;

  constructor(
    public namespace: string,
    private encode: (t: T, w: JsonWriter) => void,
    private decode: (v: JsonValue, p: Parser) => T,
  ) {
    this.keyBytes = utf8Encode(namespace);
  }

  load(): T | null {
    const b = dbRead(this.keyBytes);
    if (b === null) return null;
    return decodeValue<T>(b, this.decode, this.namespace);
  }
  mustLoad(): T {
    const b = dbRead(this.keyBytes);
    if (b === null) {
      panic(this.namespace + " not found");
      return unreachable();
    }
    return decodeValue<T>(b, this.decode, this.namespace);
  }
  save(t: T): void {
    dbWrite(this.keyBytes, encodeValue<T>(t, this.encode));
  }
  remove(): void {
    dbRemove(this.keyBytes);
  }
  exists(): bool {
    return dbRead(this.keyBytes) !== null;
  }
}

export class Entry<T> {
  constructor(
    /** The key bytes after the range prefix (for a u64 key: 8 BE bytes; see decodeU64Key / splitKey). */
    public key: Uint8Array,
    public value: T,
  ) {}
}

export class Map<T> {
  private ns: Uint8Array;

  constructor(
    public namespace: string,
    private encode: (t: T, w: JsonWriter) => void,
    private decode: (v: JsonValue, p: Parser) => T,
  ) {
    this.ns = lengthPrefixed(utf8Encode(namespace));
  }

  /** The full storage key of `k`. */
  storageKey(k: Key): Uint8Array {
    return concatBytes(this.ns, k.encode());
  }
  /** The storage key, or null when `k` is too long to have ever been saved (nothing to read or remove then). */
  private storedKey(k: Key): Uint8Array | null {
    return storable(k, this.ns.length) ? this.storageKey(k) : null;
  }
  load(k: Key): T | null {
    const key = this.storedKey(k);
    if (key === null) return null;
    const b = dbRead(key);
    if (b === null) return null;
    return decodeValue<T>(b, this.decode, this.namespace);
  }
  save(k: Key, t: T): void {
    if (!storable(k, this.ns.length))
      panic("storage key of " + this.namespace + " longer than " + intStr(MAX_KEY_LENGTH) + " bytes");
    dbWrite(this.storageKey(k), encodeValue<T>(t, this.encode));
  }
  remove(k: Key): void {
    const key = this.storedKey(k);
    if (key !== null) dbRemove(key);
  }
  has(k: Key): bool {
    const key = this.storedKey(k);
    return key !== null && dbRead(key) !== null;
  }

  private scan(prefix: Key | null, startAfter: Key | null, order: Order): ScanState {
    const pre = prefix === null ? this.ns : concatBytes(this.ns, prefix.encodePrefix());
    let after: Uint8Array | null = null;
    if (startAfter !== null) after = concatBytes(pre, startAfter.encode());
    let start: Uint8Array | null = pre;
    let end: Uint8Array | null = prefixEnd(pre);
    if (after !== null) {
      // Exclusive bound: ascending starts at the next possible key; descending ends (exclusively) at it.
      if (order == Order.Ascending) start = concatBytes(after, new Uint8Array(1));
      else end = after;
    }
    return new ScanState(dbScan(start, end, order), pre.length);
  }

  range(prefix: Key | null, startAfter: Key | null, limit: i32, order: Order): Array<Entry<T>> {
    const out = new Array<Entry<T>>();
    if (limit <= 0) return out;
    const s = this.scan(prefix, startAfter, order);
    while (out.length < limit) {
      const kv = dbNext(s.iterator);
      if (kv === null) break;
      out.push(new Entry<T>(kv.key.slice(s.prefixLength), decodeValue<T>(kv.value, this.decode, this.namespace)));
    }
    return out;
  }

  keys(prefix: Key | null, startAfter: Key | null, limit: i32, order: Order): Array<Uint8Array> {
    const out = new Array<Uint8Array>();
    if (limit <= 0) return out;
    const s = this.scan(prefix, startAfter, order);
    while (out.length < limit) {
      const k = dbNextKey(s.iterator);
      if (k === null) break;
      out.push(k.slice(s.prefixLength));
    }
    return out;
  }
}

class ScanState {
  constructor(
    public iterator: u32,
    public prefixLength: i32,
  ) {}
}
