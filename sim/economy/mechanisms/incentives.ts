// Provider incentive programs (docs/incentives.md) in the loop: the contract is deployed through governance reading
// the simulation's oracle, programs are launched by governance (`program_launch` events: the budget is transferred
// to the contract, standing for a community-pool spend, then `create_program` with `from_balance`). KPIs are the
// contract's own: `incentives_payout` / `incentives_return` / `incentives_claim` events summed as they happen, and
// its `budget` query per program (funded, paid, returned by reason, USD remaining, claimable) read every step.
import type { Event } from "@cosmjs/stargate";
import { IncentivesQueryClient } from "../../../clients/Incentives.client.js";
import { closed, positiveInt } from "../schema.js";
import type { Mechanism, Params, RunContext, StepContext } from "../types.js";
import { AKT_USD_FEED, type OracleSystem } from "./oracle.js";

export interface IncentivesSystem {
  enabled: boolean;
  max_price_age: number;
}

/** A program the simulation launched (signals "incentives.programs"), as agents need it. */
export interface LaunchedProgram {
  id: number;
  /** As the scenario's `program_launch` names it (`program_grant` refers to it). */
  name: string;
  start: number;
  epochSeconds: number;
  epochs: number;
  end: number;
  grace: number;
  reportWindow: number;
  pools: Record<string, unknown>[];
  swept: boolean;
  /** Epochs reported so far (the attestor's own book). */
  reported: number;
  /** Takes PIP 3.5 revenue (`deposit_revenue`). */
  revenue: boolean;
}

export const incentivesEnabled = (p: Params): boolean =>
  (p.system.incentives as IncentivesSystem | undefined)?.enabled === true;

export function launchedPrograms(ctx: Pick<RunContext, "signals">): LaunchedProgram[] {
  let l = ctx.signals.get("incentives.programs") as LaunchedProgram[] | undefined;
  if (l === undefined) {
    l = [];
    ctx.signals.set("incentives.programs", l);
  }
  return l;
}

const attr = (e: Event, key: string): string | undefined => e.attributes.find((a) => a.key === key)?.value;

/** The `budget` fields summed over programs, as KPI names (uakt unless named usd). */
const BUDGET_FIELDS = [
  "funded",
  "paid",
  "claimed",
  "unclaimed",
  "returned_unallocated",
  "returned_program_end",
  "returned_excess_buffer",
  "balance",
  "revenue",
] as const;

export const incentivesMechanism: Mechanism = {
  name: "incentives",
  after: ["oracle"],
  systemSchema: closed(
    {
      enabled: { type: "boolean", default: false, description: "deploy incentives (programs launched by events)" },
      max_price_age: positiveInt("oldest oracle price close_epoch accepts, seconds (contract: at most 3600)", {
        default: 3600,
        maximum: 3600,
      }),
    },
    { default: {} },
  ),
  enabled: incentivesEnabled,
  async deploy(ctx) {
    const gov = ctx.chain.backend.governance;
    const { codeId } = await gov.storeCode(ctx.wasm("incentives"), { title: "Store akash-econ incentives" });
    // No older than the oracle's own staleness window.
    const sys = ctx.params.system.incentives as IncentivesSystem;
    const age = Math.min(sys.max_price_age, (ctx.params.system.oracle as OracleSystem).max_price_staleness);
    const msg = {
      admin: gov.govAddress,
      oracle: ctx.contracts.oracle!,
      feed_id: AKT_USD_FEED,
      max_price_age: age,
      denom: ctx.chain.backend.denom,
    };
    const { address } = await gov.instantiate(codeId, msg, "akash-econ-incentives");
    return address;
  },
  observe: (events, ctx) => {
    observeIncentives(events, ctx);
  },
  async measure(ctx: StepContext) {
    const programs = launchedPrograms(ctx);
    if (programs.length === 0) return;
    const q = new IncentivesQueryClient(ctx.chain.backend.client, ctx.contracts.incentives!);
    const sum = new Map<string, bigint>();
    let usd = 0;
    let granted = 0n;
    let grants = false;
    for (const p of programs) {
      const b = await q.budget({ programId: p.id });
      for (const f of BUDGET_FIELDS) sum.set(f, (sum.get(f) ?? 0n) + BigInt(b[f]));
      usd += Number(b.usd_remaining);
      // Discretionary grants (governance's `grant`), from the contract's pool state.
      if (p.pools.some((pool) => pool.discretionary !== null)) {
        grants = true;
        for (const pool of (await q.pools({ programId: p.id })).pools) granted += BigInt(pool.granted);
      }
    }
    if (grants) ctx.kpi.set("incentives.granted_uakt", granted);
    for (const f of BUDGET_FIELDS) ctx.kpi.set(`incentives.${f}_uakt`, sum.get(f)!);
    const returned =
      sum.get("returned_unallocated")! + sum.get("returned_program_end")! + sum.get("returned_excess_buffer")!;
    ctx.kpi.set("incentives.returned_uakt", returned);
    // All the programs sent to the treasury: their returns (whole program) plus remitted PIP revenue, which comes
    // from the tenant sample and so stands for 1/scale (set unweighted, the weighting done here).
    const remitted = (ctx.signals.get("incentives.remitted") as bigint | undefined) ?? 0n;
    ctx.kpi.set("incentives.to_treasury_uakt", returned + BigInt(Math.round(Number(remitted) / ctx.scale)));
    ctx.kpi.set("incentives.usd_remaining", usd);
  },
};

/** Event-based flows (the contract's events, not recomputed): payouts and returns by reason, claims. */
export function observeIncentives(events: readonly Event[], ctx: RunContext): void {
  for (const e of events) {
    switch (e.type) {
      case "wasm-incentives_return":
        ctx.kpi.add(`incentives.return_events_${attr(e, "reason") ?? "unknown"}_uakt`, BigInt(attr(e, "amount") ?? 0));
        break;
      case "wasm-incentives_claim":
        ctx.kpi.add("incentives.claim_events_uakt", BigInt(attr(e, "amount") ?? 0));
        break;
      case "wasm-incentives_revenue":
        // Revenue deposits come from the simulated tenants' lease income: weighted like the escrow's spend.
        ctx.kpi.add("incentives.revenue_remitted_uakt", BigInt(attr(e, "remitted") ?? 0), true);
        ctx.signals.set(
          "incentives.remitted",
          ((ctx.signals.get("incentives.remitted") as bigint | undefined) ?? 0n) + BigInt(attr(e, "remitted") ?? 0),
        );
        ctx.kpi.add("incentives.revenue_fee_uakt", BigInt(attr(e, "fee") ?? 0), true);
        break;
      case "wasm-incentives_payout":
        ctx.kpi.add("incentives.payout_events_uakt", BigInt(attr(e, "amount") ?? 0));
        break;
    }
  }
}
