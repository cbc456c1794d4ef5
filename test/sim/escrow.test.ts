// Escrow KPIs in the simulation: what leases consumed (`escrow.spend.<denom>`, from the escrow's settle and
// debt-paid events) must cover everything providers withdrew (`provider.income.<gpu>.<denom>`, from its withdraw
// events). Overdrawn accounts whose debts a later deposit pays are the case a settle-only count misses.
import { describe, expect, it } from "vitest";
import { finalKpis, scenarioPath } from "./helpers.js";

describe("escrow KPIs in the simulation", () => {
  it("smoke: spend per denom covers the providers' withdrawn income", async () => {
    const value = await finalKpis(scenarioPath("smoke"), "escrow-kpi");
    expect(value("escrow.overdrafts")).toBeGreaterThan(0n);
    const denoms = new Set(value.metrics.filter((m) => m.startsWith("escrow.spend.")).map((m) => m.split(".")[2]!));
    expect([...denoms].sort()).toEqual(["uact", "uakt"]);
    for (const denom of denoms) {
      const income = value.metrics
        .filter((m) => m.startsWith("provider.income.") && m.endsWith(`.${denom}`))
        .reduce((s, m) => s + value(m), 0n);
      expect(income, denom).toBeGreaterThan(0n);
      expect(income <= value(`escrow.spend.${denom}`), `${denom}: income ${income} > spend`).toBe(true);
    }
  }, 120_000);
});
