// The CosmWasm upload gate: cosmwasm-vm's `check_wasm` (2.2 / 3.0) re-implemented over ./parse.ts, plus
// checks the chain only does later or not at all (import and export signatures, memory export, float count).
// Used by the contract build (scripts/build-contracts.ts, scripts/check-wasm.ts) and by the embedded chain's
// code upload, so a module that passes here also links and instantiates on wasmd 0.61.
// Rules and limits: docs/abi.md#exports, #imports and #upload-checks.

import {
  WasmParseError,
  functionType,
  parseWasm,
  signatureText,
  type Feature,
  type FuncType,
  type ParsedModule,
  type ValType,
} from "./parse.js";

export interface WasmViolation {
  /** Stable rule id, e.g. "no-bulk-memory", "import-signature". */
  rule: string;
  /** The offending item, e.g. "function 12 (offset 0x1a3): memory.copy", "env.abort". */
  item: string;
  message: string;
}

export interface WasmImportInfo {
  module: string;
  name: string;
  /** "function" for every import a valid contract has; other kinds are listed so the report shows them. */
  kind: string;
  params: string[];
  results: string[];
}

export interface WasmExportInfo {
  name: string;
  kind: string;
  params?: string[];
  results?: string[];
}

export interface WasmReport {
  ok: boolean;
  violations: WasmViolation[];
  imports: WasmImportInfo[];
  exports: WasmExportInfo[];
  /** Functions defined in the module (the function section), as cosmwasm-vm counts them. */
  functionCount: number;
  /** Instructions that read, write or produce f32/f64 values (incl. float loads/stores, consts, conversions). */
  floatOps: number;
  bytes: number;
}

export interface CheckWasmOptions {
  /** Capabilities the chain offers; defaults to CAPABILITIES_WASMD_061. Akash adds "akash". */
  availableCapabilities?: string[];
  /** Size limit of the raw module; default 819,200 bytes (wasmd MaxWasmSize). */
  maxBytes?: number;
}

/** wasmd 0.61 built-in capabilities (x/wasm/keeper/capabilities.go @ v0.61.14). */
export const CAPABILITIES_WASMD_061: string[] = [
  "iterator",
  "staking",
  "stargate",
  "cosmwasm_1_1",
  "cosmwasm_1_2",
  "cosmwasm_1_3",
  "cosmwasm_1_4",
  "cosmwasm_2_0",
  "cosmwasm_2_1",
  "cosmwasm_2_2",
  "ibc2",
];

/** wasmd MaxWasmSize: 800 KiB, for the gzip-decoded module too. */
export const MAX_WASM_BYTES = 819_200;

/** cosmwasm-vm WasmLimits defaults. */
export const LIMITS = {
  initialMemoryPages: 512,
  tableElements: 2500,
  imports: 100,
  functions: 20_000,
  paramsPerFunction: 100,
  resultsPerFunction: 1,
  totalParams: 10_000,
} as const;

type Sig = [params: ValType[], results: ValType[]];
const I32: ValType = "i32";
const sig = (n: number, result: ValType | null): Sig => [Array<ValType>(n).fill(I32), result === null ? [] : [result]];

/** SUPPORTED_IMPORTS of cosmwasm-vm 2.1+/3.0 with the signatures the VM links them with (docs/abi.md#imports). */
export const SUPPORTED_IMPORTS: ReadonlyMap<string, Sig> = new Map<string, Sig>([
  ["abort", sig(1, null)],
  ["debug", sig(1, null)],
  ["db_read", sig(1, I32)],
  ["db_write", sig(2, null)],
  ["db_remove", sig(1, null)],
  ["db_scan", sig(3, I32)],
  ["db_next", sig(1, I32)],
  ["db_next_key", sig(1, I32)],
  ["db_next_value", sig(1, I32)],
  ["addr_validate", sig(1, I32)],
  ["addr_canonicalize", sig(2, I32)],
  ["addr_humanize", sig(2, I32)],
  ["secp256k1_verify", sig(3, I32)],
  ["secp256k1_recover_pubkey", sig(3, "i64")],
  ["secp256r1_verify", sig(3, I32)],
  ["secp256r1_recover_pubkey", sig(3, "i64")],
  ["ed25519_verify", sig(3, I32)],
  ["ed25519_batch_verify", sig(3, I32)],
  ["bls12_381_aggregate_g1", sig(2, I32)],
  ["bls12_381_aggregate_g2", sig(2, I32)],
  ["bls12_381_pairing_equality", sig(4, I32)],
  ["bls12_381_hash_to_g1", sig(4, I32)],
  ["bls12_381_hash_to_g2", sig(4, I32)],
  ["query_chain", sig(1, I32)],
]);

