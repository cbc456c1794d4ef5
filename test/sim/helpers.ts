// Shared plumbing of the simulation tests: scenario files written to a temporary directory, and the repository's
// scenarios.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { runScenario } from "../../sim/economy/run.js";
import { EmbeddedSimChain, deployMechanisms } from "../../sim/economy/chains.js";
import { runOne, type RunResult } from "../../sim/economy/engine.js";
import { defaultRegistry } from "../../sim/economy/registry.js";
import { loadScenario } from "../../sim/economy/scenario.js";

export const scenarioPath = (name: string): string => join(repoRoot(), "scenarios", `${name}.yaml`);

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `akash-econ-${label}-`));
}

/** Writes files (name → YAML text) into a fresh directory; returns the directory. */
export function writeScenarios(files: Record<string, string>): string {
  const dir = tempDir("scenario");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A small valid scenario body (extends the repository's smoke scenario). */
export const SMOKE_CHILD = `extends: ${JSON.stringify(scenarioPath("smoke"))}\n`;

/** A run's last step as the CSV has it (unweighted): metric → integer value, and the metric names. */
export interface FinalKpis {
  (metric: string): bigint;
  metrics: string[];
  /** The run's output directory (kpis.csv, run.json). */
  out: string;
}

/** Runs a scenario file once on one worker (no report); returns the last step's KPIs. */
export async function finalKpis(file: string, label: string, set: string[] = []): Promise<FinalKpis> {
  const out = join(tempDir(label), "out");
  const res = await runScenario(file, { out, workers: 1, report: false, set: ["runs=1", ...set] });
  expect(res.failedRuns).toBe(0);
  const rows = readFileSync(join(out, "kpis.csv"), "utf8")
    .split("\n")
    .slice(1, -1)
    .map((l) => l.split(","));
  const last = Math.max(...rows.map((c) => Number(c[4])));
  const final = new Map(rows.filter((c) => Number(c[4]) === last).map((c) => [c[6]!, c[7]!]));
  const at = ((m: string) => BigInt(final.get(m) ?? "0")) as FinalKpis;
  at.metrics = [...final.keys()];
  at.out = out;
  return at;
}

/**
 * Runs the first parameter set of a scenario (YAML text) once, in this process, on a fresh embedded chain, and
 * checks the run neither failed nor had a refused transaction; returns the run, the chain and the contract addresses for direct queries.
 */
export async function runInProcess(
  yaml: string,
  seed: number,
): Promise<{ res: RunResult; chain: EmbeddedSimChain; contracts: Record<string, string> }> {
  const registry = defaultRegistry();
  const dir = writeScenarios({ "scenario.yaml": yaml });
  const loaded = loadScenario(join(dir, "scenario.yaml"), registry);
  const ps = loaded.paramSets[0]!;
  const sc = ps.scenario;
  const chain = EmbeddedSimChain.create(sc.start, sc.params.system.block_time_seconds);
  const contracts = await deployMechanisms(chain, registry.mechanisms, sc.params);
  const res = await runOne({ registry, paramSet: ps, run: 0, seed, chain, contracts, dir: loaded.dir });
  expect(res.error).toBeUndefined();
  expect(res.failures).toEqual({});
  return { res, chain, contracts };
}
