/**
 * The three-sponsor example of docs/escrow.md ("Worked example"), step by step with the same numbers: two direct
 * deposits and one grant, a lease at 1000.25 uakt per block, an overdraft, and the deposit that pays the debt and
 * closes the account.
 */
import { describe, expect, it } from "vitest";
import { eventsOf, itemsOf, setupEscrow, uakt } from "../../helpers/escrow-fixture.js";

const START = 1_000_000_000_000n;

describe("docs/escrow.md worked example", () => {
  it("gives every sponsor the documented outcome", async () => {
    const e = await setupEscrow();
    const name = ["tenant", "sponsor1", "sponsor2", "sponsor3", "provider", "keeper"] as const;
    const a = Object.fromEntries(name.map((n) => [n, e.chain.addressFor(n)])) as Record<(typeof name)[number], string>;
    // The fixture already funds "provider"; everyone starts with START.
    for (const n of name) if (n !== "provider") e.chain.fund(a[n], uakt(START));
    const bal = (n: (typeof name)[number]): bigint => e.chain.balance(a[n], "uakt");
    const delta = (n: (typeof name)[number]): bigint => bal(n) - START;
    const deltas = (): Record<string, bigint> => Object.fromEntries(name.map((n) => [n, delta(n)]));
    const id = "tenant/1";

    // 1. sponsor3 funds a 2,000,000 grant for the tenant.
    await e.as(a.sponsor3).grant({ grantee: a.tenant }, "auto", "", uakt(2_000_000));
    // 2. The tenant opens the account with 1,000,000 drawn from that grant (entry #1, depositor sponsor3).
    await e.as(a.tenant).createAccount({ id, amount: { denom: "uakt", amount: "1000000" }, sources: ["grant"] });
    // 3. sponsor1 and sponsor2 top up directly (entries #2 and #3).
    await e.as(a.sponsor1).deposit({ id }, "auto", "", uakt(600_000));
    await e.as(a.sponsor2).deposit({ id }, "auto", "", uakt(900_000));
    // 4. A lease at 1000.25 uakt per block.
    await e
      .as(a.tenant)
      .createPayment({ id, paymentId: "lease-1", provider: a.provider, denom: "uakt", rate: "1000.25" });
    // 5. 2,000 blocks later the provider withdraws ⌊1000.25 × 2000⌋ = 2,000,500.
    e.chain.advanceBlocks(2_000);
    await e.as(a.provider).withdraw({ id, paymentId: "lease-1" });
    expect(delta("provider")).toBe(2_000_500n);
    const d5 = (await e.queries.deposits({ id })).deposits;
    expect(d5.map((d) => [d.seq, d.amount])).toEqual([[3, "499500"]]); // #1 and #2 spent first (FIFO)

    // 6. 1,000 blocks later a keeper settles: owed 1,000,250, only 499,500 left → overdrawn, debt 500,750.
    e.chain.advanceBlocks(1_000);
    const s = await e.as(a.keeper).settle({ id });
    expect(itemsOf(s, "wasm-escrow_overdrawn", "debts")).toEqual([["lease-1", "500750uakt"]]);
    expect(delta("provider")).toBe(2_500_000n);
    const acc = await e.queries.account({ id });
    expect([acc.state, acc.funds[0]!.debt]).toEqual(["overdrawn", "500750"]);

    // 7. The tenant deposits 800,000 from the grant: it pays the debt, the account closes, and the 299,250 left of
    //    that deposit goes back into sponsor3's grant.
    const c = await e.as(a.tenant).deposit({ id, amount: { denom: "uakt", amount: "800000" }, sources: ["grant"] });
    expect(eventsOf(c, "wasm-escrow_debt_paid")[0]).toMatchObject({ amount: "500750" });
    expect(itemsOf(c, "wasm-escrow_refund", "refunds")).toEqual([["4", a.sponsor3, "grant", "299250uakt", "grant"]]);
    expect(eventsOf(c, "wasm-escrow_account_closed")).toHaveLength(1);
    const g = await e.queries.grant({ sponsor: a.sponsor3, grantee: a.tenant });
    expect(g.balances[0]!.amount).toBe("499250");

    // 8. sponsor3 revokes what is left of its grant.
    await e.as(a.sponsor3).revokeGrant({ grantee: a.tenant });

    expect(deltas()).toEqual({
      tenant: 0n,
      sponsor1: -600_000n,
      sponsor2: -900_000n,
      sponsor3: -1_500_750n,
      provider: 3_000_750n,
      keeper: 0n,
    });
    expect(delta("provider")).toBe(3_000_750n); // ⌊1000.25 × 3000⌋: every block was paid in the end
    expect(e.chain.balance(e.contract, "uakt")).toBe(0n);
  });
});