/** Entry points the VM calls, with the parameter counts it calls them with (all i32 → i32). */
const ENTRY_POINT_ARITY: ReadonlyMap<string, readonly number[]> = new Map([
  ["instantiate", [3]],
  ["execute", [3]],
  ["migrate", [2, 3]],
  ["query", [2]],
  ["sudo", [2]],
  ["reply", [2]],
  ["ibc_channel_open", [2]],
  ["ibc_channel_connect", [2]],
  ["ibc_channel_close", [2]],
  ["ibc_packet_receive", [2]],
  ["ibc_packet_ack", [2]],
  ["ibc_packet_timeout", [2]],
  ["ibc_source_callback", [2]],
  ["ibc_destination_callback", [2]],
  ["ibc2_packet_receive", [2]],
  ["ibc2_packet_ack", [2]],
  ["ibc2_packet_timeout", [2]],
  ["ibc2_packet_send", [2]],
]);

const FEATURE_RULES: Record<Feature, string> = {
  "bulk-memory": "no-bulk-memory",
  "reference-types": "no-reference-types",
  simd: "no-simd",
  threads: "no-threads",
  "tail-calls": "no-tail-calls",
  exceptions: "no-exceptions",
  "multi-memory": "no-multi-memory",
  memory64: "no-memory64",
  gc: "no-gc",
  "extended-const": "no-extended-const",
};

/** Itemised violations per rule before the rest is summarised (a SIMD-heavy module would list thousands). */
const MAX_ITEMS_PER_RULE = 25;

export class WasmCheckError extends Error {
  constructor(readonly report: WasmReport) {
    super(`wasm rejected by the CosmWasm upload check:\n${formatViolations(report.violations)}`);
    this.name = "WasmCheckError";
  }
}

/** "rule: item — message" lines. */
export function formatViolations(violations: readonly WasmViolation[]): string {
  return violations.map((v) => `${v.rule}: ${v.item} — ${v.message}`).join("\n");
}

const fmtSig = (params: readonly string[], results: readonly string[]): string =>
  signatureText({ params: params as ValType[], results: results as ValType[] });

const sameTypes = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);

export function checkWasm(bytes: Uint8Array, opts: CheckWasmOptions = {}): WasmReport {
  const maxBytes = opts.maxBytes ?? MAX_WASM_BYTES;
  const available = new Set(opts.availableCapabilities ?? CAPABILITIES_WASMD_061);
  const violations: WasmViolation[] = [];
  const perRule = new Map<string, number>();
  const add = (rule: string, item: string, message: string): void => {
    const n = (perRule.get(rule) ?? 0) + 1;
    perRule.set(rule, n);
    if (n <= MAX_ITEMS_PER_RULE) violations.push({ rule, item, message });
  };
  const report: WasmReport = {
    ok: false,
    violations,
    imports: [],
    exports: [],
    functionCount: 0,
    floatOps: 0,
    bytes: bytes.length,
  };

  if (bytes.length > maxBytes) {
    add("size", `${bytes.length} bytes`, `module is larger than the ${maxBytes}-byte limit (wasmd MaxWasmSize)`);
  }

  let mod: ParsedModule | undefined;
  let parsed = false;
  try {
    mod = parseWasm(bytes, (m) => (mod = m));
    parsed = true;
  } catch (e) {
    if (!(e instanceof WasmParseError)) throw e;
    add(e.kind, `offset 0x${e.offset.toString(16)}`, e.detail);
  }
  if (mod === undefined) return finish();
  const m = mod;
  report.functionCount = m.functions.length;
  report.floatOps = m.floatOps;

  // Listing first, so a report is useful even when the rules below fail.
  for (const imp of m.imports) {
    const t = imp.desc.kind === "function" ? m.types[imp.desc.typeIndex] : undefined;
    report.imports.push({
      module: imp.module,
      name: imp.name,
      kind: imp.desc.kind,
      params: t ? [...t.params] : [],
      results: t ? [...t.results] : [],
    });
  }
  for (const exp of m.exports) {
    const t = exp.kind === "function" ? functionType(m, exp.index) : undefined;
    report.exports.push(
      t
        ? { name: exp.name, kind: exp.kind, params: [...t.params], results: [...t.results] }
        : { name: exp.name, kind: exp.kind },
    );
  }

  // Wasm features (parse step of check_wasm: a DataCount section or any forbidden operator fails the module).
  for (const f of m.features) {
    add(FEATURE_RULES[f.feature], `${f.where}: ${f.what}`, featureMessage(f.feature));
  }

  if (parsed) {
    checkTables(m, add);
    checkMemories(m, add);
    checkExports(m, add, available);
    checkImports(m, add);
    checkFunctions(m, add);
    if (m.start !== null) {
      add(
        "start-section",
        `start function ${m.start}`,
        "the VM runs the start function before memory, gas and the instance are set up; build with --exportStart and remove it (docs/abi.md#start-section)",
      );
    }
    // The engine's validator catches what the decoder does not type-check (operand stacks, alignment); only
    // worth reporting when nothing above already explains a failure.
    if (violations.length === 0 && !engineValidates(bytes)) {
      add("validation", "module", "the module does not validate (type or stack error in a function body)");
    }
  }
  return finish();

  function finish(): WasmReport {
    for (const [rule, n] of perRule) {
      if (n > MAX_ITEMS_PER_RULE) {
        violations.push({
          rule,
          item: `${n - MAX_ITEMS_PER_RULE} more`,
          message: `${n} violations of ${rule} in total`,
        });
      }
    }
    report.ok = violations.length === 0;
    return report;
  }
}

