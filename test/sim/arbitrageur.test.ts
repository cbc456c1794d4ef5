// The arbitrageur (docs/simulation.md "Arbitrageur"): a small bme market with a flat price and no other users. Without
// a price move bme's TWAP equals the market price and the agent never trades; a −20% shock leaves the TWAP above the
// market for a step (it mints ACT with AKT), the recovery leaves it below (it redeems its ACT). Its KPIs are checked
// against the chain after the run: the event volumes against its balances, the P&L against the balances at the
// market price. Same seed, same bytes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BmeQueryClient } from "../../clients/Bme.client.js";
import type { EmbeddedSimChain } from "../../sim/economy/chains.js";
import type { RunResult } from "../../sim/economy/engine.js";
import { defaultRegistry } from "../../sim/economy/registry.js";
import { runScenario } from "../../sim/economy/run.js";
import { loadScenario, ScenarioError } from "../../sim/economy/scenario.js";
import { runInProcess, tempDir, writeScenarios } from "./helpers.js";

const INVENTORY = 50_000_000_000n; // 50,000 AKT
const MAX_TRADE = 2_000_000_000n; // 2,000 AKT

const scenario = (events: string, arb = ""): string => `name: arb-test
seed: 5
runs: 1
steps: 9
step: 1h
start: "2026-01-01T00:00:00Z"
scale: 1
params:
  system:
    oracle: { max_price_staleness: 7200 }
    bme: { enabled: true, vault_seed_uakt: "100000000000" }
  behaviour:
    relayer: { every_steps: 1, price: { model: gbm, initial: 1.2, drift: 0, volatility: 0 } }
    tenants: { leases_per_day: 0, deployments_per_day: 0 }
    arbitrageur: { akt_inventory: "${INVENTORY}", max_trade_uakt: "${MAX_TRADE}"${arb} }
events: ${events}
`;

const SHOCKS = "[{ at: 3, kind: price_shock, factor: 0.8 }, { at: 6, kind: price_shock, factor: 1.25 }]";

interface Outcome {
  res: RunResult;
  chain: EmbeddedSimChain;
  contracts: Record<string, string>;
  /** Last value of a KPI (undefined if never recorded). */
  last(metric: string): string | undefined;
  /** Value of a KPI at a step. */
  at(metric: string, step: number): string | undefined;
}

async function run(text: string): Promise<Outcome> {
  const { res, chain, contracts } = await runInProcess(text, 9);
  const rows = (m: string) => res.rows.filter((r) => r.metric === m);
  return {
    res,
    chain,
    contracts,
    last: (m) => {
      const r = rows(m);
      return r.length === 0 ? undefined : r[r.length - 1]!.value;
    },
    at: (m, step) => rows(m).find((r) => r.step === step)?.value,
  };
}

