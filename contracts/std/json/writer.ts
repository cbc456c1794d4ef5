// JSON output with serde_json's escaping; numbers of 64 bits and more are written exactly.

import { Uint128 } from "../math/uint128";
import { Uint256 } from "../math/uint256";
import { Decimal } from "../math/decimal";
import { toBase64 } from "../encoding";
import { Coin } from "../coin";
import { concatAll, intStr } from "../strings";

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
    this.out.push(intStr(n));
    return this;
  }
  i64(n: i64): JsonWriter {
    this.pre();
    this.out.push(intStr(n));
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
