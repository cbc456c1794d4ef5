/**
 * The arbitrageur on a real wasmd localnet (`chain: local`): a flat price, a −20 % shock, then +25 %. It mints after
 * the fall and redeems after the rise through the generated clients only, with its own key; its ACT balance is what
 * bme's events paid it less what it redeemed, and its P&L is its balances at the market price against holding.
 * (On a node each transaction is its own block, so the executed price may differ from the simulated one: the test
 * does not ask for a profit.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/economy/run.js";
import { realChainAvailable, realChainTitle } from "../helpers/backends.js";
import { tempDir, writeScenarios } from "../sim/helpers.js";

const SCENARIO = `name: arb-local
seed: 5
runs: 1
steps: 9
step: 1h
start: "2026-01-01T00:00:00Z"
chain: local
params:
  system:
    oracle: { max_price_staleness: 7200 }
    bme:
      enabled: true
      vault_seed_uakt: "1000000000"
      # Epochs due every block: a node's blocks do not follow the steps, and the arbitrageur trades only when due.
      params:
        circuit_breaker_warn_threshold: 9500
        circuit_breaker_halt_threshold: 9000
        min_epoch_blocks: 1
        epoch_blocks_backoff_percent: 10
        mint_spread_bps: 25
        settle_spread_bps: 0
        max_endblocker_records: 50
        min_mint: "10000000"
        max_pending_attempts: 3
  behaviour:
    relayer: { every_steps: 1, price: { model: gbm, initial: 1.2, drift: 0, volatility: 0 } }
    tenants: { leases_per_day: 0, deployments_per_day: 0 }
    arbitrageur: { akt_inventory: "3000000000", max_trade_uakt: "200000000" }
events: [{ at: 3, kind: price_shock, factor: 0.8 }, { at: 6, kind: price_shock, factor: 1.25 }]
`;

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("arbitrageur on wasmd"), () => {
  it("mints after the fall, redeems after the rise; KPIs agree with its balances", { timeout: 600_000 }, async () => {
    const dir = writeScenarios({ "arb.yaml": SCENARIO });
    const res = await runScenario(join(dir, "arb.yaml"), {
      out: join(tempDir("arb-local"), "out"),
      report: false,
    });
    expect(res.failedRuns).toBe(0);
    const side = JSON.parse(readFileSync(join(res.dir, "run.json"), "utf8")) as {
      runs: { failures: Record<string, number> }[];
    };
    expect(side.runs[0]!.failures).toEqual({});
    const rows = readFileSync(join(res.dir, "kpis.csv"), "utf8")
      .split("\n")
      .slice(1, -1)
      .map((l) => l.split(","));
    const at = (m: string, step: number): string | undefined =>
      rows.find((c) => c[6] === m && Number(c[4]) === step)?.[7];
    const last = (m: string): number => Number(at(m, 8) ?? "0");
    expect(last("arbitrageur.mints")).toBeGreaterThanOrEqual(1);
    expect(last("arbitrageur.redeems")).toBeGreaterThanOrEqual(1);
    expect(last("arbitrageur.act_uact")).toBe(last("arbitrageur.mint_paid_uact") - last("arbitrageur.redeem_uact"));
    const inventory = Number(at("arbitrageur.akt_uakt", 0));
    expect(last("arbitrageur.pnl_usd")).toBeCloseTo(
      ((last("arbitrageur.akt_uakt") - inventory) * 1.2 + last("arbitrageur.act_uact")) / 1e6,
      6,
    );
  });
});
