// Executes per second of one call (`increment`) on the embedded chain and on @oraichain/cw-simulate, same wasm, same
// process. Both are driven through their own high-level API (ours: the CosmJS-shaped client; theirs:
// app.wasm.executeContract), each call a full transaction with events. cw-simulate's VM lacks two of the CosmWasm
// imports the probe links (env.db_next_key/db_next_value), so the side-by-side figure uses test/counter, which runs
// the probe's `increment` path (std entry wrappers, JSON, Item storage); the probe's own figure is printed too.
// Both sides get the same treatment: each backend runs in its own worker thread (a fresh V8 isolate: its own heap,
// GC and JIT state; measured in one shared heap, whichever backend ran second was slowed by the first one's garbage
// and tx logs, by up to 2x either way), one worker at a time; WARMUP calls first (both JITs and V8's wasm tier-up
// settle; a short warm-up favoured whichever side warms up faster), then ROUNDS timed rounds of `calls` each; the
// figure is the median round, which a burst of load from other processes on a shared machine moves less than a single
// timing. Each round also records the process's CPU time (user + system; the main thread idles while a worker runs,
// so this is the worker's work and its GC threads'): on a machine other jobs load, wall time mostly measures who got
// the cores, CPU time what each call costs. The workers run twice, alternating (ours, theirs, ours, theirs), and
// each figure is the mean of the two passes' medians.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { CWSimulateApp } from "@oraichain/cw-simulate";
import { EmbeddedChain } from "../../sim/index.js";
import { repoRoot } from "../lib/repo-root.js";

export interface Throughput {
  backend: string;
  calls: number;
  seconds: number;
  callsPerSecond: number;
  /** Median CPU seconds (user + system) per round of `calls`. */
  cpuSeconds: number;
}

const WARMUP = 500;
const ROUNDS = 5;

const testWasm = (name: string): Uint8Array => readFileSync(join(repoRoot(), "build", "test", `${name}.wasm`));

/** A backend ready to time: `execute` runs one `increment` tx; `check` verifies the count after `n` of them. */
interface Runner {
  backend: string;
  execute(): Promise<unknown>;
  check(n: number): Promise<void>;
}

async function embeddedRunner(backend: string, wasm: Uint8Array): Promise<Runner> {
  const chain = new EmbeddedChain();
  const client = chain.client();
  const sender = chain.addressFor("bench");
  const { codeId } = await client.upload(sender, wasm, "auto");
  const { contractAddress } = await client.instantiate(sender, codeId, { count: 0 }, "probe", "auto");
  return {
    backend,
    execute: () => client.execute(sender, contractAddress, { increment: {} }, "auto"),
    check: async (n) => {
      const { count } = (await client.queryContractSmart(contractAddress, { count: {} })) as { count: number };
      if (count !== n) throw new Error(`embedded chain counted ${count}, expected ${n}`);
    },
  };
}

interface SimEvent {
  type: string;
  attributes: { key: string; value: string }[];
}

async function cwSimulateRunner(wasm: Uint8Array): Promise<Runner> {
  const app = new CWSimulateApp({ chainId: "bench-1", bech32Prefix: "akash" });
  const sender = new EmbeddedChain().addressFor("bench");
  const codeId = app.wasm.create(sender, wasm);
  const inst = await app.wasm.instantiateContract(sender, [], codeId, { count: 0 }, "probe");
  const events = (inst.unwrap() as { events: SimEvent[] }).events;
  const address = events.flatMap((e) => e.attributes).find((a) => a.key === "_contract_address")?.value;
  if (address === undefined) throw new Error("cw-simulate: no contract address in the instantiate events");
  return {
    backend: "cw-simulate 2.8.108, counter",
    execute: async () => {
      const res = await app.wasm.executeContract(sender, [], address, { increment: {} });
      if (res.err) throw new Error(`cw-simulate execute failed: ${res.val}`);
    },
    check: () => Promise.resolve(),
  };
}

async function timeCalls(runner: Runner, calls: number): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await runner.execute();
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** What one worker measures. */
interface Job {
  backend: "cw-simulate" | "probe" | "counter";
  calls: number;
}

async function runJob(job: Job): Promise<Throughput> {
  const runner =
    job.backend === "cw-simulate"
      ? await cwSimulateRunner(testWasm("counter"))
      : await embeddedRunner(`akash-econ EmbeddedChain, ${job.backend}`, testWasm(job.backend));
  for (let i = 0; i < WARMUP; i++) await runner.execute();
  const rounds: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await timeCalls(runner, job.calls));
  await runner.check(WARMUP + ROUNDS * job.calls);
  const seconds = median(rounds.map((r) => r.wall));
  const cpuSeconds = median(rounds.map((r) => r.cpu));
  return { backend: runner.backend, calls: job.calls, seconds, callsPerSecond: job.calls / seconds, cpuSeconds };
}

/** One backend's two passes as one figure: the mean of their median rounds. */
function mergePasses(a: Throughput, b: Throughput): Throughput {
  const seconds = (a.seconds + b.seconds) / 2;
  return { ...a, seconds, callsPerSecond: a.calls / seconds, cpuSeconds: (a.cpuSeconds + b.cpuSeconds) / 2 };
}

type JobReply = { ok: Throughput } | { error: string };

const job = isMainThread ? undefined : (workerData as { benchProbeJob?: Job } | null)?.benchProbeJob;
if (job !== undefined) {
  runJob(job).then(
    (ok) => parentPort?.postMessage({ ok } satisfies JobReply),
    (e: unknown) => parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies JobReply),
  );
}

function inWorker(benchProbeJob: Job): Promise<Throughput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { benchProbeJob } });
    worker.once("message", (reply: JobReply) => {
      void worker.terminate();
      if ("ok" in reply) resolve(reply.ok);
      else reject(new Error(reply.error));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(new Error(`bench worker exited with code ${code}`));
    });
  });
}

export async function benchProbeThroughput(calls: number): Promise<Throughput[]> {
  const results = [await inWorker({ backend: "probe", calls })];
  try {
    const ours1 = await inWorker({ backend: "counter", calls });
    const theirs1 = await inWorker({ backend: "cw-simulate", calls });
    const ours2 = await inWorker({ backend: "counter", calls });
    const theirs2 = await inWorker({ backend: "cw-simulate", calls });
    results.push(mergePasses(ours1, ours2), mergePasses(theirs1, theirs2));
  } catch (error) {
    console.log(`cw-simulate could not complete the run: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results;
}
