// Arbitrageur (docs/simulation.md "Arbitrageur"): trades bme against the market when the price a request would
// execute at beats the market price by more than the spread. bme executes at the oracle's TWAP at the crank, and the
// relayer posts the market price once per step (or less often, or not at all during an outage), so the TWAP trails the
// market: after a fall it values AKT above the market (minting ACT with AKT pays more than the AKT is worth), after a
// rise below it (redeeming ACT pays more AKT than a dollar buys). The agent asks bme what a request would pay now
// (`simulate_mint` / `simulate_redeem`), compares with the market price, sends the request when the edge is at least
// `min_edge_bps`, and cranks the permissionless `process_epoch` itself so the request executes in the same block at
// the price it simulated. Its P&L is read from its own balances. Off unless `akt_inventory` is set.
import type { Event } from "@cosmjs/stargate";
import { BmeClient, BmeQueryClient } from "../../../clients/Bme.client.js";
import { parseCoin } from "../mechanisms/escrow.js";
import { closed, nonNegative, positiveInt, uintString } from "../schema.js";
import type { Agent, RunContext, StepContext } from "../types.js";
import { exogenousPrice } from "./relayer.js";

export interface ArbitrageurParams {
  wallets: number;
  akt_inventory: string;
  max_trade_uakt: string;
  min_edge_bps: number;
  every_steps: number;
}

/** uakt each wallet keeps back for fees (never traded). */
export const FEE_RESERVE_UAKT = 10_000_000n;

/** Below this a request is not worth sending (and bme refuses dust anyway). */
const MIN_TRADE = 1_000_000n;

interface ArbState {
  wallets: string[];
  owners: Set<string>;
  /** uakt the wallets held after funding (what they would hold had they never traded). */
  inventory: bigint;
}

const params = (ctx: RunContext): ArbitrageurParams => ctx.params.behaviour.arbitrageur as ArbitrageurParams;

const arbState = (ctx: Pick<RunContext, "signals">): ArbState | undefined =>
  ctx.signals.get("arbitrageur") as ArbState | undefined;

export const arbitrageurEnabled = (p: ArbitrageurParams | undefined): boolean =>
  p !== undefined && BigInt(p.akt_inventory) > 0n;

/** Edge of getting `got` (USD) for giving `gave` (USD), in bps. */
const edgeBps = (got: number, gave: number): number => (got / gave - 1) * 10_000;

/**
 * Counts the arbitrageur's own executed and cancelled bme records from the events of any transaction (its own crank,
 * the keeper's): called by the bme mechanism's `observe`. Nothing happens when the agent is off.
 */
export function observeArbitrage(events: readonly Event[], ctx: RunContext): void {
  const s = arbState(ctx);
  if (s === undefined) return;
  for (const e of events) {
    if (e.type !== "wasm-bme_executed" && e.type !== "wasm-bme_cancelled") continue;
    const a = new Map(e.attributes.map((x) => [x.key, x.value]));
    if (!s.owners.has(a.get("owner") ?? "")) continue;
    const kind = a.get("kind");
    if (e.type === "wasm-bme_cancelled") {
      ctx.kpi.add(`arbitrageur.${kind === "mint" ? "mints" : "redeems"}_cancelled`, 1, true);
      continue;
    }
    const [burned] = parseCoin(a.get("burned") ?? "0x");
    const [paid] = parseCoin(a.get("paid") ?? "0x");
    if (kind === "mint") {
      ctx.kpi.add("arbitrageur.mints", 1, true);
      ctx.kpi.add("arbitrageur.mint_uakt", burned, true);
      ctx.kpi.add("arbitrageur.mint_paid_uact", paid, true);
    } else {
      ctx.kpi.add("arbitrageur.redeems", 1, true);
      ctx.kpi.add("arbitrageur.redeem_uact", burned, true);
      ctx.kpi.add("arbitrageur.redeem_paid_uakt", paid, true);
    }
  }
}

