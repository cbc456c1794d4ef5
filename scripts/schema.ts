// JSON Schema generation for the contracts, from one source of truth: each contract's AssemblyScript msg.ts,
// read with the TypeScript parser (AS syntax parses as TS). Output follows cosmwasm-schema (draft-07, title =
// message name, externally tagged enums as `oneOf`, sorted properties and definitions) so @cosmwasm/ts-codegen
// and CI's `git diff --exit-code schema/` work on it.
//
// Conventions read from msg.ts (and the files of the same folder it imports):
//   /** Docs. @msg InstantiateMsg */ class …          a struct message (InstantiateMsg, MigrateMsg, …)
//   /** Docs. @msg ExecuteMsg deposit */ class …      body of variant `deposit` of the enum ExecuteMsg
//   /** @msg QueryMsg price @returns PriceResponse */  a query variant and its response type
//   /** @msg ExecuteMsg pause @unit */                 a unit variant, serialized as the string "pause"
//   /** @msg ExecuteMsg deposit @payable */           accepts attached funds (scripts/codegen's dispatch)
//   /** @msg ExecuteMsg receive @hook deposit grant */ a hook (the CW20 receive hook): its `msg` field carries one of
//                                                     the listed @payable execute variants (scripts/codegen)
//   field JSDoc text → description; `@enum a b` restricts a string; `@optional` marks a value-typed field
//   optional (AS cannot write `u64 | null`); `T | null` is optional too, and `Some<T> | null` is an optional T.
//
// CLI: node dist/scripts/schema.js [--check] [name…]   (no names = every contract with a msg.ts, and the probe)

import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { repoRoot } from "./lib/repo-root.js";

export type JsonSchema = Record<string, unknown>;

