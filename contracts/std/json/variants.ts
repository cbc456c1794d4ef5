// Externally tagged enums, as serde reads them: `{"deposit": {...}}`, or a bare `"name"` for a unit variant.

import { JsonKind, JsonObject, JsonValue, Parser, expectedList } from "./value";
import { intStr } from "../strings";

export class Variant {
  constructor(
    public name: string,
    public body: JsonObject,
    /** Position of `name` in the `allowed` table, so generated dispatch can switch on it. */
    public index: i32,
  ) {}
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
    const at = allowed.indexOf(v.text);
    if (at < 0) {
      p.fail("unknown variant `" + v.text + "`, " + expectedList(allowed, "there are no variants"));
      return null;
    }
    const empty = new JsonObject();
    empty.owner = v;
    return new Variant(v.text, empty, at);
  }
  if (v.kind != JsonKind.Object) {
    p.invalidType(v, "enum " + typeName);
    return null;
  }
  const o = v.object!;
  if (o.keys.length != 1) {
    p.fail("expected an object with exactly one key (a variant of " + typeName + "), found " + intStr(o.keys.length));
    return null;
  }
  const name = o.keys[0];
  const index = allowed.indexOf(name);
  if (index < 0) {
    p.fail("unknown variant `" + name + "`, " + expectedList(allowed, "there are no variants"));
    return null;
  }
  const body = o.values[0];
  if (body.kind != JsonKind.Object) {
    p.invalidType(body, "struct variant " + typeName + "::" + name);
    return null;
  }
  body.isRoot = true;
  return new Variant(name, body.object!, index);
}
