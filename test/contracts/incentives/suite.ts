/**
 * The incentives contract's worked examples through the chain interface only, so they run on the embedded chain
 * (incentives.test.ts) and on wasmd (test/localnode/contracts.test.ts). The oracle and the incentives contract are
 * deployed through governance; programs are created by governance (an x/gov proposal on wasmd) from coins sent to
 * the contract first, the Akash funding path; prices are signed Pyth updates verified by the real oracle.
 *
 * Programs start in the past (a program may cover a period already served), so a 7-day epoch has ended by the time
 * the attestor reports and nobody waits a week. Every figure is also checked against the reference model.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ChainBackend } from "../../../sim/interface/index.js";
import { moduleAddress } from "../../../sim/interface/addresses.js";
import { feePerTx } from "../../helpers/suite.js";
import {
  H100_POOL,
  LM_POOL,
  WEEK,
  createProgram,
  deployIncentives,
  eventsOf,
  govExecute,
  program,
  setPrice,
  uakt,
  waitUntil,
  type Budget,
  type IncentivesOn,
} from "../../helpers/incentives.js";
import { ProgramModel, atomics, type Row } from "../../helpers/incentives-model.js";

/** On wasmd a test waits for blocks and governance proposals. */
const TEST_TIMEOUT = 240_000;

const row = (provider: string, gpu_model: string, gpu_count: number, uptime_bps: number): Row => ({
  provider,
  gpu_model,
  gpu_count,
  uptime_bps,
  utilization_bps: 5000,
});

function expectBudget(b: Budget, m: ProgramModel): void {
  expect({
    funded: b.funded,
    paid: b.paid,
    claimed: b.claimed,
    returned_unallocated: b.returned_unallocated,
    returned_program_end: b.returned_program_end,
    returned_excess_buffer: b.returned_excess_buffer,
    balance: b.balance,
  }).toEqual({
    funded: m.funded.toString(),
    paid: m.paid.toString(),
    claimed: m.claimed.toString(),
    returned_unallocated: m.unallocated.toString(),
    returned_program_end: m.programEnd.toString(),
    returned_excess_buffer: m.excessBuffer.toString(),
    balance: m.balance.toString(),
  });
  // Conservation: Σ claimed + Σ returned + balance = Σ funded.
  expect(
    BigInt(b.claimed) +
      BigInt(b.returned_unallocated) +
      BigInt(b.returned_program_end) +
      BigInt(b.returned_excess_buffer) +
      BigInt(b.balance),
  ).toBe(BigInt(b.funded));
}

/**
 * Registers the incentives suite. `backend` is read in beforeAll (the caller starts and closes it); `firstAccount`
 * picks which of its funded accounts sign, so suites sharing a chain do not share signers.
 */
