// The CosmWasm upload gate (sim/wasm/upload-check.ts) and its CLI (scripts/check-wasm.ts). Bad modules are built
// byte-exact with test/fixtures/wasm/builder.ts, plus real asc output for the defaults the recipe turns off.

import asc from "assemblyscript/asc";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { main as checkWasmCli } from "../../scripts/check-wasm.js";
import {
  CAPABILITIES_WASMD_061,
  WasmCheckError,
  assertValidWasm,
  checkWasm,
  type WasmReport,
  type WasmViolation,
} from "../../sim/wasm/upload-check.js";
import { T, buildModule, minimalContract, type ModuleSpec } from "../fixtures/wasm/builder.js";

// lib "ES2022" without DOM declares no WebAssembly value; Node has it.
const engine = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;

const build = (mutate: (s: ModuleSpec) => void): Uint8Array => {
  const s = minimalContract();
  mutate(s);
  return buildModule(s);
};

/** Index of the first defined function (allocate) in the minimal contract: after the one import. */
const ALLOCATE = 1;

function violation(report: WasmReport, rule: string): WasmViolation {
  const v = report.violations.find((x) => x.rule === rule);
  if (v === undefined) {
    throw new Error(`no ${rule} violation; got:\n${report.violations.map((x) => `${x.rule}: ${x.item}`).join("\n")}`);
  }
  return v;
}

/** The report must fail with exactly these rules (so one defect does not drag unrelated rules along). */
function expectRules(report: WasmReport, rules: string[]): void {
  expect(report.ok).toBe(false);
  expect([...new Set(report.violations.map((v) => v.rule))].sort()).toEqual([...rules].sort());
}

