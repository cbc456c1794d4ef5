/**
 * Runs one scripted sequence of calls through a ChainClient and records what a user of either backend can observe:
 * each call's events (type, attributes, order), error texts, and query results. The only differences allowed between
 * the embedded chain and wasmd are removed here, each by name:
 *  - tx hashes and block heights (in result fields and in CosmJS's "Error when broadcasting tx <hash> at height <h>"),
 *  - gas (wanted/used), and the fee events of the ante handler (events without a `msg_index`: fee deduction),
 *  - the `msg_index` attribute itself (present on both, always 0 here),
 *  - block time and height where a contract echoes them (`excludedAttributes`, default `time` and `height`),
 *  - fees in balances: `balanceDelta` adds back what this run paid (`RunOptions.feePerTx`; the embedded chain charges none).
 * Suites that make heights identical (`RunOptions.replay`) or times comparable (`blockTimeAttributes`, step
 * `normalize`) exclude less; whatever a suite still excludes is named there.
 */
import type { StdFee } from "@cosmjs/amino";
import { fromUtf8 } from "@cosmjs/encoding";
import { QueryClient, type Event } from "@cosmjs/stargate";
import type { CometClient } from "@cosmjs/tendermint-rpc";
import { QuerySmartContractStateRequest, QuerySmartContractStateResponse } from "cosmjs-types/cosmwasm/wasm/v1/query";
import type { ChainClient, Coin, JsonObject } from "../../sim/interface/client.js";

/** Attributes whose values depend on the wall clock of a real chain (the probe echoes them). */
export const DEFAULT_EXCLUDED_ATTRIBUTES: ReadonlySet<string> = new Set(["time", "height"]);

/** A fixed fee: wasmd then broadcasts without simulating, so a failing call fails in the block, as on the embedded chain. */
export const FIXED_FEE: StdFee = { amount: [{ denom: "uakt", amount: "100000" }], gas: "4000000" };

/** What a later step can learn about an earlier execute step (for `normalize`). */
export interface StepContext {
  /** Block time (unix seconds) of the block that included the named execute step. */
  blockTimeOf(stepName: string): number;
}

export type Step =
  | {
      kind: "execute";
      name: string;
      sender: string;
      msg: JsonObject;
      funds?: Coin[];
      /** A query answering one Coin (e.g. `get_update_fee`), run just before on the same backend: attached as funds. */
      fundsFrom?: JsonObject;
      /** Another contract than the script's (e.g. the oracle a price comes from); `fundsFrom` queries it too. */
      contract?: string;
    }
  /**
   * Contract messages executed by governance (`RunOptions.gov`: a passed x/gov proposal on wasmd, the gov authority on
   * the embedded chain). Recorded at the height reached once the proposal passed; a replay runs them at that height.
   */
  | { kind: "gov"; name: string; msgs: JsonObject[] }
  | { kind: "query"; name: string; msg: JsonObject; normalize?: (result: JsonObject, ctx: StepContext) => unknown }
  | { kind: "balance"; name: string; address: string; denom: string }
  /** Balance change since the run started, plus the fees this run paid from the address: equal on both backends. */
  | { kind: "balanceDelta"; name: string; address: string; denom: string }
  /**
   * Let blocks pass: wasmd waits for them (and then until `until` holds, e.g. a block time), a replay advances to the
   * height wasmd reached.
   */
  | { kind: "wait"; name: string; blocks: number; until?: () => Promise<boolean> };

export interface Observation {
  name: string;
  events?: { type: string; attributes: [string, string][] }[];
  error?: string;
  result?: unknown;
}

/** The gas a step's tx reported (`gasUsed`), by step name; executes only (queries report no gas to a client). */
export interface GasRecord {
  name: string;
  gasUsed: bigint;
}

export interface RunOptions {
  /** Event attributes removed everywhere; default `DEFAULT_EXCLUDED_ATTRIBUTES`. */
  excludedAttributes?: ReadonlySet<string>;
  /**
   * Event attributes holding `block time + constant` (unix seconds): compared as `t+<value − block time>`, so the
   * constant is checked while the clock is not. Needs `blockTime`.
   */
  blockTimeAttributes?: ReadonlySet<string>;
  /** Unix seconds of the block at a height. */
  blockTime?: (height: number) => Promise<number>;
  /** Queries the contract as of a height (the last tx's block, or the end of a wait); default: latest state. */
  queryAt?: (contract: string, msg: JsonObject, height: number | undefined) => Promise<JsonObject>;
  /** Fee charged per tx by this backend (`balanceDelta` adds it back); default none. */
  feePerTx?: Coin;
  /** The fee passed with every tx; default FIXED_FEE. */
  fee?: StdFee;
  /**
   * Replay the heights a recording run reached (its `heights`): before each execute or wait step `advanceTo` is called
   * with that step's recorded height. Without it, this run records: waits poll `client.getHeight()`.
   */
  replay?: { heights: readonly (number | undefined)[]; advanceTo: (height: number) => void };
  /** gasUsed of a tx by hash (to read the gas of a failed tx, whose error carries only the hash); default none. */
  txGasUsed?: (hash: string) => Promise<bigint | undefined>;
  /** Runs a `gov` step's messages on the script's contract as governance; required by scripts with `gov` steps. */
  gov?: (contract: string, msgs: JsonObject[]) => Promise<void>;
}

