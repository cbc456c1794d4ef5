// Incentive-program actors (docs/incentives.md): the attestor reports each ended epoch's provider metrics (the
// simulated providers' GPUs, uptime drawn per provider and epoch), a keeper closes epochs once the report window has
// passed and sweeps programs after end + grace, and providers claim what they earned. The program itself is launched
// by governance (agents/governance.ts, `program_launch`).
import { IncentivesClient, IncentivesQueryClient } from "../../../clients/Incentives.client.js";
import type { ReportRow } from "../../../clients/Incentives.types.js";
import { escrowBook } from "../mechanisms/escrow.js";
import { launchedPrograms, type LaunchedProgram } from "../mechanisms/incentives.js";
import { oraclePrice } from "../mechanisms/oracle.js";
import { closed, positiveInt, probability, schedule } from "../schema.js";
import type { Agent, RunContext, StepContext } from "../types.js";
import { providerWallets } from "./providers.js";
import { valueAt } from "./tenants.js";

interface AttestorParams {
  /** GPUs of the simulated providers, dealt round-robin: provider i runs fleet[i mod n]. */
  fleet: { model: string; gpus: number }[];
  uptime: { mean: number; sd: number; min: number };
  /** Share of each provider's GPUs online (reported), by step. */
  online: number | { from: number; value: number }[];
}

const attestorParams = (ctx: RunContext): AttestorParams => ctx.params.behaviour.incentives_attestor as AttestorParams;

export const attestorWallet = (ctx: Pick<RunContext, "chain">): string => ctx.chain.wallet("keeper", 2);

/** Chain time now (a local node's clock is its own), falling back to the step's time. */
export async function chainNow(ctx: StepContext): Promise<number> {
  const t = await ctx.chain.backend.governance.chainTime();
  return t === undefined ? ctx.time : Math.floor(Date.parse(t) / 1000);
}

/** Providers a pool covers: a committed pool's named providers, else every simulated provider. */
function poolProviders(ctx: RunContext, pool: Record<string, unknown>): string[] {
  const committed = pool.committed as { providers?: string[] } | null | undefined;
  return committed?.providers ?? providerWallets(ctx);
}

function poolModels(pool: Record<string, unknown>): Set<string> {
  const c = pool.committed as { prices: { model: string }[] } | null;
  const m = pool.liquidity_mining as { models: { model: string }[] } | null;
  return new Set([...(c?.prices ?? []), ...(m?.models ?? [])].map((x) => x.model));
}

export const incentivesAttestorAgent: Agent = {
  name: "incentives_attestor",
  substep: 5,
  needs: ["incentives", "escrow"],
  behaviourSchema: closed(
    {
      fleet: {
        type: "array",
        minItems: 1,
        items: closed(
          { model: { type: "string" }, gpus: { type: "integer", minimum: 0 } },
          { required: ["model", "gpus"] },
        ),
        default: [{ model: "h100", gpus: 8 }],
        description: "GPUs per simulated provider (provider i runs entry i mod n)",
      },
      uptime: closed(
        {
          mean: probability("mean uptime of a provider over an epoch"),
          sd: { type: "number", minimum: 0, description: "standard deviation of the epoch uptime" },
          min: probability("lowest uptime drawn"),
        },
        { default: { mean: 0.99, sd: 0.01, min: 0.9 } },
      ),
      online: {
        ...schedule(
          "share of each provider's GPUs online and reported (≤ 1; the rest earn nothing and their pool share returns)",
        ),
        default: 1,
      },
    },
    { default: {} },
  ),
  async init(ctx) {
    await ctx.chain.fund(attestorWallet(ctx), [{ denom: ctx.chain.backend.denom, amount: "100000000000" }]);
  },
  async act(ctx) {
    const p = attestorParams(ctx);
    const now = await chainNow(ctx);
    const rng = ctx.rng("incentives_attestor");
    const client = new IncentivesClient(ctx.chain.backend.client, attestorWallet(ctx), ctx.contracts.incentives!);
    for (const prog of launchedPrograms(ctx)) {
      // Report every epoch that has ended and is not reported yet (the contract takes reports until it is closed).
      while (prog.reported < prog.epochs && prog.start + (prog.reported + 1) * prog.epochSeconds <= now) {
        const epoch = prog.reported;
        // The fleet online during the epoch: the schedule's value at the step the epoch started.
        const runStart = ctx.time - ctx.step * ctx.stepSeconds;
        const epochStep = Math.floor((prog.start + epoch * prog.epochSeconds - runStart) / ctx.stepSeconds);
        const online = Math.min(1, valueAt(p.online, Math.max(0, epochStep)));
        const providers = providerWallets(ctx);
        const uptime = new Map(
          providers.map((w) => {
            const u = Math.min(1, Math.max(p.uptime.min, p.uptime.mean + p.uptime.sd * rng.normal()));
            return [w, Math.round(u * 10000)];
          }),
        );
        for (const pool of prog.pools) {
          // A committed pool's term may end before the program: nothing to report after it.
          const term = (pool.committed as { term_epochs?: number } | null)?.term_epochs ?? 0;
          if (term > 0 && epoch >= term) continue;
          const rows: ReportRow[] = [];
          for (const w of poolProviders(ctx, pool)) {
            const i = providers.indexOf(w);
            const f = p.fleet[(i < 0 ? 0 : i) % p.fleet.length]!;
            // A pool takes only the models it lists (committed prices, mining weights).
            const gpus = Math.round(f.gpus * online);
            if (gpus === 0 || !poolModels(pool).has(f.model)) continue;
            rows.push({
              provider: w,
              gpu_model: f.model,
              gpu_count: gpus,
              uptime_bps: uptime.get(w) ?? 10000,
              utilization_bps: 0,
            });
          }
          for (let k = 0; k < rows.length; k += 50) {
            const batch = rows.slice(k, k + 50);
            await ctx.tx(
              "incentives.report",
              () => client.report({ programId: prog.id, pool: pool.name as string, epoch, rows: batch }),
              false,
            );
          }
        }
        prog.reported++;
      }
    }
  },
};

