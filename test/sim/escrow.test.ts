// Escrow KPIs in the simulation: what leases consumed (`escrow.spend.<denom>`, from the escrow's settle and
// debt-paid events) must cover everything providers withdrew (`provider.income.<gpu>.<denom>`, from its withdraw
// events). Overdrawn accounts whose debts a later deposit pays are the case a settle-only count misses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/economy/run.js";
import { scenarioPath, tempDir } from "./helpers.js";

describe("escrow KPIs in the simulation", () => {
  it("smoke: spend per denom covers the providers' withdrawn income", async () => {
    const out = join(tempDir("escrow-kpi"), "out");
    const res = await runScenario(scenarioPath("smoke"), { out, workers: 1, report: false, set: ["runs=1"] });
    expect(res.failedRuns).toBe(0);
    const rows = readFileSync(join(out, "kpis.csv"), "utf8")
      .split("\n")
      .slice(1, -1)
      .map((l) => l.split(","));
    const last = Math.max(...rows.map((c) => Number(c[4])));
    const final = rows.filter((c) => Number(c[4]) === last);
    const value = (m: string): bigint => BigInt(final.find((c) => c[6] === m)?.[7] ?? "0");
    expect(value("escrow.overdrafts")).toBeGreaterThan(0n);
    const denoms = new Set(final.filter((c) => c[6]!.startsWith("escrow.spend.")).map((c) => c[6]!.split(".")[2]!));
    expect([...denoms].sort()).toEqual(["uact", "uakt"]);
    for (const denom of denoms) {
      const income = final
        .filter((c) => c[6]!.startsWith("provider.income.") && c[6]!.endsWith(`.${denom}`))
        .reduce((s, c) => s + BigInt(c[7]!), 0n);
      expect(income, denom).toBeGreaterThan(0n);
      expect(income <= value(`escrow.spend.${denom}`), `${denom}: income ${income} > spend`).toBe(true);
    }
  }, 120_000);
});
