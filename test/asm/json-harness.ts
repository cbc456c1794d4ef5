// Test-only entry: runs the std's message reader (strict UTF-8, then JSON) over bytes JS puts in memory and returns
// [u32 length][text]: "E" + the error, or "V" + the tree in a tagged form that keeps what a JSON.parse result
// loses (each number's raw text): strings, null and booleans as themselves, numbers ["n", raw], arrays
// ["a", ...items], objects ["o", key, value, key, value, ...] in input order.
// The output is encoded without replacement (WTF-8), so an error text carrying an unpaired surrogate or an
// invalid byte shows up as invalid UTF-8 on the JS side.

import { JsonKind, JsonValue, Parser } from "../../contracts/std/json/value";
import { parseJsonUtf8 } from "../../contracts/std/json/reader";
import { JsonWriter } from "../../contracts/std/json/writer";

export { alloc, reset } from "./io";
import { out } from "./io";

function write(v: JsonValue, w: JsonWriter): void {
  switch (v.kind) {
    case JsonKind.Null:
      w.nul();
      break;
    case JsonKind.Bool:
      w.bool(v.boolValue);
      break;
    case JsonKind.Number:
      w.beginArray().str("n").str(v.text).endArray();
      break;
    case JsonKind.String:
      w.str(v.text);
      break;
    case JsonKind.Array: {
      w.beginArray().str("a");
      const items = v.items!;
      for (let i = 0; i < items.length; i++) write(items[i], w);
      w.endArray();
      break;
    }
    default: {
      w.beginArray().str("o");
      const o = v.object!;
      for (let i = 0; i < o.keys.length; i++) {
        w.str(o.keys[i]);
        write(o.values[i], w);
      }
      w.endArray();
    }
  }
}

export function parse(ptr: usize, len: usize): usize {
  const p = new Parser("ExecuteMsg");
  const v = parseJsonUtf8(ptr, len, p);
  if (v === null) return out("E" + p.message());
  const w = new JsonWriter();
  write(v, w);
  return out("V" + w.toString());
}

/** Parses without producing output, for timing the reader alone. Returns 1 on success. */
export function parseOnly(ptr: usize, len: usize): i32 {
  const p = new Parser();
  return parseJsonUtf8(ptr, len, p) === null ? 0 : 1;
}
