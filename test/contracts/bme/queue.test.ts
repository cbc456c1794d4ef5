/**
 * The queue on the embedded chain: fatal and retriable failures at execution, burn mode's custody, the crank's budget
 * and cursor, and FIFO order across owners. Expected amounts follow docs/bme.md's formulas, computed here.
 */
import { describe, expect, it } from "vitest";
import { deployBme, embeddedBme, uakt } from "../../helpers/bme.js";
import { eventsOf } from "../../helpers/oracle.js";

describe("bme queue", () => {
  it("cancels a mint that falls below min_mint by execution time (fatal: refunded at once)", async () => {
    const { backend } = embeddedBme();
    const s = await deployBme(backend, 0, { params: { min_epoch_blocks: 1 } });
    const [user] = s.users as [string];
    await s.setPrice(100_000_000n);
    await s.exec(user, { mint_act: {} }, uakt(12_000_000n)); // 12 ACT at $1
    await s.setPrice(50_000_000n); // 6 ACT at $0.50: below the 10 ACT minimum
    const before = await s.akt(user);
    const res = await s.crank();
    expect(eventsOf(res, "wasm-bme_cancelled")[0]).toMatchObject({ reason: "minimum_mint", refund: "12000000uakt" });
    expect(await s.akt(user)).toBe(before + 12_000_000n);
    expect(await s.vault()).toMatchObject({ pending_uakt: "0", act_supply: "0", cancelled: 1 });
  });

  it("burn mode burns minted-against AKT; redemptions wait for the vault, then are refunded", async () => {
    const { backend } = embeddedBme();
    const s = await deployBme(backend, 0, {
      params: { min_epoch_blocks: 1, mint_spread_bps: 0, max_pending_attempts: 2 },
      burnMode: "burn",
    });
    const [user] = s.users as [string];
    await s.setPrice(100_000_000n);
    await s.exec(user, { mint_act: {} }, uakt(100_000_000n));
    await s.crank();
    expect(await s.akt(s.bme)).toBe(0n); // burned, not held
    expect(await s.vault()).toMatchObject({ vault_uakt: "0", remint_credits: "100000000", act_supply: "100000000" });
    expect((await s.status()).status).toBe("halt_cr"); // nothing backs the ACT
    await s.exec(user, { redeem_act: { amount: "40000000" } });
    const first = await s.crank();
    expect(eventsOf(first, "wasm-bme_retry")[0]).toMatchObject({
      attempts: "1",
      error: "insufficient_funds: vault holds 0uakt",
    });
    const second = await s.crank();
    expect(eventsOf(second, "wasm-bme_cancelled")[0]).toMatchObject({ reason: "max_attempts", refund: "40000000uact" });
    expect(await s.act(user)).toBe(100_000_000n);
    // With a funded vault the same redemption goes through, counted against the remint credits.
    await s.exec(s.admin, { fund_vault: {} }, uakt(50_000_000n));
    await s.exec(user, { redeem_act: { amount: "40000000" } });
    const akt0 = await s.akt(user);
    await s.crank();
    expect(await s.akt(user)).toBe(akt0 + 40_000_000n);
    expect(await s.vault()).toMatchObject({ vault_uakt: "10000000", remint_credits: "60000000" });
  });

  it("runs records oldest first across owners; a crank out of budget continues where it stopped", async () => {
    const { backend } = embeddedBme();
    const s = await deployBme(backend, 0, { params: { min_epoch_blocks: 5 } });
    const [a, b, c] = s.users as [string, string, string];
    await s.setPrice(100_000_000n);
    // Owners in an order that differs from address order: x/bme would run them by address.
    for (const who of [c, a, b, c, a]) await s.exec(who, { mint_act: {} }, uakt(20_000_000n));
    const ids = (r: Awaited<ReturnType<typeof s.process>>): string[] =>
      eventsOf(r, "wasm-bme_executed").map((e) => e.id!);
    const owners = (r: Awaited<ReturnType<typeof s.process>>): string[] =>
      eventsOf(r, "wasm-bme_executed").map((e) => e.owner!);
    const r1 = await s.crank(2);
    expect([ids(r1), owners(r1)]).toEqual([
      ["1", "2"],
      [c, a],
    ]);
    const h = (await s.status()).next_mint_epoch;
    // The pass is in progress: the next call continues at once, without waiting for the next epoch.
    const r2 = await s.process(2);
    expect(ids(r2)).toEqual(["3", "4"]);
    const r3 = await s.process();
    expect(ids(r3)).toEqual(["5"]);
    expect((await s.status()).next_mint_epoch).toBe(h);
    // Finished: nothing runs until the epoch comes round.
    await s.exec(a, { mint_act: {} }, uakt(20_000_000n));
    expect(ids(await s.process())).toEqual([]);
    expect(ids(await s.crank())).toEqual(["6"]);
  });
});
