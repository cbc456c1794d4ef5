// Tenants paying in ACT (docs/simulation.md "Tenants paying in ACT"): a lease drawn in `uact` (the tenants'
// `denom_mix` key for ACT) is priced in USD at par and funded from the owner's ACT, which the owner mints from AKT
// through bme. A mint is only a queued request until a keeper's `process_epoch` executes it, so a lease drawn at step t
// opens at step t+1 (or t+2 when the mint had not run yet): at t the `tenant_act` agent mints what the wallet lacks for the leases waiting to open, the
// top-ups waiting for ACT and a small float (`float_usd`); the bme keeper executes it at the end of step t; at t+1 the
// tenants open the accounts (CW20 `send` to the escrow, hook `create_account`) before anything else. Alerts are
// answered from the float (CW20 `send`, hook `deposit`), or one step later when it is short. The tenants' own code
// (tenants.ts) only hands ACT leases and top-ups to the functions here.
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import { BmeClient, BmeQueryClient } from "../../../clients/Bme.client.js";
import { EscrowClient } from "../../../clients/Escrow.client.js";
import { escrowBook } from "../mechanisms/escrow.js";
import { closed, nonNegative } from "../schema.js";
import type { Agent, RunContext, StepContext } from "../types.js";

/** The key of ACT in the tenants' `denom_mix` (the escrow's denom is `cw20:<bme>`). */
export const ACT = "uact";

export const actDenom = (ctx: Pick<RunContext, "contracts">): string => `cw20:${ctx.contracts.bme ?? ""}`;

/** A lease as the tenants track it (tenants.ts keeps them in its `live` map). */
export interface ActLease {
  id: string;
  owner: string;
  denom: string;
  /** micro-units per block, as sent */
  rate: string;
  perBlock: number;
  endStep: number;
  topsUp: boolean;
}

/** An ACT lease drawn this step, opened next step once its ACT is minted. */
export interface ActDraw {
  id: string;
  owner: string;
  provider: string;
  paymentId: string;
  /** uact per block, as sent */
  rate: string;
  deposit: bigint;
  topsUp: boolean;
  alertBlocks: number;
  hours: number;
  /** Steps it has waited for its ACT (set here). */
  waited?: number;
}

interface ActState {
  opens: ActDraw[];
  topUps: { id: string; owner: string; amount: bigint }[];
  /** Wallets that have paid in ACT (they keep a float). */
  owners: Set<string>;
  config?: { minMint: bigint; spreadBps: number };
}

interface ActParams {
  float_usd: number;
  mint_margin: number;
  redeem_above_usd: number;
}

function actState(ctx: Pick<RunContext, "signals">): ActState {
  let s = ctx.signals.get("tenants.act") as ActState | undefined;
  if (s === undefined) {
    s = { opens: [], topUps: [], owners: new Set() };
    ctx.signals.set("tenants.act", s);
  }
  return s;
}

/** Steps a lease drawn in ACT waits past the first for its ACT before it is given up. */
const MAX_WAIT_STEPS = 1;

const hook = (msg: Record<string, unknown>): string => toBase64(toUtf8(JSON.stringify(msg)));

async function actBalance(ctx: RunContext, owner: string): Promise<bigint> {
  const q = new BmeQueryClient(ctx.chain.backend.client, ctx.contracts.bme!);
  return BigInt((await q.balance({ address: owner })).balance);
}

/** CW20 `send` of `amount` ACT from `owner` into the escrow with the receive-hook message `msg`. */
function sendToEscrow(ctx: RunContext, op: string, owner: string, amount: bigint, msg: Record<string, unknown>) {
  const bme = new BmeClient(ctx.chain.backend.client, owner, ctx.contracts.bme!);
  return ctx.tx(op, () => bme.send({ contract: ctx.contracts.escrow!, amount: amount.toString(), msg: hook(msg) }));
}

/** Refuses an ACT mix without bme (checked once, at init). */
export function checkActTenants(ctx: RunContext, denomMix: Record<string, number>): void {
  if ((denomMix[ACT] ?? 0) > 0 && ctx.contracts.bme === undefined)
    throw new Error(`tenants pay in ${ACT} (ACT), which needs bme deployed (system.bme.enabled: true)`);
}

/** A lease drawn in ACT: waits for next step (its ACT is minted at the end of this one). */
export function deferActLease(ctx: RunContext, draw: ActDraw): void {
  const s = actState(ctx);
  s.owners.add(draw.owner);
  s.opens.push(draw);
  ctx.kpi.add("tenants.act_leases_drawn", 1, true);
}

/** An alert on an ACT lease: deposit from the float now, or next step after a mint. */
export async function actTopUp(ctx: RunContext, lease: ActLease, amount: bigint): Promise<void> {
  if ((await actBalance(ctx, lease.owner)) >= amount) {
    await sendToEscrow(ctx, "escrow.deposit", lease.owner, amount, { deposit: { id: lease.id } });
    return;
  }
  actState(ctx).topUps.push({ id: lease.id, owner: lease.owner, amount });
  ctx.kpi.add("tenants.act_topups_deferred", 1, true);
}

/**
 * Start of the tenants' step: open the ACT leases drawn last step (their ACT was minted and executed since), then the
 * top-ups that waited for ACT. A lease whose ACT is not there (the mint was refused: breaker, no price) is lost.
 */
