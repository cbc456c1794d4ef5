// `npm run build:contracts [-- --force] [names…]`: every contracts/<name>/contract.ts (except std) →
// artifacts/<name>.wasm, plus each test/<name>/contract.ts (probe, counter) → build/test/<name>.wasm. Each module is
// compiled with the recipe of docs/abi.md#build-recipe, has its start section removed (and its static headers trimmed,
// its ASCII string literals packed: scripts/lib/as-build.ts), and must pass the upload gate with 0 float ops; then artifacts/checksums.txt and the JSON Schemas (schema/<name>/) are written.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { checkWasm, type WasmViolation } from "../sim/wasm/upload-check.js";
import { ascFlags, compileAs, removeStartSection } from "./lib/as-build.js";
import { generateContractSchema } from "./schema.js";
import { repoRoot } from "./lib/repo-root.js";
import { generateContractCode, usesCodegen } from "./codegen/index.js";

export interface BuildTarget {
  name: string;
  /** Entry file relative to the root. */
  entry: string;
  /** Output wasm relative to the root. */
  out: string;
  /** Directories/files (relative to the root) whose contents are part of the cache key. */
  sources: string[];
  /** Where the JSON Schemas go (relative to the root), or null if the target has no msg.ts. */
  schemaDir: string | null;
  /** Whether the output is a release artifact (listed in checksums.txt). */
  artifact: boolean;
}

export interface BuiltTarget {
  target: BuildTarget;
  cached: boolean;
  ok: boolean;
  bytes: number;
  gzipBytes: number;
  sha256: string;
  violations: WasmViolation[];
  /** Compiler diagnostics or post-process failure, when the build failed before the check. */
  error: string | null;
}

export interface BuildOptions {
  root?: string;
  force?: boolean;
  /** Restrict to these target names (contract folder names, or "probe"). */
  only?: string[];
  log?: (line: string) => void;
}

export interface BuildResult {
  ok: boolean;
  targets: BuiltTarget[];
  checksums: string | null;
}

export function discoverTargets(root: string): BuildTarget[] {
  const targets: BuildTarget[] = [];
  const contractsDir = path.join(root, "contracts");
  const names = existsSync(contractsDir)
    ? readdirSync(contractsDir, { withFileTypes: true })
        .filter(
          (d) => d.isDirectory() && d.name !== "std" && existsSync(path.join(contractsDir, d.name, "contract.ts")),
        )
        .map((d) => d.name)
        .sort()
    : [];
  for (const name of names) {
    const dir = `contracts/${name}`;
    targets.push({
      name,
      entry: `${dir}/contract.ts`,
      out: `artifacts/${name}.wasm`,
      sources: [dir, "contracts/std"],
      schemaDir: existsSync(path.join(root, dir, "msg.ts")) ? `schema/${name}` : null,
      artifact: true,
    });
  }
  // Test contracts: every test/<name>/contract.ts (the std probe, the bench counter) → build/test/<name>.wasm.
  const testDir = path.join(root, "test");
  const testNames = existsSync(testDir)
    ? readdirSync(testDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(testDir, d.name, "contract.ts")))
        .map((d) => d.name)
        .sort()
    : [];
  for (const name of testNames) {
    const dir = `test/${name}`;
    targets.push({
      name,
      entry: `${dir}/contract.ts`,
      out: `build/test/${name}.wasm`,
      sources: [dir, "contracts/std"],
      schemaDir: existsSync(path.join(root, dir, "msg.ts")) ? `build/test/schema/${name}` : null,
      artifact: false,
    });
  }
  return targets;
}

/** Every file under `p` (or `p` itself), sorted, relative to `root`. */
function listFiles(root: string, p: string): string[] {
  const abs = path.join(root, p);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [p];
  return readdirSync(abs)
    .sort()
    .flatMap((e) => listFiles(root, path.posix.join(p, e)));
}

/**
 * Bump when the post-process or the gate changes in a way that changes outputs: the cache key covers sources,
 * flags, asconfig and compiler versions, but not this script's own code (which differs between src and dist).
 */
