// The JSON text reader: serde_json's grammar, limits and error wording (line and column of the failure).

import { concatAll, intStr } from "../strings";
import { decodeUtf8WellFormed, invalidUtf8Offset, utf8Position } from "../utf8";
import { JsonKind, JsonObject, JsonValue, Parser } from "./value";

const MAX_DEPTH = 128; // serde_json's recursion limit
// Up to this many keys a linear scan finds a duplicate fastest; past it a hash set keeps the check linear overall.
const DUPLICATE_SCAN_LIMIT = 8;

/**
 * The keys of one object being read, hashed for a constant-time duplicate check. Open addressing over indexes into
 * the object's own key array (slot = index + 1, 0 = empty), so no key is copied; smaller than AS's Set<string>.
 */
class KeySet {
  private slots: StaticArray<i32> = new StaticArray<i32>(64);

  constructor(private keys: Array<string>) {
    for (let i = 0; i < keys.length; i++) this.place(i);
  }

  has(key: string): bool {
    const mask = this.slots.length - 1;
    let at = hashKey(key) & mask;
    // Never more than half full, so an empty slot ends every probe.
    for (let slot = this.slots[at]; slot != 0; slot = this.slots[at]) {
      if (this.keys[slot - 1] == key) return true;
      at = (at + 1) & mask;
    }
    return false;
  }

  /** Records the key just pushed to the array. */
  added(): void {
    if (this.keys.length * 2 > this.slots.length) {
      this.slots = new StaticArray<i32>(this.slots.length * 2);
      for (let i = 0; i < this.keys.length - 1; i++) this.place(i);
    }
    this.place(this.keys.length - 1);
  }

  private place(i: i32): void {
    const mask = this.slots.length - 1;
    let at = hashKey(this.keys[i]) & mask;
    while (this.slots[at] != 0) at = (at + 1) & mask;
    this.slots[at] = i + 1;
  }
}

/** FNV-1a over the UTF-16 units. */
function hashKey(key: string): i32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = (h ^ (<u32>key.charCodeAt(i))) * 0x01000193;
  return <i32>(h >>> 1);
}

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
    return "line " + intStr(line) + " column " + intStr(col);
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
    let seen: KeySet | null = null;
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
      if (seen === null && o.keys.length >= DUPLICATE_SCAN_LIMIT) seen = new KeySet(o.keys);
      const known = seen;
      if (known !== null ? known.has(key) : o.contains(key)) {
        this.fail("duplicate field `" + key + "`");
        return false;
      }
      o.keys.push(key);
      if (known !== null) known.added();
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

/**
 * Parses a UTF-8 document in memory. Bytes that are not strict UTF-8 are rejected as serde_json rejects them, with
 * the position of the first bad byte and never the byte itself (an error text must stay valid UTF-8).
 */
export function parseJsonUtf8(ptr: usize, len: usize, p: Parser): JsonValue | null {
  const bad = invalidUtf8Offset(ptr, len);
  if (bad >= 0) {
    p.fail("invalid unicode code point at " + utf8Position(ptr, len, <usize>bad));
    return null;
  }
  return parseJson(decodeUtf8WellFormed(ptr, len), p);
}

/** `parseJsonUtf8` over a byte array. */
export function parseJsonBytes(bytes: Uint8Array, p: Parser): JsonValue | null {
  return parseJsonUtf8(bytes.dataStart, <usize>bytes.length, p);
}
