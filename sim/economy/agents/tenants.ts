// Tenants: deployments arrive as Poisson streams (a time-varying daily rate), most without a lease (opened and closed
// within the step, as the bulk of Akash's deployments are), the rest with one lease: a GPU type from the mix, a
// heavy-tailed duration, a denom (AKT at the oracle's price, or USDC), a deposit covering `prepay_hours`. Tenants who
// top up register a blocks-left alert and deposit when it fires; the others run dry into an overdraft. A lease whose
// time is up closes its account (refunding the rest). Each simulated tenant stands for 1/scale real ones.
// `sampling: stratified` draws the same distributions with less noise: counts per step by systematic rounding, each
// lease's uniforms from a randomly shifted quasi-random sequence (../stratified.ts, docs/simulation.md).
import { EscrowClient } from "../../../clients/Escrow.client.js";
import { escrowBook } from "../mechanisms/escrow.js";
import { oraclePrice } from "../mechanisms/oracle.js";
import type { Rng } from "../rng.js";
import { Kronecker, normalQuantile, pickAt, Quota } from "../stratified.js";
import { closed, mixSchedule, nonNegative, positiveInt, probability, schedule, uintString } from "../schema.js";
import type { Agent, RunContext, StepContext } from "../types.js";
import { ACT, type ActLease, actTopUp, checkActTenants, deferActLease, openActLeases } from "./act.js";
import { providerPrices, providerWallets } from "./providers.js";
import { sponsorOf } from "./sponsors.js";

type Schedule = number | { from: number; value: number }[];
/** Weights that may change by step (e.g. the GPU mix by quarter). */
export type MixSchedule = Record<string, number> | { from: number; value: Record<string, number> }[];

interface Duration {
  dist: "lognormal" | "pareto" | "exponential";
  median_hours: number;
  sigma: number;
  alpha: number;
  min_hours: number;
  max_hours: number;
}

interface TenantParams {
  sampling: "iid" | "stratified";
  wallets: number;
  deployments_per_day: Schedule;
  leases_per_day: Schedule;
  gpu_mix: MixSchedule;
  denom_mix: Record<string, number>;
  duration: Duration;
  prepay_hours: number;
  top_up_probability: number;
  top_up_hours: number;
  alert_hours: number;
  price_noise: number;
  wallet_funds: string;
}

/** A live lease (the ACT path shares the type). */
type Lease = ActLease;

/** Stratified mode's samplers, seeded from the run's "tenants.stratified" stream. */
interface Strata {
  bare: Quota;
  leases: Quota;
  /** One point per lease: GPU type, denom, duration, top-up, provider, price noise. */
  points: Kronecker;
}

interface TenantState {
  dseq: number;
  live: Map<string, Lease>;
  strata?: Strata;
}

export const valueAt = (s: Schedule, step: number): number => {
  if (typeof s === "number") return s;
  let v = 0;
  for (const p of s) if (p.from <= step) v = p.value;
  return v;
};

/** The mix in force at `step`: the last entry whose `from` ≤ step (validation makes the first `from` 0). */
export const mixAt = (s: MixSchedule, step: number): Record<string, number> => {
  if (!Array.isArray(s)) return s;
  let v = s[0]!.value;
  for (const p of s) if (p.from <= step) v = p.value;
  return v;
};

/** The duration at quantile u (the inverse CDF of the same distributions). */
function hoursAt(d: Duration, u: number): number {
  let h: number;
  if (d.dist === "lognormal") h = d.median_hours * Math.exp(d.sigma * normalQuantile(u));
  else if (d.dist === "pareto") h = d.min_hours / Math.pow(1 - u, 1 / d.alpha);
  else h = (-Math.log(1 - u) * d.median_hours) / Math.LN2;
  return Math.min(d.max_hours, Math.max(d.min_hours, h));
}

function sampleHours(d: Duration, rng: Rng): number {
  let h: number;
  if (d.dist === "lognormal") h = d.median_hours * Math.exp(d.sigma * rng.normal());
  else if (d.dist === "pareto") h = d.min_hours / Math.pow(1 - rng.uniform(), 1 / d.alpha);
  else h = rng.exponential(Math.LN2 / d.median_hours);
  return Math.min(d.max_hours, Math.max(d.min_hours, h));
}

const state = (ctx: RunContext): TenantState => ctx.signals.get("tenants") as TenantState;

/** Whole micro-units for `blocks` blocks at `perBlock`, rounded up, at least `min`. */
const units = (perBlock: number, blocks: number, min = 1n): bigint => {
  const n = BigInt(Math.ceil(perBlock * blocks));
  return n > min ? n : min;
};