async function closeAndSweep(ctx: StepContext, prog: LaunchedProgram, now: number): Promise<void> {
  const keeper = new IncentivesClient(
    ctx.chain.backend.client,
    ctx.chain.wallet("keeper", 1),
    ctx.contracts.incentives!,
  );
  const q = new IncentivesQueryClient(ctx.chain.backend.client, ctx.contracts.incentives!);
  let next = (await q.program({ programId: prog.id })).next_epoch;
  // Close each epoch whose report window has passed; a refusal (stale price) is retried next step.
  while (next < prog.epochs && prog.start + (next + 1) * prog.epochSeconds + prog.reportWindow <= now) {
    const r = await ctx.tx("incentives.close_epoch", () => keeper.closeEpoch({ programId: prog.id }), false);
    if (r === undefined) return;
    next++;
  }
  if (!prog.swept && next >= prog.epochs && now >= prog.end + prog.grace) {
    const r = await ctx.tx("incentives.sweep", () => keeper.sweep({ programId: prog.id }), false);
    if (r !== undefined) prog.swept = true;
  }
}

export const incentivesKeeperAgent: Agent = {
  name: "incentives_keeper",
  substep: 6,
  needs: ["incentives"],
  behaviourSchema: closed({}, { default: {} }),
  async init(ctx) {
    await ctx.chain.fund(ctx.chain.wallet("keeper", 1), [{ denom: ctx.chain.backend.denom, amount: "100000000000" }]);
  },
  async act(ctx) {
    const now = await chainNow(ctx);
    for (const prog of launchedPrograms(ctx)) await closeAndSweep(ctx, prog, now);
  },
};

interface ClaimParams {
  every_steps: number;
  claim_probability: number;
}

export const incentivesClaimsAgent: Agent = {
  name: "incentives_claims",
  substep: 7,
  needs: ["incentives", "escrow"],
  behaviourSchema: closed(
    {
      every_steps: positiveInt("steps between a provider's claim attempts", { default: 24 }),
      claim_probability: {
        ...probability("chance a provider claims at an attempt (unclaimed balances return at the sweep)"),
        default: 1,
      },
    },
    { default: {} },
  ),
  async act(ctx) {
    const p = ctx.params.behaviour.incentives_claims as ClaimParams;
    if ((ctx.step + 1) % p.every_steps !== 0) return;
    const rng = ctx.rng("incentives_claims");
    const q = new IncentivesQueryClient(ctx.chain.backend.client, ctx.contracts.incentives!);
    for (const prog of launchedPrograms(ctx)) {
      if (prog.swept) continue;
      for (const w of providerWallets(ctx)) {
        if (!rng.bernoulli(p.claim_probability)) continue;
        const { claimable } = await q.provider({ programId: prog.id, provider: w });
        if (claimable === "0") continue;
        const client = new IncentivesClient(ctx.chain.backend.client, w, ctx.contracts.incentives!);
        await ctx.tx("incentives.claim", () => client.claim({ programId: prog.id }), false);
      }
    }
  },
};