export async function openActLeases(ctx: StepContext, live: Map<string, ActLease>): Promise<void> {
  const s = actState(ctx);
  if (s.opens.length === 0 && s.topUps.length === 0) return;
  const denom = actDenom(ctx);
  const client = ctx.chain.backend.client;
  const escrow = ctx.contracts.escrow!;
  const wait: ActDraw[] = [];
  for (const d of s.opens.splice(0)) {
    if ((await actBalance(ctx, d.owner)) < d.deposit) {
      // The mint may not have run yet (a new bme's first mint epoch is due `min_epoch_blocks` after deployment):
      // the lease waits one more step, then it is lost.
      d.waited = (d.waited ?? 0) + 1;
      if (d.waited <= MAX_WAIT_STEPS) wait.push(d);
      else ctx.kpi.add("tenants.act_leases_unfunded", 1, true);
      continue;
    }
    const opened = await sendToEscrow(ctx, "escrow.create_account", d.owner, d.deposit, {
      create_account: { id: d.id },
    });
    if (opened === undefined) continue;
    const as = new EscrowClient(client, d.owner, escrow);
    const paid = await ctx.tx("escrow.create_payment", () =>
      as.createPayment({ id: d.id, paymentId: d.paymentId, provider: d.provider, denom, rate: d.rate }),
    );
    if (paid === undefined) continue;
    if (d.topsUp)
      await ctx.tx("escrow.set_alert", () => as.setAlert({ id: d.id, denom, below: { blocks_left: d.alertBlocks } }));
    const endStep = ctx.step + Math.max(1, Math.round((d.hours * 3600) / ctx.stepSeconds));
    live.set(d.id, {
      id: d.id,
      owner: d.owner,
      denom,
      rate: d.rate,
      perBlock: Number(d.rate),
      endStep,
      topsUp: d.topsUp,
    });
  }
  s.opens.push(...wait);
  const book = escrowBook(ctx);
  for (const t of s.topUps.splice(0)) {
    if (!book.open.has(t.id)) continue;
    if ((await actBalance(ctx, t.owner)) < t.amount) {
      ctx.kpi.add("tenants.act_topups_unfunded", 1, true);
      continue;
    }
    await sendToEscrow(ctx, "escrow.deposit", t.owner, t.amount, { deposit: { id: t.id } });
  }
}

/**
 * After the tenants (substep 3.5): each wallet paying in ACT mints, in one request, what it lacks for next step's
 * openings and deferred top-ups plus its float, at least bme's `min_mint`, with a margin for the spread and for the
 * price moving before the crank. The price is bme's own (`status`); when bme refuses to mint (breaker, no
 * price) nothing is sent and the refusal is counted.
 */
export const tenantActAgent: Agent = {
  name: "tenant_act",
  substep: 3.5,
  needs: ["bme", "escrow", "oracle"],
  behaviourSchema: closed(
    {
      float_usd: nonNegative("ACT each ACT-paying wallet keeps on hand for top-ups and new leases, USD", {
        default: 20,
      }),
      mint_margin: nonNegative("extra share minted over the need (price moves before the crank)", {
        default: 0.02,
      }),
      redeem_above_usd: nonNegative(
        "a wallet redeems the ACT it holds beyond this (after next step's needs), USD; 0: tenants keep their ACT",
        { default: 0 },
      ),
    },
    { default: {} },
  ),
  async act(ctx) {
    const s = actState(ctx);
    if (s.owners.size === 0) return;
    const p = ctx.params.behaviour.tenant_act as ActParams;
    const bme = ctx.contracts.bme!;
    const client = ctx.chain.backend.client;
    const q = new BmeQueryClient(client, bme);
    if (s.config === undefined) {
      const c = await q.config();
      s.config = { minMint: BigInt(c.params.min_mint), spreadBps: c.params.mint_spread_bps };
    }
    const { minMint, spreadBps } = s.config;
    const owners = [...s.owners].sort();
    const balances = new Map<string, bigint>();
    let held = 0n;
    for (const owner of owners) {
      const b = await actBalance(ctx, owner);
      balances.set(owner, b);
      held += b;
    }
    ctx.kpi.set("tenants.act_held_uact", held, true);
    // bme's live status: its price (the TWAP a mint would execute at) and whether it mints at all.
    const status = await q.status();
    const price = Number(status.price ?? "0");
    if (status.status === "halt_cr" || status.status === "halt_oracle" || !(price > 0)) {
      ctx.kpi.add("tenants.act_mints_refused", owners.length, true);
      return;
    }
    const float = BigInt(Math.round(p.float_usd * 1e6));
    const keep = BigInt(Math.round(p.redeem_above_usd * 1e6));
    for (const owner of owners) {
      let need = float - balances.get(owner)!;
      for (const d of s.opens) if (d.owner === owner) need += d.deposit;
      for (const t of s.topUps) if (t.owner === owner) need += t.amount;
      // ACT refunded by closed accounts piles up in the wallet; a tenant may turn what it will not need back into AKT.
      const excess = float - need - keep;
      if (keep > 0n && excess >= 1_000_000n) {
        const r = await ctx.tx("bme.redeem_act", () =>
          new BmeClient(client, owner, bme).redeemAct({ amount: excess.toString() }),
        );
        if (r !== undefined) ctx.kpi.add("tenants.act_redeem_requests_uact", excess, true);
      }
      if (need <= 0n) continue;
      if (need < minMint) need = minMint;
      const uakt = Math.ceil(((Number(need) * 10_000) / (10_000 - spreadBps) / price) * (1 + p.mint_margin));
      const amount = BigInt(uakt);
      const r = await ctx.tx("bme.mint_act", () =>
        new BmeClient(client, owner, bme).mintAct("auto", undefined, [
          { denom: ctx.chain.backend.denom, amount: amount.toString() },
        ]),
      );
      if (r !== undefined) {
        ctx.kpi.add("tenants.act_mint_requests_uakt", amount, true);
        ctx.kpi.add("tenants.act_mint_requests", 1, true);
      }
    }
  },
};
