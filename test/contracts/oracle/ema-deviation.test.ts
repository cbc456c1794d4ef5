// The EMA-deviation write rule (docs/oracle.md#ema-deviation): a newer Pyth price is rejected when
// |price − ema_price| × 10000 > max_ema_deviation_bps × ema_price; 0 turns the rule off.
import { describe, expect, it } from "vitest";
import { AKT_ID, USDC_ID, price, setupOracle, update, type OracleSuite } from "../../helpers/oracle.js";

const EMA = 100_000_000n;

/** A price for AKT `bps` basis points away from EMA (negative = below), published now. */
function awayFromEma(s: OracleSuite, bps: bigint) {
  const p = EMA + (EMA * bps) / 10_000n;
  return price(s, AKT_ID, p, 0, { conf: 0n, emaPrice: EMA });
}

function deviationError(p: bigint, ema: bigint, bps: number): string {
  return `price too far from its EMA: feed ${AKT_ID} price ${p} deviates more than ${bps} bps from ema_price ${ema}`;
}

async function storedPrice(s: OracleSuite): Promise<string> {
  const r = await s.query<{ price_feed: { price: { price: string } } }>({ price_feed: { id: AKT_ID } });
  return r.price_feed.price.price;
}

describe("oracle: EMA-deviation rule", () => {
  it("defaults to 1000 bps and accepts prices within the bound on either side", async () => {
    const s = await setupOracle();
    const config = await s.query<{ max_ema_deviation_bps: number }>({ config: {} });
    expect(config.max_ema_deviation_bps).toBe(1000);
    for (const bps of [0n, 999n, -999n, 1000n, -1000n]) {
      s.advance(1);
      const input = awayFromEma(s, bps);
      await s.update([update([input])]);
      expect(await storedPrice(s)).toBe(input.price.toString());
    }
  });

  it("rejects one unit beyond the bound on either side and changes nothing", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, EMA, 1), price(s, USDC_ID, EMA, 1)])]);
    for (const p of [EMA + EMA / 10n + 1n, EMA - EMA / 10n - 1n]) {
      const input = price(s, AKT_ID, p, 0, { conf: 0n, emaPrice: EMA });
      await s.expectRejected(() => s.updateError([update([input])]), deviationError(p, EMA, 1000));
    }
  });

  it("fails the whole message when one feed of a multi-feed update deviates", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, EMA, 1), price(s, USDC_ID, EMA, 1)])]);
    const good = price(s, USDC_ID, EMA + 1n, 0, { conf: 0n });
    const bad = price(s, AKT_ID, 2n * EMA, 0, { conf: 0n, emaPrice: EMA });
    await s.expectRejected(() => s.updateError([update([good, bad])]), deviationError(2n * EMA, EMA, 1000));
  });

  it("rejects an EMA that is zero or negative", async () => {
    const s = await setupOracle();
    for (const ema of [0n, -EMA]) {
      const input = price(s, AKT_ID, EMA, 0, { conf: 0n, emaPrice: ema });
      await s.expectRejected(() => s.updateError([update([input])]), deviationError(EMA, ema, 1000));
    }
  });

  it("checks only newer prices: an older or equal publish time with any EMA is skipped, not an error", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, EMA, 0)])]);
    const stale = price(s, AKT_ID, 5n * EMA, 1, { conf: 0n, emaPrice: EMA });
    const res = await s.update([update([stale])]);
    expect(res.events.find((e) => e.type === "wasm")?.attributes).toContainEqual({ key: "num_updated", value: "0" });
    expect(await storedPrice(s)).toBe(EMA.toString());
  });

  it("follows a configured bound, at its boundary too", async () => {
    const s = await setupOracle({ instantiate: { max_ema_deviation_bps: 50 } });
    await s.update([update([awayFromEma(s, 50n)])]);
    s.advance(1);
    const p = EMA + (EMA * 50n) / 10_000n + 1n;
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, p, 0, { conf: 0n, emaPrice: EMA })])]),
      deviationError(p, EMA, 50),
    );
    await s.execute(s.admin, { update_config: { max_ema_deviation_bps: 51 } });
    await s.update([update([price(s, AKT_ID, p, 0, { conf: 0n, emaPrice: EMA })])]);
    expect(await storedPrice(s)).toBe(p.toString());
  });

  it("is off at 0: any positive price is accepted whatever its EMA", async () => {
    const s = await setupOracle({ instantiate: { max_ema_deviation_bps: 0 } });
    for (const ema of [1n, -EMA, 0n, 1n << 62n]) {
      s.advance(1);
      await s.update([update([price(s, AKT_ID, EMA, 0, { conf: 0n, emaPrice: ema })])]);
      expect(await storedPrice(s)).toBe(EMA.toString());
    }
  });

  it("uses exact integer math at the extremes of i64", async () => {
    const s = await setupOracle({ instantiate: { max_ema_deviation_bps: 1_000_000 } });
    const max = (1n << 63n) - 1n;
    // 100× apart is exactly the largest bound: |max − max/101| × 10000 vs 1,000,000 × max/101.
    const ema = max / 101n;
    const within = ema * 101n;
    await s.update([update([price(s, AKT_ID, within, 0, { conf: 0n, emaPrice: ema })])]);
    s.advance(1);
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, within + 1n, 0, { conf: 0n, emaPrice: ema })])]),
      deviationError(within + 1n, ema, 1_000_000),
    );
  });

  it("validates the setting and rejects it without changing the config", async () => {
    const s = await setupOracle();
    const error = "invalid max_ema_deviation_bps: must be at most 1000000 (0 turns the check off)";
    await s.expectRejected(
      () => s.executeError(s.admin, { update_config: { max_ema_deviation_bps: 1_000_001 } }),
      error,
    );
    await s.expectRejected(() => s.executeError(s.admin, { update_config: { max_ema_deviation_bps: -1 } }), /u64/);
    await s.execute(s.admin, { update_config: { max_ema_deviation_bps: 1_000_000 } });
    expect((await s.query<{ max_ema_deviation_bps: number }>({ config: {} })).max_ema_deviation_bps).toBe(1_000_000);
  });

  it("reads a config stored before the rule existed with the default bound", async () => {
    const s = await setupOracle();
    const key = Buffer.from("config");
    const stored = JSON.parse(Buffer.from(s.chain.state.read(s.contract, key)!).toString()) as Record<string, unknown>;
    delete stored.max_ema_deviation_bps;
    s.chain.state.write(s.contract, key, Buffer.from(JSON.stringify(stored)));
    expect((await s.query<{ max_ema_deviation_bps: number }>({ config: {} })).max_ema_deviation_bps).toBe(1000);
    const p = 2n * EMA;
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, p, 0, { conf: 0n, emaPrice: EMA })])]),
      deviationError(p, EMA, 1000),
    );
  });

  it("does not apply to feeder prices (they carry no EMA)", async () => {
    const s = await setupOracle();
    const feeder = s.chain.addressFor("feeder");
    await s.execute(s.admin, { update_config: { feeders: [feeder] } });
    await s.update([update([price(s, AKT_ID, EMA, 0)])]);
    const res = await s.execute(feeder, {
      feed_price: { id: AKT_ID, price: (5n * EMA).toString(), expo: -8, publish_time: s.now },
    });
    expect(res.events.find((e) => e.type === "wasm")?.attributes).toContainEqual({ key: "num_updated", value: "1" });
  });
});
