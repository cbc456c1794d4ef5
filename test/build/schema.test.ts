// JSON Schema generation (scripts/schema.ts) from an AssemblyScript msg.ts. The fixture in
// test/fixtures/schema/demo uses every convention once; its expected output is committed next to it
// (regenerate with UPDATE_SCHEMA_FIXTURES=1 after reviewing a deliberate change).

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import {
  SchemaError,
  buildContractSchema,
  generateContractSchema,
  main as schemaCli,
  schemaFiles,
  schemaTargets,
  toJson,
  type JsonSchema,
} from "../../scripts/schema.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURE = path.join(ROOT, "test/fixtures/schema/demo/msg.ts");
const EXPECTED = path.join(ROOT, "test/fixtures/schema/expected");

const schema = buildContractSchema(FIXTURE, { name: "demo", version: "0.0.1" });
const files = schemaFiles(schema);

const listJson = (dir: string, sub = ""): string[] =>
  readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listJson(dir, path.posix.join(sub, e.name)) : [path.posix.join(sub, e.name)],
  );

describe("schema of the fixture contract", () => {
  if (process.env.UPDATE_SCHEMA_FIXTURES === "1") {
    rmSync(EXPECTED, { recursive: true, force: true });
    for (const [rel, text] of files) {
      mkdirSync(path.dirname(path.join(EXPECTED, rel)), { recursive: true });
      writeFileSync(path.join(EXPECTED, rel), text);
    }
  }

  it("matches the committed expected files byte for byte", () => {
    expect([...files.keys()].sort()).toEqual(listJson(EXPECTED).sort());
    for (const [rel, text] of files) expect(text, rel).toBe(readFileSync(path.join(EXPECTED, rel), "utf8"));
  });

  it("emits cosmwasm-schema's file set and combined document", () => {
    expect([...files.keys()]).toEqual([
      "instantiate_msg.json",
      "execute_msg.json",
      "query_msg.json",
      "migrate_msg.json",
      "sudo_msg.json",
      "responses/balance.json",
      "responses/config.json",
      "responses/count.json",
      "demo.json",
    ]);
    expect(Object.keys(schema)).toEqual([
      "contract_name",
      "contract_version",
      "idl_version",
      "instantiate",
      "execute",
      "query",
      "migrate",
      "sudo",
      "responses",
    ]);
    expect(schema).toMatchObject({ contract_name: "demo", contract_version: "0.0.1", idl_version: "1.0.0" });
    expect(Object.keys(schema.responses!)).toEqual(["balance", "config", "count"]);
  });

  it("a struct message: title, description paragraphs, required vs optional, refs", () => {
    const s = schema.instantiate!;
    expect(s.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(s.title).toBe("InstantiateMsg");
    expect(s.description).toBe("Creates the demo.\n\nSecond paragraph, wrapped over two lines.");
    expect(s.type).toBe("object");
    expect(s.additionalProperties).toBe(false);
    // `T | null` and @optional fields are not required; private/static members are not fields
    expect(s.required).toEqual(["admin", "offset", "paused", "shares", "timeout"]);
    const props = s.properties as Record<string, JsonSchema>;
    expect(Object.keys(props)).toEqual(["admin", "expires", "fee", "limit", "offset", "paused", "shares", "timeout"]);
    expect(props.admin).toEqual({ description: "Admin address.", type: "string" });
    expect(props.fee).toEqual({ anyOf: [{ $ref: "#/definitions/Uint128" }, { type: "null" }] });
    expect(props.limit).toEqual({
      description: "Default 10, at most 30.",
      anyOf: [{ type: "integer", format: "uint32", minimum: 0 }, { type: "null" }],
    });
    expect(props.offset).toEqual({ type: "integer", format: "int64" });
    expect(props.paused).toEqual({ type: "boolean" });
    expect(props.shares).toEqual({ type: "array", items: { $ref: "#/definitions/Share" } });
    // a type alias from an imported file of the same folder
    expect(props.timeout).toEqual({ type: "integer", format: "uint64", minimum: 0 });
    // definitions: classes of the folder (incl. the imported types.ts) and std types, sorted, each closed
    const defs = s.definitions as Record<string, JsonSchema>;
    expect(Object.keys(defs)).toEqual(["Decimal", "Expiration", "Share", "Uint128"]);
    expect(defs.Expiration).toMatchObject({ description: "A block height after which something expires." });
    expect(defs.Share!.additionalProperties).toBe(false);
    expect((defs.Share!.properties as Record<string, JsonSchema>).weight).toEqual({
      description: "Fraction of the total, 0 < share ≤ 1.",
      allOf: [{ $ref: "#/definitions/Decimal" }],
    });
    expect(defs.Uint128).toMatchObject({ type: "string", pattern: "^[0-9]+$" });
    expect(defs.Decimal).toMatchObject({ type: "string", pattern: "^[0-9]+(\\.[0-9]{1,18})?$" });
  });

  it("an externally tagged enum: variants in declaration order, struct bodies inline, unit variants as strings", () => {
    const s = schema.execute!;
    expect(s.title).toBe("ExecuteMsg");
    const oneOf = s.oneOf as JsonSchema[];
    expect(oneOf.map((v) => (v.type === "string" ? (v.enum as string[])[0] : (v.required as string[])[0]))).toEqual([
      "deposit",
      "withdraw",
      "pause",
    ]);
    const deposit = oneOf[0]!;
    expect(deposit).toMatchObject({
      description: "Deposits the attached funds.",
      type: "object",
      required: ["deposit"],
      additionalProperties: false,
    });
    const body = (deposit.properties as Record<string, JsonSchema>).deposit!;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(["source"]);
    const props = body.properties as Record<string, JsonSchema>;
    // @enum: values, then the prose after the double space is the description
    expect(props.source).toEqual({
      description: "Where the funds come from.",
      type: "string",
      enum: ["balance", "grant"],
    });
    // @enum on a string array restricts the items
    expect(props.tags).toEqual({
      anyOf: [{ type: "array", items: { type: "string", enum: ["a", "b"] } }, { type: "null" }],
    });
    expect(props.memo).toEqual({ anyOf: [{ $ref: "#/definitions/Binary" }, { type: "null" }] });
    expect(oneOf[2]).toEqual({ description: "Pauses everything.", type: "string", enum: ["pause"] });
    expect(Object.keys(s.definitions as object)).toEqual(["Binary", "Coin", "Uint128"]);
  });

  it("queries declare responses: classes, std types and primitives", () => {
    const r = schema.responses!;
    expect(r.config).toMatchObject({ title: "ConfigResponse", type: "object", required: ["admin", "shares"] });
    expect(Object.keys(r.config!.definitions as object)).toEqual(["Decimal", "Share"]);
    expect(r.balance).toMatchObject({ title: "Coin", type: "object", required: ["amount", "denom"] });
    expect(Object.keys(r.balance!.definitions as object)).toEqual(["Uint128"]);
    expect(r.count).toEqual({
      $schema: "http://json-schema.org/draft-07/schema#",
      title: "u64",
      type: "integer",
      format: "uint64",
      minimum: 0,
    });
  });

  it("migrate and sudo", () => {
    expect(schema.migrate).toMatchObject({ title: "MigrateMsg", type: "object", additionalProperties: false });
    expect(schema.migrate!.required).toBeUndefined();
    expect((schema.sudo!.oneOf as JsonSchema[])[0]!.required).toEqual(["reset"]);
  });

  it("is deterministic and formatted as Prettier formats JSON", async () => {
    const again = schemaFiles(buildContractSchema(FIXTURE, { name: "demo", version: "0.0.1" }));
    expect([...again]).toEqual([...files]);
    const config = (await prettier.resolveConfig(path.join(ROOT, "schema/x.json"))) ?? {};
    for (const [rel, text] of files) {
      expect(text.endsWith("}\n")).toBe(true);
      expect(await prettier.check(text, { ...config, parser: "json" }), rel).toBe(true);
    }
  });
});

describe("toJson", () => {
  it("keeps scalar arrays on one line only when the line fits", () => {
    expect(toJson({ a: ["x", "y"], b: {} })).toBe('{\n  "a": ["x", "y"],\n  "b": {}\n}\n');
    const long = Array.from({ length: 20 }, (_, i) => `value_${i}`);
    // "{", "\"a\": [", 20 items, "]", "}" and the empty string after the final newline
    expect(toJson({ a: long }).split("\n")).toHaveLength(25);
    expect(toJson([{ a: 1 }])).toBe('[\n  {\n    "a": 1\n  }\n]\n');
  });
});

describe("schema errors name the file, line and field", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "schema-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const gen = (source: string): (() => unknown) => {
    const file = path.join(dir, `msg-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, source);
    return () => buildContractSchema(file, { name: "x", version: "1" });
  };

  it("unknown field types", () => {
    expect(gen(`/** @msg InstantiateMsg */\nexport class I {\n  a: Mystery = new Mystery();\n}`)).toThrow(
      /msg-\w+\.ts:3:6: I\.a: unknown type Mystery/,
    );
  });
  it("floats", () => {
    expect(gen(`/** @msg InstantiateMsg */\nexport class I { a: f64 = 0; }`)).toThrow(/floats are not allowed/);
  });
  it("queries without @returns, unknown message names, duplicate variants", () => {
    expect(gen(`/** @msg QueryMsg q */\nexport class Q { a: u8 = 0; }`)).toThrow(/QueryMsg::q needs @returns/);
    expect(gen(`/** @msg InstanciateMsg */\nexport class I { a: u8 = 0; }`)).toThrow(/@msg InstanciateMsg: expected/);
    expect(gen(`/** @msg ExecuteMsg a */ export class A {}\n/** @msg ExecuteMsg a */ export class B {}`)).toThrow(
      /ExecuteMsg::a is defined twice/,
    );
    expect(gen(`/** @msg ExecuteMsg Bad */ export class A {}`)).toThrow(/must be snake_case/);
  });
  it("unions other than T | null, and a missing annotation", () => {
    expect(gen(`/** @msg InstantiateMsg */ export class I { a: string | u8 = ""; }`)).toThrow(/only `T \| null`/);
    expect(gen(`/** @msg InstantiateMsg */ export class I { a = ""; }`)).toThrow(/needs a type annotation/);
  });
  it("@hook: only on ExecuteMsg variants, listing payable execute variants that are not hooks", () => {
    const pay = `/** @msg ExecuteMsg deposit @payable */ export class D {}\n/** @msg ExecuteMsg settle */ export class S {}\n`;
    const hook = (tags: string): string => `/** @msg ExecuteMsg receive ${tags} */ export class R { msg: Uint8Array = new Uint8Array(0); }`;
    expect(gen(pay + hook("@hook deposit"))).not.toThrow();
    expect(gen(pay + hook("@hook settle"))).toThrow(/@hook settle: expected a @payable ExecuteMsg variant/);
    expect(gen(pay + hook("@hook nope"))).toThrow(/@hook nope: expected a @payable ExecuteMsg variant/);
    expect(gen(pay + hook("@payable @hook receive"))).toThrow(/@hook receive: expected a @payable ExecuteMsg variant/);
    expect(gen(pay + hook("@hook"))).toThrow(/@hook lists the execute variants/);
    expect(gen(`/** @msg QueryMsg q @returns Q @hook x */ export class Q {}`)).toThrow(/@hook only applies to ExecuteMsg/);
  });
  it("@enum on a non-string field", () => {
    expect(gen(`/** @msg InstantiateMsg */ export class I { /** @enum a b */ a: u8 = 0; }`)).toThrow(
      /@enum needs a string field/,
    );
  });
});

describe("writing schema/<contract>/", () => {
  const root = mkdtempSync(path.join(tmpdir(), "schema-root-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ version: "9.9.9" }));
  const contract = path.join(root, "contracts/demo");
  mkdirSync(contract, { recursive: true });
  mkdirSync(path.join(root, "contracts/std"), { recursive: true });
  for (const f of ["msg.ts", "types.ts", "as-types.ts"]) {
    writeFileSync(path.join(contract, f), readFileSync(path.join(ROOT, "test/fixtures/schema/demo", f)));
  }
  writeFileSync(path.join(contract, "state.ts"), `export const CONTRACT_VERSION = "2.0.1";\n`);

  it("writes the files, removes stale ones and reports changes; --check compares", () => {
    const opts = { root, contractDir: "contracts/demo", name: "demo", outDir: "schema/demo" };
    mkdirSync(path.join(root, "schema/demo/responses"), { recursive: true });
    writeFileSync(path.join(root, "schema/demo/responses/removed_query.json"), "{}\n");
    const changed = generateContractSchema(opts);
    expect(changed).toContain("schema/demo/responses/removed_query.json");
    expect(existsSync(path.join(root, "schema/demo/responses/removed_query.json"))).toBe(false);
    expect(listJson(path.join(root, "schema/demo")).sort()).toEqual([...files.keys()].sort());
    const combined = JSON.parse(readFileSync(path.join(root, "schema/demo/demo.json"), "utf8")) as JsonSchema;
    expect(combined.contract_version).toBe("2.0.1"); // CONTRACT_VERSION of the folder wins over package.json
    expect(generateContractSchema(opts)).toEqual([]);
    expect(generateContractSchema({ ...opts, check: true })).toEqual([]);
  });

  it("the CLI regenerates every contract and --check fails on drift", () => {
    expect(schemaTargets(root).map((t) => t.outDir)).toEqual(["schema/demo"]);
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    try {
      expect(schemaCli([], root)).toBe(0);
      expect(schemaCli(["--check"], root)).toBe(0);
      writeFileSync(path.join(root, "schema/demo/query_msg.json"), "{}\n");
      expect(schemaCli(["--check"], root)).toBe(1);
      expect(schemaCli(["demo"], root)).toBe(0);
      expect(schemaCli(["--check"], root)).toBe(0);
      expect(schemaCli(["nope"], root)).toBe(2);
    } finally {
      process.stdout.write = write;
    }
  });

  it("rejects a schema error with exit 1", () => {
    const bad = path.join(root, "contracts/bad");
    mkdirSync(bad, { recursive: true });
    writeFileSync(path.join(bad, "msg.ts"), `/** @msg InstantiateMsg */ export class I { a: Nope = 0; }`);
    const err = process.stderr.write.bind(process.stderr);
    const out = process.stdout.write.bind(process.stdout);
    let captured = "";
    process.stderr.write = (s: string | Uint8Array) => ((captured += String(s)), true);
    process.stdout.write = () => true;
    try {
      expect(schemaCli(["bad"], root)).toBe(1);
    } finally {
      process.stderr.write = err;
      process.stdout.write = out;
    }
    expect(captured).toMatch(/unknown type Nope/);
    expect(() => buildContractSchema(path.join(bad, "msg.ts"), { name: "bad", version: "1" })).toThrow(SchemaError);
  });
});

describe("committed schema/ of the contracts", () => {
  it("is up to date with each contract's msg.ts (what CI's git diff --exit-code checks)", () => {
    for (const t of schemaTargets(ROOT).filter((x) => x.name !== "probe")) {
      expect(generateContractSchema({ ...t, check: true }), t.outDir).toEqual([]);
    }
  });
});