interface RevenueParams {
  every_steps: number;
  pip_share: number | { from: number; value: number }[];
  kind: "spot" | "reservation";
}

/** The wallet that remits PIP hardware's lease revenue (standing for the PIP operators). */
export const remitterWallet = (ctx: Pick<RunContext, "chain">): string => ctx.chain.wallet("keeper", 3);

/**
 * PIP 3.5 revenue share (Prop 329): lease revenue earned on PIP hardware goes to the program's `deposit_revenue`,
 * which pays the operator's fee and remits the rest to the treasury. The revenue is read from the escrow's withdraw
 * payouts on the GPU models a revenue-sharing program prices (`pip_share` of it earned on PIP hardware); USDC income
 * is remitted as AKT at the oracle's price (PIP 3.5 remits in AKT). Amounts are the simulated tenants' (scaled).
 */
export const incentivesRevenueAgent: Agent = {
  name: "incentives_revenue",
  substep: 8,
  needs: ["incentives", "escrow"],
  behaviourSchema: closed(
    {
      every_steps: positiveInt("steps between remittances", { default: 7 }),
      pip_share: {
        ...schedule("share of the lease income on the programs' GPU models earned on PIP hardware (≤ 1), by step"),
        default: 0,
      },
      kind: { enum: ["spot", "reservation"], default: "spot", description: "PIP 3.5 fee tier of the revenue" },
    },
    { default: {} },
  ),
  async init(ctx) {
    const p = ctx.params.behaviour.incentives_revenue as RevenueParams;
    if (p.pip_share === 0) return;
    await ctx.chain.fund(remitterWallet(ctx), [{ denom: ctx.chain.backend.denom, amount: "10000000000000" }]);
    ctx.signals.set("incentives_revenue.seen", new Map<string, bigint>());
  },
  async act(ctx) {
    const p = ctx.params.behaviour.incentives_revenue as RevenueParams;
    if (p.pip_share === 0 || (ctx.step + 1) % p.every_steps !== 0) return;
    const prog = launchedPrograms(ctx).find((x) => x.revenue && !x.swept);
    if (prog === undefined) return;
    const models = new Set<string>();
    for (const pool of prog.pools) for (const m of poolModels(pool)) models.add(m);
    const seen = ctx.signals.get("incentives_revenue.seen") as Map<string, bigint>;
    const price = await oraclePrice(ctx);
    let uakt = 0;
    for (const [key, total] of escrowBook(ctx).income) {
      const [gpu, denom] = key.split("\t") as [string, string];
      if (!models.has(gpu)) continue;
      const delta = total - (seen.get(key) ?? 0n);
      // USDC waits for a price rather than being remitted at a guess.
      if (delta === 0n || (denom !== ctx.chain.backend.denom && price === undefined)) continue;
      seen.set(key, total);
      uakt += denom === ctx.chain.backend.denom ? Number(delta) : Number(delta) / price!;
    }
    const amount = BigInt(Math.floor(uakt * Math.min(1, valueAt(p.pip_share, ctx.step))));
    if (amount <= 0n) return;
    const client = new IncentivesClient(ctx.chain.backend.client, remitterWallet(ctx), ctx.contracts.incentives!);
    await ctx.tx(
      "incentives.deposit_revenue",
      () =>
        client.depositRevenue({ programId: prog.id, kind: p.kind }, "auto", undefined, [
          { denom: ctx.chain.backend.denom, amount: amount.toString() },
        ]),
      true,
    );
  },
};

/** Program as a scenario gives it (`program_launch.program`); times relative to the launch, in hours. */
export interface ProgramLaunch {
  name: string;
  /** uakt transferred to the contract for the program (a community-pool spend). */
  budget: string;
  epoch_hours: number;
  epochs: number;
  grace_hours: number;
  report_window_hours?: number;
  volatility_buffer_bps?: number;
  max_providers?: number;
  pools: Record<string, unknown>[];
  /** PIP 3.5 revenue share: operator fees in bps (the operator is a simulation wallet); absent = no revenue. */
  revenue?: { spot_fee_bps: number; reservation_fee_bps: number };
}