/** The simulated answer's `paid`, or undefined when bme would refuse the request (no price, dust). */
async function simulated(ask: () => Promise<{ paid: string }>): Promise<bigint | undefined> {
  try {
    return BigInt((await ask()).paid);
  } catch {
    return undefined;
  }
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Balances in uakt and uact, and their value at the market price in USD. */
async function measure(ctx: StepContext, s: ArbState, market: number): Promise<void> {
  const client = ctx.chain.backend.client;
  const q = new BmeQueryClient(client, ctx.contracts.bme!);
  let akt = 0n;
  let act = 0n;
  for (const w of s.wallets) {
    akt += BigInt((await client.getBalance(w, ctx.chain.backend.denom)).amount);
    act += BigInt((await q.balance({ address: w })).balance);
  }
  const value = (Number(akt) * market + Number(act)) / 1e6;
  const hold = (Number(s.inventory) * market) / 1e6;
  ctx.kpi.set("arbitrageur.akt_uakt", akt, true);
  ctx.kpi.set("arbitrageur.act_uact", act, true);
  ctx.kpi.set("arbitrageur.value_usd", value, true);
  ctx.kpi.set("arbitrageur.hold_value_usd", hold, true);
  ctx.kpi.set("arbitrageur.pnl_usd", value - hold, true);
}

export const arbitrageurAgent: Agent = {
  name: "arbitrageur",
  // After the tenants, providers and settlement keepers, before the bme keeper's crank (6): its own crank executes
  // whatever is due in the same block the keeper's would, at the same price.
  substep: 5.5,
  needs: ["bme", "oracle"],
  behaviourSchema: closed(
    {
      wallets: positiveInt("arbitrageur wallets, each funded with akt_inventory and trading on its own", {
        default: 1,
      }),
      akt_inventory: {
        ...uintString('uakt each arbitrageur wallet starts with; "0" (default): no arbitrageur'),
        default: "0",
      },
      max_trade_uakt: {
        ...uintString(
          "largest request per wallet and step, in uakt (a redemption: its ACT's worth at the market price)",
        ),
        default: "1000000000",
      },
      min_edge_bps: nonNegative(
        "trade only when the request pays at least this much more than the market price (after bme's spread), bps",
        { default: 50 },
      ),
      every_steps: positiveInt("look for an edge every n steps", { default: 1 }),
    },
    { default: {} },
  ),
  async init(ctx) {
    const p = params(ctx);
    if (!arbitrageurEnabled(p)) return;
    // A local node has one key for the role: wallets may repeat there, so they are counted once.
    const wallets = [...new Set(Array.from({ length: p.wallets }, (_, i) => ctx.chain.wallet("arbitrageur", i)))];
    const denom = ctx.chain.backend.denom;
    for (let i = 0; i < p.wallets; i++)
      await ctx.chain.fund(ctx.chain.wallet("arbitrageur", i), [{ denom, amount: p.akt_inventory }]);
    // What the wallets hold after funding is the inventory (a local node caps what its faucet sends).
    let inventory = 0n;
    for (const w of wallets) inventory += BigInt((await ctx.chain.backend.client.getBalance(w, denom)).amount);
    ctx.signals.set("arbitrageur", { wallets, owners: new Set(wallets), inventory } satisfies ArbState);
  },
  async act(ctx) {
    const s = arbState(ctx);
    if (s === undefined) return;
    const p = params(ctx);
    const market = exogenousPrice(ctx);
    if (ctx.step % p.every_steps === 0) await trade(ctx, s, p, market);
    await measure(ctx, s, market);
  },
};

async function trade(ctx: StepContext, s: ArbState, p: ArbitrageurParams, market: number): Promise<void> {
  const client = ctx.chain.backend.client;
  const bme = ctx.contracts.bme!;
  const q = new BmeQueryClient(client, bme);
  const status = await q.status();
  if (status.price === null || status.price === undefined) return;
  const twap = Number(status.price);
  ctx.kpi.set("arbitrageur.bme_price_usd", twap);
  ctx.kpi.set("arbitrageur.price_gap_bps", edgeBps(twap, market));
  // A request waits for its epoch: trade only when the epoch is due now, so the crank below executes it at this
  // price. bme takes mint requests only while healthy or in warning, and pays redemptions from its vault.
  const height = await client.getHeight();
  const mintOpen = (status.status === "healthy" || status.status === "warning") && status.next_mint_epoch <= height;
  const redeemOpen = status.next_redeem_epoch <= height;
  const cap = BigInt(p.max_trade_uakt);
  let vault = BigInt((await q.vault()).vault_uakt);
  let sent = false;
  for (const w of s.wallets) {
    const as = new BmeClient(client, w, bme);
    const mintAmount = min(
      cap,
      BigInt((await client.getBalance(w, ctx.chain.backend.denom)).amount) - FEE_RESERVE_UAKT,
    );
    if (mintAmount >= MIN_TRADE) {
      const paid = await simulated(() => q.simulateMint({ amount: mintAmount.toString() }));
      if (paid !== undefined && edgeBps(Number(paid), Number(mintAmount) * market) >= p.min_edge_bps) {
        if (!mintOpen) {
          ctx.kpi.add("arbitrageur.missed_mints", 1, true);
          continue;
        }
        const r = await ctx.tx("bme.mint_act", () =>
          as.mintAct("auto", undefined, [{ denom: ctx.chain.backend.denom, amount: mintAmount.toString() }]),
        );
        if (r !== undefined) {
          sent = true;
          ctx.kpi.add("arbitrageur.mint_requests", 1, true);
        }
        continue;
      }
    }
    const redeemAmount = min(
      BigInt((await q.balance({ address: w })).balance),
      BigInt(Math.floor(Number(cap) * market)),
    );
    if (redeemAmount < MIN_TRADE) continue;
    const paid = await simulated(() => q.simulateRedeem({ amount: redeemAmount.toString() }));
    if (paid === undefined || edgeBps(Number(paid) * market, Number(redeemAmount)) < p.min_edge_bps) continue;
    // A redemption the vault cannot pay would wait, to be retried at later prices.
    if (!redeemOpen || paid > vault) {
      ctx.kpi.add("arbitrageur.missed_redeems", 1, true);
      continue;
    }
    const r = await ctx.tx("bme.redeem_act", () => as.redeemAct({ amount: redeemAmount.toString() }));
    if (r !== undefined) {
      sent = true;
      vault -= paid;
      ctx.kpi.add("arbitrageur.redeem_requests", 1, true);
    }
  }
  if (!sent) return;
  const crank = new BmeClient(client, s.wallets[0]!, bme);
  await ctx.tx("bme.process_epoch", () => crank.processEpoch({}), false);
}