describe("checkWasm: a correct module", () => {
  const bytes = buildModule(minimalContract());

  it("accepts the minimal contract and describes it", () => {
    const report = checkWasm(bytes);
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.functionCount).toBe(6);
    expect(report.floatOps).toBe(0);
    expect(report.bytes).toBe(bytes.length);
    expect(report.imports).toEqual([{ module: "env", name: "abort", kind: "function", params: ["i32"], results: [] }]);
    expect(report.exports).toContainEqual({ name: "allocate", kind: "function", params: ["i32"], results: ["i32"] });
    expect(report.exports).toContainEqual({ name: "memory", kind: "memory" });
  });

  it("is a valid module for the engine too (the builder is sound)", () => {
    expect(engine.validate(bytes)).toBe(true);
  });

  it("assertValidWasm returns the report", () => {
    expect(assertValidWasm(bytes).ok).toBe(true);
  });

  it("accepts every import of the whitelist with its VM signature", () => {
    const s = minimalContract();
    s.types.push([["i32", "i32", "i32"], ["i64"]], [["i32", "i32", "i32", "i32"], ["i32"]], [["i32", "i32"], []]);
    const [recover, four, write] = [5, 6, 7];
    const imports: [string, number][] = [
      ["debug", T.i32_void],
      ["db_read", T.i32_i32],
      ["db_write", write],
      ["db_remove", T.i32_void],
      ["db_scan", T.three_i32],
      ["db_next", T.i32_i32],
      ["db_next_key", T.i32_i32],
      ["db_next_value", T.i32_i32],
      ["addr_validate", T.i32_i32],
      ["addr_canonicalize", T.two_i32],
      ["addr_humanize", T.two_i32],
      ["secp256k1_verify", T.three_i32],
      ["secp256k1_recover_pubkey", recover],
      ["secp256r1_verify", T.three_i32],
      ["secp256r1_recover_pubkey", recover],
      ["ed25519_verify", T.three_i32],
      ["ed25519_batch_verify", T.three_i32],
      ["bls12_381_aggregate_g1", T.two_i32],
      ["bls12_381_aggregate_g2", T.two_i32],
      ["bls12_381_pairing_equality", four],
      ["bls12_381_hash_to_g1", four],
      ["bls12_381_hash_to_g2", four],
      ["query_chain", T.i32_i32],
    ];
    // Imports come first in the function index space: shift the exports' indices.
    s.imports.push(...imports.map(([name, type]) => ({ module: "env", name, kind: "func" as const, type })));
    for (const e of s.exports) if (e.kind === "func") e.index += imports.length;
    const report = checkWasm(buildModule(s));
    expect(report.violations).toEqual([]);
    expect(report.imports).toHaveLength(24);
  });

  it("accepts migrate with 2 or 3 params, sudo/reply with 2, tables with a max, sign-extension and sat-trunc", () => {
    const report = checkWasm(
      build((s) => {
        s.funcs.push({ type: T.two_i32, body: [0x41, 0x00] }, { type: T.three_i32, body: [0x41, 0x00] });
        s.exports.push({ name: "migrate", kind: "func", index: 7 }, { name: "sudo", kind: "func", index: 7 });
        s.exports.push({ name: "reply", kind: "func", index: 7 });
        s.tables.push({ limits: { min: 3, max: 3 } });
        s.elements = [[1, 2, 3]];
        // allocate: i32.extend8_s; i32.const 0; call_indirect (type 0) table 0 (single zero byte, MVP encoding)
        s.funcs[0]!.body = [0x20, 0x00, 0xc0, 0x41, 0x00, 0x11, T.i32_i32, 0x00];
      }),
    );
    expect(report.violations).toEqual([]);
    const threeArgMigrate = build((s) => {
      s.funcs.push({ type: T.three_i32, body: [0x41, 0x00] });
      s.exports.push({ name: "migrate", kind: "func", index: 7 });
    });
    expect(checkWasm(threeArgMigrate).ok).toBe(true);
  });

  it("counts float ops (legal on chain, reported for the build gate)", () => {
    const report = checkWasm(
      build((s) => {
        // f64.const 1; f64.const 2; f64.add; i32.trunc_sat_f64_s; drop; plus f32.load / f32.store
        s.funcs[1]!.body = [
          0x44,
          ...new Array<number>(8).fill(0),
          0x44,
          ...new Array<number>(8).fill(0),
          0xa0,
          0xfc,
          0x02,
          0x1a,
          0x41,
          0x00,
          0x41,
          0x00,
          0x2a,
          0x02,
          0x00,
          0x38,
          0x02,
          0x00,
        ];
      }),
    );
    expect(report.ok).toBe(true);
    expect(report.floatOps).toBe(6);
  });

  it("decodes immediates: 0xFC / 0xFD / 0xFE bytes inside constants are not instructions", () => {
    const report = checkWasm(
      build((s) => {
        // i64.const whose LEB bytes include 0xFC 0xFD 0xFE; i32.const 0x7e (0xFE 0x00 in LEB); drop both
        s.funcs[1]!.body = [0x42, 0xfc, 0xfd, 0xfe, 0x00, 0x1a, 0x41, 0xfe, 0x00, 0x1a];
      }),
    );
    expect(report.violations).toEqual([]);
  });
});

