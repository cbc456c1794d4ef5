// `sim run` as a library call: validate (nothing is written if the scenario is bad or the chain unreachable), run the
// planned (param set, run) pairs, write the outputs and the report.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunResult } from "./engine.js";
import { runCsv, sidecar, writeOutputs } from "./output.js";
import { Progress } from "./progress.js";
import { defaultRegistry } from "./registry.js";
import { defaultWorkers, executeTasks, LocalExecutor, parseShard, planTasks } from "./runner.js";
import { loadScenario } from "./scenario.js";

export interface RunOptions {
  set?: readonly string[];
  out?: string;
  workers?: number;
  /** "i/n" */
  shard?: string;
  report?: boolean;
  log?: (line: string) => void;
}

export interface RunOutcome {
  dir: string;
  report?: string;
  results: RunResult[];
  failedRuns: number;
  seconds: number;
  txs: number;
  steps: number;
}

export async function runScenario(file: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const log = opts.log ?? (() => undefined);
  const registry = defaultRegistry();
  const set = opts.set ?? [];
  const loaded = loadScenario(file, registry, { set });
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  const tasks = planTasks(loaded, set, shard);
  const dir =
    opts.out ??
    join("out", loaded.scenario.name + (shard === undefined ? "" : `-shard-${shard.index}-of-${shard.count}`));
  const executor = new LocalExecutor(registry);
  // An unreachable chain must fail before anything is written.
  if (loaded.scenario.chain === "local") await executor.localChain();
  const workers = opts.workers ?? defaultWorkers();
  log(
    `${loaded.scenario.name}: ${tasks.length} run(s) of ${loaded.scenario.steps} × ${loaded.scenario.step} on ${loaded.scenario.chain}` +
      (shard === undefined ? "" : ` (shard ${shard.index}/${shard.count})`) +
      `, ${loaded.scenario.chain === "local" ? 1 : Math.min(workers, tasks.length)} worker(s)`,
  );
  const progress = new Progress(tasks.length, loaded.scenario.steps);
  const started = process.hrtime.bigint();
  let results: RunResult[];
  try {
    results = await executeTasks(
      tasks,
      loaded.scenario.chain,
      {
        workers,
        onStep: () => {
          progress.step();
        },
        onRunDone: (r) => {
          progress.runDone(r.stepsDone);
        },
      },
      executor,
    );
  } finally {
    progress.done();
    await executor.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (existsSync(join(dir, "run.json"))) rmSync(dir, { recursive: true });
  writeOutputs(dir, results.map((r) => runCsv(loaded, r)).join(""), sidecar(loaded, registry, results, shard));
  const txs = results.reduce((s, r) => s + r.txs, 0);
  const steps = results.reduce((s, r) => s + r.stepsDone, 0);
  writeFileSync(
    join(dir, "timing.json"),
    JSON.stringify(
      { wall_seconds: seconds, workers, runs: results.length, steps, txs, tx_per_second: txs / seconds },
      null,
      2,
    ) + "\n",
  );
  const failed = results.filter((r) => r.error !== undefined);
  for (const r of failed)
    log(`run ${r.paramSetId}/${r.run} failed after ${r.stepsDone} steps: ${r.error!.split("\n")[0]}`);
  log(`${txs} transactions in ${seconds.toFixed(1)} s (${(txs / seconds).toFixed(0)} tx/s); outputs in ${dir}`);
  let report: string | undefined;
  if (opts.report !== false && shard === undefined) {
    const { writeReport } = await import("./report.js");
    report = await writeReport(dir);
    log(`report: ${report}`);
  }
  return { dir, ...(report === undefined ? {} : { report }), results, failedRuns: failed.length, seconds, txs, steps };
}