export const MESSAGE_KINDS = ["InstantiateMsg", "ExecuteMsg", "QueryMsg", "MigrateMsg", "SudoMsg"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

const FILE_NAMES: Record<MessageKind, string> = {
  InstantiateMsg: "instantiate_msg.json",
  ExecuteMsg: "execute_msg.json",
  QueryMsg: "query_msg.json",
  MigrateMsg: "migrate_msg.json",
  SudoMsg: "sudo_msg.json",
};

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

export class SchemaError extends Error {
  override name = "SchemaError";
}

/** Definitions of the std types contracts use in messages (cosmwasm_std's JSON encodings). */
const BUILTIN_DEFINITIONS: Record<string, () => JsonSchema> = {
  Uint64: () => ({
    description: "An unsigned 64-bit integer encoded as a decimal string (cosmwasm_std::Uint64).",
    type: "string",
    pattern: "^[0-9]+$",
  }),
  Uint128: () => ({
    description:
      "An unsigned 128-bit integer encoded as a decimal string, so JSON clients that use floats keep every digit (cosmwasm_std::Uint128).",
    type: "string",
    pattern: "^[0-9]+$",
  }),
  Uint256: () => ({
    description: "An unsigned 256-bit integer encoded as a decimal string (cosmwasm_std::Uint256).",
    type: "string",
    pattern: "^[0-9]+$",
  }),
  Decimal: () => ({
    description:
      'A fixed-point decimal with 18 fractional digits encoded as a string, e.g. "1.5" (cosmwasm_std::Decimal).',
    type: "string",
    pattern: "^[0-9]+(\\.[0-9]{1,18})?$",
  }),
  Binary: () => ({
    description: "Binary data encoded as standard base64 with padding (cosmwasm_std::Binary).",
    type: "string",
    pattern: "^[A-Za-z0-9+/]*={0,2}$",
  }),
  Timestamp: () => ({
    description:
      "A point in time in nanoseconds since the Unix epoch, encoded as a decimal string (cosmwasm_std::Timestamp).",
    allOf: [{ $ref: "#/definitions/Uint64" }],
  }),
  Addr: () => ({
    description: "A validated bech32 address (cosmwasm_std::Addr).",
    type: "string",
  }),
  Coin: () => ({
    type: "object",
    required: ["amount", "denom"],
    properties: { amount: { $ref: "#/definitions/Uint128" }, denom: { type: "string" } },
    additionalProperties: false,
  }),
};

/** Which builtin definitions a builtin definition itself refers to. */
const BUILTIN_DEPENDENCIES: Record<string, string[]> = { Timestamp: ["Uint64"], Coin: ["Uint128"] };

/** Type names in msg.ts that map to a builtin definition. */
const BUILTIN_REFS: Record<string, string> = {
  Uint64: "Uint64",
  Uint128: "Uint128",
  Uint256: "Uint256",
  Decimal: "Decimal",
  Uint8Array: "Binary",
  Binary: "Binary",
  Timestamp: "Timestamp",
  Addr: "Addr",
  Coin: "Coin",
};

const INTEGERS: Record<string, { format: string; unsigned: boolean }> = {
  u8: { format: "uint8", unsigned: true },
  u16: { format: "uint16", unsigned: true },
  u32: { format: "uint32", unsigned: true },
  u64: { format: "uint64", unsigned: true },
  i8: { format: "int8", unsigned: false },
  i16: { format: "int16", unsigned: false },
  i32: { format: "int32", unsigned: false },
  i64: { format: "int64", unsigned: false },
};

/** Non-class response types a query may declare with `@returns`. */
const PRIMITIVE_RETURNS: Record<string, () => JsonSchema> = {
  string: () => ({ type: "string" }),
  bool: () => ({ type: "boolean" }),
  ...Object.fromEntries(
    Object.entries(INTEGERS).map(([name, int]) => [
      name,
      () =>
        int.unsigned ? { type: "integer", format: int.format, minimum: 0 } : { type: "integer", format: int.format },
    ]),
  ),
};

export interface Doc {
  /** Text before the first tag, one line per paragraph. */
  description: string;
  /** Tag values with their original whitespace (trimmed), so `@enum a b  Prose…` can be split at the gap. */
  tags: { name: string; value: string }[];
}

/** Parses the last JSDoc block before a node: text before the first tag is the description. */
export function docOf(node: ts.Node, sf: ts.SourceFile): Doc {
  const text = sf.text;
  // A JSDoc on the same line as the previous token (`{ /** Doc. */ field: T }`) counts as that token's
  // trailing comment for TypeScript, so both kinds are looked at.
  const start = node.getFullStart();
  const ranges = [
    ...(ts.getTrailingCommentRanges(text, start) ?? []),
    ...(ts.getLeadingCommentRanges(text, start) ?? []),
  ];
  const jsdoc = ranges.filter((r) => text.startsWith("/**", r.pos)).pop();
  if (jsdoc === undefined) return { description: "", tags: [] };
  const body = text
    .slice(jsdoc.pos + 3, jsdoc.end - 2)
    .split("\n")
    .map((l) => l.replace(/^\s*\*?\s?/, "").trimEnd())
    .join("\n")
    .trim();
  // Tags start at "@word" preceded by whitespace or the start, so e-mail addresses in prose stay text.
  const parts = body.split(/(?:^|\s)@(?=[a-zA-Z]+\b)/);
  const tags = parts.slice(1).map((p) => {
    const m = /^([a-zA-Z]+)([\s\S]*)$/.exec(p)!;
    return { name: m[1]!, value: m[2]!.replace(/^[ \t]+/, "").trimEnd() };
  });
  return { description: normalizeParagraphs(parts[0]!), tags };
}

/** Joins wrapped lines into one line per paragraph (blank lines separate paragraphs). */
function normalizeParagraphs(s: string): string {
  return s
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "")
    .join("\n\n");
}

export const tag = (doc: Doc, name: string): string | undefined => doc.tags.find((t) => t.name === name)?.value;
export const hasTag = (doc: Doc, name: string): boolean => doc.tags.some((t) => t.name === name);
/** A tag's value as one line (for @msg, @returns). */
export const tagLine = (doc: Doc, name: string): string | undefined => tag(doc, name)?.replace(/\s+/g, " ").trim();

/**
 * `@enum a b c  Prose` → values [a, b, c] and the prose: values end at a double space or a line break, and
 * whatever follows is description (contract authors write it that way in one-line JSDoc).
 */