const RECIPE_VERSION = 5;

function packageVersion(root: string, name: string): string {
  const p = path.join(root, "node_modules", name, "package.json");
  return existsSync(p) ? ((JSON.parse(readFileSync(p, "utf8")) as { version?: string }).version ?? "?") : "?";
}

/**
 * Content hash of everything an output depends on. Content rather than mtimes: a checkout or a `tsc` re-emit
 * touches files without changing them, and an edit can leave a file older than a concurrently written output.
 */
function cacheKey(root: string, target: BuildTarget, configFile: string | null): string {
  const h = createHash("sha256");
  h.update(
    JSON.stringify({
      recipe: RECIPE_VERSION,
      entry: target.entry,
      flags: ascFlags(configFile === null ? null : "asconfig.json"),
      asc: packageVersion(root, "assemblyscript"),
      binaryen: packageVersion(root, "binaryen"),
    }),
  );
  const files = [...(configFile ? ["asconfig.json"] : []), ...target.sources.flatMap((s) => listFiles(root, s))];
  for (const f of [...new Set(files)].sort()) {
    h.update(`\0${f}\0`);
    h.update(readFileSync(path.join(root, f)));
  }
  return h.digest("hex");
}

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");
const fmt = (n: number): string => n.toLocaleString("en-US");

