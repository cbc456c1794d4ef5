// Sponsors (DAOs, hackathons): each funds a grant for `grantees` tenant wallets at the start of the run; a sponsored
// tenant opens its AKT deployments from the grant while it lasts (escrow source `grant`), then from its own balance.
import { EscrowClient, EscrowQueryClient } from "../../../clients/Escrow.client.js";
import { closed, uintString } from "../schema.js";
import type { Agent, RunContext } from "../types.js";

interface SponsorParams {
  count: number;
  grantees: number;
  grant: string;
}

const params = (ctx: RunContext): SponsorParams => ctx.params.behaviour.sponsors as SponsorParams;

/** The sponsor whose grant to `owner` still covers `amount`, if any. */
export async function sponsorOf(ctx: RunContext, owner: string, amount: bigint): Promise<string | undefined> {
  const p = params(ctx);
  if (p.count === 0) return undefined;
  const map = ctx.signals.get("sponsors.of") as Map<string, string> | undefined;
  const sponsor = map?.get(owner);
  if (sponsor === undefined) return undefined;
  const q = new EscrowQueryClient(ctx.chain.backend.client, ctx.contracts.escrow!);
  try {
    const g = await q.grant({ sponsor, grantee: owner });
    const left = BigInt(g.balances.find((c) => c.denom === ctx.chain.backend.denom)?.amount ?? "0");
    return left >= amount && !g.expired ? sponsor : undefined;
  } catch {
    return undefined;
  }
}

export const sponsorsAgent: Agent = {
  name: "sponsors",
  substep: 2,
  needs: ["escrow"],
  behaviourSchema: closed(
    {
      count: { type: "integer", minimum: 0, default: 0 },
      grantees: { type: "integer", minimum: 0, default: 1, description: "tenant wallets each sponsor funds" },
      grant: { ...uintString("uakt per grant"), default: "0" },
    },
    { default: {} },
  ),
  async init(ctx) {
    const p = params(ctx);
    const of = new Map<string, string>();
    ctx.signals.set("sponsors.of", of);
    for (let s = 0; s < p.count; s++) {
      const sponsor = ctx.chain.wallet("sponsor", s);
      await ctx.chain.fund(sponsor, [{ denom: ctx.chain.backend.denom, amount: "1000000000000000" }]);
    }
  },
  async act(ctx) {
    if (ctx.step !== 0) return;
    const p = params(ctx);
    const of = ctx.signals.get("sponsors.of") as Map<string, string>;
    const wallets = (ctx.params.behaviour.tenants as { wallets: number } | undefined)?.wallets ?? 0;
    for (let s = 0; s < p.count; s++) {
      const sponsor = ctx.chain.wallet("sponsor", s);
      const client = new EscrowClient(ctx.chain.backend.client, sponsor, ctx.contracts.escrow!);
      for (let g = 0; g < p.grantees; g++) {
        const index = s * p.grantees + g;
        if (index >= wallets) break;
        const grantee = ctx.chain.wallet("tenant", index);
        const res = await ctx.tx("escrow.grant", () =>
          client.grant({ grantee }, "auto", undefined, [{ denom: ctx.chain.backend.denom, amount: p.grant }]),
        );
        if (res !== undefined) of.set(grantee, sponsor);
      }
    }
  },
};