export function assertValidWasm(bytes: Uint8Array, opts?: CheckWasmOptions): WasmReport {
  const report = checkWasm(bytes, opts);
  if (!report.ok) throw new WasmCheckError(report);
  return report;
}

// lib "ES2022" without DOM has no WebAssembly value declarations; Node provides the global.
const engineValidates = (bytes: Uint8Array): boolean =>
  (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly.validate(bytes);

type Add = (rule: string, item: string, message: string) => void;

function featureMessage(f: Feature): string {
  switch (f) {
    case "bulk-memory":
      return "bulk memory is disabled in CosmWasm; build with --disable bulk-memory";
    case "reference-types":
      return "reference-type instructions and types are rejected by the CosmWasm gatekeeper";
    case "simd":
      return "SIMD is disabled in CosmWasm";
    case "threads":
      return "threads/atomics are disabled in CosmWasm";
    case "tail-calls":
      return "tail calls are disabled in CosmWasm";
    case "exceptions":
      return "exception handling is disabled in CosmWasm";
    case "multi-memory":
      return "multi-memory is disabled in CosmWasm";
    case "memory64":
      return "memory64 is disabled in CosmWasm";
    case "gc":
      return "GC / typed function references are disabled in CosmWasm";
    case "extended-const":
      return "extended constant expressions are disabled in CosmWasm";
  }
}

function checkTables(m: ParsedModule, add: Add): void {
  const tables = [...m.imports.flatMap((i) => (i.desc.kind === "table" ? [i.desc.table] : [])), ...m.tables];
  if (tables.length > 1) add("table-count", `${tables.length} tables`, "at most one table is allowed");
  tables.forEach((t, i) => {
    if (t.limits.max === null) {
      add("table-maximum", `table ${i}`, "the table must declare a maximum (unbounded tables are rejected)");
    } else if (t.limits.max > LIMITS.tableElements) {
      add("table-size", `table ${i}`, `maximum ${t.limits.max} exceeds ${LIMITS.tableElements} elements`);
    }
  });
}

function checkMemories(m: ParsedModule, add: Add): void {
  const imported = m.imports.filter((i) => i.desc.kind === "memory");
  for (const imp of imported) {
    add("memory-imported", `import ${imp.module}.${imp.name}`, "memory must be defined by the module, not imported");
  }
  const total = imported.length + m.memories.length;
  if (total !== 1) add("memory-count", `${total} memories`, "the module must define exactly one memory");
  m.memories.forEach((mem, i) => {
    if (mem.min > LIMITS.initialMemoryPages) {
      add("memory-initial", `memory ${i}`, `initial ${mem.min} pages exceeds ${LIMITS.initialMemoryPages} (32 MiB)`);
    }
    if (mem.max !== null) {
      add("memory-maximum", `memory ${i}`, `maximum ${mem.max} pages is set; the VM requires no maximum`);
    }
  });
}

function checkExports(m: ParsedModule, add: Add, available: ReadonlySet<string>): void {
  const fnExports = m.exports.filter((e) => e.kind === "function");
  const typeOf = (name: string): FuncType | undefined => {
    const e = fnExports.find((x) => x.name === name);
    return e ? functionType(m, e.index) : undefined;
  };
  const expectSig = (rule: string, name: string, params: ValType[], results: ValType[]): void => {
    const t = typeOf(name);
    if (t === undefined) {
      const other = m.exports.find((e) => e.name === name);
      add(rule, name, other ? `must be a function export, found a ${other.kind}` : `missing required export ${name}`);
    } else if (!sameTypes(t.params, params) || !sameTypes(t.results, results)) {
      add(rule, name, `expects ${fmtSig(params, results)}, found ${signatureText(t)}`);
    }
  };

  const versions = fnExports.filter((e) => e.name.startsWith("interface_version_"));
  if (versions.length === 0) {
    add(
      "interface-version",
      "interface_version_8",
      "missing export interface_version_8 (the contract's interface marker)",
    );
  } else if (versions.length > 1) {
    add(
      "interface-version",
      versions.map((v) => v.name).join(", "),
      "exactly one interface_version_* export is allowed",
    );
  } else if (versions[0]!.name !== "interface_version_8") {
    add("interface-version", versions[0]!.name, "unsupported interface version; only interface_version_8 is supported");
  } else {
    expectSig("interface-version", "interface_version_8", [], []);
  }

  expectSig("export-allocate", "allocate", ["i32"], ["i32"]);
  expectSig("export-deallocate", "deallocate", ["i32"], []);
  const mem = m.exports.find((e) => e.name === "memory");
  if (mem === undefined) add("export-memory", "memory", "missing memory export `memory`");
  else if (mem.kind !== "memory")
    add("export-memory", "memory", `export \`memory\` must be a memory, found a ${mem.kind}`);

  for (const [name, arities] of ENTRY_POINT_ARITY) {
    const exp = m.exports.find((e) => e.name === name);
    if (exp === undefined) continue;
    const t = exp.kind === "function" ? functionType(m, exp.index) : undefined;
    const want = arities.map((n) => fmtSig(Array<string>(n).fill("i32"), ["i32"])).join(" or ");
    if (t === undefined) {
      add("entry-point-signature", name, `expects a function ${want}, found a ${exp.kind}`);
      continue;
    }
    const ok = arities.includes(t.params.length) && t.params.every((p) => p === "i32") && sameTypes(t.results, ["i32"]);
    if (!ok) add("entry-point-signature", name, `expects ${want}, found ${signatureText(t)}`);
  }

  for (const e of fnExports) {
    if (!e.name.startsWith("requires_")) continue;
    const cap = e.name.slice("requires_".length);
    if (!available.has(cap)) {
      add(
        "capability",
        e.name,
        `requires capability "${cap}", which the chain does not offer (available: ${[...available].join(", ")})`,
      );
    }
  }
}

function checkImports(m: ParsedModule, add: Add): void {
  if (m.imports.length > LIMITS.imports) {
    add("import-count", `${m.imports.length} imports`, `more than ${LIMITS.imports} imports`);
  }
  for (const imp of m.imports) {
    const full = `${imp.module}.${imp.name}`;
    if (imp.desc.kind !== "function") {
      // imported memories have their own rule above
      if (imp.desc.kind !== "memory")
        add("import-kind", full, `only function imports are allowed, found a ${imp.desc.kind}`);
      continue;
    }
    const want = imp.module === "env" ? SUPPORTED_IMPORTS.get(imp.name) : undefined;
    if (want === undefined) {
      add(
        "import-whitelist",
        full,
        "not a CosmWasm host function (only env.* functions of the VM's whitelist are provided)",
      );
      continue;
    }
    const t = m.types[imp.desc.typeIndex]!;
    if (!sameTypes(t.params, want[0]) || !sameTypes(t.results, want[1])) {
      add("import-signature", full, `expects ${fmtSig(want[0], want[1])}, found ${signatureText(t)}`);
    }
  }
}

function checkFunctions(m: ParsedModule, add: Add): void {
  if (m.functions.length > LIMITS.functions) {
    add("function-count", `${m.functions.length} functions`, `more than ${LIMITS.functions} functions`);
  }
  m.types.forEach((t, i) => {
    if (t.params.length > LIMITS.paramsPerFunction) {
      add(
        "function-params",
        `type ${i} ${signatureText(t)}`,
        `${t.params.length} params exceed ${LIMITS.paramsPerFunction}`,
      );
    }
    if (t.results.length > LIMITS.resultsPerFunction) {
      add(
        "function-results",
        `type ${i} ${signatureText(t)}`,
        `${t.results.length} results; multi-value returns are rejected (max ${LIMITS.resultsPerFunction})`,
      );
    }
  });
  // cosmwasm-vm sums the parameter counts of every defined function's type
  const total = m.functions.reduce((sum, t) => sum + (m.types[t]?.params.length ?? 0), 0);
  if (total > LIMITS.totalParams) {
    add("total-params", `${total} params`, `total parameters of all functions exceed ${LIMITS.totalParams}`);
  }
}
