// Price relayer: pushes signed Pyth updates (the project's generator, router signer set the oracle trusts) following
// the scenario's AKT/USD path, every `every_steps` steps; silent during an oracle outage. Scheduled price shocks
// multiply the rest of the path.
import { OracleClient } from "../../../clients/Oracle.client.js";
import { buildPriceUpdate } from "../../../scripts/pyth/generator.js";
import { AKT_USD_FEED } from "../mechanisms/oracle.js";
import { pricePath, PRICE_SCHEMA, type PriceModel } from "../price.js";
import { closed, positiveInt } from "../schema.js";
import type { Agent, RunContext, StepContext } from "../types.js";

interface RelayerParams {
  every_steps: number;
  conf_bps: number;
}

/** The exogenous price at this step (after shocks). */
export const exogenousPrice = (ctx: StepContext): number => (ctx.signals.get("price.path") as number[])[ctx.step]!;

export const relayerAgent: Agent = {
  name: "relayer",
  substep: 0,
  needs: ["oracle"],
  behaviourSchema: closed(
    {
      every_steps: positiveInt("push an update every n steps", { default: 1 }),
      conf_bps: { type: "integer", minimum: 0, maximum: 10000, default: 30, description: "confidence interval" },
      price: PRICE_SCHEMA,
    },
    { default: {} },
  ),
  eventKinds: [
    {
      kind: "price_shock",
      properties: {
        factor: { type: "number", exclusiveMinimum: 0, description: "multiplies the path from `at` on" },
        over: { type: "integer", minimum: 1, default: 1, description: "steps over which the shock phases in" },
      },
      required: ["factor"],
    },
    { kind: "oracle_outage", properties: { steps: { type: "integer", minimum: 1 } }, required: ["steps"] },
  ],
  init(ctx: RunContext) {
    const price = (ctx.params.behaviour.relayer as { price?: PriceModel } | undefined)?.price;
    if (price === undefined) throw new Error("params.behaviour.relayer.price is required when the oracle is deployed");
    const base = ctx.signals.get("scenario.dir") as string | undefined;
    const model = price.model === "csv" ? { ...price, ...(base === undefined ? {} : { base }) } : price;
    ctx.signals.set("price.path", pricePath(model, ctx.rng("price"), ctx.start, ctx.steps, ctx.stepSeconds));
    ctx.signals.set("relayer.silent_until", -1);
    return Promise.resolve();
  },
  async act(ctx) {
    const path = ctx.signals.get("price.path") as number[];
    for (const e of ctx.events) {
      if (e.kind === "price_shock") {
        const factor = e.factor as number;
        const over = (e.over as number | undefined) ?? 1;
        for (let s = ctx.step; s < path.length; s++) {
          const phase = Math.min(1, (s - ctx.step + 1) / over);
          path[s] = path[s]! * Math.pow(factor, phase);
        }
      } else if (e.kind === "oracle_outage") {
        ctx.signals.set("relayer.silent_until", ctx.step + (e.steps as number));
      }
    }
    ctx.kpi.set("price.akt_usd_path", path[ctx.step]!.toFixed(6));
    const p = ctx.params.behaviour.relayer as RelayerParams;
    if (ctx.step < (ctx.signals.get("relayer.silent_until") as number)) return;
    if (ctx.step % p.every_steps !== 0) return;
    const now = await ctx.chain.backend.now();
    const price = BigInt(Math.round(path[ctx.step]! * 1e8));
    const update = buildPriceUpdate(
      [{ feedId: AKT_USD_FEED, price, conf: (price * BigInt(p.conf_bps)) / 10_000n, expo: -8, publishTime: now - 1 }],
      { mode: "router", slot: 1_000_000 + ctx.step },
    );
    const sender = ctx.chain.wallet("relayer", 0);
    const oracle = new OracleClient(ctx.chain.backend.client, sender, ctx.contracts.oracle!);
    await ctx.tx("oracle.update_price_feeds", () => oracle.updatePriceFeeds({ data: [update.base64] }, "auto"), false);
  },
};