describe("checkWasm: wasm features", () => {
  it("rejects memory.copy (bulk memory) and names the function and offset", () => {
    const bytes = build((s) => {
      s.funcs[0]!.body = [0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0a, 0x00, 0x00, 0x20, 0x00];
    });
    const report = checkWasm(bytes);
    expectRules(report, ["no-bulk-memory"]);
    const v = violation(report, "no-bulk-memory");
    expect(v.item).toMatch(new RegExp(`^function ${ALLOCATE} \\(offset 0x[0-9a-f]+\\): memory\\.copy$`));
    // the offset is the opcode's own position in the file
    const offset = Number.parseInt(/offset (0x[0-9a-f]+)/.exec(v.item)![1]!, 16);
    expect([bytes[offset], bytes[offset + 1]]).toEqual([0xfc, 0x0a]);
    expect(v.message).toMatch(/bulk memory/);
  });

  it("rejects memory.fill, memory.init and data.drop", () => {
    const fill = checkWasm(
      build((s) => {
        s.funcs[1]!.body = [0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0b, 0x00];
      }),
    );
    expect(violation(fill, "no-bulk-memory").item).toMatch(/memory\.fill$/);
    const init = checkWasm(
      build((s) => {
        s.dataCount = 1;
        s.funcs[1]!.body = [0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x08, 0x00, 0x00, 0xfc, 0x09, 0x00];
      }),
    );
    const items = init.violations.filter((v) => v.rule === "no-bulk-memory").map((v) => v.item);
    expect(items.some((i) => i.endsWith("memory.init"))).toBe(true);
    expect(items.some((i) => i.endsWith("data.drop"))).toBe(true);
  });

  it("rejects a DataCount section on its own", () => {
    const report = checkWasm(build((s) => (s.dataCount = 1)));
    expectRules(report, ["no-bulk-memory"]);
    expect(violation(report, "no-bulk-memory").item).toBe("section datacount: DataCount section (id 12)");
  });

  it("rejects SIMD", () => {
    // v128.const 0 (16 bytes); i8x16.extract_lane_s 0; drop
    const report = checkWasm(
      build((s) => {
        s.funcs[1]!.body = [0xfd, 0x0c, ...new Array<number>(16).fill(0), 0xfd, 0x15, 0x00, 0x1a];
      }),
    );
    expectRules(report, ["no-simd"]);
    expect(violation(report, "no-simd").item).toMatch(/^function 2 \(offset 0x[0-9a-f]+\): SIMD instruction 0xFD 12$/);
  });

  it("rejects reference-type instructions and types", () => {
    const refFunc = checkWasm(
      build((s) => {
        s.funcs[1]!.body = [0xd2, 0x01, 0xd1, 0x1a]; // ref.func 1; ref.is_null; drop
      }),
    );
    expectRules(refFunc, ["no-reference-types"]);
    expect(refFunc.violations.map((v) => v.item.split(": ")[1])).toEqual(["ref.func", "ref.is_null"]);
    const externParam = checkWasm(build((s) => s.types.push([["externref"], []])));
    expect(violation(externParam, "no-reference-types").item).toMatch(/externref in type 5/);
    const typedSelect = checkWasm(
      build((s) => {
        s.funcs[1]!.body = [0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x1c, 0x01, 0x7f, 0x1a];
      }),
    );
    expect(violation(typedSelect, "no-reference-types").item).toMatch(/select \(typed: i32\)/);
    const tableSize = checkWasm(
      build((s) => {
        s.tables.push({ limits: { min: 1, max: 1 } });
        s.funcs[1]!.body = [0xfc, 0x10, 0x00, 0x1a]; // table.size 0; drop
      }),
    );
    expect(violation(tableSize, "no-reference-types").item).toMatch(/table\.size$/);
  });

  it("rejects call_indirect on a table other than 0, but accepts the padded table-0 encoding of Rust >= 1.82", () => {
    const padded = checkWasm(
      build((s) => {
        s.tables.push({ limits: { min: 1, max: 1 } });
        s.funcs[1]!.body = [0x41, 0x00, 0x41, 0x00, 0x11, T.i32_void, 0x80, 0x80, 0x80, 0x80, 0x00];
      }),
    );
    expect(padded.violations).toEqual([]);
    const table1 = checkWasm(
      build((s) => {
        s.tables.push({ limits: { min: 1, max: 1 } }, { limits: { min: 1, max: 1 } });
        s.funcs[1]!.body = [0x41, 0x00, 0x41, 0x00, 0x11, T.i32_void, 0x01];
      }),
    );
    expect(violation(table1, "no-reference-types").item).toMatch(/call_indirect on table 1$/);
    expect(violation(table1, "table-count").item).toBe("2 tables");
  });

  it("rejects tail calls, exceptions and atomics", () => {
    const tail = checkWasm(build((s) => (s.funcs[1]!.body = [0x41, 0x00, 0x12, 0x02])));
    expect(violation(tail, "no-tail-calls").item).toMatch(/return_call$/);
    const exc = checkWasm(build((s) => (s.funcs[1]!.body = [0x06, 0x40, 0x19, 0x0b])));
    expect(exc.violations.filter((v) => v.rule === "no-exceptions").map((v) => v.item.split(": ")[1])).toEqual([
      "try",
      "catch_all",
    ]);
    const atomic = checkWasm(build((s) => (s.funcs[1]!.body = [0x41, 0x00, 0xfe, 0x10, 0x02, 0x00, 0x1a])));
    expect(violation(atomic, "no-threads").item).toMatch(/atomic instruction 0xFE 16$/);
    const shared = checkWasm(build((s) => (s.memories = [{ min: 1, max: 2, shared: true }])));
    expect(violation(shared, "no-threads").item).toMatch(/shared memory 0/);
  });
});

