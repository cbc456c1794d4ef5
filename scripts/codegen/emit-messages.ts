// Emits gen/messages.ts: one parser per message class (serde's errors, unknown fields rejected as
// `deny_unknown_fields`, fields read in declaration order so the first error is the one serde would report) and one
// JSON writer per response class (fields in declaration order, absent values as null).

import { type Field, type FieldType, type MessageClass, asType, typeTag } from "./types.js";

const UNSIGNED = new Set(["u8", "u16", "u32", "u64"]);

class Helpers {
  readonly code = new Map<string, string>();
  /** Field-name lists by content → the module constant holding it (identical lists share one). */
  readonly fieldLists = new Map<string, string>();
  /**
   * The module constant listing a class's field names: a static `StaticArray` is data only, where an array literal
   * in the parser would be built (`__newArray`) on every call.
   */
  fieldList(cls: MessageClass): string {
    const names = cls.fields.map((f) => JSON.stringify(f.name)).join(", ");
    let name = this.fieldLists.get(names);
    if (name === undefined) {
      name = `FIELDS_${cls.name}`;
      this.fieldLists.set(names, name);
      this.code.set(name, `const ${name}: StaticArray<string> = [${names}];`);
    }
    return name;
  }
  add(name: string, body: () => string): string {
    if (!this.code.has(name)) {
      this.code.set(name, "");
      this.code.set(name, body());
    }
    return name;
  }
}

/** An expression reading `t` from the JSON value `v` (a JsonValue local), with `allowed` for string enums. */
function readExpr(t: FieldType, v: string, allowed: string[] | null, helpers: Helpers): string {
  switch (t.kind) {
    case "string":
      return allowed === null
        ? `p.str(${v})`
        : `readOneOf(${v}, [${allowed.map((a) => JSON.stringify(a)).join(", ")}], p)`;
    case "bool":
      return `p.bool(${v})`;
    case "integer":
      if (t.name === "u16") return `readU16(${v}, p)`;
      if (t.name === "i8" || t.name === "i16") throw new Error(`${t.name} fields are not supported (use i32)`);
      return `p.${t.name}(${v})`;
    case "std":
      switch (t.name) {
        case "Uint128":
          return `p.uint128(${v})`;
        case "Uint256":
          return `p.uint256(${v})`;
        case "Decimal":
          return `p.decimal(${v})`;
        case "Uint8Array":
          return `p.binary(${v})`;
        case "Coin":
          return `p.coin(${v})`;
        case "JsonValue":
          return v;
      }
      break;
    case "class":
      return `parse${t.name}(p.obj(${v}), p)`;
    case "some":
      return `new Some<${asType(t.inner)}>(${readExpr(t.inner, v, allowed, helpers)})`;
    case "array": {
      const item = t.item;
      const enumTag =
        allowed === null
          ? ""
          : `Of${allowed.map((a) => a.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase())).join("Or")}`;
      const name = helpers.add(`read${typeTag(t)}${enumTag}`, () =>
        [
          `function read${typeTag(t)}${enumTag}(v: JsonValue, p: Parser): ${asType(t)} {`,
          `  const items = p.arr(v);`,
          `  const out = new ${asType(t)}();`,
          `  for (let i = 0; i < items.length && !p.failed(); i++) out.push(${readExpr(item, "items[i]", allowed, helpers)});`,
          `  return out;`,
          `}`,
        ].join("\n"),
      );
      return `${name}(${v}, p)`;
    }
  }
  throw new Error("unreachable");
}

/** JsonObject's own readers (what hand-written parsers used), for the plain cases: the least code. */
const OBJECT_READERS: Record<string, { required: string; nullable?: string }> = {
  string: { required: "str", nullable: "optStr" },
  bool: { required: "bool" },
  u8: { required: "u8" },
  u32: { required: "u32" },
  u64: { required: "u64" },
  i32: { required: "i32" },
  i64: { required: "i64" },
  Uint128: { required: "uint128", nullable: "optUint128" },
  Uint256: { required: "uint256" },
  Decimal: { required: "decimal", nullable: "optDecimal" },
  Uint8Array: { required: "binary", nullable: "optBinary" },
};

function objectRead(f: Field): string | null {
  if (f.allowed !== null) return null;
  const t = f.type;
  if (t.kind === "some" && t.inner.kind === "integer" && f.nullable) {
    return `m.${f.name} = optionalInt<${t.inner.name}>(o, ${JSON.stringify(f.name)}, p);`;
  }
  const key =
    t.kind === "string" || t.kind === "bool" ? t.kind : t.kind === "integer" || t.kind === "std" ? t.name : null;
  const reader = key === null ? undefined : OBJECT_READERS[key];
  if (reader === undefined) return null;
  const k = JSON.stringify(f.name);
  if (f.nullable) return reader.nullable === undefined ? null : `m.${f.name} = o.${reader.nullable}(${k}, p);`;
  if (f.optional) return `if (o.has(${k})) m.${f.name} = o.${reader.required}(${k}, p);`;
  return `m.${f.name} = o.${reader.required}(${k}, p);`;
}

