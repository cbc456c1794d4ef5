// Simulation figures: the akash-2025 scenario at its default scale (run time, transactions per second), the speed-up
// of 2 workers over 1 on a Monte Carlo of 8 runs (a quarter of 2025 each, to keep the bench short), and with
// --sim-full the full-scale year (every 2025 deployment and lease as a real transaction).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../lib/repo-root.js";
import { runScenario, type RunOutcome } from "../../sim/economy/run.js";

const scenario = (): string => join(repoRoot(), "scenarios", "akash-2025.yaml");

async function timed(label: string, set: string[], workers: number): Promise<RunOutcome> {
  const dir = mkdtempSync(join(tmpdir(), `akash-econ-bench-${label}-`));
  try {
    return await runScenario(scenario(), { out: join(dir, "out"), set, workers, report: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSim(full: boolean): Promise<string[]> {
  const lines = ["## Simulation (akash-2025)"];
  const one = await timed("default", [], 1);
  lines.push(
    `default scale, 1 run, 365 daily steps: ${one.seconds.toFixed(1)} s, ${one.txs.toLocaleString("en-US")} txs, ${(one.txs / one.seconds).toFixed(0)} tx/s`,
  );
  const mc = ["runs=8", "steps=90"];
  const w1 = await timed("w1", mc, 1);
  const w2 = await timed("w2", mc, 2);
  lines.push(
    `Monte Carlo 8 runs × 90 steps: 1 worker ${w1.seconds.toFixed(1)} s, 2 workers ${w2.seconds.toFixed(1)} s, speed-up ${(w1.seconds / w2.seconds).toFixed(2)}x`,
  );
  if (full) {
    const f = await timed("full", ["scale=1"], 1);
    lines.push(
      `full scale (scale 1), 1 run: ${f.seconds.toFixed(0)} s, ${f.txs.toLocaleString("en-US")} txs, ${(f.txs / f.seconds).toFixed(0)} tx/s`,
    );
  } else lines.push("(full scale: npm run bench -- --only sim --sim-full)");
  return lines;
}
