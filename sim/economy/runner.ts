// Monte Carlo and sweeps: the (param set, run) pairs of a scenario, sliced by --shard, run in this process or on a
// tinypool worker pool. Each pair's result depends only on the scenario and its seed (derived from the master seed),
// never on the worker that ran it or the runs before it, so outputs are byte-identical whatever the worker count.
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { deriveSeed } from "./rng.js";
import { defaultRegistry, type Registry } from "./registry.js";
import { loadScenario, type LoadedScenario, type ParamSet } from "./scenario.js";
import { deployMechanisms, EmbeddedSimChain, startLocalChain, type LocalSimChain } from "./chains.js";
import { runOne, type RunResult } from "./engine.js";

export interface RunTask {
  file: string;
  set: readonly string[];
  paramSetId: number;
  run: number;
  seed: number;
}

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

export function parseShard(s: string): Shard {
  const m = /^([0-9]+)\/([0-9]+)$/.exec(s);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || count < 1 || index < 1 || index > count)
    throw new Error(`--shard ${s}: expected i/n with 1 <= i <= n (e.g. 2/3)`);
  return { index, count };
}

/** Every (param set, run) pair in output order; a shard keeps every count-th pair starting at index-1. */
export function planTasks(loaded: LoadedScenario, set: readonly string[], shard?: Shard): RunTask[] {
  const all: RunTask[] = [];
  for (const ps of loaded.paramSets)
    for (let run = 0; run < loaded.scenario.runs; run++)
      all.push({ file: loaded.file, set, paramSetId: ps.id, run, seed: deriveSeed(loaded.scenario.seed, ps.id, run) });
  return shard === undefined ? all : all.filter((_, k) => k % shard.count === shard.index - 1);
}

/** Runs tasks on the current process, warming one embedded chain per system-parameter set and forking it per run. */
export class LocalExecutor {
  private readonly loaded = new Map<string, LoadedScenario>();
  private readonly warm = new Map<string, Promise<{ chain: EmbeddedSimChain; contracts: Record<string, string> }>>();
  private local: Promise<LocalSimChain> | undefined;

  constructor(private readonly registry: Registry = defaultRegistry()) {}

  scenario(file: string, set: readonly string[]): LoadedScenario {
    const key = JSON.stringify([file, set]);
    let l = this.loaded.get(key);
    if (l === undefined) this.loaded.set(key, (l = loadScenario(file, this.registry, { set })));
    return l;
  }

  private warmed(ps: ParamSet): Promise<{ chain: EmbeddedSimChain; contracts: Record<string, string> }> {
    const sc = ps.scenario;
    const key = JSON.stringify([sc.start, sc.params.system]);
    let w = this.warm.get(key);
    if (w === undefined) {
      w = (async () => {
        const chain = EmbeddedSimChain.create(sc.start, sc.params.system.block_time_seconds);
        const contracts = await deployMechanisms(chain, this.registry.mechanisms, sc.params);
        return { chain, contracts };
      })();
      this.warm.set(key, w);
    }
    return w;
  }

  /** Starts (or reuses) the local node; throws if none can run. */
  localChain(): Promise<LocalSimChain> {
    this.local ??= startLocalChain();
    return this.local;
  }

  async run(task: RunTask, onStep?: (step: number) => void): Promise<RunResult> {
    const loaded = this.scenario(task.file, task.set);
    const ps = loaded.paramSets[task.paramSetId]!;
    const common = { registry: this.registry, paramSet: ps, run: task.run, seed: task.seed, dir: loaded.dir, onStep };
    if (ps.scenario.chain === "local") {
      const chain = await this.localChain();
      // One node serves every run in turn: each run deploys its own contracts (through proposals).
      const contracts = await deployMechanisms(chain, this.registry.mechanisms, ps.scenario.params);
      return runOne({ ...common, chain, contracts });
    }
    const warm = await this.warmed(ps);
    return runOne({ ...common, chain: warm.chain.fork(), contracts: { ...warm.contracts } });
  }

  async close(): Promise<void> {
    if (this.local !== undefined) await (await this.local).backend.close();
  }
}

export interface ExecuteOptions {
  workers: number;
  onRunDone?: (r: RunResult) => void;
  onStep?: () => void;
}

/** The compiled worker (from TypeScript sources, as under vitest, the build's copy in dist/). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".ts")
    ? join(repoRoot(), "dist", "sim", "economy", "worker.js")
    : join(dirname(here), "worker.js");
}

export const defaultWorkers = (): number => Math.max(1, Math.min(availableParallelism(), 8));

/** Runs every task; results in task order. workers = 1 runs in this process (no pool). */
export async function executeTasks(
  tasks: readonly RunTask[],
  chainKind: "embedded" | "local",
  opts: ExecuteOptions,
  executor: LocalExecutor = new LocalExecutor(),
): Promise<RunResult[]> {
  // A local node is one chain: its runs go one after another in this process.
  if (opts.workers <= 1 || chainKind === "local" || tasks.length <= 1) {
    const out: RunResult[] = [];
    for (const t of tasks) {
      const r = await executor.run(t, () => opts.onStep?.());
      opts.onRunDone?.(r);
      out.push(r);
    }
    return out;
  }
  const { Tinypool } = await import("tinypool");
  const pool = new Tinypool({
    filename: workerFile(),
    // Separate processes: each worker owns its heap and wasm engine (the embedded chain instantiates wasm on every
    // call), as separate machines would.
    runtime: "child_process",
    minThreads: Math.min(opts.workers, tasks.length),
    maxThreads: Math.min(opts.workers, tasks.length),
  });
  try {
    return await Promise.all(
      tasks.map(async (t) => {
        const r = (await pool.run(t)) as RunResult;
        opts.onRunDone?.(r);
        return r;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