/** Governance's side of `program_launch`: funds the contract, then `create_program` with `from_balance`. */
export async function launchProgram(ctx: StepContext, def: ProgramLaunch): Promise<void> {
  const policy = ctx.params.policy as { program_budget_factor?: number; program_buffer_bps?: number };
  const factor = policy.program_budget_factor ?? 1;
  const buffer = policy.program_buffer_bps ?? -1;
  def = {
    ...def,
    budget: ((BigInt(def.budget) * BigInt(Math.round(factor * 1e6))) / 1_000_000n).toString(),
    volatility_buffer_bps: buffer >= 0 ? buffer : def.volatility_buffer_bps,
  };
  const address = ctx.contracts.incentives!;
  const gov = ctx.chain.backend.governance;
  const q = new IncentivesQueryClient(ctx.chain.backend.client, address);
  const id = (await q.config()).next_program_id;
  const start = await chainNow(ctx);
  const epochSeconds = Math.round(def.epoch_hours * 3600);
  // The contract's messages name every field: absent kinds are null, a committed pool's defaults are the PIP's
  // (SLA 99 %, the whole program) and its providers default to every simulated provider.
  const pools = def.pools.map((pool) => {
    const c = pool.committed as Record<string, unknown> | undefined;
    return {
      name: pool.name,
      committed:
        c === undefined ? null : { sla_uptime_bps: 9900, term_epochs: 0, providers: providerWallets(ctx), ...c },
      liquidity_mining: pool.liquidity_mining ?? null,
      discretionary: pool.discretionary ?? null,
    };
  });
  const program = {
    name: def.name,
    start,
    epoch_seconds: epochSeconds,
    end: start + epochSeconds * def.epochs,
    grace: Math.round(def.grace_hours * 3600),
    report_window: Math.round((def.report_window_hours ?? 0) * 3600),
    attestors: [attestorWallet(ctx)],
    treasury: { mode: "address", address: ctx.chain.wallet("treasury", 0) },
    volatility_buffer_bps: def.volatility_buffer_bps ?? 0,
    max_providers: def.max_providers ?? 50,
    pools,
    revenue:
      def.revenue === undefined
        ? null
        : {
            operator: ctx.chain.wallet("keeper", 4),
            spot_fee_bps: def.revenue.spot_fee_bps,
            reservation_fee_bps: def.revenue.reservation_fee_bps,
          },
  };
  await ctx.chain.fund(address, [{ denom: ctx.chain.backend.denom, amount: def.budget }]);
  const ok = await ctx.tx(
    "gov.incentives",
    async () => {
      await gov.execute(
        address,
        { create_program: { program, from_balance: def.budget } },
        {
          title: `Launch incentive program ${def.name}`,
        },
      );
      return { logs: [], height: 0, transactionHash: "", events: [], gasWanted: 0n, gasUsed: 0n };
    },
    false,
  );
  if (ok === undefined) return;
  ctx.kpi.add("gov.proposals", 1);
  launchedPrograms(ctx).push({
    id,
    name: def.name,
    start,
    epochSeconds,
    epochs: def.epochs,
    end: program.end,
    grace: program.grace,
    reportWindow: program.report_window,
    pools,
    swept: false,
    reported: 0,
    revenue: def.revenue !== undefined,
  });
}

/** A `program_grant` event: a discretionary grant decided by governance. */
export interface ProgramGrant {
  at: number;
  program: string;
  pool: string;
  provider: number;
  amount: string;
}

/** Governance's `grant` from a launched program's discretionary pool to a simulated provider's claimable balance. */
export async function grantFromProgram(ctx: StepContext, g: ProgramGrant): Promise<void> {
  const program = launchedPrograms(ctx).find((p) => p.name === g.program);
  if (program === undefined) throw new Error(`program_grant at step ${g.at}: no launched program '${g.program}'`);
  const provider = providerWallets(ctx)[g.provider];
  if (provider === undefined) {
    throw new Error(`program_grant at step ${g.at}: provider ${g.provider} is not simulated (providers.count)`);
  }
  const address = ctx.contracts.incentives!;
  const msg = { grant: { program_id: program.id, pool: g.pool, provider, amount: g.amount } };
  const ok = await ctx.tx(
    "gov.incentives",
    async () => {
      await ctx.chain.backend.governance.execute(address, msg, { title: `Grant from ${g.program}/${g.pool}` });
      return { logs: [], height: 0, transactionHash: "", events: [], gasWanted: 0n, gasUsed: 0n };
    },
    false,
  );
  if (ok !== undefined) ctx.kpi.add("gov.proposals", 1);
}
