// Outputs of a run set: the long tidy table (kpis.csv: one row per run, step and KPI; kpis.parquet beside it when the
// scenario's output.formats lists parquet), the sidecar (run.json: the resolved scenario, every parameter set, seeds,
// project version, artifact and output checksums, per-run errors) and the wall-clock figures (timing.json, kept apart
// so that the others are byte-identical across machines and shards).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, basename } from "node:path";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { artifactPath } from "./chains.js";
import { formatValue, type RunResult } from "./engine.js";
import { csvToParquet, PARQUET_FILE } from "./parquet.js";
import type { LoadedScenario, OutputFormat, Scenario } from "./scenario.js";
import { stepSeconds } from "./schema.js";
import type { Registry } from "./registry.js";
import type { Shard } from "./runner.js";

export const CSV_HEADER = "scenario,param_set_id,run,seed,step,time,metric,value,weight";
export const CSV_FILE = "kpis.csv";

export interface RunRecord {
  param_set_id: number;
  run: number;
  seed: number;
  steps_done: number;
  txs: number;
  failures: Record<string, number>;
  error?: string;
}

export interface Sidecar {
  format: "akash-econ-sim/1";
  scenario: string;
  scenario_files: string[];
  version: string;
  artifacts: Record<string, string>;
  /** sha256 of each file of the tidy table written (kpis.csv, kpis.parquet); filled by writeOutputs. */
  outputs: Record<string, string>;
  resolved: unknown;
  param_sets: { id: number; point: Record<string, unknown> }[];
  runs: RunRecord[];
  /** Every (param set, run) the full batch has; a shard lists its own in `runs`. */
  planned: number;
  shard?: Shard;
}

export function projectVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot(), "package.json"), "utf8")) as { version: string }).version;
}

export function artifactChecksums(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of [...names].sort()) {
    const p = artifactPath(n);
    if (existsSync(p)) out[n] = createHash("sha256").update(readFileSync(p)).digest("hex");
  }
  return out;
}

/** CSV lines of one run (no header), rows already in step, metric order. */
export function runCsv(loaded: LoadedScenario, r: RunResult): string {
  const sc = loaded.scenario;
  const start = Date.parse(sc.start);
  const ms = stepSeconds(sc.step) * 1000;
  const head = `${sc.name},${r.paramSetId},${r.run},${r.seed},`;
  let out = "";
  let step = -1;
  let time = "";
  for (const row of r.rows) {
    if (row.step !== step) {
      step = row.step;
      time = new Date(start + step * ms).toISOString();
    }
    out += `${head}${row.step},${time},${row.metric},${row.value},${formatValue(row.weight)}\n`;
  }
  return out;
}

export function sidecar(
  loaded: LoadedScenario,
  registry: Registry,
  results: readonly RunResult[],
  shard?: Shard,
): Sidecar {
  return {
    format: "akash-econ-sim/1",
    scenario: loaded.scenario.name,
    scenario_files: loaded.files.map((f) => basename(f)),
    version: projectVersion(),
    artifacts: artifactChecksums(registry.mechanisms.map((m) => m.name)),
    outputs: {},
    resolved: loaded.scenario,
    param_sets: loaded.paramSets.map((p) => ({ id: p.id, point: p.point })),
    runs: results.map((r) => ({
      param_set_id: r.paramSetId,
      run: r.run,
      seed: r.seed,
      steps_done: r.stepsDone,
      txs: r.txs,
      failures: r.failures,
      ...(r.error === undefined ? {} : { error: r.error.split("\n")[0]! }),
    })),
    planned: loaded.paramSets.length * loaded.scenario.runs,
    ...(shard === undefined ? {} : { shard }),
  };
}

/** The table's formats a sidecar's scenario asked for (csv alone for outputs written before output.formats). */
export function outputFormats(side: Sidecar): readonly OutputFormat[] {
  return (side.resolved as Partial<Scenario>).output?.formats ?? ["csv"];
}

/** Writes kpis.csv (always: the report and `sim merge` read it), kpis.parquet if asked, then run.json with their
 * checksums. */
export function writeOutputs(dir: string, csvBody: string, side: Sidecar): Sidecar {
  mkdirSync(dir, { recursive: true });
  const files: [string, Uint8Array | string][] = [[CSV_FILE, CSV_HEADER + "\n" + csvBody]];
  if (outputFormats(side).includes("parquet"))
    files.push([PARQUET_FILE, csvToParquet(csvBody, `akash-econ version ${side.version}`)]);
  const outputs: Record<string, string> = {};
  for (const [name, content] of files) {
    writeFileSync(join(dir, name), content);
    outputs[name] = createHash("sha256").update(content).digest("hex");
  }
  const full: Sidecar = { ...side, outputs };
  writeFileSync(join(dir, "run.json"), JSON.stringify(full, null, 2) + "\n");
  return full;
}

/** Combines shard directories into `out`: the same kpis.csv, kpis.parquet and run.json bytes as one unsharded run. */
export function mergeShards(out: string, shardDirs: readonly string[]): Sidecar {
  if (shardDirs.length === 0) throw new Error("sim merge: name the shard directories");
  const sides = shardDirs.map((d) => {
    const f = join(d, "run.json");
    if (!existsSync(f)) throw new Error(`${d}: no run.json (not a simulation output directory)`);
    return JSON.parse(readFileSync(f, "utf8")) as Sidecar;
  });
  const first = sides[0]!;
  const same = (s: Sidecar): string => JSON.stringify([s.resolved, s.version, s.artifacts, s.param_sets, s.planned]);
  sides.forEach((s, i) => {
    if (same(s) !== same(first))
      throw new Error(`${shardDirs[i]}: a shard of a different scenario, version or build than ${shardDirs[0]}`);
  });
  const blocks = new Map<string, string>();
  const key = (ps: number, run: number): string => `${ps}/${run}`;
  shardDirs.forEach((d) => {
    const lines = readFileSync(join(d, CSV_FILE), "utf8").split("\n").slice(1);
    for (const line of lines) {
      if (line === "") continue;
      const [, ps, run] = line.split(",", 3);
      const k = key(Number(ps), Number(run));
      blocks.set(k, (blocks.get(k) ?? "") + line + "\n");
    }
  });
  const runs = sides.flatMap((s) => s.runs).sort((a, b) => a.param_set_id - b.param_set_id || a.run - b.run);
  for (let i = 1; i < runs.length; i++)
    if (runs[i]!.param_set_id === runs[i - 1]!.param_set_id && runs[i]!.run === runs[i - 1]!.run)
      throw new Error(`run ${runs[i]!.param_set_id}/${runs[i]!.run} appears in two shards`);
  if (runs.length !== first.planned)
    throw new Error(`the shards hold ${runs.length} of ${first.planned} runs: some shard is missing`);
  const body = runs.map((r) => blocks.get(key(r.param_set_id, r.run)) ?? "").join("");
  const merged: Sidecar = { ...first, runs };
  delete merged.shard;
  return writeOutputs(out, body, merged);
}
