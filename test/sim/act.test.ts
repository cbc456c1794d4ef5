// Tenants paying in ACT, end to end through the contracts: a smoke-sized market where every lease is drawn in `uact`.
// Tenants mint ACT through bme, fund their escrow accounts with CW20 sends and lease in `cw20:<bme>`; providers
// withdraw ACT and redeem half of it through bme. Every assertion reads the contracts' own queries (the escrow's
// payments by provider, bme's ledger, balances and vault) after the run, and checks the run's KPIs against them.
import { describe, expect, it } from "vitest";
import { BmeQueryClient } from "../../clients/Bme.client.js";
import type { RecordInfo } from "../../clients/Bme.types.js";
import { EscrowQueryClient } from "../../clients/Escrow.client.js";
import type { PaymentResponse } from "../../clients/Escrow.types.js";
import type { RunResult } from "../../sim/economy/engine.js";
import { SMOKE_CHILD, runInProcess } from "./helpers.js";

const SCENARIO = `${SMOKE_CHILD}runs: 1
params:
  system:
    incentives: { enabled: false }
  behaviour:
    sponsors: { count: 0 }
    tenants: { denom_mix: { uakt: 0, uact: 1 }, leases_per_day: 96 }
    bme_users: { mint_usd_per_day: 0, redeem_share_per_step: 0 }
    providers: { act_redeem_share: 0.5 }
events: []
`;

/** The last value of a KPI in the run (0 if never recorded). */
const last = (r: RunResult, metric: string): bigint => {
  const rows = r.rows.filter((row) => row.metric === metric);
  return rows.length === 0 ? 0n : BigInt(rows[rows.length - 1]!.value);
};

describe("tenants paying in ACT", () => {
  it("leases are funded and paid in ACT; providers' redemptions reach bme", { timeout: 300_000 }, async () => {
    const { res, chain, contracts } = await runInProcess(SCENARIO, 11);

    const client = chain.backend.client;
    const bme = new BmeQueryClient(client, contracts.bme!);
    const escrow = new EscrowQueryClient(client, contracts.escrow!);
    const act = `cw20:${contracts.bme!}`;
    const providers = [0, 1].map((i) => chain.wallet("provider", i));
    const tenants = new Set([0, 1, 2, 3].map((i) => chain.wallet("tenant", i)));

    // Every lease the escrow holds is in ACT, and ACT was withdrawn from them.
    const payments: PaymentResponse[] = [];
    for (const provider of providers) {
      let startAfter: { id: string; payment_id: string } | undefined;
      for (;;) {
        const page = (await escrow.paymentsByProvider({ provider, limit: 30, startAfter })).payments;
        payments.push(...page);
        const tail = page[page.length - 1];
        if (page.length < 30 || tail === undefined) break;
        startAfter = { id: tail.id, payment_id: tail.payment_id };
      }
    }
    expect(payments.length).toBeGreaterThan(3);
    expect(payments.length).toBe(Number(last(res, "escrow.leases_created.uact")));
    expect(new Set(payments.map((p) => p.denom))).toEqual(new Set([act]));
    const withdrawn = payments.reduce((s, p) => s + BigInt(p.withdrawn), 0n);
    expect(withdrawn).toBeGreaterThan(0n);

    // bme's ledger: tenants' mints and providers' redemptions, all executed.
    const records: RecordInfo[] = [];
    let startAfter: number | undefined;
    for (;;) {
      const page = (await bme.ledger({ limit: 30, startAfter })).records;
      records.push(...page);
      const tail = page[page.length - 1];
      if (page.length < 30 || tail === undefined) break;
      startAfter = tail.id;
    }
    const mints = records.filter((r) => r.kind === "mint");
    const redeems = records.filter((r) => r.kind === "redeem");
    expect(mints.length).toBeGreaterThan(0);
    expect(mints.every((r) => tenants.has(r.owner) && r.state === "executed")).toBe(true);
    expect(mints.reduce((s, r) => s + BigInt(r.amount), 0n)).toBe(last(res, "tenants.act_mint_requests_uakt"));
    const byProviders = redeems.filter((r) => providers.includes(r.owner));
    expect(byProviders.length).toBeGreaterThan(0);
    expect(byProviders.length).toBe(redeems.length);
    expect(byProviders.every((r) => r.state === "executed" && BigInt(r.paid) > 0n)).toBe(true);
    const redeemed = byProviders.reduce((s, r) => s + BigInt(r.amount), 0n);
    expect(redeemed).toBe(last(res, "providers.act_redeem_requests_uact"));
    // Providers redeemed half of what they held each round, so they still hold ACT.
    const kept = (await Promise.all(providers.map((p) => bme.balance({ address: p })))).reduce(
      (s, b) => s + BigInt(b.balance),
      0n,
    );
    expect(kept).toBeGreaterThan(0n);
    // Everything they hold or redeemed came out of the escrow by withdrawals (CW20 transfers), to the uact.
    expect(redeemed + kept).toBe(withdrawn);

    // The vault's books agree: the ACT burned is the providers' redemptions, the AKT locked the tenants' mints.
    const v = await bme.vault();
    expect(BigInt(v.total_burned_uact)).toBe(redeemed);
    expect(BigInt(v.total_burned_uakt)).toBe(last(res, "tenants.act_mint_requests_uakt"));
    expect(BigInt(v.total_minted_uact)).toBe(mints.reduce((s, r) => s + BigInt(r.minted), 0n));
    expect(last(res, "bme.net_akt_supply_change")).toBe(BigInt(v.total_minted_uakt) - BigInt(v.remint_credits));
  });
});