describe("checkWasm: memories, tables, limits", () => {
  it("rejects a memory maximum", () => {
    const report = checkWasm(build((s) => (s.memories = [{ min: 1, max: 16 }])));
    expectRules(report, ["memory-maximum"]);
    expect(violation(report, "memory-maximum")).toMatchObject({ item: "memory 0" });
    expect(violation(report, "memory-maximum").message).toMatch(/maximum 16 pages/);
  });

  it("rejects more than 512 initial pages, and no memory or two memories", () => {
    expect(violation(checkWasm(build((s) => (s.memories = [{ min: 513 }]))), "memory-initial").item).toBe("memory 0");
    expect(checkWasm(build((s) => (s.memories = [{ min: 512 }]))).ok).toBe(true);
    const none = checkWasm(
      build((s) => {
        s.memories = [];
        s.data = [];
        s.exports = s.exports.filter((e) => e.kind !== "memory");
      }),
    );
    expect(violation(none, "memory-count").item).toBe("0 memories");
    expect(violation(none, "export-memory").item).toBe("memory");
  });

  it("rejects an imported memory", () => {
    const report = checkWasm(
      build((s) => {
        s.memories = [];
        s.imports.push({ module: "env", name: "memory", kind: "memory", limits: { min: 1 } });
      }),
    );
    expectRules(report, ["memory-imported"]);
    expect(violation(report, "memory-imported").item).toBe("import env.memory");
  });

  it("rejects a table without maximum, and one above 2500 elements", () => {
    const unbounded = checkWasm(build((s) => s.tables.push({ limits: { min: 1 } })));
    expectRules(unbounded, ["table-maximum"]);
    expect(violation(unbounded, "table-maximum").item).toBe("table 0");
    const big = checkWasm(build((s) => s.tables.push({ limits: { min: 1, max: 2501 } })));
    expect(violation(big, "table-size").message).toMatch(/2501 exceeds 2500/);
    expect(checkWasm(build((s) => s.tables.push({ limits: { min: 1, max: 2500 } }))).ok).toBe(true);
  });

  it("rejects a function type with two results", () => {
    const report = checkWasm(build((s) => s.types.push([["i32"], ["i32", "i32"]])));
    expectRules(report, ["function-results"]);
    expect(violation(report, "function-results").item).toBe("type 5 (i32)->(i32,i32)");
  });

  it("rejects more than 100 params per type and more than 10,000 params in total", () => {
    const many = checkWasm(build((s) => s.types.push([new Array<"i32">(101).fill("i32"), []])));
    expect(violation(many, "function-params").item).toMatch(/^type 5 /);
    const total = checkWasm(
      build((s) => {
        s.types.push([new Array<"i32">(100).fill("i32"), []]);
        for (let i = 0; i < 101; i++) s.funcs.push({ type: 5 });
      }),
    );
    // 10 params in the minimal contract's own functions + 101 × 100
    expect(violation(total, "total-params").item).toBe("10110 params");
  });

  it("rejects more than 20,000 functions", () => {
    const report = checkWasm(
      build((s) => {
        for (let i = 0; i < 20_000 - 6 + 1; i++) s.funcs.push({ type: T.void_void });
      }),
    );
    expectRules(report, ["function-count"]);
    expect(violation(report, "function-count").item).toBe("20001 functions");
  });

  it("rejects more than 800 KiB (and honours maxBytes)", () => {
    const big = build((s) => (s.data = [{ offset: 0, bytes: new Array<number>(819_200).fill(7) }]));
    expect(violation(checkWasm(big), "size").item).toBe(`${big.length} bytes`);
    const small = buildModule(minimalContract());
    expect(violation(checkWasm(small, { maxBytes: 100 }), "size").message).toMatch(/100-byte limit/);
  });
});

