// Executes per second of one call (`increment`) on the embedded chain and on @oraichain/cw-simulate, same wasm, same
// process. Both are driven through their own high-level API (ours: the CosmJS-shaped client; theirs:
// app.wasm.executeContract), each call a full transaction with events. cw-simulate's VM lacks two of the CosmWasm
// imports the probe links (env.db_next_key/db_next_value), so the side-by-side figure uses test/counter, which runs
// the probe's `increment` path (std entry wrappers, JSON, Item storage); the probe's own figure is printed too.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CWSimulateApp } from "@oraichain/cw-simulate";
import { EmbeddedChain } from "../../sim/index.js";
import { repoRoot } from "../localnode/paths.js";

export interface Throughput {
  backend: string;
  calls: number;
  seconds: number;
  callsPerSecond: number;
}

const WARMUP = 50;

const testWasm = (name: string): Uint8Array => readFileSync(join(repoRoot(), "build", "test", `${name}.wasm`));

function measure(backend: string, calls: number, started: bigint): Throughput {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { backend, calls, seconds, callsPerSecond: calls / seconds };
}

async function benchEmbedded(backend: string, wasm: Uint8Array, calls: number): Promise<Throughput> {
  const chain = new EmbeddedChain();
  const client = chain.client();
  const sender = chain.addressFor("bench");
  const { codeId } = await client.upload(sender, wasm, "auto");
  const { contractAddress } = await client.instantiate(sender, codeId, { count: 0 }, "probe", "auto");
  for (let i = 0; i < WARMUP; i++) await client.execute(sender, contractAddress, { increment: {} }, "auto");
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await client.execute(sender, contractAddress, { increment: {} }, "auto");
  const result = measure(backend, calls, started);
  const { count } = (await client.queryContractSmart(contractAddress, { count: {} })) as { count: number };
  if (count !== calls + WARMUP) throw new Error(`embedded chain counted ${count}, expected ${calls + WARMUP}`);
  return result;
}

interface SimEvent {
  type: string;
  attributes: { key: string; value: string }[];
}

async function benchCwSimulate(wasm: Uint8Array, calls: number): Promise<Throughput> {
  const app = new CWSimulateApp({ chainId: "bench-1", bech32Prefix: "akash" });
  const sender = new EmbeddedChain().addressFor("bench");
  const codeId = app.wasm.create(sender, wasm);
  const inst = await app.wasm.instantiateContract(sender, [], codeId, { count: 0 }, "probe");
  const events = (inst.unwrap() as { events: SimEvent[] }).events;
  const address = events.flatMap((e) => e.attributes).find((a) => a.key === "_contract_address")?.value;
  if (address === undefined) throw new Error("cw-simulate: no contract address in the instantiate events");
  const execute = async (): Promise<void> => {
    const res = await app.wasm.executeContract(sender, [], address, { increment: {} });
    if (res.err) throw new Error(`cw-simulate execute failed: ${res.val}`);
  };
  for (let i = 0; i < WARMUP; i++) await execute();
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await execute();
  return measure("cw-simulate 2.8.108, counter", calls, started);
}

export async function benchProbeThroughput(calls: number): Promise<Throughput[]> {
  const counter = testWasm("counter");
  const results = [await benchEmbedded("akash-econ EmbeddedChain, probe", testWasm("probe"), calls)];
  results.push(await benchEmbedded("akash-econ EmbeddedChain, counter", counter, calls));
  try {
    results.push(await benchCwSimulate(counter, calls));
  } catch (error) {
    console.log(`cw-simulate could not complete the run: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results;
}
