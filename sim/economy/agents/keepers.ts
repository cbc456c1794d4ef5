// Keepers: permissionless cranks. Every `settle_every_steps` steps a keeper settles every open account (in the order
// the accounts opened), which is what turns accrued lease payments into spend, fires balance alerts and detects
// overdrafts. A final settlement after the last step makes the totals read up to the end of the run.
import { EscrowClient } from "../../../clients/Escrow.client.js";
import { escrowBook } from "../mechanisms/escrow.js";
import { closed, positiveInt } from "../schema.js";
import type { Agent, StepContext } from "../types.js";

async function settleAll(ctx: StepContext): Promise<void> {
  const keeper = new EscrowClient(ctx.chain.backend.client, ctx.chain.wallet("keeper", 0), ctx.contracts.escrow!);
  for (const id of [...escrowBook(ctx).open]) await ctx.tx("escrow.settle", () => keeper.settle({ id }));
}

export const keepersAgent: Agent = {
  name: "keepers",
  substep: 5,
  needs: ["escrow"],
  behaviourSchema: closed(
    { settle_every_steps: positiveInt("steps between settlement rounds", { default: 24 }) },
    { default: {} },
  ),
  async init(ctx) {
    await ctx.chain.fund(ctx.chain.wallet("keeper", 0), [{ denom: ctx.chain.backend.denom, amount: "100000000000" }]);
  },
  async act(ctx) {
    const every = (ctx.params.behaviour.keepers as { settle_every_steps: number }).settle_every_steps;
    if ((ctx.step + 1) % every === 0) await settleAll(ctx);
  },
  finish: settleAll,
};
