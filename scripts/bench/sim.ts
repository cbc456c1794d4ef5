// Simulation figures: the akash-2025 scenario at its default scale (run time, transactions per second), the speed-up
// of 2 workers over 1 on a Monte Carlo of 8 runs (a quarter of 2025 each, to keep the bench short), and with
// --sim-full the full-scale year (every 2025 deployment and lease as a real transaction).
import { execFile } from "node:child_process";
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

/**
 * The full-scale year in a child process with a 16 GiB heap: the escrow keeps every closed account, as the chain
 * does, so 3 million deployments outgrow Node's default heap. The CLI's summary line gives txs and seconds.
 */
function fullScale(): Promise<{ txs: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), "akash-econ-bench-full-"));
  const cli = join(repoRoot(), "dist", "cli", "main.js");
  const args = ["--max-old-space-size=16384", cli, "sim", "run", scenario(), "--set", "scale=1"];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...args, "--out", join(dir, "out")],
      { maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        const m = /([\d,]+) transactions in ([\d.]+) s/.exec(stdout);
        if (error !== null || m === null) {
          reject(new Error(`full-scale run failed: ${error?.message ?? "no summary line"}\n${stderr.slice(-2000)}`));
          return;
        }
        resolve({ txs: Number(m[1]!.replaceAll(",", "")), seconds: Number(m[2]) });
      },
    );
  });
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
    const f = await fullScale();
    lines.push(
      `full scale (scale 1), 1 run: ${f.seconds.toFixed(0)} s, ${f.txs.toLocaleString("en-US")} txs, ${(f.txs / f.seconds).toFixed(0)} tx/s`,
    );
  } else lines.push("(full scale: npm run bench -- --only sim --sim-full)");
  return lines;
}
