// The step engine (radCAD's vocabulary): a run is `steps` steps of `step` seconds; within a step the scheduled
// events apply, then every agent acts in substep order (relayer 0, governance 1, sponsors 2, tenants 3,
// providers 4, keepers 5, …), then each mechanism measures its contract's state, one row per KPI is recorded, and the
// chain's clock jumps by the step. Every transaction goes through RunContext.tx, which records gas, failures and the
// events the mechanisms turn into KPIs.
import type { Event } from "@cosmjs/stargate";
import type { ExecuteResult } from "../interface/index.js";
import { Rng } from "./rng.js";
import type { ParamSet } from "./scenario.js";
import { stepSeconds } from "./schema.js";
import type { Registry } from "./registry.js";
import type { Recorder, RunContext, SimChain, StepContext } from "./types.js";

/** One KPI row of the long table, without the scenario-level columns. */
export interface KpiRow {
  step: number;
  metric: string;
  value: string;
  /** 1/scale for quantities of the tenant sample, else 1. */
  weight: number;
}

export interface RunResult {
  paramSetId: number;
  run: number;
  seed: number;
  rows: KpiRow[];
  /** "op: error" → count */
  failures: Record<string, number>;
  /** Set when the run stopped early; rows hold what was recorded until then. */
  error?: string;
  stepsDone: number;
  txs: number;
}

/** Deterministic text for a KPI value: integers exactly, other numbers to 12 significant digits. */
export function formatValue(v: number | bigint | string): string {
  if (typeof v === "string") return v;
  if (typeof v === "bigint") return v.toString();
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return v.toString();
  return String(Number(v.toPrecision(12)));
}

class KpiBook implements Recorder {
  readonly values = new Map<string, { v: number | bigint | string; weighted: boolean }>();
  add(metric: string, delta: number | bigint, weighted = false): void {
    const cur = this.values.get(metric)?.v ?? (typeof delta === "bigint" ? 0n : 0);
    const next =
      typeof cur === "bigint" || typeof delta === "bigint"
        ? BigInt(typeof cur === "string" ? 0 : cur) + BigInt(delta)
        : (cur as number) + delta;
    this.values.set(metric, { v: next, weighted });
  }
  set(metric: string, value: number | bigint | string, weighted = false): void {
    this.values.set(metric, { v: value, weighted });
  }
}

/** The contract's error text without what differs per tx (hash, height), so equal failures share one key. */
const firstLine = (e: unknown): string => {
  const text = (e instanceof Error ? e.message : String(e)).split("\n")[0]!.replace(/\s+/g, " ");
  const m = /message index: \d+: (.*)$/.exec(text);
  return (m?.[1] ?? text)
    .replace(/\b[0-9A-F]{64}\b/g, "<tx>")
    .replace(/height \d+/g, "height <h>")
    .slice(0, 200);
};

export interface RunInput {
  registry: Registry;
  paramSet: ParamSet;
  run: number;
  seed: number;
  /** The chain in its warmed state (contracts deployed), owned by this run. */
  chain: SimChain;
  contracts: Record<string, string>;
  /** Directory of the scenario file (for relative paths such as price CSVs). */
  dir: string;
  onStep?: (step: number) => void;
}

export async function runOne(input: RunInput): Promise<RunResult> {
  const { registry, paramSet, run, seed, chain, contracts } = input;
  const sc = paramSet.scenario;
  const seconds = stepSeconds(sc.step);
  const kpi = new KpiBook();
  const failures: Record<string, number> = {};
  const rows: KpiRow[] = [];
  const weight = 1 / sc.scale;
  const deployed = new Set(Object.keys(contracts));
  const agents = registry.agents.filter((a) => a.needs.every((n) => deployed.has(n)));
  const mechanisms = registry.mechanisms.filter((m) => deployed.has(m.name));
  const signals = new Map<string, unknown>([["scenario.dir", input.dir]]);
  let txs = 0;
  const rngs = new Map<string, Rng>();
  const result: RunResult = { paramSetId: paramSet.id, run, seed, rows, failures, stepsDone: 0, txs: 0 };

  const base: RunContext = {
    scenario: sc.name,
    paramSetId: paramSet.id,
    run,
    seed,
    params: sc.params,
    scale: sc.scale,
    steps: sc.steps,
    stepSeconds: seconds,
    blocksPerStep: Math.round(seconds / sc.params.system.block_time_seconds),
    start: Date.parse(sc.start) / 1000,
    chain,
    contracts,
    signals,
    kpi,
    rng(name: string): Rng {
      let r = rngs.get(name);
      if (r === undefined) rngs.set(name, (r = new Rng(seed, name)));
      return r;
    },
    async tx(op: string, send: () => Promise<ExecuteResult>, weighted = true): Promise<ExecuteResult | undefined> {
      txs++;
      kpi.add(`tx.count.${op}`, 1, weighted);
      try {
        const res = await send();
        kpi.add(`gas.${op}`, res.gasUsed, weighted);
        const events: readonly Event[] = res.events;
        for (const m of mechanisms) m.observe?.(events, base);
        return res;
      } catch (e) {
        kpi.add(`tx.failed.${op}`, 1, weighted);
        const key = `${op}: ${firstLine(e)}`;
        failures[key] = (failures[key] ?? 0) + 1;
        return undefined;
      }
    },
  };

  const record = (step: number): void => {
    for (const metric of [...kpi.values.keys()].sort()) {
      const { v, weighted } = kpi.values.get(metric)!;
      rows.push({ step, metric, value: formatValue(v), weight: weighted ? weight : 1 });
    }
  };

  try {
    for (const a of agents) await a.init?.(base);
    for (let step = 0; step < sc.steps; step++) {
      const ctx: StepContext = {
        ...base,
        step,
        time: base.start + step * seconds,
        events: sc.events.filter((e) => e.at === step),
      };
      for (const a of agents) await a.act(ctx);
      if (step === sc.steps - 1) for (const a of agents) await a.finish?.(ctx);
      for (const m of mechanisms) await m.measure?.(ctx);
      record(step);
      result.stepsDone = step + 1;
      input.onStep?.(step);
      if (step < sc.steps - 1) await chain.advance(seconds);
    }
  } catch (e) {
    result.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  result.txs = txs;
  return result;
}
