// `npm run check:wasm [--allow-floats] [--available-capabilities a,b,…] [files…]`: the CosmWasm upload gate
// (sim/wasm/upload-check.ts) over built artifacts. No files = every artifacts/*.wasm. Exit 0 all pass, 1 a module
// fails, 2 usage error (unknown flag, missing file, nothing to check).

import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { CAPABILITIES_WASMD_061, MAX_WASM_BYTES, checkWasm, type WasmReport } from "../sim/wasm/upload-check.js";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

const USAGE =
  "usage: check-wasm [--allow-floats] [--available-capabilities cap1,cap2,…] [file.wasm|file.wasm.gz …]\n" +
  "  no files: every artifacts/*.wasm";

export interface CheckFileResult {
  file: string;
  report: WasmReport;
  /** Float ops are legal on chain; the project's build gate requires none unless --allow-floats. */
  floatViolation: boolean;
}

/** Checks one module (gzip accepted, like wasmd: the decoded module must fit the same 800 KiB limit). */
export function checkFile(
  file: string,
  opts: { allowFloats?: boolean; capabilities?: string[] } = {},
): CheckFileResult {
  let bytes = new Uint8Array(readFileSync(file));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: MAX_WASM_BYTES + 1 }));
  }
  const report = checkWasm(bytes, opts.capabilities ? { availableCapabilities: opts.capabilities } : {});
  return { file, report, floatViolation: !opts.allowFloats && report.floatOps > 0 };
}

export function main(argv: string[], io: Io = defaultIo, cwd = process.cwd()): number {
  let allowFloats = false;
  let capabilities: string[] | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--allow-floats") allowFloats = true;
    else if (a === "--available-capabilities") {
      const v = argv[++i];
      if (v === undefined) {
        io.err(USAGE);
        return 2;
      }
      capabilities = v.split(",").filter((c) => c !== "");
    } else if (a.startsWith("--available-capabilities=")) {
      capabilities = a
        .slice(a.indexOf("=") + 1)
        .split(",")
        .filter((c) => c !== "");
    } else if (a === "-h" || a === "--help") {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith("-")) {
      io.err(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    const dir = path.join(cwd, "artifacts");
    const found = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".wasm")) : [];
    if (found.length === 0) {
      io.err("no artifacts/*.wasm to check (run `npm run build:contracts` first)");
      return 2;
    }
    files.push(...found.sort().map((f) => path.join("artifacts", f)));
  }
  const missing = files.filter((f) => !existsSync(path.resolve(cwd, f)));
  if (missing.length > 0) {
    for (const f of missing) io.err(`no such file: ${f}`);
    return 2;
  }

  let failed = 0;
  for (const f of files) {
    const { report, floatViolation } = checkFile(path.resolve(cwd, f), {
      allowFloats,
      capabilities: capabilities ?? CAPABILITIES_WASMD_061,
    });
    const summary = `${report.bytes.toLocaleString("en-US")} bytes, ${report.floatOps} float ops`;
    if (report.ok && !floatViolation) {
      io.out(`OK  ${f}  ${summary}`);
      continue;
    }
    failed++;
    io.out(`FAIL ${f}  ${summary}`);
    for (const v of report.violations) io.out(`  ${v.rule}: ${v.item} — ${v.message}`);
    if (floatViolation) {
      io.out(`  no-floats: ${report.floatOps} float ops — the build requires 0 (pass --allow-floats to accept)`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
