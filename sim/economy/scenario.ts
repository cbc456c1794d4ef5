// Scenario files: YAML, `extends:` chains, `--set` overrides, validation against the published JSON Schema with
// errors naming the file, line and field, and the cartesian `sweep:` expanded into parameter sets.
import { readFileSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { isMap, LineCounter, parseDocument, parse as parseYaml, type Document } from "yaml";
import type { Registry } from "./registry.js";
import { scenarioSchema, stepSeconds } from "./schema.js";
import type { Params, ScenarioEvent } from "./types.js";

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioError";
  }
}

export interface CalibrationTarget {
  label: string;
  metric?: string;
  aggregate: "final" | "sum" | "mean";
  weighted: boolean;
  divide_by?: string;
  multiply: number;
  target: number;
  tolerance: number;
  unit?: string;
  source?: string;
}

/** A scenario after extends, --set and defaults. */
/** Files of the long tidy table: kpis.csv always, kpis.parquet when listed. */
export type OutputFormat = "csv" | "parquet";

export interface Scenario {
  name: string;
  description?: string;
  seed: number;
  runs: number;
  steps: number;
  step: string;
  start: string;
  scale: number;
  chain: "embedded" | "local";
  params: Params;
  sweep: Record<string, unknown[]>;
  events: ScenarioEvent[];
  calibration: CalibrationTarget[];
  output: { formats: OutputFormat[] };
}

export interface ParamSet {
  id: number;
  /** The sweep point: dotted path → value (empty without a sweep). */
  point: Record<string, unknown>;
  scenario: Scenario;
}

export interface LoadedScenario {
  file: string;
  dir: string;
  /** Every file read, extends first. */
  files: string[];
  scenario: Scenario;
  paramSets: ParamSet[];
}

export interface LoadOptions {
  /** `path=value` overrides (value parsed as YAML), applied after extends. */
  set?: readonly string[];
}

interface Source {
  file: string;
  doc: Document;
  lines: LineCounter;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

function readSource(file: string): { src: Source; data: Obj } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ScenarioError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
    throw new ScenarioError(`${file}:${line}: YAML: ${e.message.split("\n")[0]}`);
  }
  const data = doc.toJS() as unknown;
  if (!isObj(data)) throw new ScenarioError(`${file}:1: a scenario is a mapping (key: value lines)`);
  return { src: { file, doc, lines }, data };
}

/** Deep merge: objects merge key by key, anything else (arrays included) replaces. Records who set each path. */
function merge(base: Obj, over: Obj, origin: Map<string, Source>, src: Source, prefix: string[] = []): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const path = [...prefix, k];
    origin.set(path.join("/"), src);
    out[k] = isObj(v) && isObj(out[k]) ? merge(out[k], v, origin, src, path) : v;
    if (!isObj(v)) for (const key of [...origin.keys()]) if (key.startsWith(path.join("/") + "/")) origin.set(key, src);
  }
  return out;
}

function lineOf(src: Source | undefined, path: readonly string[], key = false): number {
  if (src === undefined) return 1;
  const node = src.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (key && path.length > 0) {
    const parent = src.doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === path.at(-1));
      const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
      if (range !== undefined) return src.lines.linePos(range[0]).line;
    }
  }
  if (node?.range !== undefined) return src.lines.linePos(node.range[0]).line;
  return path.length > 0 ? lineOf(src, path.slice(0, -1), key) : 1;
}

function locate(origin: Map<string, Source>, top: Source, path: readonly string[]): Source {
  for (let n = path.length; n > 0; n--) {
    const s = origin.get(path.slice(0, n).join("/"));
    if (s !== undefined) return s;
  }
  return top;
}

const decodePointer = (p: string): string[] =>
  p === ""
    ? []
    : p
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

