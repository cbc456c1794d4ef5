// The contract build (scripts/build-contracts.ts): the real contracts and the probe pass the upload gate, and
// the pipeline itself (recipe flags, start-section removal, cache, checksums, schema) on a tiny module.

import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContracts, type BuildResult } from "../../scripts/build-contracts.js";
import { compileAs, removeStartSection } from "../../scripts/lib/as-build.js";
import { checkWasm } from "../../sim/wasm/upload-check.js";
import { parseWasm } from "../../sim/wasm/parse.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { nodeWasm } from "../helpers/wasm-engine.js";

const ROOT = repoRoot();

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

describe("npm run build:contracts (this repository)", () => {
  let result: BuildResult;
  const lines: string[] = [];

  beforeAll(async () => {
    result = await buildContracts({ root: ROOT, log: (l) => lines.push(l) });
  });

  it("builds every target", () => {
    expect(result.targets.length).toBeGreaterThan(0);
    const failed = result.targets.filter((t) => !t.ok);
    expect(failed.map((t) => `${t.target.name}: ${t.error ?? t.violations.map((v) => v.rule).join(",")}`)).toEqual([]);
  });

  it("writes a schema for every target with a msg.ts", () => {
    expect(result.targets.filter((t) => t.error !== null).map((t) => `${t.target.name}: ${t.error ?? ""}`)).toEqual([]);
  });

  it("every artifact (or the probe, when there is none) passes the upload check with 0 float ops and no start", () => {
    const dir = path.join(ROOT, "artifacts");
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".wasm"))
          .map((f) => path.join(dir, f))
      : [];
    if (files.length === 0) files.push(path.join(ROOT, "build/test/probe.wasm"));
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(f));
      const report = checkWasm(bytes);
      expect(report.violations, f).toEqual([]);
      expect(report.floatOps, f).toBe(0);
      const mod = parseWasm(bytes);
      expect(mod.start, f).toBeNull();
      expect(mod.sections.some((s) => s.name === "start")).toBe(false);
      expect(report.exports.map((e) => e.name)).not.toContain("_initialize");
    }
  });

  it("artifacts/checksums.txt lists the sha256 of every artifact, sorted", () => {
    const dir = path.join(ROOT, "artifacts");
    const wasm = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".wasm")) : [];
    if (wasm.length === 0) {
      expect(result.targets.every((t) => !t.target.artifact)).toBe(true);
      return;
    }
    const lines = readFileSync(path.join(dir, "checksums.txt"), "utf8").trimEnd().split("\n");
    const expected = [...wasm].sort().map((f) => `${sha256(readFileSync(path.join(dir, f)))}  ${f}`);
    expect(lines).toEqual(expected);
  });

  it("prints a summary line per target", () => {
    for (const t of result.targets.filter((x) => x.ok && x.error === null)) {
      expect(lines.some((l) => l.includes(t.target.out) && /bytes {2}gzip .* sha256 [0-9a-f]{12}/.test(l))).toBe(true);
    }
  });

  it("the probe is built to build/test/probe.wasm, not as an artifact", () => {
    const probe = result.targets.find((t) => t.target.name === "probe");
    if (probe === undefined) return;
    expect(probe.target.out).toBe("build/test/probe.wasm");
    expect(probe.target.artifact).toBe(false);
    expect(existsSync(path.join(ROOT, "artifacts/probe.wasm"))).toBe(false);
  });
});

