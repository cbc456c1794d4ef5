/** Which contracts to deploy and with which messages: the built artifacts, or an explicit plan file. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { repoRoot } from "../lib/repo-root.js";
import { defaultInstantiateMsg } from "./defaults.js";
import type { JsonObject } from "../../sim/interface/client.js";

export interface PlanEntry {
  name: string;
  wasmPath: string;
  instantiateMsg: JsonObject;
  migrateMsg: JsonObject;
  label: string;
  /** Contract admin; default the gov module address (as on Akash, where gov administers every contract). */
  admin?: string;
}

/** Values substituted for "$GOV" / "$DENOM" strings anywhere in a plan's messages and admin. */
export interface PlanContext {
  govAddress: string;
  denom: string;
}

/** Plans name the gov module as "$GOV", resolved per chain by `resolvePlan`. */
const PLAN_DEFAULTS = { admin: "$GOV" };

export const defaultArtifactsDir = (): string => join(repoRoot(), "artifacts");
export const labelFor = (name: string): string => `akash-econ-${name}`;

/** Contracts that others name at instantiate ("$CONTRACT:<name>"), deployed first in this order. */
export const DEPLOY_ORDER: readonly string[] = ["oracle", "bme", "escrow"];

const deployRank = (name: string): number => {
  const i = DEPLOY_ORDER.indexOf(name);
  return i === -1 ? DEPLOY_ORDER.length : i;
};

/** Contract names with a built artifact: DEPLOY_ORDER first, then the rest sorted. */
export function listArtifacts(dir: string = defaultArtifactsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".wasm"))
    .map((f) => basename(f, ".wasm"))
    .sort()
    .sort((a, b) => deployRank(a) - deployRank(b));
}

/** Replaces every "$CONTRACT:<name>" string with the address `addressOf(name)` gives (throws when unknown). */
export function linkContracts(value: unknown, addressOf: (name: string) => string | undefined): unknown {
  if (typeof value === "string" && value.startsWith("$CONTRACT:")) {
    const name = value.slice("$CONTRACT:".length);
    const address = addressOf(name);
    if (address === undefined) throw new Error(`${value}: contract ${name} is not deployed (deploy it first)`);
    return address;
  }
  if (Array.isArray(value)) return value.map((v) => linkContracts(v, addressOf));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, linkContracts(v, addressOf)]));
  }
  return value;
}

interface PlanFile {
  contracts: {
    name: string;
    wasm?: string;
    instantiate_msg?: JsonObject;
    migrate_msg?: JsonObject;
    label?: string;
    admin?: string;
  }[];
}

function parsePlanFile(file: string): PlanFile {
  const raw = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (
    typeof raw !== "object" ||
    raw === null ||
    !Array.isArray((raw as { contracts?: unknown }).contracts) ||
    !(raw as PlanFile).contracts.every(
      (c) => typeof c === "object" && typeof (c as { name?: unknown }).name === "string",
    )
  ) {
    throw new Error(`${file}: expected {"contracts":[{"name":…, "wasm"?, "instantiate_msg"?, "label"?, "admin"?}]}`);
  }
  return raw as PlanFile;
}

export interface LoadPlanOptions {
  artifactsDir?: string;
  /** Restrict to these names (in this order). */
  contracts?: readonly string[];
  /** JSON plan file; wasm paths in it are relative to the file. */
  planFile?: string;
}

export function loadPlan(opts: LoadPlanOptions = {}): PlanEntry[] {
  const dir = opts.artifactsDir ?? defaultArtifactsDir();
  let entries: PlanEntry[];
  if (opts.planFile !== undefined) {
    const base = dirname(resolve(opts.planFile));
    entries = parsePlanFile(opts.planFile).contracts.map((c) => {
      const wasm = c.wasm ?? join(dir, `${c.name}.wasm`);
      return {
        name: c.name,
        wasmPath: isAbsolute(wasm) ? wasm : resolve(base, wasm),
        instantiateMsg: c.instantiate_msg ?? defaultInstantiateMsg(c.name, PLAN_DEFAULTS),
        migrateMsg: c.migrate_msg ?? {},
        label: c.label ?? labelFor(c.name),
        ...(c.admin !== undefined ? { admin: c.admin } : {}),
      };
    });
  } else {
    entries = listArtifacts(dir).map((name) => ({
      name,
      wasmPath: join(dir, `${name}.wasm`),
      instantiateMsg: defaultInstantiateMsg(name, PLAN_DEFAULTS),
      migrateMsg: {},
      label: labelFor(name),
    }));
  }
  if (opts.contracts !== undefined) {
    const byName = new Map(entries.map((e) => [e.name, e]));
    const missing = opts.contracts.filter((n) => !byName.has(n));
    if (missing.length > 0) {
      const known = [...byName.keys()].join(", ") || "none — run `npm run build`";
      throw new Error(`unknown contract(s) ${missing.join(", ")} (available: ${known})`);
    }
    entries = opts.contracts.map((n) => byName.get(n)!);
  }
  for (const e of entries) if (!existsSync(e.wasmPath)) throw new Error(`${e.name}: ${e.wasmPath} does not exist`);
  return entries;
}

function substitute(value: unknown, ctx: PlanContext): unknown {
  if (value === "$GOV") return ctx.govAddress;
  if (value === "$DENOM") return ctx.denom;
  if (Array.isArray(value)) return value.map((v) => substitute(v, ctx));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, ctx)]));
  }
  return value;
}

export function resolvePlan(entries: readonly PlanEntry[], ctx: PlanContext): PlanEntry[] {
  return entries.map((e) => ({
    ...e,
    instantiateMsg: substitute(e.instantiateMsg, ctx) as JsonObject,
    migrateMsg: substitute(e.migrateMsg, ctx) as JsonObject,
    ...(e.admin !== undefined ? { admin: substitute(e.admin, ctx) as string } : {}),
  }));
}

/**
 * artifacts/checksums.txt as file name → lowercase hex sha256. Accepts `sha256sum` lines (`<hex>  <file>`, `*` for
 * binary mode) and `<file> <hex>`.
 */
export function readChecksums(dir: string = defaultArtifactsDir()): Map<string, string> {
  const file = join(dir, "checksums.txt");
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2) continue;
    const hexIdx = parts.findIndex((p) => /^[0-9a-fA-F]{64}$/.test(p));
    if (hexIdx === -1) continue;
    const name = parts.find((p, i) => i !== hexIdx);
    if (name !== undefined) out.set(basename(name.replace(/^\*/, "")), parts[hexIdx]!.toLowerCase());
  }
  return out;
}
