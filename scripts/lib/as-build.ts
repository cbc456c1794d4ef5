// Compiling one AssemblyScript entry into a CosmWasm-ready module: the asc flags and the binaryen start-section
// removal of docs/abi.md#build-recipe and #start-section. Shared by scripts/build-contracts.ts and anything else that
// needs a contract-shaped wasm (tests, harness modules).

import asc from "assemblyscript/asc";
import binaryen from "binaryen";
import path from "node:path";
import { dropStaticHeaders } from "./static-headers.js";
import { addStringWidening, packStaticStrings } from "./static-strings.js";

/** Name of the export AS turns its start function into (`--exportStart`), removed again by the post-process. */
export const START_EXPORT = "_initialize";

/** Path (relative to the repo root, no extension) + function name of the CosmWasm abort replacement. */
export const ABORT_USE = "abort=contracts/std/abort/cwAbort";

/**
 * The recipe of docs/abi.md#build-recipe. Kept here (not only in asconfig.json) because these flags are what makes
 * a module pass the upload gate; asconfig.json mirrors them for manual `npx asc` runs and is passed explicitly
 * so asc never picks up some other ./asconfig.json.
 */
export function ascFlags(configFile: string | null): string[] {
  return [
    "--runtime",
    "stub",
    "--disable",
    "bulk-memory",
    "--use",
    ABORT_USE,
    "--exportStart",
    START_EXPORT,
    "-O3",
    "--shrinkLevel",
    "2",
    "--converge",
    "--initialMemory",
    "4",
    // noAssert stays false (assertions become aborts, i.e. failed txs); asc's boolean flags take no value, so
    // "--noAssert false" would make "false" an entry file: leaving the flag out is how to say false.
    ...(configFile === null ? ["--config", "none"] : ["--config", configFile, "--target", "release"]),
  ];
}

export interface CompileResult {
  /** The module as asc emitted it (still with the `_initialize` export). */
  raw: Uint8Array | null;
  /** Diagnostics and errors, as asc printed them. */
  stderr: string;
  error: Error | null;
}

/**
 * Compiles `entry` (path relative to `root`, e.g. "contracts/oracle/contract.ts") with the recipe flags.
 * Nothing is written to disk; the binary comes back in memory.
 */
export async function compileAs(
  entry: string,
  opts: { root: string; configFile: string | null; extraFlags?: string[] },
): Promise<CompileResult> {
  const outName = "out.wasm";
  let raw: Uint8Array | null = null;
  const stdout = asc.createMemoryStream();
  const stderr = asc.createMemoryStream();
  const argv = [
    entry,
    "--baseDir",
    opts.root,
    "--outFile",
    outName,
    ...ascFlags(opts.configFile),
    ...(opts.extraFlags ?? []),
  ];
  const result = await asc.main(argv, {
    stdout,
    stderr,
    writeFile(name, contents) {
      if (path.basename(name) === outName && typeof contents !== "string") raw = new Uint8Array(contents);
    },
  });
  return { raw, stderr: stderr.toString(), error: result.error };
}

// binaryen.js exposes Function.getBody/setBody on the namespace, but its index.d.ts declares them on Module.
const binaryenFunction = (
  binaryen as unknown as {
    Function: {
      getBody(func: binaryen.FunctionRef): binaryen.ExpressionRef;
      setBody(func: binaryen.FunctionRef, body: binaryen.ExpressionRef): void;
    };
  }
).Function;

export class PostProcessError extends Error {
  override name = "PostProcessError";
}

/**
 * docs/abi.md#start-section: pin the feature set, turn the `_initialize` export (AS's idempotent `~start`) into a
 * call at the top of every other exported function, validate, optimize (-O3, shrink 2) and emit.
 * Every export then initialises the stub heap itself, so the module needs no start section.
 * Static objects lose their allocator word first (docs/abi.md#static-object-headers), and ASCII string literals move
 * into a byte blob that a function called before the start code widens back (docs/abi.md#packed-static-strings).
 */
export function removeStartSection(raw: Uint8Array, startExport = START_EXPORT): Uint8Array {
  const headers = dropStaticHeaders(raw);
  const { wasm, packed } = packStaticStrings(headers.wasm, headers.strings, headers.keptTypeIds);
  const mod = binaryen.readBinary(wasm);
  try {
    mod.setFeatures(
      binaryen.Features.MVP |
        binaryen.Features.MutableGlobals |
        binaryen.Features.SignExt |
        binaryen.Features.NontrappingFPToInt,
    );
    const startRef = mod.getExport(startExport);
    if (startRef === 0)
      throw new PostProcessError(`no \`${startExport}\` export: was the module built with --exportStart?`);
    const startInfo = binaryen.getExportInfo(startRef);
    if (startInfo.kind !== binaryen.ExternalFunction)
      throw new PostProcessError(`\`${startExport}\` is not a function`);
    const startFn = startInfo.value;
    mod.removeExport(startExport);
    const widen = packed === null ? null : addStringWidening(mod, packed);
    // Fresh expressions per export: binaryen trees share no nodes.
    const init = (): binaryen.ExpressionRef[] =>
      [widen, startFn].flatMap((f) => (f === null ? [] : [mod.call(f, [], binaryen.none)]));

    const wrapped = new Set<string>();
    for (let i = 0; i < mod.getNumExports(); i++) {
      const info = binaryen.getExportInfo(mod.getExportByIndex(i));
      if (info.kind !== binaryen.ExternalFunction || wrapped.has(info.value) || info.value === startFn) continue;
      const fn = mod.getFunction(info.value);
      const fi = binaryen.getFunctionInfo(fn);
      // An imported function re-exported has no body to prepend to (and nothing of ours runs in it).
      if (fi.module !== null && fi.module !== "") continue;
      const body = binaryenFunction.getBody(fn);
      binaryenFunction.setBody(fn, mod.block(null, [...init(), body], fi.results));
      wrapped.add(info.value);
    }
    if (!mod.validate()) throw new PostProcessError("binaryen validation failed after start-section removal");
    const prevOpt = binaryen.getOptimizeLevel();
    const prevShrink = binaryen.getShrinkLevel();
    const prevDebug = binaryen.getDebugInfo();
    try {
      binaryen.setOptimizeLevel(3);
      binaryen.setShrinkLevel(2);
      binaryen.setDebugInfo(false);
      mod.optimize();
    } finally {
      binaryen.setOptimizeLevel(prevOpt);
      binaryen.setShrinkLevel(prevShrink);
      binaryen.setDebugInfo(prevDebug);
    }
    if (!mod.validate()) throw new PostProcessError("binaryen validation failed after optimization");
    return mod.emitBinary();
  } finally {
    mod.dispose();
  }
}