describe("checkWasm: imports and exports", () => {
  it("rejects AssemblyScript's default 4-argument abort", () => {
    const report = checkWasm(
      build((s) => {
        s.types.push([["i32", "i32", "i32", "i32"], []]);
        s.imports[0] = { module: "env", name: "abort", kind: "func", type: 5 };
      }),
    );
    expectRules(report, ["import-signature"]);
    expect(violation(report, "import-signature")).toEqual({
      rule: "import-signature",
      item: "env.abort",
      message: "expects (i32)->(), found (i32,i32,i32,i32)->()",
    });
  });

  it("rejects unknown imports, other modules and non-function imports", () => {
    const report = checkWasm(
      build((s) => {
        s.types.push([[], ["f64"]]);
        s.imports.push({ module: "env", name: "seed", kind: "func", type: 5 });
        s.imports.push({ module: "env", name: "foo", kind: "func", type: T.void_void });
        s.imports.push({ module: "wasi", name: "db_read", kind: "func", type: T.i32_i32 });
        s.imports.push({ module: "env", name: "g", kind: "global", type: "i32" });
        for (const e of s.exports) if (e.kind === "func") e.index += 3;
      }),
    );
    expectRules(report, ["import-whitelist", "import-kind"]);
    expect(report.violations.filter((v) => v.rule === "import-whitelist").map((v) => v.item)).toEqual([
      "env.seed",
      "env.foo",
      "wasi.db_read",
    ]);
    expect(violation(report, "import-kind").item).toBe("env.g");
  });

  it("rejects more than 100 imports", () => {
    const report = checkWasm(
      build((s) => {
        for (let i = 0; i < 100; i++) s.imports.push({ module: "env", name: "debug", kind: "func", type: T.i32_void });
        for (const e of s.exports) if (e.kind === "func") e.index += 100;
      }),
    );
    expectRules(report, ["import-count"]);
  });

  it("rejects a missing interface_version_8", () => {
    const report = checkWasm(build((s) => (s.exports = s.exports.filter((e) => e.name !== "interface_version_8"))));
    expectRules(report, ["interface-version"]);
    expect(violation(report, "interface-version").item).toBe("interface_version_8");
    expect(violation(report, "interface-version").message).toMatch(/missing/);
  });

  it("rejects two interface_version exports, and an old one", () => {
    const two = checkWasm(build((s) => s.exports.push({ name: "interface_version_7", kind: "func", index: 3 })));
    expectRules(two, ["interface-version"]);
    expect(violation(two, "interface-version").item).toBe("interface_version_8, interface_version_7");
    const old = checkWasm(
      build((s) => {
        const e = s.exports.find((x) => x.name === "interface_version_8")!;
        e.name = "interface_version_7";
      }),
    );
    expect(violation(old, "interface-version").item).toBe("interface_version_7");
    const wrongSig = checkWasm(
      build((s) => (s.exports.find((x) => x.name === "interface_version_8")!.index = ALLOCATE)),
    );
    expect(violation(wrongSig, "interface-version").message).toBe("expects ()->(), found (i32)->i32");
  });

  it("requires allocate (i32)->i32, deallocate (i32)->() and the memory export", () => {
    const missing = checkWasm(build((s) => (s.exports = s.exports.filter((e) => e.kind !== "func" || e.index > 2))));
    expectRules(missing, ["export-allocate", "export-deallocate"]);
    const swapped = checkWasm(
      build((s) => {
        s.exports.find((e) => e.name === "allocate")!.index = 2;
        s.exports.find((e) => e.name === "deallocate")!.index = 1;
      }),
    );
    expect(violation(swapped, "export-allocate").message).toBe("expects (i32)->i32, found (i32)->()");
    expect(violation(swapped, "export-deallocate").message).toBe("expects (i32)->(), found (i32)->i32");
    const noMemory = checkWasm(build((s) => (s.exports = s.exports.filter((e) => e.kind !== "memory"))));
    expectRules(noMemory, ["export-memory"]);
  });

  it("checks entry-point arity", () => {
    const report = checkWasm(
      build((s) => {
        s.exports.find((e) => e.name === "query")!.index = 4; // a 3-param function as query
        s.exports.find((e) => e.name === "instantiate")!.index = 6; // 2-param function as instantiate
      }),
    );
    expectRules(report, ["entry-point-signature"]);
    expect(report.violations.map((v) => [v.item, v.message])).toEqual([
      ["instantiate", "expects (i32,i32,i32)->i32, found (i32,i32)->i32"],
      ["query", "expects (i32,i32)->i32, found (i32,i32,i32)->i32"],
    ]);
    const migrate = checkWasm(build((s) => s.exports.push({ name: "migrate", kind: "func", index: ALLOCATE })));
    expect(violation(migrate, "entry-point-signature").message).toBe(
      "expects (i32,i32)->i32 or (i32,i32,i32)->i32, found (i32)->i32",
    );
  });

  it("checks requires_<capability> against the available set", () => {
    const bytes = build((s) => {
      s.exports.push({ name: "requires_akash", kind: "func", index: 3 });
      s.exports.push({ name: "requires_iterator", kind: "func", index: 3 });
    });
    const report = checkWasm(bytes);
    expectRules(report, ["capability"]);
    expect(violation(report, "capability").item).toBe("requires_akash");
    expect(CAPABILITIES_WASMD_061).toContain("ibc2");
    expect(checkWasm(bytes, { availableCapabilities: [...CAPABILITIES_WASMD_061, "akash"] }).ok).toBe(true);
  });

  it("rejects a start section", () => {
    const report = checkWasm(build((s) => (s.start = 3)));
    expectRules(report, ["start-section"]);
    expect(violation(report, "start-section").item).toBe("start function 3");
  });
});