export interface RunResult {
  obs: Observation[];
  /** Per step: the tx's height (execute), the height reached (wait), the height queried (query), else undefined. */
  heights: (number | undefined)[];
  /** gasUsed of every execute step that reached a block (successes, and failures when `txGasUsed` is given). */
  gas: GasRecord[];
}

export function normalizeEvents(
  events: readonly Event[],
  excluded: ReadonlySet<string> = DEFAULT_EXCLUDED_ATTRIBUTES,
  timeAttributes: ReadonlySet<string> = new Set(),
  blockTime?: number,
): Observation["events"] {
  return events
    .filter((e) => e.attributes.some((a) => a.key === "msg_index"))
    .map((e) => ({
      type: e.type,
      attributes: e.attributes
        .filter((a) => a.key !== "msg_index" && !excluded.has(a.key))
        .map((a): [string, string] => [a.key, timeAttributes.has(a.key) ? relativeTime(a.value, blockTime) : a.value]),
    }));
}

/** `t+<value − block time>` for a unix-seconds value. */
export function relativeTime(value: string | number, blockTime: number | undefined): string {
  if (blockTime === undefined) throw new Error("relative times need RunOptions.blockTime");
  const d = BigInt(value) - BigInt(blockTime);
  return d < 0n ? `t${d}` : `t+${d}`;
}

export function normalizeError(message: string): string {
  return message.replace(/^Error when broadcasting tx [0-9A-F]+ at height \d+\. /, "");
}

function errorHash(message: string): string | undefined {
  return /^Error when broadcasting tx ([0-9A-F]+) at height \d+\./.exec(message)?.[1];
}