describe("arbitrageur", () => {
  it("no price move: bme's price is the market price, no trade, P&L 0", { timeout: 120_000 }, async () => {
    const o = await run(scenario("[]"));
    expect(o.last("arbitrageur.price_gap_bps")).toBe("0");
    expect(o.last("arbitrageur.mint_requests")).toBeUndefined();
    expect(o.last("arbitrageur.redeem_requests")).toBeUndefined();
    expect(o.last("arbitrageur.akt_uakt")).toBe(INVENTORY.toString());
    expect(o.last("arbitrageur.act_uact")).toBe("0");
    expect(o.last("arbitrageur.pnl_usd")).toBe("0");
  });

  it(
    "a fall: mints while bme's TWAP is above the market; a rise: redeems; P&L = change of its balances",
    {
      timeout: 120_000,
    },
    async () => {
      const o = await run(scenario(SHOCKS));
      // Step 3: the relayer posted 0.96, but the 5-s TWAP at the crank still weighs the previous 1.2 by 4/5.
      expect(Number(o.at("arbitrageur.bme_price_usd", 3))).toBeCloseTo(0.2 * 0.96 + 0.8 * 1.2, 9);
      expect(Number(o.at("arbitrageur.price_gap_bps", 3))).toBeGreaterThan(1000);
      expect(o.at("arbitrageur.mints", 3)).toBe("1");
      expect(o.at("arbitrageur.mint_uakt", 3)).toBe(MAX_TRADE.toString());
      expect(o.at("arbitrageur.redeems", 5)).toBeUndefined();
      // Steps 4–5: the TWAP has caught up with the flat 0.96: no edge, no trade.
      expect(o.at("arbitrageur.price_gap_bps", 5)).toBe("0");
      expect(o.at("arbitrageur.mints", 5)).toBe("1");
      // Step 6: back to 1.2, the TWAP (≈1.008) lags below: the ACT is redeemed for more AKT than a dollar buys.
      expect(Number(o.at("arbitrageur.price_gap_bps", 6))).toBeLessThan(-1000);
      expect(o.at("arbitrageur.redeems", 6)).toBe("1");
      expect(o.last("arbitrageur.mints")).toBe("1");
      expect(o.last("arbitrageur.redeems")).toBe("1");

      // Against the chain: the wallet's balances now are the inventory moved by exactly the executed volumes.
      const w = o.chain.wallet("arbitrageur", 0);
      const akt = BigInt((await o.chain.backend.client.getBalance(w, o.chain.backend.denom)).amount);
      const act = BigInt(
        (await new BmeQueryClient(o.chain.backend.client, o.contracts.bme!).balance({ address: w })).balance,
      );
      const kpi = (m: string) => BigInt(o.last(m)!);
      expect(akt).toBe(INVENTORY - kpi("arbitrageur.mint_uakt") + kpi("arbitrageur.redeem_paid_uakt"));
      expect(act).toBe(kpi("arbitrageur.mint_paid_uact") - kpi("arbitrageur.redeem_uact"));
      expect(kpi("arbitrageur.akt_uakt")).toBe(akt);
      expect(kpi("arbitrageur.act_uact")).toBe(act);
      // P&L at the market price (1.2 at the end) against holding the inventory: the AKT gained.
      const pnl = Number(o.last("arbitrageur.pnl_usd"));
      expect(pnl).toBeCloseTo((Number(akt - INVENTORY) * 1.2 + Number(act)) / 1e6, 6);
      expect(pnl).toBeGreaterThan(0);
      expect(akt).toBeGreaterThan(INVENTORY);
    },
  );

  it("an edge below min_edge_bps is left alone", { timeout: 120_000 }, async () => {
    const o = await run(scenario(SHOCKS, ", min_edge_bps: 5000"));
    expect(Number(o.at("arbitrageur.price_gap_bps", 3))).toBeGreaterThan(1000);
    expect(o.last("arbitrageur.mint_requests")).toBeUndefined();
    expect(o.last("arbitrageur.redeem_requests")).toBeUndefined();
    expect(o.last("arbitrageur.pnl_usd")).toBe("0");
  });

  it("same seed → the same bytes", { timeout: 120_000 }, async () => {
    const dir = writeScenarios({ "arb.yaml": scenario(SHOCKS) });
    const outs: Buffer[] = [];
    for (const label of ["a", "b"]) {
      const out = join(tempDir(`arb-${label}`), "out");
      await runScenario(join(dir, "arb.yaml"), { out, workers: 1, report: false });
      outs.push(readFileSync(join(out, "kpis.csv")));
    }
    expect(outs[0]!.toString()).toContain(",arbitrageur.mints,");
    expect(outs[0]!.equals(outs[1]!)).toBe(true);
  });

  it("a bad field is refused naming it", () => {
    const dir = writeScenarios({ "arb.yaml": scenario("[]", ", min_edge_bps: -1") });
    expect(() => loadScenario(join(dir, "arb.yaml"), defaultRegistry())).toThrow(ScenarioError);
    expect(() => loadScenario(join(dir, "arb.yaml"), defaultRegistry())).toThrow(
      /params\.behaviour\.arbitrageur\.min_edge_bps: must be >= 0/,
    );
    const typo = writeScenarios({ "arb.yaml": scenario("[]", ", max_trade: 5") });
    expect(() => loadScenario(join(typo, "arb.yaml"), defaultRegistry())).toThrow(
      /params\.behaviour\.arbitrageur\.max_trade: unknown field/,
    );
  });
});
