// Incentives in the simulation: governance launches a program in the smoke scenario, the attestor reports, the
// keeper closes every epoch and sweeps after end + grace, providers claim. The KPIs read from the contract's `budget`
// query must agree with the sums of its own events (payouts, returns by reason, claims) and with its conservation
// identity — two independent paths through the contract, nothing recomputed by the harness.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/economy/run.js";
import { scenarioPath, tempDir } from "./helpers.js";

describe("incentives in the simulation", () => {
  it("smoke: a program is funded, paid, returned and swept; query KPIs equal the event sums", async () => {
    const out = join(tempDir("incentives"), "out");
    const res = await runScenario(scenarioPath("smoke"), { out, workers: 1, report: false, set: ["runs=1"] });
    expect(res.failedRuns).toBe(0);
    const rows = readFileSync(join(out, "kpis.csv"), "utf8")
      .split("\n")
      .slice(1, -1)
      .map((l) => l.split(","));
    const last = Math.max(...rows.map((c) => Number(c[4])));
    const at = (m: string): bigint => {
      const r = rows.find((c) => c[6] === m && Number(c[4]) === last);
      return r === undefined ? 0n : BigInt(r[7]!);
    };
    const funded = at("incentives.funded_uakt");
    expect(funded).toBe(700_000_000n);
    expect(at("incentives.paid_uakt")).toBeGreaterThan(0n);
    expect(at("incentives.paid_uakt")).toBe(at("incentives.payout_events_uakt"));
    expect(at("incentives.claimed_uakt")).toBe(at("incentives.claim_events_uakt"));
    for (const reason of ["unallocated", "excess_buffer", "program_end"])
      expect(at(`incentives.returned_${reason}_uakt`), reason).toBe(at(`incentives.return_events_${reason}_uakt`));
    expect(at("incentives.returned_unallocated_uakt")).toBeGreaterThan(0n);
    // Swept after end + grace: nothing left, every uakt either claimed or returned.
    expect(at("incentives.balance_uakt")).toBe(0n);
    expect(at("incentives.claimed_uakt") + at("incentives.returned_uakt")).toBe(funded);
    const side = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as {
      runs: { failures: Record<string, number> }[];
    };
    // The only refusals allowed: close_epoch waiting out the scenario's oracle outage (retried the next step).
    const refused = Object.keys(side.runs[0]!.failures).filter((k) => k.startsWith("incentives."));
    for (const k of refused) expect(k).toMatch(/^incentives\.close_epoch: price unavailable/);
  });
});
