// Providers: list prices per GPU type (USD per hour) that tenants pay, and withdraw their lease income every
// `withdraw_every_steps` steps (income by GPU type is read from the escrow's withdraw payouts). With bme live, each
// withdrawal round ends with every provider redeeming `act_redeem_share` of the ACT it holds (lease income in ACT, paid
// by withdrawals, settlements and closes) into AKT through bme; the rest it keeps as ACT.
import { BmeClient, BmeQueryClient } from "../../../clients/Bme.client.js";
import { EscrowClient } from "../../../clients/Escrow.client.js";
import { escrowBook } from "../mechanisms/escrow.js";
import { closed, positiveInt, probability } from "../schema.js";
import type { Agent, RunContext } from "../types.js";

interface ProviderParams {
  count: number;
  withdraw_every_steps: number;
  prices_usd_per_hour: Record<string, number>;
  act_redeem_share: number;
}

const params = (ctx: RunContext): ProviderParams => ctx.params.behaviour.providers as ProviderParams;

export const providerPrices = (ctx: RunContext): Record<string, number> => params(ctx).prices_usd_per_hour;

export const providerWallets = (ctx: RunContext): string[] =>
  Array.from({ length: params(ctx).count }, (_, i) => ctx.chain.wallet("provider", i));

export const providersAgent: Agent = {
  name: "providers",
  substep: 4,
  needs: ["escrow"],
  behaviourSchema: closed(
    {
      count: positiveInt("providers (tenants pick one uniformly)", { default: 3 }),
      withdraw_every_steps: positiveInt("steps between withdrawals", { default: 24 }),
      prices_usd_per_hour: {
        type: "object",
        additionalProperties: { type: "number", minimum: 0 },
        default: { cpu: 0.1 },
        description: "list price per GPU type, USD per hour",
      },
      act_redeem_share: {
        ...probability("share of the ACT a provider holds that it redeems into AKT after each withdrawal round"),
        default: 1,
      },
    },
    { default: {} },
  ),
  async init(ctx) {
    for (const w of providerWallets(ctx))
      await ctx.chain.fund(w, [{ denom: ctx.chain.backend.denom, amount: "100000000" }]);
  },
  async act(ctx) {
    const p = params(ctx);
    if ((ctx.step + 1) % p.withdraw_every_steps !== 0) return;
    const book = escrowBook(ctx);
    for (const provider of providerWallets(ctx)) {
      const client = new EscrowClient(ctx.chain.backend.client, provider, ctx.contracts.escrow!);
      for (const key of [...(book.payments.get(provider) ?? [])]) {
        const [id, paymentId] = key.split("\t") as [string, string];
        if (!book.open.has(id)) continue;
        await ctx.tx("escrow.withdraw", () => client.withdraw({ id, paymentId }));
      }
      if (ctx.contracts.bme !== undefined) await redeemAct(ctx, provider, p.act_redeem_share);
    }
  },
};

/** Redeems `share` of the provider's ACT through bme (queued; the bme keeper's crank pays the AKT). */
async function redeemAct(ctx: RunContext, provider: string, share: number): Promise<void> {
  if (share <= 0) return;
  const bme = ctx.contracts.bme!;
  const balance = BigInt(
    (await new BmeQueryClient(ctx.chain.backend.client, bme).balance({ address: provider })).balance,
  );
  const amount = (balance * BigInt(Math.round(share * 1e6))) / 1_000_000n;
  // Dust (under 1 ACT) waits for the next round: it may convert to no AKT at all.
  if (amount < 1_000_000n) return;
  const r = await ctx.tx("bme.redeem_act", () =>
    new BmeClient(ctx.chain.backend.client, provider, bme).redeemAct({ amount: amount.toString() }),
  );
  if (r !== undefined) ctx.kpi.add("providers.act_redeem_requests_uact", amount, true);
}