function describe(e: ErrorObject): { path: string[]; message: string; key: boolean } {
  const path = decodePointer(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      return { path: [...path, String(p.additionalProperty)], message: "unknown field", key: true };
    case "required":
      return { path, message: `missing required field '${String(p.missingProperty)}'`, key: false };
    case "type":
      return { path, message: `must be ${String(p.type)}`, key: false };
    case "contains":
      if (path.join(".") === "output.formats")
        return {
          path,
          message: "must list csv: kpis.csv is always written (the report and sim merge read it)",
          key: false,
        };
      return { path, message: e.message ?? e.keyword, key: false };
    case "minimum":
    case "exclusiveMinimum":
      return {
        path,
        message: `must be ${e.keyword === "minimum" ? ">=" : ">"} ${String(p.limit)}${Number(p.limit) === 0 ? " (no negative rates or counts)" : ""}`,
        key: false,
      };
    case "enum":
      return {
        path,
        message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
        key: false,
      };
    default:
      return { path, message: e.message ?? e.keyword, key: false };
  }
}

/** Errors worth showing: ajv also reports the failing if/then/oneOf wrappers of a deeper error. */
const meaningful = (errors: readonly ErrorObject[]): ErrorObject[] => {
  const real = errors.filter(
    // an item failing a `contains` subschema is not an error by itself; the `contains` error says what is missing
    (e) => !["if", "then", "else", "allOf", "anyOf"].includes(e.keyword) && !e.schemaPath.includes("/contains/"),
  );
  const noOneOf = real.filter((e) => e.keyword !== "oneOf");
  return noOneOf.length > 0 ? noOneOf : real;
};

const compiled = new WeakMap<Registry, ValidateFunction>();
function validator(registry: Registry): ValidateFunction {
  let v = compiled.get(registry);
  if (v === undefined) {
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
    ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
    v = ajv.compile(scenarioSchema(registry));
    compiled.set(registry, v);
  }
  return v;
}

function validate(data: Obj, registry: Registry, origin: Map<string, Source>, top: Source, context = ""): Scenario {
  const v = validator(registry);
  if (!v(data)) {
    const shown = meaningful(v.errors ?? []).map((e) => {
      const d = describe(e);
      const src = locate(origin, top, d.path);
      const field = d.path.length === 0 ? "(top level)" : d.path.join(".");
      const where = src.file === "--set" ? "--set" : `${src.file}:${lineOf(src, d.path, d.key)}`;
      return `${where}: ${field}: ${d.message}${context}`;
    });
    throw new ScenarioError([...new Set(shown)].slice(0, 6).join("\n"));
  }
  return data as unknown as Scenario;
}