export function splitEnumTag(value: string): { values: string[]; rest: string } {
  const m = /^(.*?)(?: {2,}|\t|\n)([\s\S]*)$/.exec(value);
  const head = m ? m[1]! : value;
  return { values: head.split(/[\s,]+/).filter((v) => v !== ""), rest: m ? normalizeParagraphs(m[2]!) : "" };
}

/** A field's description: the leading text plus prose written after `@optional` or after `@enum`'s values. */
function fieldDescription(doc: Doc): string {
  const parts = [doc.description];
  for (const t of doc.tags) {
    if (t.name === "optional") parts.push(normalizeParagraphs(t.value));
    if (t.name === "enum") parts.push(splitEnumTag(t.value).rest);
  }
  return parts.filter((p) => p !== "").join(" ");
}

export interface ClassInfo {
  name: string;
  node: ts.ClassDeclaration;
  sf: ts.SourceFile;
  doc: Doc;
}

export interface Program {
  classes: Map<string, ClassInfo>;
  aliases: Map<string, { node: ts.TypeNode; sf: ts.SourceFile }>;
  /** Classes in file order (msg.ts first, then imported files depth-first), for variant ordering. */
  ordered: ClassInfo[];
  files: string[];
}

export function where(node: ts.Node, sf: ts.SourceFile): string {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${sf.fileName}:${line + 1}:${character + 1}`;
}

function resolveImport(fromFile: string, spec: string, folder: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, ""));
  const candidates = [base.endsWith(".ts") ? base : `${base}.ts`, path.join(base, "index.ts")];
  const hit = candidates.find((c) => existsSync(c));
  if (hit === undefined) return null;
  // Only the contract's own folder: std and other contracts are not message sources.
  const rel = path.relative(folder, hit);
  return rel.startsWith("..") || path.isAbsolute(rel) ? null : hit;
}

export function loadProgram(msgFile: string): Program {
  const folder = path.dirname(path.resolve(msgFile));
  const prog: Program = { classes: new Map(), aliases: new Map(), ordered: [], files: [] };
  const visit = (file: string): void => {
    if (prog.files.includes(file)) return;
    prog.files.push(file);
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    for (const st of sf.statements) {
      if (ts.isClassDeclaration(st) && st.name) {
        const name = st.name.text;
        const prev = prog.classes.get(name);
        if (prev)
          throw new SchemaError(`class ${name} is declared twice: ${where(prev.node, prev.sf)} and ${where(st, sf)}`);
        const info = { name, node: st, sf, doc: docOf(st, sf) };
        prog.classes.set(name, info);
        prog.ordered.push(info);
      } else if (ts.isTypeAliasDeclaration(st)) {
        prog.aliases.set(st.name.text, { node: st.type, sf });
      }
    }
    for (const st of sf.statements) {
      if (
        (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) &&
        st.moduleSpecifier &&
        ts.isStringLiteral(st.moduleSpecifier)
      ) {
        const target = resolveImport(file, st.moduleSpecifier.text, folder);
        if (target !== null) visit(target);
      }
    }
  };
  visit(path.resolve(msgFile));
  return prog;
}

/** Builds schemas for one root, collecting the definitions it references. */
class SchemaBuilder {
  readonly definitions = new Map<string, JsonSchema>();
  private readonly building = new Set<string>();

  constructor(private readonly prog: Program) {}

  private addBuiltin(name: string): void {
    if (this.definitions.has(name)) return;
    this.definitions.set(name, BUILTIN_DEFINITIONS[name]!());
    for (const dep of BUILTIN_DEPENDENCIES[name] ?? []) this.addBuiltin(dep);
  }

  private addClassDefinition(info: ClassInfo): void {
    if (this.definitions.has(info.name) || this.building.has(info.name)) return;
    this.building.add(info.name);
    const schema = this.objectSchema(info);
    this.building.delete(info.name);
    this.definitions.set(info.name, schema);
  }

  /** The inline object schema of a class: its public instance fields. */
  objectSchema(info: ClassInfo, description = info.doc.description): JsonSchema {
    const properties: [string, JsonSchema][] = [];
    const required: string[] = [];
    for (const m of info.node.members) {
      if (!ts.isPropertyDeclaration(m)) continue;
      const mods = ts.getCombinedModifierFlags(m);
      if (mods & (ts.ModifierFlags.Static | ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      if (ts.isPrivateIdentifier(m.name)) continue;
      const name = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : null;
      if (name === null) throw new SchemaError(`${where(m, info.sf)}: computed field names are not supported`);
      if (m.type === undefined)
        throw new SchemaError(`${where(m, info.sf)}: field ${info.name}.${name} needs a type annotation`);
      const doc = docOf(m, info.sf);
      const { schema, optional } = this.fieldSchema(m.type, info.sf, doc, `${info.name}.${name}`);
      properties.push([name, schema]);
      if (!optional && !hasTag(doc, "optional")) required.push(name);
    }
    properties.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    required.sort();
    const out: JsonSchema = {};
    if (description !== "") out.description = description;
    out.type = "object";
    if (required.length > 0) out.required = required;
    if (properties.length > 0) out.properties = Object.fromEntries(properties);
    out.additionalProperties = false;
    return out;
  }

  private fieldSchema(
    type: ts.TypeNode,
    sf: ts.SourceFile,
    doc: Doc,
    what: string,
  ): { schema: JsonSchema; optional: boolean } {
    let optional = false;
    let inner = type;
    if (ts.isUnionTypeNode(type)) {
      const nonNull = type.types.filter(
        (t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
      );
      if (nonNull.length !== 1)
        throw new SchemaError(`${where(type, sf)}: ${what}: only \`T | null\` unions are supported`);
      optional = nonNull.length !== type.types.length;
      inner = nonNull[0]!;
    }
    const forceOptional = hasTag(doc, "optional");
    let schema = this.typeSchema(inner, sf, what);
    const enumTag = tag(doc, "enum");
    if (enumTag !== undefined) {
      const { values } = splitEnumTag(enumTag);
      if (values.length === 0) throw new SchemaError(`${where(type, sf)}: ${what}: @enum without values`);
      // On a string array the values restrict the items (e.g. a list of sources).
      const items = schema.type === "array" ? (schema.items as JsonSchema) : schema;
      if (items.type !== "string") throw new SchemaError(`${where(type, sf)}: ${what}: @enum needs a string field`);
      const restricted = { type: "string", enum: values };
      schema = schema.type === "array" ? { type: "array", items: restricted } : restricted;
    }
    if (optional || forceOptional) schema = { anyOf: [schema, { type: "null" }] };
    const description = fieldDescription(doc);
    if (description !== "") {
      // draft-07 ignores siblings of $ref, hence allOf (as schemars does)
      schema = "$ref" in schema ? { description, allOf: [schema] } : { description, ...schema };
    }
    return { schema, optional: optional || forceOptional };
  }

  typeSchema(type: ts.TypeNode, sf: ts.SourceFile, what: string): JsonSchema {
    if (type.kind === ts.SyntaxKind.StringKeyword) return { type: "string" };
    if (type.kind === ts.SyntaxKind.BooleanKeyword) return { type: "boolean" };
    if (ts.isParenthesizedTypeNode(type)) return this.typeSchema(type.type, sf, what);
    if (ts.isArrayTypeNode(type)) return { type: "array", items: this.typeSchema(type.elementType, sf, what) };
    if (ts.isUnionTypeNode(type)) {
      throw new SchemaError(`${where(type, sf)}: ${what}: nested unions are not supported (use T | null on the field)`);
    }
    if (!ts.isTypeReferenceNode(type)) {
      throw new SchemaError(`${where(type, sf)}: ${what}: unsupported type \`${type.getText(sf)}\``);
    }
    const name = type.typeName.getText(sf);
    const args = type.typeArguments ?? [];
    if (name === "Array" || name === "StaticArray") {
      if (args.length !== 1) throw new SchemaError(`${where(type, sf)}: ${what}: ${name} needs one type argument`);
      return { type: "array", items: this.typeSchema(args[0]!, sf, what) };
    }
    // std's Some<T>: a value-typed field that can be absent (`Some<u64> | null`), serialized as T.
    if (name === "Some") {
      if (args.length !== 1) throw new SchemaError(`${where(type, sf)}: ${what}: Some needs one type argument`);
      return this.typeSchema(args[0]!, sf, what);
    }
    if (name === "bool") return { type: "boolean" };
    if (name === "string" || name === "String") return { type: "string" };
    // std's JsonValue: any JSON document (e.g. a message forwarded to another contract), like serde_json::Value.
    if (name === "JsonValue") return {};
    const int = INTEGERS[name];
    if (int !== undefined) {
      return int.unsigned
        ? { type: "integer", format: int.format, minimum: 0 }
        : { type: "integer", format: int.format };
    }
    if (name === "f32" || name === "f64" || name === "number") {
      throw new SchemaError(
        `${where(type, sf)}: ${what}: floats are not allowed in messages (use Decimal or an integer)`,
      );
    }
    const builtin = BUILTIN_REFS[name];
    if (builtin !== undefined) {
      this.addBuiltin(builtin);
      return { $ref: `#/definitions/${builtin}` };
    }
    const cls = this.prog.classes.get(name);
    if (cls !== undefined) {
      this.addClassDefinition(cls);
      return { $ref: `#/definitions/${name}` };
    }
    const alias = this.prog.aliases.get(name);
    if (alias !== undefined) return this.typeSchema(alias.node, alias.sf, what);
    throw new SchemaError(
      `${where(type, sf)}: ${what}: unknown type ${name} (declare the class in the contract folder, or use a std type: ${Object.keys(BUILTIN_REFS).join(", ")})`,
    );
  }

  /** The schema of a named type inlined at the root (classes and std types), as cosmwasm-schema does. */
  rootBody(typeName: string, at: ts.Node, sf: ts.SourceFile, what: string): JsonSchema {
    const builtin = BUILTIN_REFS[typeName];
    if (builtin !== undefined) {
      for (const dep of BUILTIN_DEPENDENCIES[builtin] ?? []) this.addBuiltin(dep);
      return BUILTIN_DEFINITIONS[builtin]!();
    }
    const cls = this.prog.classes.get(typeName);
    if (cls !== undefined) return this.objectSchema(cls);
    const primitive = PRIMITIVE_RETURNS[typeName];
    if (primitive !== undefined) return primitive();
    const alias = this.prog.aliases.get(typeName);
    if (alias !== undefined) return this.typeSchema(alias.node, alias.sf, what);
    throw new SchemaError(`${where(at, sf)}: ${what}: unknown type ${typeName}`);
  }

  /** A root schema around `body`, with the definitions collected so far. */
  root(title: string, body: JsonSchema): JsonSchema {
    const out: JsonSchema = { $schema: DRAFT_07, title, ...body };
    if (this.definitions.size > 0) {
      out.definitions = Object.fromEntries(
        [...this.definitions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return out;
  }
}

export interface Variant {
  name: string;
  info: ClassInfo;
  unit: boolean;
  /** `@payable`: an ExecuteMsg variant that accepts attached funds (every other variant rejects them). */
  payable: boolean;
  /**
   * `@hook a b …`: an ExecuteMsg variant whose binary `msg` field carries one of the listed (payable) execute variants,
   * e.g. the CW20 receive hook; empty for ordinary variants.
   */
  hook: string[];
  returns: string | undefined;
}

export interface ContractSchema {
  contract_name: string;
  contract_version: string;
  idl_version: "1.0.0";
  instantiate: JsonSchema | null;
  execute: JsonSchema | null;
  query: JsonSchema | null;
  migrate: JsonSchema | null;
  sudo: JsonSchema | null;
  responses: Record<string, JsonSchema> | null;
}

export interface Messages {
  structs: Map<MessageKind, ClassInfo>;
  enums: Map<MessageKind, Variant[]>;
}

/** The messages msg.ts declares: struct messages and enum variants, in declaration order. */
export function collectMessages(prog: Program): Messages {
  const structs = new Map<MessageKind, ClassInfo>();
  const enums = new Map<MessageKind, Variant[]>();
  for (const info of prog.ordered) {
    const msg = tagLine(info.doc, "msg");
    if (msg === undefined) continue;
    const [kind, variant, ...rest] = msg.split(" ");
    if (!MESSAGE_KINDS.includes(kind as MessageKind)) {
      throw new SchemaError(
        `${where(info.node, info.sf)}: @msg ${kind ?? ""}: expected one of ${MESSAGE_KINDS.join(", ")}`,
      );
    }
    if (rest.length > 0)
      throw new SchemaError(`${where(info.node, info.sf)}: @msg takes a message name and at most one variant`);
    const k = kind as MessageKind;
    if (variant === undefined) {
      if (structs.has(k) || enums.has(k)) throw new SchemaError(`${where(info.node, info.sf)}: ${k} is defined twice`);
      structs.set(k, info);
      continue;
    }
    if (structs.has(k)) throw new SchemaError(`${where(info.node, info.sf)}: ${k} is both a struct and an enum`);
    if (!/^[a-z][a-z0-9_]*$/.test(variant)) {
      throw new SchemaError(`${where(info.node, info.sf)}: variant \`${variant}\` must be snake_case`);
    }
    const list = enums.get(k) ?? [];
    if (list.some((v) => v.name === variant))
      throw new SchemaError(`${where(info.node, info.sf)}: ${k}::${variant} is defined twice`);
    const returns = tagLine(info.doc, "returns");
    if (returns !== undefined && k !== "QueryMsg")
      throw new SchemaError(`${where(info.node, info.sf)}: @returns only applies to QueryMsg variants`);
    if (k === "QueryMsg" && returns === undefined) {
      throw new SchemaError(`${where(info.node, info.sf)}: QueryMsg::${variant} needs @returns <ResponseType>`);
    }
    const hookLine = tagLine(info.doc, "hook");
    if (hookLine !== undefined && k !== "ExecuteMsg")
      throw new SchemaError(`${where(info.node, info.sf)}: @hook only applies to ExecuteMsg variants`);
    const hook = hookLine === undefined ? [] : hookLine.split(" ").filter((x) => x !== "");
    if (hookLine !== undefined && hook.length === 0)
      throw new SchemaError(`${where(info.node, info.sf)}: @hook lists the execute variants the hook carries`);
    const unit = hasTag(info.doc, "unit");
    list.push({ name: variant, info, unit, payable: hasTag(info.doc, "payable"), hook, returns });
    enums.set(k, list);
  }
  // A hook carries payable variants of the same enum (its tokens are their funds), never another hook.
  for (const v of enums.get("ExecuteMsg") ?? []) {
    for (const name of v.hook) {
      const target = enums.get("ExecuteMsg")!.find((x) => x.name === name);
      if (target === undefined || !target.payable || target.hook.length > 0) {
        throw new SchemaError(
          `${where(v.info.node, v.info.sf)}: @hook ${name}: expected a @payable ExecuteMsg variant that is not a hook`,
        );
      }
    }
  }
  return { structs, enums };
}

/** Generates every schema of one contract from its msg.ts; pure (reads sources, writes nothing). */
export function buildContractSchema(msgFile: string, meta: { name: string; version: string }): ContractSchema {
  const prog = loadProgram(msgFile);
  const { structs, enums } = collectMessages(prog);

  const schemaOf = (kind: MessageKind): JsonSchema | null => {
    const b = new SchemaBuilder(prog);
    const struct = structs.get(kind);
    if (struct !== undefined) return b.root(kind, b.objectSchema(struct));
    const variants = enums.get(kind);
    if (variants === undefined) return null;
    const oneOf = variants.map((v): JsonSchema => {
      if (v.unit) {
        if (v.info.node.members.some((m) => ts.isPropertyDeclaration(m))) {
          throw new SchemaError(`${where(v.info.node, v.info.sf)}: @unit variant ${v.name} must have no fields`);
        }
        const s: JsonSchema = {};
        if (v.info.doc.description !== "") s.description = v.info.doc.description;
        return { ...s, type: "string", enum: [v.name] };
      }
      const out: JsonSchema = {};
      if (v.info.doc.description !== "") out.description = v.info.doc.description;
      out.type = "object";
      out.required = [v.name];
      out.properties = { [v.name]: b.objectSchema(v.info, "") };
      out.additionalProperties = false;
      return out;
    });
    return b.root(kind, { oneOf });
  };

  let responses: Record<string, JsonSchema> | null = null;
  const queries = enums.get("QueryMsg");
  if (queries !== undefined) {
    responses = {};
    for (const v of [...queries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const b = new SchemaBuilder(prog);
      const typeName = v.returns!;
      responses[v.name] = b.root(
        typeName,
        b.rootBody(typeName, v.info.node, v.info.sf, `QueryMsg::${v.name} @returns`),
      );
    }
  }

  return {
    contract_name: meta.name,
    contract_version: meta.version,
    idl_version: "1.0.0",
    instantiate: schemaOf("InstantiateMsg"),
    execute: schemaOf("ExecuteMsg"),
    query: schemaOf("QueryMsg"),
    migrate: schemaOf("MigrateMsg"),
    sudo: schemaOf("SudoMsg"),
    responses,
  };
}

/**
 * Pretty JSON as committed: 2 spaces, trailing newline, and laid out exactly as Prettier (printWidth 120, the
 * repo's .prettierrc.json) lays out JSON, so `prettier --check .` and `git diff --exit-code schema/` both pass on
 * generated files: objects stay expanded, arrays of scalars go on one line when that line fits.
 */
export function toJson(value: unknown, printWidth = 120): string {
  const out = (v: unknown, indent: string, prefix: string, suffix: string): string => {
    if (Array.isArray(v)) {
      if (v.length === 0) return `${indent}${prefix}[]${suffix}`;
      if (v.every((x) => x === null || typeof x !== "object")) {
        const flat = `${indent}${prefix}[${v.map((x) => JSON.stringify(x)).join(", ")}]${suffix}`;
        if (flat.length <= printWidth) return flat;
      }
      const inner = v.map((x, i) => out(x, indent + "  ", "", i < v.length - 1 ? "," : ""));
      return [`${indent}${prefix}[`, ...inner, `${indent}]${suffix}`].join("\n");
    }
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      if (entries.length === 0) return `${indent}${prefix}{}${suffix}`;
      const inner = entries.map(([k, x], i) =>
        out(x, indent + "  ", `${JSON.stringify(k)}: `, i < entries.length - 1 ? "," : ""),
      );
      return [`${indent}${prefix}{`, ...inner, `${indent}}${suffix}`].join("\n");
    }
    return `${indent}${prefix}${JSON.stringify(v)}${suffix}`;
  };
  return out(value, "", "", "") + "\n";
}

/** Files (relative to the output dir) and contents for one contract. */
export function schemaFiles(schema: ContractSchema): Map<string, string> {
  const files = new Map<string, string>();
  const byKind: [MessageKind, JsonSchema | null][] = [
    ["InstantiateMsg", schema.instantiate],
    ["ExecuteMsg", schema.execute],
    ["QueryMsg", schema.query],
    ["MigrateMsg", schema.migrate],
    ["SudoMsg", schema.sudo],
  ];
  for (const [kind, s] of byKind) if (s !== null) files.set(FILE_NAMES[kind], toJson(s));
  for (const [variant, s] of Object.entries(schema.responses ?? {})) files.set(`responses/${variant}.json`, toJson(s));
  files.set(`${schema.contract_name}.json`, toJson(schema));
  return files;
}

/**
 * Version from `export const CONTRACT_VERSION = "…"` in the contract folder (what cw2 stores), else the package
 * version. The name is the folder name: cw2's CONTRACT_NAME ("crates.io:…") is not a file or package name.
 */
function contractVersion(root: string, dir: string): string {
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith(".ts"))
    .sort()) {
    const m = /export\s+const\s+CONTRACT_VERSION\s*(?::\s*string\s*)?=\s*"([^"]+)"/.exec(
      readFileSync(path.join(dir, f), "utf8"),
    );
    if (m) return m[1]!;
  }
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

