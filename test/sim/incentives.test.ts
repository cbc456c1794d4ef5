// Incentives in the simulation: governance launches a program in the smoke scenario, the attestor reports, the
// keeper closes every epoch and sweeps after end + grace, providers claim. The KPIs read from the contract's `budget`
// query must agree with the sums of its own events (payouts, returns by reason, claims) and with its conservation
// identity — two independent paths through the contract, nothing recomputed by the harness.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SMOKE_CHILD, finalKpis, scenarioPath, writeScenarios } from "./helpers.js";

// The smoke program with a PIP 3.5 revenue share (10 % spot fee) and the revenue agent remitting all its GPU income.
const withRevenue = (online: string): string => `${SMOKE_CHILD}runs: 1
params:
  behaviour:
    incentives_attestor:
      online: ${online}
    incentives_revenue: { every_steps: 3, pip_share: 1, kind: spot }
events:
  - at: 0
    kind: program_launch
    program:
      name: smoke PIP
      budget: "700000000"
      epoch_hours: 2
      epochs: 4
      grace_hours: 2
      volatility_buffer_bps: 2500
      revenue: { spot_fee_bps: 1000, reservation_fee_bps: 3000 }
      pools:
        - name: committed
          committed:
            usd_budget: "400"
            sla_uptime_bps: 9900
            prices: [{ model: h100, usd_per_hour: "2" }, { model: a100, usd_per_hour: "1.5" }]
`;

describe("incentives in the simulation", () => {
  it("smoke: a program is funded, paid, returned and swept; query KPIs equal the event sums", async () => {
    const at = await finalKpis(scenarioPath("smoke"), "incentives");
    const funded = at("incentives.funded_uakt");
    expect(funded).toBe(700_000_000n);
    expect(at("incentives.paid_uakt")).toBeGreaterThan(0n);
    // Governance's grant (a proposal: its events are the block's, not a tx's) is read from the pools query.
    expect(at("incentives.granted_uakt")).toBe(5_000_000n);
    expect(at("incentives.paid_uakt")).toBe(at("incentives.payout_events_uakt") + at("incentives.granted_uakt"));
    expect(at("incentives.claimed_uakt")).toBe(at("incentives.claim_events_uakt"));
    for (const reason of ["unallocated", "excess_buffer", "program_end"])
      expect(at(`incentives.returned_${reason}_uakt`), reason).toBe(at(`incentives.return_events_${reason}_uakt`));
    expect(at("incentives.returned_unallocated_uakt")).toBeGreaterThan(0n);
    // Swept after end + grace: nothing left, every uakt either claimed or returned.
    expect(at("incentives.balance_uakt")).toBe(0n);
    expect(at("incentives.claimed_uakt") + at("incentives.returned_uakt")).toBe(funded);
    const side = JSON.parse(readFileSync(join(at.out, "run.json"), "utf8")) as {
      runs: { failures: Record<string, number> }[];
    };
    // The only refusals allowed: close_epoch waiting out the scenario's oracle outage (retried the next step).
    const refused = Object.keys(side.runs[0]!.failures).filter((k) => k.startsWith("incentives."));
    for (const k of refused) expect(k).toMatch(/^incentives\.close_epoch: price unavailable/);
  });

  it("PIP revenue: the agent's deposits are remitted less the fee; a fleet half offline returns more", async () => {
    const dir = writeScenarios({
      "all.yaml": withRevenue("1"),
      "half.yaml": withRevenue("[{ from: 0, value: 1 }, { from: 4, value: 0.5 }]"),
    });
    const all = await finalKpis(join(dir, "all.yaml"), "revenue-all");
    const half = await finalKpis(join(dir, "half.yaml"), "revenue-half");
    for (const at of [all, half]) {
      // Events (remitted + fee) and the contract's `budget.revenue` query are two paths to the same deposits.
      expect(at("incentives.revenue_remitted_uakt")).toBeGreaterThan(0n);
      expect(at("incentives.revenue_remitted_uakt") + at("incentives.revenue_fee_uakt")).toBe(
        at("incentives.revenue_uakt"),
      );
      // The spot fee is 10 %, rounded down per deposit.
      expect(at("incentives.revenue_fee_uakt") * 10n).toBeLessThanOrEqual(at("incentives.revenue_uakt"));
      expect(at("incentives.revenue_fee_uakt") * 9n).toBeGreaterThan((at("incentives.revenue_uakt") * 8n) / 10n);
      // Scale 1: what reached the treasury is the programs' returns plus the remitted revenue.
      expect(at("incentives.to_treasury_uakt")).toBe(
        at("incentives.returned_uakt") + at("incentives.revenue_remitted_uakt"),
      );
      // Revenue never enters the budget: still claimed + returned = funded after the sweep.
      expect(at("incentives.claimed_uakt") + at("incentives.returned_uakt")).toBe(at("incentives.funded_uakt"));
    }
    // Half the fleet offline from step 4 earns less of the committed pool: more of it returns, less is paid.
    expect(half("incentives.returned_unallocated_uakt")).toBeGreaterThan(all("incentives.returned_unallocated_uakt"));
    expect(half("incentives.paid_uakt")).toBeLessThan(all("incentives.paid_uakt"));
  });
});
