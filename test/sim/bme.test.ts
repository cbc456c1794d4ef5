// BME in the loop: in the bme-stress scenario the collateral ratio falls under the halt threshold after the price
// shock, the contract's status goes to halt_cr, mints are refused (counted as failed transactions with the contract's
// error), and redemptions go on. Every figure is read from the contract's own queries.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/economy/run.js";
import { scenarioPath, tempDir } from "./helpers.js";

describe("bme in the simulation", () => {
  it("bme-stress: the breaker trips after the shock, mints halt, redemptions continue", async () => {
    const out = join(tempDir("bme"), "out");
    const res = await runScenario(scenarioPath("bme-stress"), {
      out,
      workers: 1,
      report: false,
      set: ["runs=1", "steps=40", "events=[{at: 10, kind: price_shock, factor: 0.3, over: 30}]"],
    });
    expect(res.failedRuns).toBe(0);
    const rows = readFileSync(join(out, "kpis.csv"), "utf8")
      .split("\n")
      .slice(1, -1)
      .map((l) => l.split(","));
    const series = (m: string): Map<number, number> =>
      new Map(rows.filter((c) => c[6] === m).map((c) => [Number(c[4]), Number(c[7])]));
    const status = series("bme.status_code");
    const minted = series("bme.minted_uact");
    const burned = series("bme.burned_uact");
    expect(status.get(5)).toBe(0); // healthy before the shock
    expect(minted.get(9)).toBeGreaterThan(0);
    expect([...status].some(([step, s]) => step > 10 && s === 2)).toBe(true); // halt_cr
    const side = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as {
      runs: { failures: Record<string, number> }[];
    };
    expect(
      Object.keys(side.runs[0]!.failures).some((k) => k.startsWith("bme.mint_act: ") && /circuit breaker/.test(k)),
    ).toBe(true);
    expect(burned.get(39)!).toBeGreaterThan(burned.get(20) ?? 0); // redemptions executed during the halt
  });
});
