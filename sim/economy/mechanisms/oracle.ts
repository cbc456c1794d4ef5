// The oracle in the loop: deployed through governance trusting the simulation's own Pyth signer set (the project's
// generator, router format), with the scenario's staleness window. KPI: the AKT/USD price the contract answers.
import { OracleQueryClient } from "../../../clients/Oracle.client.js";
import { testSignerSet } from "../../../scripts/pyth/generator.js";
import { oracleInstantiateMsg, PERMISSIVE_PARAMS } from "../../../scripts/pyth/oracle-deploy.js";
import { closed, positiveInt } from "../schema.js";
import type { Mechanism, StepContext } from "../types.js";

/** Pyth's AKT/USD feed id. */
export const AKT_USD_FEED = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";

/**
 * The AKT/USD median the oracle answers now (queried at most once per step and cached in the signals), or undefined
 * when the contract refuses to price (stale, no data).
 */
export async function oraclePrice(ctx: StepContext): Promise<number | undefined> {
  const cached = ctx.signals.get("oracle.price.step") as { step: number; price: number | undefined } | undefined;
  if (cached?.step === ctx.step) return cached.price;
  let price: number | undefined;
  try {
    const p = await new OracleQueryClient(ctx.chain.backend.client, ctx.contracts.oracle!).price({ id: AKT_USD_FEED });
    price = Number(p.median);
  } catch {
    // A stale or missing price is a state, not a failure: the contract refuses to price.
    price = undefined;
  }
  ctx.signals.set("oracle.price.step", { step: ctx.step, price });
  // "oracle.price" keeps the last price the contract answered (the escrow values spend at it).
  if (price !== undefined) ctx.signals.set("oracle.price", price);
  return price;
}

export interface OracleSystem {
  max_price_staleness: number;
}

export const oracleMechanism: Mechanism = {
  name: "oracle",
  systemSchema: closed(
    {
      max_price_staleness: positiveInt("seconds a price stays usable (an outage longer than this stops pricing)", {
        default: 172800,
      }),
    },
    { default: {} },
  ),
  async deploy(ctx) {
    const sys = ctx.params.system.oracle as OracleSystem;
    const gov = ctx.chain.backend.governance;
    const { codeId } = await gov.storeCode(ctx.wasm("oracle"), { title: "Store akash-econ oracle" });
    const msg = oracleInstantiateMsg({
      admin: gov.govAddress,
      signerSets: [testSignerSet("router")],
      feeds: [AKT_USD_FEED],
      updateFee: { denom: ctx.chain.backend.denom, amount: "0" },
      feeRecipient: ctx.chain.wallet("treasury", 0),
      params: {
        ...PERMISSIVE_PARAMS,
        max_price_staleness: sys.max_price_staleness,
        price_retention: sys.max_price_staleness * 2,
      },
    });
    const { address } = await gov.instantiate(codeId, msg, "akash-econ-oracle");
    return address;
  },
  async measure(ctx: StepContext) {
    const price = await oraclePrice(ctx);
    if (price !== undefined) ctx.kpi.set("oracle.akt_usd", price);
    ctx.kpi.set("oracle.healthy", price === undefined ? 0 : 1);
  },
};
