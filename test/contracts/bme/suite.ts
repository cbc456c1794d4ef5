/**
 * The bme contract's core behaviour through the chain interface only, so it runs on the embedded chain (bme.test.ts)
 * and on wasmd (test/localnode/contracts.test.ts): AEP-76's worked numbers and the circuit-breaker table, with prices
 * from the real oracle contract fed signed Pyth updates. Each test deploys its own oracle and bme through governance.
 * Expected amounts are computed here with bigint from the formulas in docs/bme.md, never copied from a run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ChainBackend } from "../../../sim/interface/index.js";
import { deployBme, uakt, type BmeOn, type BmeOptions } from "../../helpers/bme.js";
import { eventsOf } from "../../helpers/oracle.js";

const TEST_TIMEOUT = 300_000;
const E18 = 10n ** 18n;

/** floor(amount × price) for a price given as atomics / 10^18. */
const mulFloor = (amount: bigint, atomics: bigint): bigint => (amount * atomics) / E18;
const divFloor = (amount: bigint, atomics: bigint): bigint => (amount * E18) / atomics;
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** Retries until the oracle reports the price stale (wasmd's block times vary). */
async function waitUntilStale(s: BmeOn): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if ((await s.status()).status === "halt_oracle") return;
    await s.backend.advance(1);
  }
  throw new Error("price never went stale");
}