function parserOf(cls: MessageClass, helpers: Helpers): string {
  const fields = helpers.fieldList(cls);
  const lines = [
    `export function parse${cls.name}(o: JsonObject, p: Parser): ${cls.name} {`,
    `  const m = new ${cls.name}();`,
    `  p.denyUnknown(o, ${fields});`,
  ];
  if (cls.fields.some((f) => objectRead(f) === null)) lines.push(`  let v: JsonValue | null = null;`);
  for (const f of cls.fields) {
    const direct = objectRead(f);
    if (direct !== null) {
      lines.push(`  ${direct}`);
      continue;
    }
    const absentAllowed = f.nullable || f.optional;
    lines.push(
      absentAllowed
        ? `  v = optionalField(o, ${JSON.stringify(f.name)});`
        : `  v = requiredField(o, ${JSON.stringify(f.name)}, p);`,
    );
    lines.push(`  if (v !== null) m.${f.name} = ${readExpr(f.type, "v", f.allowed, helpers)};`);
  }
  lines.push(`  return m;`, `}`);
  return lines.join("\n");
}

/**
 * An expression writing `t` held in `x` (already non-null) to the writer expression `w`; its value is the writer, so
 * a class's fields chain into one expression (no local reload or drop per call).
 */
function writeExpr(t: FieldType, w: string, x: string, helpers: Helpers): string {
  switch (t.kind) {
    case "string":
      return `${w}.str(${x})`;
    case "bool":
      return `${w}.bool(${x})`;
    case "integer":
      return UNSIGNED.has(t.name) ? `${w}.u64(<u64>${x})` : `${w}.i64(<i64>${x})`;
    case "std":
      switch (t.name) {
        case "Uint128":
          return `${w}.uint128(${x})`;
        case "Uint256":
          return `${w}.uint256(${x})`;
        case "Decimal":
          return `${w}.decimal(${x})`;
        case "Uint8Array":
          return `${w}.binary(${x})`;
        case "Coin":
          return `${w}.coin(${x})`;
        case "JsonValue":
          return `${w}.raw(${x}.raw())`;
      }
      break;
    case "class":
      return `write${t.name}(${w}, ${x})`;
    case "some":
      return writeExpr(t.inner, w, `${x}.value`, helpers);
    case "array": {
      const name = helpers.add(`write${typeTag(t)}`, () =>
        [
          `function write${typeTag(t)}(w: JsonWriter, a: ${asType(t)}): JsonWriter {`,
          `  w.beginArray();`,
          `  for (let i = 0; i < a.length; i++) ${writeExpr(t.item, "w", "a[i]", helpers)};`,
          `  return w.endArray();`,
          `}`,
        ].join("\n"),
      );
      return `${name}(${w}, ${x})`;
    }
  }
  throw new Error("unreachable");
}

function writerOf(cls: MessageClass, helpers: Helpers): string {
  const lines = [`export function write${cls.name}(w: JsonWriter, m: ${cls.name}): JsonWriter {`];
  // The chain so far; a nullable field ends it (its null test needs a statement) and the next field starts anew.
  let chain = "w.beginObject()";
  for (const f of cls.fields) {
    if (f.optional && !f.nullable) {
      throw new Error(
        `${cls.name}.${f.name}: @optional cannot be written as null; declare it \`Some<${asType(f.type)}> | null\``,
      );
    }
    const keyed = `${chain}.key(${JSON.stringify(f.name)})`;
    if (f.nullable) {
      lines.push(`  ${keyed};`);
      lines.push(`  const ${f.name} = m.${f.name};`);
      lines.push(`  if (${f.name} === null) w.nul();`);
      lines.push(`  else ${writeExpr(f.type, "w", f.name, helpers)};`);
      chain = "w";
    } else {
      chain = writeExpr(f.type, keyed, `m.${f.name}`, helpers);
    }
  }
  lines.push(`  return ${chain}.endObject();`, `}`);
  return lines.join("\n");
}

export interface MessagesModule {
  /** Classes parsed from JSON: message bodies and the classes their fields reach. */
  parsed: MessageClass[];
  /** Classes written to JSON: query responses and the classes their fields reach. */
  written: MessageClass[];
}

/** The text of gen/messages.ts; `importPath` maps a class's source file to its import specifier. */
export function emitMessages(mod: MessagesModule, header: string, importPath: (file: string) => string): string {
  const helpers = new Helpers();
  const parsers = mod.parsed.map((c) => parserOf(c, helpers));
  const writers = mod.written.map((c) => writerOf(c, helpers));
  const byFile = new Map<string, Set<string>>();
  for (const c of [...mod.parsed, ...mod.written]) {
    const spec = importPath(c.file);
    byFile.set(spec, (byFile.get(spec) ?? new Set()).add(c.name));
  }
  const imports = [
    `import { Coin, Decimal, JsonObject, JsonValue, JsonWriter, Parser, Some, Uint128, Uint256, optionalField, optionalInt, readOneOf, readU16, requiredField } from "../../std";`,
    ...[...byFile.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([spec, names]) => `import { ${[...names].sort().join(", ")} } from "${spec}";`),
  ];
  const body = [...parsers, ...helpers.code.values(), ...writers];
  return `${header}\n\n${imports.join("\n")}\n\n${body.join("\n\n")}\n`;
}
