// The message types of a contract's msg.ts as the AssemblyScript generator sees them: each field's type reduced to
// the few shapes a parser and a writer need to handle.

import ts from "typescript";
import { type ClassInfo, type Program, SchemaError, hasTag, splitEnumTag, tag, where, docOf } from "../schema.js";

const INTEGER_NAMES = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"] as const;
type IntegerName = (typeof INTEGER_NAMES)[number];

/** std classes with a JSON form of their own (a string or, for Coin, an object). */
const STD_NAMES = ["Uint128", "Uint256", "Decimal", "Uint8Array", "Coin", "JsonValue"] as const;
type StdName = (typeof STD_NAMES)[number];

export type FieldType =
  | { kind: "string" }
  | { kind: "bool" }
  | { kind: "integer"; name: IntegerName }
  | { kind: "std"; name: StdName }
  | { kind: "class"; name: string }
  | { kind: "array"; item: FieldType }
  | { kind: "some"; inner: FieldType };

export interface Field {
  name: string;
  type: FieldType;
  /** `T | null`: absent or null reads as null and writes as null. */
  nullable: boolean;
  /** `@optional` on a value-typed field: absent keeps the class's initial value. */
  optional: boolean;
  /** `@enum` values of a string (or of a string array's items). */
  allowed: string[] | null;
}

export interface MessageClass {
  name: string;
  /** Source file of the class, for the generated import. */
  file: string;
  fields: Field[];
}

function isNullLiteral(t: ts.TypeNode): boolean {
  return ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
}

function fieldType(type: ts.TypeNode, sf: ts.SourceFile, prog: Program, what: string): FieldType {
  if (type.kind === ts.SyntaxKind.StringKeyword) return { kind: "string" };
  if (type.kind === ts.SyntaxKind.BooleanKeyword) return { kind: "bool" };
  if (ts.isParenthesizedTypeNode(type)) return fieldType(type.type, sf, prog, what);
  if (ts.isArrayTypeNode(type)) return { kind: "array", item: fieldType(type.elementType, sf, prog, what) };
  if (!ts.isTypeReferenceNode(type)) {
    throw new SchemaError(`${where(type, sf)}: ${what}: unsupported type \`${type.getText(sf)}\``);
  }
  const name = type.typeName.getText(sf);
  const args = type.typeArguments ?? [];
  if ((name === "Array" || name === "Some") && args.length === 1) {
    const inner = fieldType(args[0]!, sf, prog, what);
    return name === "Array" ? { kind: "array", item: inner } : { kind: "some", inner };
  }
  if (name === "bool") return { kind: "bool" };
  if (name === "string" || name === "String") return { kind: "string" };
  if ((INTEGER_NAMES as readonly string[]).includes(name)) return { kind: "integer", name: name as IntegerName };
  if ((STD_NAMES as readonly string[]).includes(name)) return { kind: "std", name: name as StdName };
  if (prog.classes.has(name)) return { kind: "class", name };
  const alias = prog.aliases.get(name);
  if (alias !== undefined) return fieldType(alias.node, alias.sf, prog, what);
  throw new SchemaError(`${where(type, sf)}: ${what}: the AssemblyScript generator does not support \`${name}\``);
}

/** A class's public instance fields in declaration order (the order serde reports and checks them in). */
export function messageClass(info: ClassInfo, prog: Program): MessageClass {
  const fields: Field[] = [];
  for (const m of info.node.members) {
    if (!ts.isPropertyDeclaration(m)) continue;
    const mods = ts.getCombinedModifierFlags(m);
    if (mods & (ts.ModifierFlags.Static | ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
    if (!ts.isIdentifier(m.name) || m.type === undefined) {
      throw new SchemaError(`${where(m, info.sf)}: ${info.name}: fields need a plain name and a type annotation`);
    }
    const name = m.name.text;
    const what = `${info.name}.${name}`;
    let type = m.type;
    let nullable = false;
    if (ts.isUnionTypeNode(type)) {
      const rest = type.types.filter((t) => !isNullLiteral(t));
      if (rest.length !== 1) throw new SchemaError(`${where(type, info.sf)}: ${what}: only \`T | null\` is supported`);
      nullable = rest.length !== type.types.length;
      type = rest[0]!;
    }
    const doc = docOf(m, info.sf);
    const enumTag = tag(doc, "enum");
    fields.push({
      name,
      type: fieldType(type, info.sf, prog, what),
      nullable,
      optional: hasTag(doc, "optional"),
      allowed: enumTag === undefined ? null : splitEnumTag(enumTag).values,
    });
  }
  return { name: info.name, file: info.sf.fileName, fields };
}

/** Names of the classes a type refers to, directly or through arrays and Some. */
export function classesIn(t: FieldType): string[] {
  if (t.kind === "class") return [t.name];
  if (t.kind === "array") return classesIn(t.item);
  if (t.kind === "some") return classesIn(t.inner);
  return [];
}

/** `roots` and every class their fields reach, each once, roots first. */
export function reachableClasses(roots: string[], prog: Program): MessageClass[] {
  const out = new Map<string, MessageClass>();
  const visit = (name: string): void => {
    if (out.has(name)) return;
    const info = prog.classes.get(name);
    if (info === undefined) return;
    const cls = messageClass(info, prog);
    out.set(name, cls);
    for (const f of cls.fields) for (const c of classesIn(f.type)) visit(c);
  };
  for (const r of roots) visit(r);
  return [...out.values()];
}

/** The AssemblyScript spelling of a type. */
export function asType(t: FieldType): string {
  switch (t.kind) {
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "integer":
    case "std":
    case "class":
      return t.name;
    case "array":
      return `Array<${asType(t.item)}>`;
    case "some":
      return `Some<${asType(t.inner)}>`;
  }
}

/** A name fragment for helpers generated per type, e.g. `ArrayOfDenomConfigMsg`. */
export function typeTag(t: FieldType): string {
  switch (t.kind) {
    case "string":
      return "String";
    case "bool":
      return "Bool";
    case "integer":
      return t.name.toUpperCase();
    case "std":
    case "class":
      return t.name;
    case "array":
      return `ArrayOf${typeTag(t.item)}`;
    case "some":
      return `Some${typeTag(t.inner)}`;
  }
}