export function bmeSuite(backend: () => ChainBackend | Promise<ChainBackend>, firstAccount = 11): void {
  let chain: ChainBackend;
  beforeAll(async () => {
    chain = await backend();
  }, 600_000);
  const deploy = (o: BmeOptions = {}): Promise<BmeOn> => deployBme(chain, firstAccount, o);

  describe("bme: AEP-76 worked numbers", { timeout: TEST_TIMEOUT }, () => {
    it("877.192982 AKT at $1.14 mints 999.999999 ACT, 997.500000 to the user after 25 bps", async () => {
      const s = await deploy({ params: { min_epoch_blocks: 1 } });
      const [user] = s.users as [string];
      await s.setPrice(114_000_000n);
      const burn = 877_192_982n;
      const akt0 = await s.akt(s.bme);
      await s.exec(user, { mint_act: {} }, uakt(burn));
      expect(await s.akt(s.bme)).toBe(akt0 + burn); // locked at once
      expect((await s.pending("mint")).map((r) => [r.owner, r.amount, r.state])).toEqual([
        [user, burn.toString(), "pending"],
      ]);
      const res = await s.crank();
      const minted = mulFloor(burn, 114n * 10n ** 16n);
      const spread = (minted * 25n) / 10_000n;
      expect([minted, spread, minted - spread]).toEqual([999_999_999n, 2_499_999n, 997_500_000n]);
      expect(eventsOf(res, "wasm-bme_executed")[0]).toMatchObject({
        kind: "mint",
        owner: user,
        price: "1.14",
        burned: `${burn}uakt`,
        minted: `${minted}uact`,
        spread: `${spread}uact`,
        paid: `${minted - spread}uact`,
      });
      expect(await s.act(user)).toBe(minted - spread);
      expect(await s.act(s.bme)).toBe(spread); // the spread stays with the vault, as ACT
      const v = await s.vault();
      expect(v).toMatchObject({
        vault_uakt: burn.toString(),
        remint_credits: burn.toString(),
        pending_uakt: "0",
        act_supply: minted.toString(),
        total_burned_uakt: burn.toString(),
        total_minted_uact: minted.toString(),
        requested: 1,
        executed: 1,
        cancelled: 0,
      });
      const [rec] = await s.ledger();
      expect(rec).toMatchObject({ state: "executed", minted: minted.toString(), paid: (minted - spread).toString() });
      const cr = (burn * 114n * 10_000n) / (100n * minted);
      expect((await s.status()).collateral_ratio_bps).toBe(Number(cr));
    });

    /** Remint credits of exactly 877,192,982 uakt against 1000 ACT (the AEP's redemption cases assume that state). */
    async function thousandAct(): Promise<BmeOn> {
      const s = await deploy({ params: { min_epoch_blocks: 1, mint_spread_bps: 0 }, vault: 300_000_000n });
      // The smallest 18-decimal price that turns 877,192,982 uakt into exactly 1,000,000,000 uact.
      const p = ceilDiv(10n ** 27n, 877_192_982n);
      await s.setPrice(p, -18);
      await s.exec(s.users[0]!, { mint_act: {} }, uakt(877_192_982n));
      await s.crank();
      expect(await s.act(s.users[0]!)).toBe(1_000_000_000n);
      expect((await s.vault()).remint_credits).toBe("877192982");
      return s;
    }

    it("1000 ACT at $1.50 redeems 666.666666 AKT, all from remint credits", async () => {
      const s = await thousandAct();
      const [user] = s.users as [string];
      await s.setPrice(150_000_000n);
      await s.exec(user, { redeem_act: { amount: "1000000000" } });
      expect(await s.act(user)).toBe(0n);
      expect((await s.vault()).pending_uact).toBe("1000000000");
      const before = await s.akt(user);
      const res = await s.crank();
      const paid = divFloor(1_000_000_000n, 15n * 10n ** 17n);
      expect(paid).toBe(666_666_666n);
      expect(await s.akt(user)).toBe(before + paid); // the crank was sent by someone else
      expect(eventsOf(res, "wasm-bme_executed")[0]).toMatchObject({
        kind: "redeem",
        remint_credit: `${paid}uakt`,
        newly_minted: "0uakt",
      });
      expect(await s.vault()).toMatchObject({
        remint_credits: (877_192_982n - paid).toString(), // 210.526316 AKT of credits stay: net deflation
        vault_uakt: (877_192_982n + 300_000_000n - paid).toString(),
        act_supply: "0",
        total_burned_uact: "1000000000",
        total_minted_uakt: "0",
      });
    });

    it("1000 ACT at $0.90 redeems 1111.111111 AKT: 877.192982 from credits, 233.918129 newly minted", async () => {
      const s = await thousandAct();
      const [user] = s.users as [string];
      await s.setPrice(90_000_000n);
      await s.exec(user, { redeem_act: { amount: "1000000000" } });
      const before = await s.akt(user);
      await s.crank();
      const paid = divFloor(1_000_000_000n, 9n * 10n ** 17n);
      expect(paid).toBe(1_111_111_111n);
      expect(await s.akt(user)).toBe(before + paid);
      const [, rec] = await s.ledger();
      expect(rec).toMatchObject({
        kind: "redeem",
        paid: paid.toString(),
        remint_credit: "877192982",
        newly_minted: (paid - 877_192_982n).toString(),
      });
      expect(paid - 877_192_982n).toBe(233_918_129n);
      expect(await s.vault()).toMatchObject({
        remint_credits: "0",
        total_minted_uakt: "233918129",
        vault_uakt: (877_192_982n + 300_000_000n - paid).toString(),
      });
    });
  });

  describe("bme: collateral ratio and circuit breaker", { timeout: TEST_TIMEOUT }, () => {
    /** 1000 ACT against 1000 AKT of vault: CR = P_AKT exactly. */
    async function oneToOne(minEpoch = 10): Promise<BmeOn> {
      const s = await deploy({ params: { min_epoch_blocks: minEpoch, mint_spread_bps: 0 } });
      await s.setPrice(100_000_000n);
      await s.exec(s.users[0]!, { mint_act: {} }, uakt(1_000_000_000n));
      await s.crank();
      expect((await s.vault()).act_supply).toBe("1000000000");
      return s;
    }

    it("statuses at and around the thresholds; CR 0.94 backs the mint epoch off to 25 blocks", async () => {
      const s = await oneToOne();
      const table: [bigint, string, number][] = [
        [95_010_000n, "healthy", 9501],
        [95_000_000n, "warning", 9500],
        [94_000_000n, "warning", 9400],
        [90_010_000n, "warning", 9001],
        [90_000_000n, "halt_cr", 9000],
        [89_000_000n, "halt_cr", 8900],
      ];
      for (const [p, status, cr] of table) {
        await s.setPrice(p);
        expect(await s.status(), `price ${p}`).toMatchObject({ status, collateral_ratio_bps: cr });
      }
      await s.setPrice(94_000_000n);
      const res = await s.process();
      expect(eventsOf(res, "wasm-bme_status_change")).toEqual([
        expect.objectContaining({ previous_status: "healthy", new_status: "warning", collateral_ratio: "0.94" }),
      ]);
      // steps = (9500 − 9400) / 10 = 10; floor(10 × 1.1^10) = floor(25.937…) = 25
      expect((await s.status()).epoch_height_diff).toBe(25);
    });

    it("halt_cr rejects mints but lets redemptions through; the breaker resumes by itself", async () => {
      const s = await oneToOne(1);
      const [user] = s.users as [string];
      await s.setPrice(90_000_000n);
      const halted = await s.process();
      expect(eventsOf(halted, "wasm-bme_status_change")[0]).toMatchObject({
        new_status: "halt_cr",
        collateral_ratio: "0.9",
      });
      const before = await s.snapshot();
      expect(await s.fails(user, { mint_act: {} }, uakt(100_000_000n))).toContain("circuit breaker active: halt_cr");
      expect(await s.snapshot()).toEqual(before);
      await s.exec(user, { redeem_act: { amount: "100000000" } });
      const akt0 = await s.akt(user);
      await s.crank();
      const paid = divFloor(100_000_000n, 9n * 10n ** 17n);
      expect(await s.akt(user)).toBe(akt0 + paid);
      // back above warn: healthy again, and the mint epoch restarts one epoch later
      await s.setPrice(100_000_000n);
      const resumed = await s.process();
      expect(eventsOf(resumed, "wasm-bme_status_change")[0]).toMatchObject({
        previous_status: "halt_cr",
        new_status: "healthy",
      });
      const st = await s.status();
      expect(st.next_mint_epoch).toBe(resumed.height + 1);
      await s.exec(user, { mint_act: {} }, uakt(100_000_000n));
    });

    it("a stale price is halt_oracle: requests are refused, queued redemptions retry and are refunded", async () => {
      const s = await deploy({ params: { min_epoch_blocks: 1, mint_spread_bps: 0 }, staleness: 20 });
      const [user] = s.users as [string];
      await s.setPrice(100_000_000n);
      await s.exec(user, { mint_act: {} }, uakt(50_000_000n));
      await s.crank();
      await s.exec(user, { redeem_act: { amount: "20000000" } });
      await waitUntilStale(s);
      const st = await s.status();
      expect(st.price).toBeNull();
      expect(st.price_error).toBeTruthy();
      const before = await s.snapshot();
      expect(await s.fails(user, { mint_act: {} }, uakt(50_000_000n))).toContain("price unavailable: ");
      expect(await s.fails(user, { redeem_act: { amount: "1000000" } })).toContain("price unavailable: ");
      expect(await s.snapshot()).toEqual(before);
      const r1 = await s.crank();
      expect(eventsOf(r1, "wasm-bme_retry")[0]).toMatchObject({ attempts: "1" });
      expect(eventsOf(r1, "wasm-bme_status_change")[0]).toMatchObject({ new_status: "halt_oracle" });
      await s.crank();
      const r3 = await s.crank();
      expect(eventsOf(r3, "wasm-bme_cancelled")[0]).toMatchObject({ reason: "max_attempts", refund: "20000000uact" });
      expect(await s.act(user)).toBe(50_000_000n);
      expect(await s.vault()).toMatchObject({ pending_uact: "0", requested: 2, executed: 1, cancelled: 1 });
    });
  });
}
