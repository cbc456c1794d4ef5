// Burn-mint equilibrium in the loop (docs/bme.md): deployed through governance after the oracle and the escrow, linked
// to the oracle, with the escrow on its ACT allow-list and ACT (`cw20:<bme>`) listed in the escrow by a governance
// parameter change. KPIs are the contract's own books (`vault`, `status`, `token_info`), read every step.
import { BmeQueryClient } from "../../../clients/Bme.client.js";
import { closed, nonNegative } from "../schema.js";
import type { Mechanism, Params, StepContext } from "../types.js";
import type { EscrowSystem } from "./escrow.js";

export interface BmeSystem {
  enabled: boolean;
  /** x/bme parameters given whole (absent: the contract's defaults). */
  params?: Record<string, unknown>;
}

/** Status as a number for charts: healthy 0, warning 1, halt_cr 2, halt_oracle 3. */
export const STATUS_CODE: Record<string, number> = { healthy: 0, warning: 1, halt_cr: 2, halt_oracle: 3 };

export const bmeEnabled = (p: Params): boolean => (p.system.bme as BmeSystem | undefined)?.enabled === true;

export const bmeMechanism: Mechanism = {
  name: "bme",
  after: ["oracle", "escrow"],
  systemSchema: closed(
    {
      enabled: { type: "boolean", default: false, description: "deploy bme (BME live)" },
      params: {
        type: "object",
        description: "x/bme parameters, given whole (docs/bme.md); absent: defaults",
        properties: {
          circuit_breaker_warn_threshold: nonNegative("bps"),
          circuit_breaker_halt_threshold: nonNegative("bps"),
        },
      },
    },
    { default: {} },
  ),
  enabled: bmeEnabled,
  async deploy(ctx) {
    const sys = ctx.params.system.bme as BmeSystem;
    const gov = ctx.chain.backend.governance;
    const { codeId } = await gov.storeCode(ctx.wasm("bme"), { title: "Store akash-econ bme" });
    const escrow = ctx.contracts.escrow;
    const msg = {
      admin: gov.govAddress,
      oracle: ctx.contracts.oracle!,
      ...(escrow === undefined ? {} : { allowed: [escrow] }),
      ...(sys.params === undefined ? {} : { params: sys.params }),
    };
    const { address } = await gov.instantiate(codeId, msg, "akash-econ-bme");
    if (escrow !== undefined) {
      const denoms = (ctx.params.system.escrow as EscrowSystem).denoms;
      await gov.execute(escrow, {
        update_config: { denoms: [...denoms, { denom: `cw20:${address}`, min_deposit: "500000" }] },
      });
    }
    return address;
  },
  async measure(ctx: StepContext) {
    const q = new BmeQueryClient(ctx.chain.backend.client, ctx.contracts.bme!);
    const v = await q.vault();
    ctx.kpi.set("bme.vault_uakt", BigInt(v.vault_uakt), true);
    ctx.kpi.set("bme.act_supply", BigInt(v.act_supply), true);
    ctx.kpi.set("bme.remint_credits", BigInt(v.remint_credits), true);
    ctx.kpi.set("bme.minted_uact", BigInt(v.total_minted_uact), true);
    ctx.kpi.set("bme.burned_uakt", BigInt(v.total_burned_uakt), true);
    ctx.kpi.set("bme.minted_uakt", BigInt(v.total_minted_uakt), true);
    ctx.kpi.set("bme.burned_uact", BigInt(v.total_burned_uact), true);
    // Net AKT supply change from BME: AKT minted for redemptions − AKT burned (locked) for mints.
    ctx.kpi.set("bme.net_akt_supply_change", BigInt(v.total_minted_uakt) - BigInt(v.total_burned_uakt), true);
    ctx.kpi.set("bme.requests_executed", v.executed, true);
    ctx.kpi.set("bme.requests_cancelled", v.cancelled, true);
    const s = await q.status();
    ctx.kpi.set("bme.status_code", STATUS_CODE[s.status] ?? -1);
    if (s.collateral_ratio_bps !== undefined && s.collateral_ratio_bps !== null)
      ctx.kpi.set("bme.collateral_ratio_bps", s.collateral_ratio_bps);
  },
};