describe("checkWasm: malformed input", () => {
  it("rejects a bad header", () => {
    expect(violation(checkWasm(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0])), "header").message).toMatch(
      /version 2/,
    );
    expect(violation(checkWasm(new Uint8Array([1, 2, 3])), "header").item).toBe("offset 0x0");
  });

  it("rejects sections out of order", () => {
    const s = minimalContract();
    s.rawSections = [{ id: 1, payload: [0x00] }];
    expect(violation(checkWasm(buildModule(s)), "section-order").message).toMatch(/type out of order/);
  });

  it("rejects truncation, unknown opcodes and unbalanced blocks", () => {
    const good = buildModule(minimalContract());
    expect(violation(checkWasm(good.subarray(0, good.length - 3)), "malformed").message).toMatch(
      /past the end|unexpected end/,
    );
    const unknownOp = checkWasm(build((s) => (s.funcs[1]!.body = [0xff])));
    expect(violation(unknownOp, "malformed").message).toMatch(/unknown opcode 0xff/);
    const unbalanced = checkWasm(build((s) => (s.funcs[1]!.body = [0x0b, 0x01])));
    expect(violation(unbalanced, "malformed").message).toMatch(/trailing bytes/);
    const badLocal = checkWasm(build((s) => (s.funcs[1]!.body = [0x20, 0x05, 0x1a])));
    expect(violation(badLocal, "malformed").message).toMatch(/local index 5 out of range/);
  });

  it("still lists what it read before the malformed part", () => {
    const report = checkWasm(build((s) => (s.funcs[1]!.body = [0xff])));
    expect(report.imports).toHaveLength(1);
    expect(report.exports.length).toBeGreaterThan(0);
  });

  it("reports type errors the decoder does not check through the engine's validator", () => {
    // i64.const 0 returned from a function that returns i32
    const report = checkWasm(build((s) => (s.funcs[0]!.body = [0x42, 0x00])));
    expectRules(report, ["validation"]);
  });
});