export function incentivesSuite(backend: () => ChainBackend | Promise<ChainBackend>, firstAccount = 11): void {
  let s: IncentivesOn;
  beforeAll(async () => {
    s = await deployIncentives(await backend(), firstAccount);
  }, 600_000);

  const report = (id: number, pool: string, epoch: number, rows: Row[]) =>
    s.exec(s.attestor, { report: { program_id: id, pool, epoch, rows } });
  const budget = (id: number) => s.query<Budget>({ budget: { program_id: id } });

  describe("incentives: worked examples", { timeout: TEST_TIMEOUT }, () => {
    it("committed pool: H100s at $2.49/GPU-hour for a 7-day epoch at 99.5 % and 90 % uptime (SLA 99 %), AKT at $0.50", async () => {
      const [p1, p2] = s.providers as [string, string];
      const now = await s.backend.now();
      const start = now - WEEK - 60;
      const def = program(s, {
        start,
        end: start + WEEK,
        volatility_buffer_bps: 2500,
        pools: [H100_POOL([p1, p2], "2000")],
      });
      // $2,000 at $0.50 with a 25 % buffer: 5,000 AKT.
      const funded = 5_000_000_000n;
      const id = await createProgram(s, def, funded);
      const model = new ProgramModel(def);
      model.fund(funded);
      const rows = [row(p1, "h100", 2, 9950), row(p2, "h100", 2, 9000)];
      await report(id, "committed", 0, rows);
      await setPrice(s, 50_000_000n);
      const treasury0 = await s.balance(s.treasury);
      const res = await s.exec(s.stranger, { close_epoch: { program_id: id } });
      const want = model.close(new Map([[0, rows]]), atomics("0.5"));

      // 2 × 168 h × $2.49 = $836.64 (above the SLA: full price) → 1,673.28 AKT;
      // 2 × 168 h × $2.49 × 0.90 = $752.976 (below: pro rata) → 1,505.952 AKT.
      expect(eventsOf(res, "wasm-incentives_payout").map((e) => [e.provider, e.amount])).toEqual(
        [
          [p1, "1673280000"],
          [p2, "1505952000"],
        ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );
      expect(want.payouts[0]).toEqual(
        new Map([
          [p1, 1_673_280_000n],
          [p2, 1_505_952_000n],
        ]),
      );
      // Unpaid $410.384 of the epoch's $2,000 → 820.768 AKT; the 1,000 AKT buffer is no longer needed.
      expect(eventsOf(res, "wasm-incentives_return").map((e) => [e.reason, e.amount])).toEqual([
        ["unallocated", "820768000"],
        ["excess_buffer", "1000000000"],
      ]);
      expect([want.unallocated, want.excess]).toEqual([820_768_000n, 1_000_000_000n]);
      expect(await s.balance(s.treasury)).toBe(treasury0 + 1_820_768_000n);
      const epoch = await s.query<{ rows: { provider: string; usd: string; payout: string }[]; closed: boolean }>({
        epoch: { program_id: id, epoch: 0, pool: "committed" },
      });
      expect(epoch.closed).toBe(true);
      expect(Object.fromEntries(epoch.rows.map((r) => [r.provider, r.usd]))).toEqual({
        [p1]: "836.64",
        [p2]: "752.976",
      });

      const before = await s.balance(p1);
      await s.exec(p1, { claim: { program_id: id } });
      model.claim(p1);
      expect(await s.balance(p1)).toBe(before + 1_673_280_000n - feePerTx(s.backend));
      expect(await s.query({ provider: { program_id: id, provider: p2 } })).toEqual({
        provider: p2,
        earned: "1505952000",
        claimed: "0",
        claimable: "1505952000",
      });
      expectBudget(await budget(id), model);
    });

    it("liquidity mining: three providers share the epoch budget pro rata, rounding dust stays in the pool; an epoch nobody earns in returns its whole budget", async () => {
      const [p1, p2, p3] = s.providers as [string, string, string];
      const now = await s.backend.now();
      const start = now - 2 * WEEK - 60;
      const def = program(s, {
        start,
        end: start + 2 * WEEK,
        pools: [LM_POOL(1_000_000n)],
        revenue: { operator: s.operator, spot_fee_bps: 1000, reservation_fee_bps: 500 },
      });
      const id = await createProgram(s, def, 2_000_000n);
      const model = new ProgramModel(def);
      model.fund(2_000_000n);
      // weights: 8 × 2 × 10000 = 160000; 4 × 1.5 × 9000 = 54000; 2 × 1 × 5000 = 10000 (Σ 224000)
      const rows = [row(p1, "h100", 8, 10_000), row(p2, "a100", 4, 9000), row(p3, "rtx4090", 2, 5000)];
      await report(id, "mining", 0, rows);
      const res = await s.exec(s.stranger, { close_epoch: { program_id: id } });
      const want = model.close(new Map([[0, rows]]), 0n);
      const paid = Object.fromEntries(
        eventsOf(res, "wasm-incentives_payout").map((e): [string, string] => [e.provider!, e.amount!]),
      );
      // ⌊10^6 × 160000/224000⌋ = 714285, ⌊10^6 × 54000/224000⌋ = 241071, ⌊10^6 × 10000/224000⌋ = 44642
      expect(paid).toEqual({ [p1]: "714285", [p2]: "241071", [p3]: "44642" });
      expect(Object.fromEntries([...want.payouts[0]!].map(([k, v]) => [k, v.toString()]))).toEqual(paid);
      expect(eventsOf(res, "wasm-incentives_return")).toEqual([]);
      const pools = await s.query<{ pools: { carry: string; paid: string }[] }>({ pools: { program_id: id } });
      expect(pools.pools[0]).toMatchObject({ carry: "2", paid: "999998" });

      // Epoch 1: no reports. Its budget plus the carried dust goes back.
      const res1 = await s.exec(s.stranger, { close_epoch: { program_id: id } });
      const want1 = model.close(new Map(), 0n);
      expect(eventsOf(res1, "wasm-incentives_return").map((e) => [e.reason, e.amount])).toEqual([
        ["unallocated", "1000002"],
      ]);
      expect(want1.unallocated).toBe(1_000_002n);
      expectBudget(await budget(id), model);

      // PIP 3.5 revenue share: 10 % spot fee to the operator (rounded down), the rest to the treasury.
      const [op0, tr0] = [await s.balance(s.operator), await s.balance(s.treasury)];
      const rev = await s.exec(s.stranger, { deposit_revenue: { program_id: id, kind: "spot" } }, uakt(1_000_003n));
      expect(eventsOf(rev, "wasm-incentives_revenue")[0]).toMatchObject({ fee: "100000", remitted: "900003" });
      expect(await s.balance(s.operator)).toBe(op0 + 100_000n);
      expect(await s.balance(s.treasury)).toBe(tr0 + 900_003n);
    });

    it("community_pool treasury: an epoch nobody earns in goes to x/protocolpool's MsgFundCommunityPool (an Any)", async () => {
      const now = await s.backend.now();
      const start = now - WEEK - 60;
      const def = program(s, {
        start,
        end: start + WEEK,
        pools: [LM_POOL(1_000_000n)],
        treasury: { mode: "community_pool" },
      });
      const id = await createProgram(s, def, 1_000_000n);
      const held = await s.balance(s.contract);
      const res = await s.exec(s.stranger, { close_epoch: { program_id: id } });
      expect(eventsOf(res, "wasm-incentives_return").map((e) => [e.reason, e.amount])).toEqual([
        ["unallocated", "1000000"],
      ]);
      // The coins go to the protocolpool module account (the community pool on wasmd 0.61); its balance also grows
      // with the fees' community tax on wasmd, so the transfer event and the contract's balance are what is exact.
      const pool = moduleAddress(s.contract.slice(0, s.contract.lastIndexOf("1")), "protocolpool");
      const transfers = eventsOf(res, "transfer").filter((e) => e.recipient === pool);
      expect(transfers).toHaveLength(1);
      expect(transfers[0]).toMatchObject({ sender: s.contract, amount: "1000000uakt" });
      expect(await s.balance(s.contract)).toBe(held - 1_000_000n);
      const model = new ProgramModel(def);
      model.fund(1_000_000n);
      model.close(new Map(), 0n);
      expectBudget(await budget(id), model);
    });

    it("an AKT price rise leaves excess buffer, which close_epoch returns", async () => {
      const [p1] = s.providers as [string];
      const now = await s.backend.now();
      const start = now - 2 * WEEK - 60;
      const def = program(s, {
        start,
        end: start + 2 * WEEK,
        volatility_buffer_bps: 2500,
        pools: [H100_POOL([p1], "1000")],
      });
      const funded = 2_500_000_000n; // $1,000 at $0.50 + 25 %
      const id = await createProgram(s, def, funded);
      const model = new ProgramModel(def);
      model.fund(funded);
      const rows = [row(p1, "h100", 1, 10_000)];
      await report(id, "committed", 0, rows);
      await setPrice(s, 50_000_000n);
      await s.exec(s.stranger, { close_epoch: { program_id: id } });
      const w0 = model.close(new Map([[0, rows]]), atomics("0.5"));
      // $418.32 → 836.64 AKT; unused $81.68 of the $500 share → 163.36 AKT; the buffer on that share → 250 AKT.
      expect([w0.payouts[0]!.get(p1), w0.unallocated, w0.excess]).toEqual([836_640_000n, 163_360_000n, 250_000_000n]);
      expectBudget(await budget(id), model);

      await setPrice(s, 100_000_000n);
      // At $1.00 the remaining $500 needs 625 AKT with the buffer; 1,250 AKT are held.
      const b = await budget(id);
      expect([b.price, b.excess, b.usd_remaining]).toEqual(["1", "625000000", "500"]);
      expect(BigInt(b.excess!)).toBe(model.excessAt(1, atomics("1")));
      await report(id, "committed", 1, rows);
      const res = await s.exec(s.stranger, { close_epoch: { program_id: id } });
      const w1 = model.close(new Map([[0, rows]]), atomics("1"));
      expect(eventsOf(res, "wasm-incentives_return").map((e) => [e.reason, e.amount])).toEqual([
        ["unallocated", w1.unallocated.toString()],
        ["excess_buffer", w1.excess.toString()],
      ]);
      expect([w1.payouts[0]!.get(p1), w1.unallocated, w1.excess]).toEqual([418_320_000n, 81_680_000n, 750_000_000n]);
      expectBudget(await budget(id), model);
    });

    it("end + grace: sweep returns everything left, unclaimed balances included; claims stop", async () => {
      const [p1, , p3] = s.providers as [string, string, string];
      const now = await s.backend.now();
      // Ends 45 s from now: governance still makes its grant before the end.
      const start = now - WEEK + 45;
      const def = program(s, {
        start,
        end: start + WEEK,
        grace: 40,
        pools: [LM_POOL(1_000_000n), { name: "grants", discretionary: { budget: "500000" } }],
      });
      const id = (await s.query<{ next_program_id: number }>({ config: {} })).next_program_id;
      await s.backend.client.sendTokens(s.funder, s.contract, uakt(2_000_000n), "auto");
      // One proposal: create the program and make a discretionary grant.
      await govExecute(s.backend, s.contract, [
        { create_program: { program: def, from_balance: "2000000" } },
        { grant: { program_id: id, pool: "grants", provider: p3, amount: "200000" } },
      ]);
      const model = new ProgramModel(def);
      model.fund(2_000_000n);
      model.grant(1, p3, 200_000n);
      const rows = [row(p1, "h100", 1, 10_000)];
      await report(id, "mining", 0, rows);
      await waitUntil(s.backend, def.end);
      const close = await s.exec(s.stranger, { close_epoch: { program_id: id } });
      model.close(new Map([[0, rows]]), 0n);
      // 2,000,000 − 1,000,000 paid − 200,000 granted − 300,000 still grantable = 500,000 excess
      expect(eventsOf(close, "wasm-incentives_return").map((e) => [e.reason, e.amount])).toEqual([
        ["excess_buffer", "500000"],
      ]);
      await s.exec(p1, { claim: { program_id: id } });
      model.claim(p1);
      await waitUntil(s.backend, def.end + def.grace);
      const held0 = BigInt((await s.query<{ held: string }>({ config: {} })).held);
      const treasury0 = await s.balance(s.treasury);
      const res = await s.exec(s.stranger, { sweep: { program_id: id } });
      // 300,000 never granted + 200,000 granted but unclaimed
      expect(eventsOf(res, "wasm-incentives_return").map((e) => [e.reason, e.amount])).toEqual([
        ["program_end", "500000"],
      ]);
      expect(model.sweep()).toBe(500_000n);
      expect(await s.balance(s.treasury)).toBe(treasury0 + 500_000n);
      const b = await budget(id);
      expectBudget(b, model);
      expect([b.balance, b.unclaimed, b.available]).toEqual(["0", "0", "0"]);
      expect(BigInt((await s.query<{ held: string }>({ config: {} })).held)).toBe(held0 - 500_000n);
      await expect(s.exec(p3, { claim: { program_id: id } })).rejects.toThrow(
        `program ${id} was swept: its unclaimed balances went to the treasury`,
      );
    });
  });
}