export interface GenerateOptions {
  root: string;
  /** Contract folder relative to root, e.g. "contracts/oracle". */
  contractDir: string;
  /** Contract name: `contract_name` and the combined file's name. */
  name: string;
  /** Output folder relative to root, e.g. "schema/oracle". */
  outDir: string;
  /** Compare instead of writing; returns the files that differ. */
  check?: boolean;
}

/** Writes schema/<name>/…; stale files (e.g. a removed query's response) are deleted. Returns changed files. */
export function generateContractSchema(opts: GenerateOptions): string[] {
  const dir = path.join(opts.root, opts.contractDir);
  const meta = { name: opts.name, version: contractVersion(opts.root, dir) };
  const files = schemaFiles(buildContractSchema(path.join(dir, "msg.ts"), meta));
  const outDir = path.join(opts.root, opts.outDir);
  const changed: string[] = [];
  const existing = (sub: string): string[] => {
    const d = path.join(outDir, sub);
    return existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith(".json"))
          .map((f) => path.posix.join(sub, f))
      : [];
  };
  for (const stale of [...existing(""), ...existing("responses")].filter((f) => !files.has(f))) {
    changed.push(path.posix.join(opts.outDir, stale));
    if (!opts.check) rmSync(path.join(outDir, stale));
  }
  for (const [rel, content] of files) {
    const p = path.join(outDir, rel);
    if (existsSync(p) && readFileSync(p, "utf8") === content) continue;
    changed.push(path.posix.join(opts.outDir, rel));
    if (!opts.check) {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
  return changed;
}

/** Contracts with a msg.ts, and the probe (whose schema is a build product, not committed). */
export function schemaTargets(root: string): GenerateOptions[] {
  const out: GenerateOptions[] = [];
  const contracts = path.join(root, "contracts");
  if (existsSync(contracts)) {
    for (const d of readdirSync(contracts, { withFileTypes: true })
      .filter((x) => x.isDirectory())
      .map((x) => x.name)
      .sort()) {
      if (d === "std" || !existsSync(path.join(contracts, d, "msg.ts"))) continue;
      out.push({ root, contractDir: `contracts/${d}`, name: d, outDir: `schema/${d}` });
    }
  }
  if (existsSync(path.join(root, "test/probe/msg.ts"))) {
    out.push({ root, contractDir: "test/probe", name: "probe", outDir: "build/test/schema/probe" });
  }
  return out;
}

export function main(argv: string[], root = repoRoot()): number {
  const check = argv.includes("--check");
  const names = argv.filter((a) => !a.startsWith("-"));
  const bad = argv.filter((a) => a.startsWith("-") && a !== "--check");
  if (bad.length > 0) {
    process.stderr.write(`unknown option ${bad.join(" ")}\nusage: schema [--check] [contract…]\n`);
    return 2;
  }
  let targets = schemaTargets(root);
  if (names.length > 0) {
    const unknown = names.filter((n) => !targets.some((t) => t.name === n));
    if (unknown.length > 0) {
      process.stderr.write(`no msg.ts for: ${unknown.join(", ")}\n`);
      return 2;
    }
    targets = targets.filter((t) => names.includes(t.name));
  }
  let failed = false;
  for (const t of targets) {
    try {
      const changed = generateContractSchema({ ...t, check });
      const verb = check ? (changed.length > 0 ? "OUTDATED" : "ok") : changed.length > 0 ? "wrote" : "unchanged";
      process.stdout.write(`${verb.padEnd(9)} ${t.outDir}${changed.length > 0 ? `  (${changed.length} files)` : ""}\n`);
      if (check) for (const f of changed) process.stdout.write(`  ${f}\n`);
      if (check && changed.length > 0 && t.name !== "probe") failed = true;
    } catch (e) {
      failed = true;
      process.stderr.write(`FAIL      ${t.outDir}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