describe("checkWasm on mutated modules (property)", () => {
  const base = buildModule(minimalContract());
  const withBody = build((s) => {
    s.tables.push({ limits: { min: 2, max: 2 } });
    s.elements = [[1, 2]];
    s.funcs[0]!.body = [0x20, 0x00, 0x04, 0x7f, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0b, 0x1a, 0x20, 0x00];
  });

  it("never throws, and never accepts a module the engine rejects", () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), value: fc.constant(0) }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (useBody, mutations) => {
        let bytes = Array.from(useBody ? withBody : base);
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.kind === "flip" && at < bytes.length) bytes[at] = m.value;
          else if (m.kind === "cut") bytes = bytes.slice(0, at);
          else if (m.kind === "insert") bytes.splice(at, 0, m.value);
        }
        const u8 = new Uint8Array(bytes);
        const report = checkWasm(u8);
        expect(report.bytes).toBe(u8.length);
        if (report.ok) expect(engine.validate(u8)).toBe(true);
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });
});

describe("assertValidWasm", () => {
  it("throws WasmCheckError with 'rule: item — message' lines", () => {
    const bytes = build((s) => {
      s.start = 3;
      s.dataCount = 1;
    });
    let err: unknown;
    try {
      assertValidWasm(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WasmCheckError);
    const e = err as WasmCheckError;
    expect(e.report.violations).toHaveLength(2);
    expect(e.message).toContain("no-bulk-memory: section datacount: DataCount section (id 12) — bulk memory");
    expect(e.message).toContain("start-section: start function 3 — ");
  });
});

describe("asc output without the recipe", () => {
  // asc defaults: bulk memory on, default 4-argument abort, start section, Math.random's env.seed.
  const source = `
    export function concat(a: string, b: string): string { return a + b; }
    export function copy(n: i32): i32 { const x = new Array<i32>(n); x.fill(7); return x.slice(0)[0]; }
    export function rnd(): f64 { return Math.random(); }
  `;

  it("is rejected for bulk memory, the abort signature, env.seed and the start section", async () => {
    const out = await asc.compileString({ "input.ts": source }, { optimizeLevel: 3, shrinkLevel: 2, runtime: "stub" });
    expect(out.error).toBeNull();
    const report = checkWasm(out.binary!);
    const rules = new Set(report.violations.map((v) => v.rule));
    expect(rules).toContain("no-bulk-memory");
    expect(report.violations.some((v) => v.rule === "no-bulk-memory" && v.item.includes("DataCount"))).toBe(true);
    expect(report.violations.some((v) => v.rule === "no-bulk-memory" && /memory\.(copy|fill)$/.test(v.item))).toBe(
      true,
    );
    expect(violation(report, "import-signature")).toMatchObject({
      item: "env.abort",
      message: "expects (i32)->(), found (i32,i32,i32,i32)->()",
    });
    expect(violation(report, "import-whitelist").item).toBe("env.seed");
    expect(rules).toContain("start-section");
    expect(rules).toContain("interface-version");
    expect(report.floatOps).toBeGreaterThan(0);
  });

  it("with --disable bulk-memory only the abort/seed/export/start rules remain", async () => {
    const out = await asc.compileString(
      { "input.ts": source },
      { optimizeLevel: 3, shrinkLevel: 2, runtime: "stub", disable: ["bulk-memory"] },
    );
    expect(out.error).toBeNull();
    const rules = new Set(checkWasm(out.binary!).violations.map((v) => v.rule));
    expect(rules.has("no-bulk-memory")).toBe(false);
    expect(rules).toContain("import-signature");
  });
});

describe("check-wasm CLI", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "check-wasm-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const good = path.join(dir, "good.wasm");
  const bad = path.join(dir, "bad.wasm");
  const floaty = path.join(dir, "floaty.wasm");
  writeFileSync(good, buildModule(minimalContract()));
  writeFileSync(
    bad,
    build((s) => {
      s.types.push([["i32", "i32", "i32", "i32"], []]);
      s.imports[0] = { module: "env", name: "abort", kind: "func", type: 5 };
    }),
  );
  writeFileSync(
    floaty,
    build((s) => (s.funcs[1]!.body = [0x43, 0, 0, 0, 0, 0x1a])),
  );

  const run = (args: string[], cwd = dir): { code: number; out: string; err: string } => {
    const out: string[] = [];
    const err: string[] = [];
    const code = checkWasmCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, cwd);
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("exits 0 for a good module", () => {
    const r = run(["good.wasm"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK {2}good\.wasm {2}\d+ bytes, 0 float ops$/);
  });

  it("exits 1 and prints the rule for a bad one", () => {
    const r = run(["good.wasm", "bad.wasm"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("FAIL bad.wasm");
    expect(r.out).toContain("  import-signature: env.abort — expects (i32)->(), found (i32,i32,i32,i32)->()");
  });

  it("fails float ops unless --allow-floats", () => {
    expect(run(["floaty.wasm"]).out).toContain("no-floats: 1 float ops");
    expect(run(["floaty.wasm"]).code).toBe(1);
    expect(run(["--allow-floats", "floaty.wasm"]).code).toBe(0);
  });

  it("accepts gzip like wasmd", () => {
    writeFileSync(path.join(dir, "good.wasm.gz"), gzipSync(buildModule(minimalContract())));
    expect(run(["good.wasm.gz"]).code).toBe(0);
  });

  it("takes --available-capabilities", () => {
    writeFileSync(
      path.join(dir, "akash.wasm"),
      build((s) => s.exports.push({ name: "requires_akash", kind: "func", index: 3 })),
    );
    expect(run(["akash.wasm"]).code).toBe(1);
    expect(run(["--available-capabilities", [...CAPABILITIES_WASMD_061, "akash"].join(","), "akash.wasm"]).code).toBe(
      0,
    );
  });

  it("exits 2 for a missing file, an unknown flag or nothing to check", () => {
    expect(run(["nope.wasm"])).toMatchObject({ code: 2, err: "no such file: nope.wasm" });
    expect(run(["--bogus"]).code).toBe(2);
    expect(run([], mkdtempSync(path.join(dir, "empty-"))).code).toBe(2);
  });

  it("defaults to artifacts/*.wasm", () => {
    const root = mkdtempSync(path.join(dir, "root-"));
    mkdirSync(path.join(root, "artifacts"));
    writeFileSync(path.join(root, "artifacts", "b.wasm"), buildModule(minimalContract()));
    writeFileSync(path.join(root, "artifacts", "a.wasm"), buildModule(minimalContract()));
    writeFileSync(path.join(root, "artifacts", "checksums.txt"), "");
    const r = run([], root);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").map((l) => l.split("  ")[1])).toEqual(["artifacts/a.wasm", "artifacts/b.wasm"]);
  });
});