function errorHeight(message: string): number | undefined {
  const m = /^Error when broadcasting tx [0-9A-F]+ at height (\d+)\./.exec(message);
  return m === null ? undefined : Number(m[1]);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs the script; observations only (the probe suite's form). */
export async function runScript(
  client: ChainClient,
  contract: string,
  steps: readonly Step[],
  opts: RunOptions = {},
): Promise<Observation[]> {
  return (await runScriptDetailed(client, contract, steps, opts)).obs;
}

export async function runScriptDetailed(
  client: ChainClient,
  contract: string,
  steps: readonly Step[],
  opts: RunOptions = {},
): Promise<RunResult> {
  const excluded = opts.excludedAttributes ?? DEFAULT_EXCLUDED_ATTRIBUTES;
  const timeAttributes = opts.blockTimeAttributes ?? new Set<string>();
  const fee = opts.fee ?? FIXED_FEE;
  const queryOf = (target: string, msg: JsonObject, height: number | undefined): Promise<JsonObject> =>
    opts.queryAt === undefined ? client.queryContractSmart(target, msg) : opts.queryAt(target, msg, height);
  const query = (msg: JsonObject, height: number | undefined): Promise<JsonObject> => queryOf(contract, msg, height);
  const blockTime = async (height: number | undefined): Promise<number | undefined> =>
    height === undefined || opts.blockTime === undefined ? undefined : opts.blockTime(height);

  // Starting balances of every address a balanceDelta step looks at, and the fees this run pays per address.
  const start = new Map<string, bigint>();
  for (const s of steps) {
    if (s.kind !== "balanceDelta") continue;
    const key = `${s.address}/${s.denom}`;
    if (!start.has(key)) start.set(key, BigInt((await client.getBalance(s.address, s.denom)).amount));
  }
  const paid = new Map<string, bigint>();
  const pay = (sender: string): void => {
    if (opts.feePerTx === undefined) return;
    const key = `${sender}/${opts.feePerTx.denom}`;
    paid.set(key, (paid.get(key) ?? 0n) + BigInt(opts.feePerTx.amount));
  };

  const stepTimes = new Map<string, number>();
  const ctx: StepContext = {
    blockTimeOf(name) {
      const t = stepTimes.get(name);
      if (t === undefined) throw new Error(`no block time recorded for step "${name}"`);
      return t;
    },
  };

  const out: Observation[] = [];
  const gas: GasRecord[] = [];
  const heights: (number | undefined)[] = [];
  let current: number | undefined; // the height queries are pinned to
  for (const [i, step] of steps.entries()) {
    let height: number | undefined;
    if (opts.replay !== undefined && (step.kind === "execute" || step.kind === "wait" || step.kind === "gov")) {
      // A tx rejected before any block (CheckTx) has no height: it does not move the chain.
      const h = opts.replay.heights[i];
      if (h !== undefined) opts.replay.advanceTo(h);
    }
    try {
      switch (step.kind) {
        case "execute": {
          let funds = step.funds;
          const target = step.contract ?? contract;
          if (step.fundsFrom !== undefined) {
            const coin = (await queryOf(target, step.fundsFrom, current)) as unknown as Coin;
            funds = coin.amount === "0" ? [] : [{ denom: coin.denom, amount: coin.amount }];
          }
          try {
            const res = await client.execute(step.sender, target, step.msg, fee, undefined, funds);
            height = res.height;
            gas.push({ name: step.name, gasUsed: res.gasUsed });
            pay(step.sender);
            const t = await blockTime(height);
            if (t !== undefined) stepTimes.set(step.name, t);
            out.push({ name: step.name, events: normalizeEvents(res.events, excluded, timeAttributes, t) });
          } catch (error) {
            // In a block (DeliverTx failure): the fee was charged. Rejected at CheckTx: no height, no fee.
            const message = error instanceof Error ? error.message : String(error);
            height = errorHeight(message);
            if (height !== undefined) pay(step.sender);
            const hash = errorHash(message);
            const used = hash === undefined ? undefined : await opts.txGasUsed?.(hash);
            if (used !== undefined) gas.push({ name: step.name, gasUsed: used });
            throw error;
          } finally {
            current = height ?? current;
          }
          break;
        }
        case "query": {
          height = current;
          const result = await query(step.msg, current);
          out.push({ name: step.name, result: step.normalize === undefined ? result : step.normalize(result, ctx) });
          break;
        }
        case "balance":
          out.push({ name: step.name, result: await client.getBalance(step.address, step.denom) });
          break;
        case "balanceDelta": {
          const key = `${step.address}/${step.denom}`;
          const now = BigInt((await client.getBalance(step.address, step.denom)).amount);
          const delta = now - (start.get(key) ?? 0n) + (paid.get(key) ?? 0n);
          out.push({ name: step.name, result: { denom: step.denom, delta: delta.toString() } });
          break;
        }
        case "gov": {
          if (opts.gov === undefined) throw new Error(`step "${step.name}": a gov step needs RunOptions.gov`);
          if (opts.replay !== undefined) {
            height = opts.replay.heights[i];
            await opts.gov(contract, step.msgs);
          } else {
            await opts.gov(contract, step.msgs);
            height = await client.getHeight();
          }
          current = height;
          out.push({ name: step.name });
          break;
        }
        case "wait": {
          if (opts.replay !== undefined) {
            height = opts.replay.heights[i];
          } else {
            const base = current ?? (await client.getHeight());
            height = base + step.blocks;
            while ((await client.getHeight()) < height) await sleep(100);
            if (step.until !== undefined) {
              while (!(await step.until())) await sleep(100);
              height = await client.getHeight();
            }
          }
          current = height;
          out.push({ name: step.name });
          break;
        }
      }
    } catch (error) {
      out.push({ name: step.name, error: normalizeError(error instanceof Error ? error.message : String(error)) });
    }
    heights.push(height);
  }
  return { obs: out, heights, gas };
}

/**
 * A smart query as of a height on a real node, with CosmJS's own error texts (`queryContractSmart` only queries the
 * latest state, which moves on every ~300 ms block).
 */
export function smartQueryAtHeight(
  comet: CometClient,
): (contract: string, msg: JsonObject, height: number | undefined) => Promise<JsonObject> {
  const qc = new QueryClient(comet);
  return async (contract, msg, height) => {
    const request = QuerySmartContractStateRequest.encode({
      address: contract,
      queryData: new TextEncoder().encode(JSON.stringify(msg)),
    }).finish();
    let value: Uint8Array;
    try {
      ({ value } = await qc.queryAbci("/cosmwasm.wasm.v1.Query/SmartContractState", request, height));
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("not found: contract"))
        throw new Error(`No contract found at address "${contract}"`);
      throw error;
    }
    const { data } = QuerySmartContractStateResponse.decode(value);
    let text: string;
    try {
      text = fromUtf8(data);
    } catch (error) {
      throw new Error(`Could not UTF-8 decode smart query response from contract: ${String(error)}`);
    }
    try {
      return JSON.parse(text) as JsonObject;
    } catch (error) {
      throw new Error(`Could not JSON parse smart query response from contract: ${String(error)}`);
    }
  };
}

/** Unix seconds of a real node's block at a height. */
export function nodeBlockTime(comet: CometClient): (height: number) => Promise<number> {
  return async (height) => {
    const { block } = await comet.block(height);
    return Math.floor(block.header.time.getTime() / 1000);
  };
}
