// Providers: list prices per GPU type (USD per hour) that tenants pay, and withdraw their lease income every
// `withdraw_every_steps` steps (income by GPU type is read from the escrow's withdraw payouts).
import { EscrowClient } from "../../../clients/Escrow.client.js";
import { escrowBook } from "../mechanisms/escrow.js";
import { closed, positiveInt } from "../schema.js";
import type { Agent, RunContext } from "../types.js";

interface ProviderParams {
  count: number;
  withdraw_every_steps: number;
  prices_usd_per_hour: Record<string, number>;
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
    }
  },
};