export async function buildContracts(opts: BuildOptions = {}): Promise<BuildResult> {
  const root = opts.root ?? repoRoot();
  const log = opts.log ?? ((line: string) => process.stdout.write(line + "\n"));
  const configPath = path.join(root, "asconfig.json");
  const configFile = existsSync(configPath) ? configPath : null;
  let targets = discoverTargets(root);
  if (opts.only && opts.only.length > 0) {
    const unknown = opts.only.filter((n) => !targets.some((t) => t.name === n));
    if (unknown.length > 0) throw new Error(`unknown build target(s): ${unknown.join(", ")}`);
    targets = targets.filter((t) => opts.only!.includes(t.name));
  }
  if (targets.length === 0) log("no contracts/*/contract.ts and no test/*/contract.ts: nothing to build");

  const results: BuiltTarget[] = [];
  for (const target of targets) {
    const outPath = path.join(root, target.out);
    // Message code first: it is part of the sources the cache key covers.
    if (target.artifact && usesCodegen(root, path.dirname(target.entry))) {
      try {
        await generateContractCode(root, path.dirname(target.entry));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const failed = { target, cached: false, ok: false, bytes: 0, gzipBytes: 0, sha256: "", violations: [] };
        results.push({ ...failed, error: `codegen: ${message}` });
        continue;
      }
    }
    const key = cacheKey(root, target, configFile);
    const stampPath = path.join(root, "build", "cache", `${target.name}.json`);
    const stamp = existsSync(stampPath)
      ? (JSON.parse(readFileSync(stampPath, "utf8")) as { key?: string; sha256?: string })
      : {};
    // The output must also still be the one the stamp describes (another build may have replaced it).
    const cached =
      !opts.force &&
      stamp.key === key &&
      existsSync(outPath) &&
      sha256(new Uint8Array(readFileSync(outPath))) === stamp.sha256;
    const built: BuiltTarget = {
      target,
      cached,
      ok: false,
      bytes: 0,
      gzipBytes: 0,
      sha256: "",
      violations: [],
      error: null,
    };
    results.push(built);

    let wasm: Uint8Array;
    if (cached) {
      wasm = new Uint8Array(readFileSync(outPath));
    } else {
      const compiled = await compileAs(target.entry, { root, configFile });
      if (compiled.error !== null || compiled.raw === null) {
        built.error = compiled.stderr.trim() || String(compiled.error ?? "asc produced no output");
        if (/AS111[\s\S]*cwAbort/.test(built.error)) {
          // --use abort=… names an element; asc only finds it when the entry's imports reach abort.ts.
          built.error += "\nhint: contracts/std/abort.ts (cwAbort) must be imported by the contract, e.g. via ../std";
        }
        rmSync(outPath, { force: true });
        continue;
      }
      const rawPath = path.join(root, "build", `${target.name}.raw.wasm`);
      mkdirSync(path.dirname(rawPath), { recursive: true });
      writeFileSync(rawPath, compiled.raw);
      try {
        wasm = removeStartSection(compiled.raw);
      } catch (e) {
        built.error = `post-process: ${e instanceof Error ? e.message : String(e)}`;
        rmSync(outPath, { force: true });
        continue;
      }
    }

    const report = checkWasm(wasm);
    built.violations = [...report.violations];
    if (report.floatOps > 0) {
      built.violations.push({
        rule: "no-floats",
        item: `${report.floatOps} float ops`,
        message:
          "the build requires 0 float ops (parseInt, f64 fields and Math.* pull them in; see docs/abi.md#floats)",
      });
    }
    built.bytes = wasm.length;
    built.gzipBytes = gzipSync(wasm, { level: 9 }).length;
    built.sha256 = sha256(wasm);
    built.ok = built.violations.length === 0;
    if (!built.ok) {
      // A rejected module must not stay where deploy scripts look for artifacts.
      rmSync(outPath, { force: true });
      const rejected = path.join(root, "build", `${target.name}.rejected.wasm`);
      mkdirSync(path.dirname(rejected), { recursive: true });
      writeFileSync(rejected, wasm);
      continue;
    }
    if (!cached) {
      mkdirSync(path.dirname(outPath), { recursive: true });
      writeFileSync(outPath, wasm);
      mkdirSync(path.dirname(stampPath), { recursive: true });
      writeFileSync(stampPath, JSON.stringify({ key, sha256: built.sha256 }) + "\n");
    }
  }

  let schemaOk = true;
  for (const b of results) {
    if (!b.ok || b.target.schemaDir === null) continue;
    try {
      generateContractSchema({
        root,
        contractDir: path.dirname(b.target.entry),
        name: b.target.name,
        outDir: b.target.schemaDir,
      });
    } catch (e) {
      schemaOk = false;
      b.error = `schema: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  let checksums: string | null = null;
  const artifactsDir = path.join(root, "artifacts");
  if (results.some((b) => b.target.artifact && b.ok) || existsSync(path.join(artifactsDir, "checksums.txt"))) {
    // Like cosmwasm/optimizer: every wasm in artifacts/, "<sha256>  <file>", sorted by file name.
    const files = existsSync(artifactsDir)
      ? readdirSync(artifactsDir)
          .filter((f) => f.endsWith(".wasm"))
          .sort()
      : [];
    checksums = files.map((f) => `${sha256(readFileSync(path.join(artifactsDir, f)))}  ${f}\n`).join("");
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(path.join(artifactsDir, "checksums.txt"), checksums);
  }

  for (const b of results) {
    const label = b.target.out.padEnd(28);
    if (b.ok && b.error === null) {
      log(
        `${b.cached ? "cached" : "built "}  ${label} ${fmt(b.bytes).padStart(9)} bytes  gzip ${fmt(b.gzipBytes).padStart(8)}  sha256 ${b.sha256.slice(0, 12)}`,
      );
    } else {
      log(`FAIL    ${label}`);
      if (b.error !== null) for (const line of b.error.split("\n")) log(`  ${line}`);
      for (const v of b.violations) log(`  ${v.rule}: ${v.item} — ${v.message}`);
    }
  }
  return { ok: schemaOk && results.every((b) => b.ok && b.error === null), targets: results, checksums };
}

export async function main(argv: string[]): Promise<number> {
  const force = argv.includes("--force");
  const only = argv.filter((a) => !a.startsWith("-"));
  const unknownFlags = argv.filter((a) => a.startsWith("-") && a !== "--force");
  if (unknownFlags.length > 0) {
    process.stderr.write(`unknown option ${unknownFlags.join(" ")}\nusage: build-contracts [--force] [name…]\n`);
    return 2;
  }
  const result = await buildContracts({ force, only });
  return result.ok ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