export const tenantsAgent: Agent = {
  name: "tenants",
  substep: 3,
  needs: ["escrow"],
  behaviourSchema: closed(
    {
      sampling: {
        enum: ["iid", "stratified"],
        default: "iid",
        description:
          "iid: Poisson arrivals and independent draws; stratified: the same distributions with systematic counts and quasi-random draws (less run-to-run noise)",
      },
      wallets: positiveInt("distinct tenant wallets (deployments are spread over them)", { default: 20 }),
      deployments_per_day: {
        ...schedule("deployments per day that never get a lease (opened, closed in the step)"),
        default: 0,
      },
      leases_per_day: schedule("deployments per day that get one lease"),
      gpu_mix: {
        ...mixSchedule(
          "share of leases per GPU type (each priced in providers.prices_usd_per_hour); one mix, or a mix by step",
        ),
        default: { cpu: 1 },
      },
      denom_mix: { type: "object", additionalProperties: { type: "number", minimum: 0 }, default: { uakt: 1 } },
      duration: closed(
        {
          dist: { enum: ["lognormal", "pareto", "exponential"], default: "lognormal" },
          median_hours: nonNegative("median lease duration", { default: 24, exclusiveMinimum: 0 }),
          sigma: nonNegative("lognormal shape", { default: 1 }),
          alpha: nonNegative("pareto tail index", { default: 1.5, exclusiveMinimum: 0 }),
          min_hours: nonNegative("shortest lease", { default: 1 }),
          max_hours: nonNegative("longest lease", { default: 8760 }),
        },
        { default: {} },
      ),
      prepay_hours: nonNegative("hours the opening deposit covers", { default: 72 }),
      top_up_probability: {
        ...probability("share of tenants who top up on an alert (the others run dry)"),
        default: 0,
      },
      top_up_hours: nonNegative("hours a top-up covers", { default: 72 }),
      alert_hours: nonNegative("alert threshold in hours left", { default: 24 }),
      price_noise: nonNegative("sd of the log deviation of a lease's price from the provider list price", {
        default: 0,
      }),
      wallet_funds: {
        ...uintString("micro-units of each fundable denom per tenant wallet"),
        default: "1000000000000000",
      },
    },
    { default: {}, required: ["leases_per_day"] },
  ),
  async init(ctx) {
    const p = ctx.params.behaviour.tenants as TenantParams;
    checkActTenants(ctx, p.denom_mix);
    const st: TenantState = { dseq: 0, live: new Map() };
    if (p.sampling === "stratified") {
      const r = ctx.rng("tenants.stratified");
      st.strata = { bare: new Quota(r.uniform()), leases: new Quota(r.uniform()), points: new Kronecker(6, r) };
    }
    ctx.signals.set("tenants", st);
    for (const denom of Object.keys(p.denom_mix)) {
      // ACT is minted from AKT through bme (act.ts), not funded.
      if (denom !== ACT && (p.denom_mix[denom] ?? 0) > 0 && !ctx.chain.fundable.includes(denom))
        throw new Error(`tenants pay in ${denom}, which this chain (${ctx.chain.kind}) cannot fund`);
    }
    // One after another: on a real node every funding tx comes from the same faucet account (sequence numbers).
    for (let i = 0; i < p.wallets; i++)
      await ctx.chain.fund(
        ctx.chain.wallet("tenant", i),
        ctx.chain.fundable.map((denom) => ({ denom, amount: p.wallet_funds })),
      );
  },
  async act(ctx) {
    const p = ctx.params.behaviour.tenants as TenantParams;
    const st = state(ctx);
    const book = escrowBook(ctx);
    const rng = ctx.rng("tenants");
    const client = ctx.chain.backend.client;
    const escrow = ctx.contracts.escrow!;
    // One client per tenant wallet (a generated client binds every method when constructed).
    const clients = new Map<string, EscrowClient>();
    const as = (owner: string): EscrowClient => {
      let c = clients.get(owner);
      if (c === undefined) clients.set(owner, (c = new EscrowClient(client, owner, escrow)));
      return c;
    };
    const blocksPerHour = 3600 / ctx.params.system.block_time_seconds;

    // 0. ACT leases drawn last step open now that their ACT is minted (act.ts).
    await openActLeases(ctx, st.live);
    // 1. React to what the escrow told us since last step: alerts → top up; overdrafts → the lease is gone.
    for (const id of book.overdrawn.splice(0)) st.live.delete(id);
    for (const id of [...new Set(book.alerts.splice(0))]) {
      const l = st.live.get(id);
      if (l === undefined || !l.topsUp) continue;
      const amount = units(l.perBlock, p.top_up_hours * blocksPerHour);
      if (l.denom.startsWith("cw20:")) {
        await actTopUp(ctx, l, amount);
        continue;
      }
      await ctx.tx("escrow.deposit", () =>
        as(l.owner).deposit({ id }, "auto", undefined, [{ denom: l.denom, amount: amount.toString() }]),
      );
    }
    // 2. Leases whose time is up close their account.
    for (const l of [...st.live.values()]) {
      // An account a top-up closed (it paid an overdraft's debt) or that ran dry is no longer ours to close.
      if (!book.open.has(l.id)) {
        st.live.delete(l.id);
        continue;
      }
      if (l.endStep > ctx.step) continue;
      st.live.delete(l.id);
      await ctx.tx("escrow.close_account", () => as(l.owner).closeAccount({ id: l.id }));
    }
    // 3. New deployments (each simulated one stands for 1/scale).
    const days = ctx.stepSeconds / 86400;
    const minDeposit = (denom: string): bigint =>
      BigInt(
        (ctx.params.system.escrow as { denoms: { denom: string; min_deposit?: string }[] }).denoms.find(
          (d) => d.denom === denom,
        )?.min_deposit ?? "500000",
      );
    const strata = st.strata;
    const count = (expected: number, quota: Quota | undefined): number =>
      quota === undefined ? rng.poisson(expected) : quota.next(expected);
    const bare = count(valueAt(p.deployments_per_day, ctx.step) * days * ctx.scale, strata?.bare);
    for (let i = 0; i < bare; i++) {
      const owner = ctx.chain.wallet("tenant", st.dseq % p.wallets);
      const id = `${owner}/${++st.dseq}`;
      const coin = { denom: ctx.chain.backend.denom, amount: minDeposit(ctx.chain.backend.denom).toString() };
      const opened = await ctx.tx("escrow.create_account", () =>
        as(owner).createAccount({ id }, "auto", undefined, [coin]),
      );
      if (opened !== undefined) await ctx.tx("escrow.close_account", () => as(owner).closeAccount({ id }));
    }
    const leases = count(valueAt(p.leases_per_day, ctx.step) * days * ctx.scale, strata?.leases);
    const prices = providerPrices(ctx);
    const providers = providerWallets(ctx);
    const akt = leases > 0 ? await oraclePrice(ctx) : undefined;
    const gpuMix = mixAt(p.gpu_mix, ctx.step);
    for (let i = 0; i < leases; i++) {
      let gpu: string, denom: string, hours: number, topsUp: boolean, provider: string, noise: number;
      if (strata === undefined) {
        gpu = rng.pick(gpuMix);
        denom = rng.pick(p.denom_mix);
        hours = sampleHours(p.duration, rng);
        topsUp = rng.bernoulli(p.top_up_probability);
        provider = providers[Math.floor(rng.uniform() * providers.length)]!;
        noise = rng.normal();
      } else {
        const u = strata.points.next();
        gpu = pickAt(gpuMix, u[0]!);
        denom = pickAt(p.denom_mix, u[1]!);
        hours = hoursAt(p.duration, u[2]!);
        topsUp = u[3]! < p.top_up_probability;
        provider = providers[Math.floor(u[4]! * providers.length)]!;
        noise = normalQuantile(u[5]!);
      }
      const usdPerHour = (prices[gpu] ?? 0) * Math.exp(p.price_noise * noise);
      const usdPerUnit = denom === "uakt" ? akt : 1;
      // Without a usable oracle price nobody can price an AKT lease: the arrival is lost (counted).
      if (usdPerUnit === undefined || usdPerHour <= 0) {
        ctx.kpi.add("tenants.unpriced_arrivals", 1, true);
        continue;
      }
      const perBlock = Math.max(1e-6, usdPerHour / usdPerUnit / blocksPerHour) * 1e6;
      const rate = perBlock.toFixed(6);
      const owner = ctx.chain.wallet("tenant", st.dseq % p.wallets);
      const id = `${owner}/${++st.dseq}`;
      const coverHours = topsUp ? Math.min(hours, p.prepay_hours) : p.prepay_hours;
      const amount = units(Number(rate), coverHours * blocksPerHour, minDeposit(denom));
      if (denom === ACT) {
        const alertBlocks = Math.max(1, Math.floor(p.alert_hours * blocksPerHour));
        const paymentId = `${gpu}.${st.dseq}`;
        deferActLease(ctx, { id, owner, provider, paymentId, rate, deposit: amount, topsUp, alertBlocks, hours });
        continue;
      }
      const coin = { denom, amount: amount.toString() };
      const sponsor = denom === ctx.chain.backend.denom ? await sponsorOf(ctx, owner, amount) : undefined;
      const opened = await ctx.tx("escrow.create_account", () =>
        sponsor === undefined
          ? as(owner).createAccount({ id }, "auto", undefined, [coin])
          : as(owner).createAccount({ id, amount: coin, sources: ["grant"], sponsors: [sponsor] }),
      );
      if (opened === undefined) continue;
      const paid = await ctx.tx("escrow.create_payment", () =>
        as(owner).createPayment({ id, paymentId: `${gpu}.${st.dseq}`, provider, denom, rate }),
      );
      if (paid === undefined) continue;
      if (topsUp) {
        const blocksLeft = Math.max(1, Math.floor(p.alert_hours * blocksPerHour));
        await ctx.tx("escrow.set_alert", () => as(owner).setAlert({ id, denom, below: { blocks_left: blocksLeft } }));
      }
      const endStep = ctx.step + Math.max(1, Math.round((hours * 3600) / ctx.stepSeconds));
      st.live.set(id, { id, owner, denom, rate, perBlock: Number(rate), endStep, topsUp });
    }
    ctx.kpi.set("tenants.live_leases", st.live.size, true);
  },
};

export type { StepContext };