export function getPath(o: unknown, path: readonly string[]): unknown {
  let cur = o;
  for (const k of path) {
    if (!isObj(cur) || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

function setPath(o: Obj, path: readonly string[], value: unknown): void {
  let cur = o;
  for (const k of path.slice(0, -1)) {
    if (!isObj(cur[k])) cur[k] = {};
    cur = cur[k] as Obj;
  }
  cur[path[path.length - 1]!] = value;
}

function cartesian(sweep: Record<string, unknown[]>): Record<string, unknown>[] {
  let points: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(sweep)) {
    points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  }
  return points;
}

export function loadScenario(file: string, registry: Registry, opts: LoadOptions = {}): LoadedScenario {
  const path = resolve(file);
  const chain: { src: Source; data: Obj }[] = [];
  const seen = new Set<string>();
  for (let f: string | undefined = path; f !== undefined;) {
    if (seen.has(f)) throw new ScenarioError(`${f}: extends itself (cycle through ${[...seen].join(" → ")})`);
    seen.add(f);
    const r = readSource(f);
    chain.unshift(r);
    const ext = r.data.extends;
    if (ext !== undefined && typeof ext !== "string")
      throw new ScenarioError(`${f}:${lineOf(r.src, ["extends"])}: extends: must be a file name`);
    f = ext === undefined ? undefined : resolve(dirname(f), ext);
  }
  const origin = new Map<string, Source>();
  let data: Obj = {};
  for (const r of chain) data = merge(data, r.data, origin, r.src);
  delete data.extends;
  const top = chain[chain.length - 1]!.src;
  if (data.name === undefined) data.name = basename(path, extname(path));
  const cli: Source = { file: "--set", doc: parseDocument("{}"), lines: new LineCounter() };
  for (const s of opts.set ?? []) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new ScenarioError(`--set ${s}: expected path=value`);
    const keyPath = s.slice(0, eq).split(".");
    setPath(data, keyPath, parseYaml(s.slice(eq + 1)) as unknown);
    origin.set(keyPath.join("/"), cli);
  }
  const raw = clone(data);
  const scenario = validate(data, registry, origin, top);
  semanticChecks(scenario, registry, origin, top);

  const sweepSrc = (key: string): string => {
    const src = locate(origin, top, ["sweep", key]);
    return `${src.file}:${lineOf(src, ["sweep", key], true)}`;
  };
  for (const key of Object.keys(scenario.sweep)) {
    if (getPath(scenario, key.split(".")) === undefined)
      throw new ScenarioError(
        `${sweepSrc(key)}: sweep.${key}: unknown parameter (sweep keys are dotted paths of this scenario, e.g. params.behaviour.tenants.leases_per_day)`,
      );
    if (
      key.startsWith("sweep") ||
      key.split(".")[0] === "output" ||
      ["runs", "seed", "chain", "steps", "step", "scale"].includes(key)
    )
      throw new ScenarioError(`${sweepSrc(key)}: sweep.${key}: only params.* can be swept`);
  }
  const paramSets = cartesian(scenario.sweep).map((point, id) => {
    const copy = clone(raw);
    for (const [k, v] of Object.entries(point)) setPath(copy, k.split("."), v);
    const at = Object.keys(point)
      .map((k) => `${k}=${JSON.stringify(point[k])}`)
      .join(", ");
    const sc = validate(copy, registry, origin, top, ` (sweep point ${at})`);
    return { id, point, scenario: sc };
  });
  return { file: path, dir: dirname(path), files: chain.map((c) => c.src.file), scenario, paramSets };
}

/** A grant names a program launched before it and one of that program's discretionary pools. */
function checkGrant(s: Scenario, i: number, at: (path: string[]) => string): void {
  const g = s.events[i]!;
  const launch = s.events.find(
    (e) => e.kind === "program_launch" && e.at <= g.at && (e.program as { name?: unknown }).name === g.program,
  );
  if (launch === undefined)
    throw new ScenarioError(
      `${at(["events", String(i), "program"])}: events.${i}.program: no program_launch named '${String(g.program)}' at or before step ${g.at}`,
    );
  const pools = ((launch.program as { pools?: { name?: unknown; discretionary?: unknown }[] }).pools ?? []).filter(
    (p) => p.discretionary !== undefined && p.discretionary !== null,
  );
  if (!pools.some((p) => p.name === g.pool))
    throw new ScenarioError(
      `${at(["events", String(i), "pool"])}: events.${i}.pool: '${String(g.pool)}' is not a discretionary pool of '${String(g.program)}'`,
    );
}

function semanticChecks(s: Scenario, registry: Registry, origin: Map<string, Source>, top: Source): void {
  const at = (path: string[]): string => {
    const src = locate(origin, top, path);
    return `${src.file}:${lineOf(src, path)}`;
  };
  stepSeconds(s.step);
  const mechanisms = new Set(registry.mechanisms.map((m) => m.name));
  const enabled = new Set(registry.mechanisms.filter((m) => m.enabled?.(s.params) ?? true).map((m) => m.name));
  s.events.forEach((e, i) => {
    const kind = registry.eventKinds.find((k) => k.kind === e.kind);
    if (kind?.needs !== undefined && !mechanisms.has(kind.needs))
      throw new ScenarioError(
        `${at(["events", String(i)])}: events.${i}: '${e.kind}' needs the ${kind.needs} mechanism, which this build does not have`,
      );
    if (kind?.needs !== undefined && !enabled.has(kind.needs))
      throw new ScenarioError(
        `${at(["events", String(i)])}: events.${i}: '${e.kind}' needs the ${kind.needs} mechanism, which this scenario does not enable (params.system.${kind.needs}.enabled)`,
      );
    if (e.at >= s.steps)
      throw new ScenarioError(
        `${at(["events", String(i), "at"])}: events.${i}.at: step ${e.at} is past the last step (${s.steps - 1})`,
      );
    if (e.kind === "gov_param" && !mechanisms.has(String(e.contract)))
      throw new ScenarioError(
        `${at(["events", String(i), "contract"])}: events.${i}.contract: no mechanism '${String(e.contract)}'`,
      );
    if (e.kind === "program_grant") checkGrant(s, i, at);
  });
  const tenants = s.params.behaviour.tenants as
    | {
        gpu_mix?: Record<string, number> | { from: number; value: Record<string, number> }[];
        denom_mix?: Record<string, number>;
      }
    | undefined;
  const prices = (s.params.behaviour.providers as { prices_usd_per_hour?: Record<string, number> } | undefined)
    ?.prices_usd_per_hour;
  const gpuMix = tenants?.gpu_mix ?? {};
  // One mix, or a mix by step: each entry's models must be priced, and the steps must start at 0 and increase.
  const mixes: { path: string[]; mix: Record<string, number> }[] = Array.isArray(gpuMix)
    ? gpuMix.map((e, i) => ({ path: [String(i), "value"], mix: e.value }))
    : [{ path: [], mix: gpuMix }];
  if (Array.isArray(gpuMix))
    gpuMix.forEach((e, i) => {
      const prev = i === 0 ? undefined : gpuMix[i - 1]!.from;
      if ((prev === undefined && e.from !== 0) || (prev !== undefined && e.from <= prev))
        throw new ScenarioError(
          `${at(["params", "behaviour", "tenants", "gpu_mix", String(i), "from"])}: params.behaviour.tenants.gpu_mix.${i}.from: ${
            prev === undefined
              ? "the first mix must start at step 0"
              : `must be after the previous entry's step ${prev}`
          } (got ${e.from})`,
        );
    });
  for (const { path, mix } of mixes) {
    for (const gpu of Object.keys(mix)) {
      if (prices?.[gpu] === undefined) {
        const p = ["gpu_mix", ...path, gpu];
        throw new ScenarioError(
          `${at(["params", "behaviour", "tenants", ...p])}: params.behaviour.tenants.${p.join(".")}: no price in params.behaviour.providers.prices_usd_per_hour`,
        );
      }
    }
  }
  const denoms = ((s.params.system.escrow as { denoms?: { denom: string }[] } | undefined)?.denoms ?? []).map(
    (d) => d.denom,
  );
  // ACT (`uact`) is listed in the escrow by bme's deployment (cw20:<bme>) and minted from AKT, so any chain has it.
  const bmeOn = (s.params.system.bme as { enabled?: boolean } | undefined)?.enabled === true;
  for (const denom of Object.keys(tenants?.denom_mix ?? {})) {
    if (denom === "uact") {
      if (!bmeOn && (tenants?.denom_mix?.[denom] ?? 0) > 0)
        throw new ScenarioError(
          `${at(["params", "behaviour", "tenants", "denom_mix", denom])}: params.behaviour.tenants.denom_mix.uact: paying in ACT needs params.system.bme.enabled: true`,
        );
      continue;
    }
    if (!denoms.includes(denom))
      throw new ScenarioError(
        `${at(["params", "behaviour", "tenants", "denom_mix", denom])}: params.behaviour.tenants.denom_mix.${denom}: the escrow does not accept ${denom} (params.system.escrow.denoms)`,
      );
    if (s.chain === "local" && denom !== "uakt" && (tenants?.denom_mix?.[denom] ?? 0) > 0)
      throw new ScenarioError(
        `${at(["params", "behaviour", "tenants", "denom_mix", denom])}: params.behaviour.tenants.denom_mix.${denom}: chain: local can fund only uakt`,
      );
  }
  const labels = new Set(s.calibration.map((c) => c.label));
  s.calibration.forEach((c, i) => {
    if (c.metric === undefined && c.divide_by === undefined)
      throw new ScenarioError(`${at(["calibration", String(i)])}: calibration.${i}: needs metric`);
    if (c.divide_by !== undefined && !labels.has(c.divide_by))
      throw new ScenarioError(
        `${at(["calibration", String(i), "divide_by"])}: calibration.${i}.divide_by: no target labelled '${c.divide_by}'`,
      );
  });
}
