// Burn-mint equilibrium in the loop (docs/bme.md): deployed through governance after the oracle and the escrow, linked
// to the oracle, with the escrow on its ACT allow-list and ACT (`cw20:<bme>`) listed in the escrow by a governance
// parameter change. KPIs are the contract's own books (`vault`, `status`, `token_info`), read every step.
import { BmeClient, BmeQueryClient } from "../../../clients/Bme.client.js";
import { observeArbitrage } from "../agents/arbitrageur.js";
import { closed, nonNegative, uintString } from "../schema.js";
import type { Mechanism, Params, StepContext } from "../types.js";
import type { EscrowSystem } from "./escrow.js";

export interface BmeSystem {
  enabled: boolean;
  /** x/bme parameters given whole (absent: the contract's defaults). */
  params?: Record<string, unknown>;
  /** uakt put into the vault at deployment (sample units: the simulated network's own vault). */
  vault_seed_uakt?: string;
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
      vault_seed_uakt: {
        ...uintString("uakt seeding the vault at deployment, in the simulated sample's units (the sample is 1/scale)"),
        default: "0",
      },
    },
    { default: {} },
  ),
  enabled: bmeEnabled,
  // The arbitrageur's executed requests, from bme's events (whoever cranked them).
  observe: observeArbitrage,
  async deploy(ctx) {
    const sys = ctx.params.system.bme as BmeSystem;
    const gov = ctx.chain.backend.governance;
    const { codeId } = await gov.storeCode(ctx.wasm("bme"), { title: "Store akash-econ bme" });
    const escrow = ctx.contracts.escrow;
    // The vault seed (Akash's v2.0.0 upgrade put 300,000 AKT into x/bme's vault). A proposal cannot attach coins
    // through the Governance interface, and `fund_vault` is admin-only with the coins attached: so a seeded bme is
    // instantiated with the treasury wallet as its admin, which funds the vault and hands the admin to x/gov at once.
    const seed = BigInt(sys.vault_seed_uakt ?? "0");
    const treasury = ctx.chain.wallet("treasury", 1);
    const msg = {
      admin: seed > 0n ? treasury : gov.govAddress,
      oracle: ctx.contracts.oracle!,
      ...(escrow === undefined ? {} : { allowed: [escrow] }),
      ...(sys.params === undefined ? {} : { params: sys.params }),
    };
    const { address } = await gov.instantiate(codeId, msg, "akash-econ-bme");
    if (seed > 0n) {
      const denom = ctx.chain.backend.denom;
      await ctx.chain.fund(treasury, [{ denom, amount: (seed + 100_000_000n).toString() }]);
      const bme = new BmeClient(ctx.chain.backend.client, treasury, address);
      await bme.fundVault("auto", undefined, [{ denom, amount: seed.toString() }]);
      await bme.updateConfig({ admin: gov.govAddress });
    }
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
    // Net AKT supply change from BME, in x/bme's terms: every mint burns its AKT (`total_burned_uakt`, which adds as
    // much to the remint credits); every redemption mints the AKT it pays, first against the credits (reminted,
    // = burned − credits left), beyond them as new AKT (`total_minted_uakt`). Net = reminted + new − burned
    // = total_minted_uakt − remint_credits.
    const reminted = BigInt(v.total_burned_uakt) - BigInt(v.remint_credits);
    ctx.kpi.set("bme.reminted_uakt", reminted, true);
    ctx.kpi.set("bme.net_akt_supply_change", BigInt(v.total_minted_uakt) - BigInt(v.remint_credits), true);
    const escrow = ctx.contracts.escrow;
    if (escrow !== undefined)
      ctx.kpi.set("bme.act_in_escrow", BigInt((await q.balance({ address: escrow })).balance), true);
    ctx.kpi.set("bme.act_held_by_bme", BigInt((await q.balance({ address: ctx.contracts.bme! })).balance), true);
    ctx.kpi.set("bme.requests_executed", v.executed, true);
    ctx.kpi.set("bme.requests_cancelled", v.cancelled, true);
    const s = await q.status();
    ctx.kpi.set("bme.status_code", STATUS_CODE[s.status] ?? -1);
    if (s.collateral_ratio_bps !== undefined && s.collateral_ratio_bps !== null)
      ctx.kpi.set("bme.collateral_ratio_bps", s.collateral_ratio_bps);
  },
};