describe("the build pipeline on a tiny contract", () => {
  const root = mkdtempSync(path.join(tmpdir(), "build-contracts-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  // A minimal std: the CosmWasm abort, allocate/deallocate and a heap-using helper (static data + stub heap).
  write("package.json", JSON.stringify({ name: "tiny", version: "1.2.3" }));
  write(
    "contracts/std/abort.ts",
    `@external("env", "abort") declare function cw_abort(msgRegion: u32): void;
export function cwAbort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  const m = String.UTF8.encode(message !== null ? message : "abort");
  const r = heap.alloc(12);
  store<u32>(r, <u32>changetype<usize>(m)); store<u32>(r, <u32>m.byteLength, 4); store<u32>(r, <u32>m.byteLength, 8);
  cw_abort(<u32>r);
  unreachable();
}`,
  );
  write(
    "contracts/std/index.ts",
    `export { cwAbort } from "./abort";
export function allocate(size: usize): usize { const r = heap.alloc(12); store<u32>(r, <u32>heap.alloc(size)); store<u32>(r, <u32>size, 4); store<u32>(r, 0, 8); return r; }
export function deallocate(ptr: usize): void {}
export function interface_version_8(): void {}
export const GREETING = "hello, static data";`,
  );
  write(
    "contracts/tiny/contract.ts",
    `export { allocate, deallocate, interface_version_8 } from "../std";
import { GREETING } from "../std";
export function instantiate(env: u32, info: u32, msg: u32): u32 { assert(env != 0, "env must be set"); return <u32>GREETING.length; }
export function execute(env: u32, info: u32, msg: u32): u32 { return <u32>(GREETING + "!").length; }
export function query(env: u32, msg: u32): u32 { return 0; }`,
  );
  write(
    "contracts/tiny/msg.ts",
    `/** Sets up the tiny contract. @msg InstantiateMsg */
export class InstantiateMsg { /** Who owns it. */ owner: string = ""; }
/** @msg ExecuteMsg ping */
export class PingMsg { n: u32 = 0; }
/** @msg QueryMsg count @returns CountResponse */
export class CountQuery { x: u8 = 0; }
export class CountResponse { count: u64 = 0; }`,
  );

  it("asc output still has _initialize; the post-process removes it and calls it from every export", async () => {
    const compiled = await compileAs("contracts/tiny/contract.ts", { root, configFile: null });
    expect(compiled.error, compiled.stderr).toBeNull();
    const raw = compiled.raw!;
    const rawMod = parseWasm(raw);
    expect(rawMod.start).toBeNull(); // --exportStart turned it into an export
    expect(rawMod.exports.map((e) => e.name)).toContain("_initialize");
    expect(rawMod.features).toEqual([]); // --disable bulk-memory: no DataCount, no memory.copy

    const wasm = removeStartSection(raw);
    const report = checkWasm(wasm);
    expect(report.violations).toEqual([]);
    expect(report.exports.map((e) => e.name)).not.toContain("_initialize");
    expect(report.imports.map((i) => `${i.module}.${i.name}(${i.params.join(",")})`)).toEqual(["env.abort(i32)"]);

    // Every export runs the stub heap's initialiser first: allocate returns memory above the static data
    // (without it the heap pointer starts at 0 and the first allocation overwrites "hello, static data").
    let aborted = "";
    const { instance } = await nodeWasm.instantiate(wasm, {
      env: {
        abort: (p: number) => {
          aborted = `abort ${p}`;
        },
      },
    });
    const exports = instance.exports as Record<string, (...a: number[]) => number>;
    const region = exports.allocate!(64);
    expect(region).toBeGreaterThan(0);
    expect(exports.execute!(1, 1, 1)).toBe(19);
    expect(exports.instantiate!(1, 1, 1)).toBe(18);
    expect(() => exports.instantiate!(0, 1, 1)).toThrow(); // assert → cwAbort → env.abort(region) → unreachable
    expect(aborted).toMatch(/^abort \d+$/);
  });

  it("builds, caches, writes checksums and the schema", async () => {
    const log: string[] = [];
    const first = await buildContracts({ root, log: (l) => log.push(l) });
    expect(first.ok, log.join("\n")).toBe(true);
    expect(first.targets.map((t) => [t.target.name, t.cached])).toEqual([["tiny", false]]);
    const wasm = readFileSync(path.join(root, "artifacts/tiny.wasm"));
    expect(readFileSync(path.join(root, "artifacts/checksums.txt"), "utf8")).toBe(`${sha256(wasm)}  tiny.wasm\n`);
    expect(existsSync(path.join(root, "build/tiny.raw.wasm"))).toBe(true);
    const combined = JSON.parse(readFileSync(path.join(root, "schema/tiny/tiny.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(combined).toMatchObject({ contract_name: "tiny", contract_version: "1.2.3", idl_version: "1.0.0" });
    for (const f of ["instantiate_msg.json", "execute_msg.json", "query_msg.json", "responses/count.json"]) {
      expect(existsSync(path.join(root, "schema/tiny", f)), f).toBe(true);
    }
    expect(
      log.some((l) => /^built {3}artifacts\/tiny\.wasm +[\d,]+ bytes {2}gzip +[\d,]+ {2}sha256 [0-9a-f]{12}$/.test(l)),
    ).toBe(true);

    const second = await buildContracts({ root, log: () => undefined });
    expect(second.targets[0]!.cached).toBe(true);
    expect(second.targets[0]!.sha256).toBe(first.targets[0]!.sha256);

    // touching a file without changing it keeps the cache (a checkout, a tsc re-emit)
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(root, "contracts/std/index.ts"), later, later);
    expect((await buildContracts({ root, log: () => undefined })).targets[0]!.cached).toBe(true);

    // a std change invalidates it
    write("contracts/std/index.ts", readFileSync(path.join(root, "contracts/std/index.ts"), "utf8") + "\n// edited\n");
    const third = await buildContracts({ root, log: () => undefined });
    expect(third.targets[0]!.cached).toBe(false);
    expect(third.targets[0]!.sha256).toBe(first.targets[0]!.sha256); // a comment does not change the module

    // so does an artifact replaced behind the build's back
    writeFileSync(path.join(root, "artifacts/tiny.wasm"), "stale");
    expect((await buildContracts({ root, log: () => undefined })).targets[0]!.cached).toBe(false);

    const forced = await buildContracts({ root, force: true, log: () => undefined });
    expect(forced.targets[0]!.cached).toBe(false);
  });

  it("fails on float ops and leaves no artifact behind", async () => {
    write(
      "contracts/floaty/contract.ts",
      `export { allocate, deallocate, interface_version_8 } from "../std";
export function query(env: u32, msg: u32): u32 { return <u32>(<f64>env * 1.5); }`,
    );
    const log: string[] = [];
    const r = await buildContracts({ root, only: ["floaty"], log: (l) => log.push(l) });
    expect(r.ok).toBe(false);
    expect(r.targets[0]!.violations.map((v) => v.rule)).toEqual(["no-floats"]);
    expect(existsSync(path.join(root, "artifacts/floaty.wasm"))).toBe(false);
    expect(existsSync(path.join(root, "build/floaty.rejected.wasm"))).toBe(true);
    expect(log.join("\n")).toMatch(/FAIL +artifacts\/floaty\.wasm[\s\S]*no-floats: \d+ float ops/);
    rmSync(path.join(root, "contracts/floaty"), { recursive: true });
  });

  it("reports compiler errors", async () => {
    write("contracts/broken/contract.ts", `export function query(env: u32, msg: u32): u32 { return nope; }`);
    const log: string[] = [];
    const r = await buildContracts({ root, only: ["broken"], log: (l) => log.push(l) });
    expect(r.ok).toBe(false);
    expect(r.targets[0]!.error).toMatch(/nope/);
    rmSync(path.join(root, "contracts/broken"), { recursive: true });
  });
});
