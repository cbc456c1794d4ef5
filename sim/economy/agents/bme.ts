// BME users and keeper (docs/bme.md): minters turn AKT into ACT at the oracle's price (a USD flow per day, each
// simulated minter standing for 1/scale), holders redeem a share of their ACT per step, and a keeper cranks
// `process_epoch` every step (the permissionless EndBlocker). Minting is refused by the contract under a halt: the
// refusals are counted as failed transactions, which is how the breaker shows up in the table.
import { BmeClient, BmeQueryClient } from "../../../clients/Bme.client.js";
import { oraclePrice } from "../mechanisms/oracle.js";
import { closed, positiveInt, probability, schedule, uintString } from "../schema.js";
import type { Agent, RunContext } from "../types.js";
import { valueAt } from "./tenants.js";

interface BmeUserParams {
  wallets: number;
  mint_usd_per_day: number | { from: number; value: number }[];
  redeem_share_per_step: number;
  wallet_funds: string;
}

const params = (ctx: RunContext): BmeUserParams => ctx.params.behaviour.bme_users as BmeUserParams;

export const bmeUsersAgent: Agent = {
  name: "bme_users",
  substep: 3,
  needs: ["bme", "oracle"],
  behaviourSchema: closed(
    {
      wallets: positiveInt("wallets that mint and redeem", { default: 5 }),
      mint_usd_per_day: { ...schedule("USD of AKT turned into ACT per day (whole network)"), default: 0 },
      redeem_share_per_step: { ...probability("share of each wallet's ACT redeemed every step"), default: 0 },
      wallet_funds: { ...uintString("uakt per wallet"), default: "1000000000000000" },
    },
    { default: {} },
  ),
  async init(ctx) {
    const p = params(ctx);
    for (let i = 0; i < p.wallets; i++)
      await ctx.chain.fund(ctx.chain.wallet("bme_user", i), [
        { denom: ctx.chain.backend.denom, amount: p.wallet_funds },
      ]);
  },
  async act(ctx) {
    const p = params(ctx);
    if (p.mint_usd_per_day === 0 && p.redeem_share_per_step === 0) return;
    const bme = ctx.contracts.bme!;
    const client = ctx.chain.backend.client;
    const q = new BmeQueryClient(client, bme);
    const price = await oraclePrice(ctx);
    const usd = valueAt(p.mint_usd_per_day, ctx.step) * (ctx.stepSeconds / 86400) * ctx.scale;
    if (price !== undefined && usd > 0) {
      const perWallet = BigInt(Math.floor((usd / price / p.wallets) * 1e6));
      for (let i = 0; i < p.wallets && perWallet > 0n; i++) {
        const w = ctx.chain.wallet("bme_user", i);
        const r = await ctx.tx("bme.mint_act", () =>
          new BmeClient(client, w, bme).mintAct("auto", undefined, [
            { denom: ctx.chain.backend.denom, amount: perWallet.toString() },
          ]),
        );
        if (r !== undefined) ctx.kpi.add("bme.mint_requests_uakt", perWallet, true);
      }
    }
    if (p.redeem_share_per_step > 0) {
      for (let i = 0; i < p.wallets; i++) {
        const w = ctx.chain.wallet("bme_user", i);
        const balance = BigInt((await q.balance({ address: w })).balance);
        const amount = (balance * BigInt(Math.round(p.redeem_share_per_step * 1e6))) / 1_000_000n;
        if (amount === 0n) continue;
        const r = await ctx.tx("bme.redeem_act", () =>
          new BmeClient(client, w, bme).redeemAct({ amount: amount.toString() }),
        );
        if (r !== undefined) ctx.kpi.add("bme.redeem_requests_uact", amount, true);
      }
    }
  },
};

export const bmeKeeperAgent: Agent = {
  name: "bme_keeper",
  substep: 6,
  needs: ["bme"],
  behaviourSchema: closed({ every_steps: positiveInt("steps between cranks", { default: 1 }) }, { default: {} }),
  async init(ctx) {
    await ctx.chain.fund(ctx.chain.wallet("keeper", 1), [{ denom: ctx.chain.backend.denom, amount: "100000000000" }]);
  },
  async act(ctx) {
    const every = (ctx.params.behaviour.bme_keeper as { every_steps: number }).every_steps;
    if (ctx.step % every !== 0) return;
    const k = new BmeClient(ctx.chain.backend.client, ctx.chain.wallet("keeper", 1), ctx.contracts.bme!);
    await ctx.tx("bme.process_epoch", () => k.processEpoch({}), false);
  },
};
