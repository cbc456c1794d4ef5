// Property tests of the oracle contract on the embedded chain: random valid updates (both envelope modes, multi-feed
// trees with filler leaves) always verify and store exactly their configured feeds; random subsets of the real-shaped
// signer sets verify exactly when they reach quorum; the EMA-deviation rule accepts exactly what a BigInt reference
// accepts; a single corrupted byte in any signature, proof node or price message never verifies and changes nothing;
// random multi-source price histories aggregate exactly as an independent BigInt model of x/oracle says.
//
// Signature recovery dominates the cost, so the properties that are not about who signs use a 3-key set (quorum 2).
// ORACLE_PROPERTY_RUNS (default 1000) and ORACLE_PROPERTY_SEED override the run count and seed (default: fixed under
// CI, random otherwise; fast-check prints the seed of a failure).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildPriceUpdate,
  testSignerKeys,
  testSignerSet,
  type PriceInput,
  type SignerMode,
} from "../../../scripts/pyth/generator.js";
import {
  AKT_ID,
  USDC_ID,
  decimalString,
  eventsOf,
  setupOracle,
  toAtomics,
  type OracleSuite,
} from "../../helpers/oracle.js";
import { breather } from "../../helpers/breather.js";

const RUNS = Number(process.env.ORACLE_PROPERTY_RUNS ?? 1000);
const CI_SEED = 1_977_420_513;
const inCI = process.env.CI === "true" || process.env.CI === "1";
const SEED = Number(process.env.ORACLE_PROPERTY_SEED ?? (inCI ? CI_SEED : Date.now() % 2 ** 31));
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
// ~10–150 ms per signed update on the embedded chain; leave room for a loaded machine.
const TIMEOUT = 1_200_000;
const EXTRA_FEEDS = [
  "2b89b9dc8fdf9f34709a5b106b472f0f39bb6ca9ce04b0fd7f2e971688e2e53b",
  "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace",
];
const CONFIGURED = [AKT_ID, USDC_ID, ...EXTRA_FEEDS];
const I64_MAX = (1n << 63n) - 1n;

const LEGACY_SIGNERS = Array.from({ length: 19 }, (_, i) => i);
const ROUTER_SIGNERS = [0, 1, 2, 3, 4];

/** The cheap set: 3 keys, quorum 2, stored next to the real-shaped test sets under its own index. */
const CHEAP_KEYS = testSignerKeys(3, "property");
const CHEAP_SET_INDEX = 7;
const CHEAP_SET = testSignerSet("router", { keys: CHEAP_KEYS, setIndex: CHEAP_SET_INDEX });

/** Signs with the cheap set, keeping the envelope shape (emitter, consistency, ring size) of `mode`. */
const cheap = (mode: SignerMode, signers: number[] = [0, 1, 2]) => ({
  mode,
  keys: CHEAP_KEYS,
  setIndex: CHEAP_SET_INDEX,
  signers,
});

/** Long fast-check loops must let the event loop turn, or vitest reports a worker timeout. */
const breathe = breather();

const feedIdArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex"));

/**
 * A price the contract must accept: positive, expo in the default range, conf within 100 bps, and an EMA within the
 * default 1000 bps of it (measured against the EMA: −900…+1000 bps of the price always is).
 */
const priceArb = fc
  .record({
    price: fc.bigInt({ min: 1n, max: I64_MAX }),
    expo: fc.integer({ min: -18, max: 0 }),
    confPermille: fc.integer({ min: 0, max: 10 }),
    emaBps: fc.integer({ min: -900, max: 1000 }),
    emaConf: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  })
  .map((r) => {
    const ema = r.price + (r.price * BigInt(r.emaBps)) / 10_000n;
    return { ...r, conf: (r.price * BigInt(r.confPermille)) / 1000n, ema: ema > I64_MAX ? I64_MAX : ema };
  });

const updateArb = fc.record({
  mode: fc.constantFrom("legacy" as const, "router" as const),
  configured: fc.shuffledSubarray(CONFIGURED, { minLength: 1 }),
  unconfigured: fc.uniqueArray(feedIdArb, { maxLength: 2 }),
  prices: fc.array(priceArb, { minLength: 6, maxLength: 6 }),
  extraLeaves: fc.integer({ min: 0, max: 40 }),
  signers: fc.shuffledSubarray([0, 1, 2], { minLength: 2 }),
  order: fc.integer({ min: 0, max: 1000 }),
});

type UpdateCase = typeof updateArb extends fc.Arbitrary<infer T> ? T : never;

function inputsOf(c: UpdateCase, publishTime: number): PriceInput[] {
  const ids = [...c.configured, ...c.unconfigured.filter((id) => !CONFIGURED.includes(id))];
  // rotate so configured feeds are not always first (no "take updates[0]" luck)
  const rot = c.order % ids.length;
  const ordered = [...ids.slice(rot), ...ids.slice(0, rot)];
  return ordered.map((feedId, i) => {
    const p = c.prices[i]!;
    return { feedId, price: p.price, conf: p.conf, expo: p.expo, publishTime, emaPrice: p.ema, emaConf: p.emaConf };
  });
}

async function suite(instantiate: Record<string, unknown> = {}): Promise<OracleSuite> {
  return setupOracle({
    instantiate: {
      feeds: CONFIGURED.map((id) => ({ id })),
      signer_sets: [testSignerSet("router"), testSignerSet("legacy"), CHEAP_SET],
      ...instantiate,
    },
  });
}

describe(`oracle properties (${RUNS} runs each, seed ${SEED})`, () => {
  it(
    "random valid updates verify and store exactly their configured feeds",
    async () => {
      const s = await suite();
      await fc.assert(
        fc.asyncProperty(updateArb, async (c) => {
          await breathe();
          s.advance(1);
          const inputs = inputsOf(c, s.now);
          const u = buildPriceUpdate(inputs, { ...cheap(c.mode, c.signers), extraLeaves: c.extraLeaves });
          const res = await s.update([u]);
          const stored = inputs.filter((p) => CONFIGURED.includes(p.feedId));
          expect(eventsOf(res, "wasm")[0]).toMatchObject({
            num_attestations: String(inputs.length),
            num_updated: String(stored.length),
          });
          for (const p of stored) {
            const t = Number(p.publishTime);
            expect(await s.query({ price_feed: { id: p.feedId } })).toEqual({
              price_feed: {
                id: p.feedId,
                price: { price: p.price.toString(), conf: p.conf.toString(), expo: p.expo, publish_time: t },
                ema_price: {
                  price: p.emaPrice!.toString(),
                  conf: p.emaConf!.toString(),
                  expo: p.expo,
                  publish_time: t,
                },
              },
            });
          }
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    "any subset of the real-shaped signer sets verifies exactly when it reaches quorum",
    async () => {
      const s = await suite();
      const subsetArb = fc.oneof(
        fc.record({ mode: fc.constant("legacy" as const), signers: fc.subarray(LEGACY_SIGNERS, { minLength: 1 }) }),
        fc.record({ mode: fc.constant("router" as const), signers: fc.subarray(ROUTER_SIGNERS, { minLength: 1 }) }),
      );
      await fc.assert(
        fc.asyncProperty(subsetArb, fc.bigInt({ min: 1n, max: 1n << 40n }), async (c, p) => {
          await breathe();
          s.advance(1);
          const set = testSignerSet(c.mode);
          const u = buildPriceUpdate([{ feedId: AKT_ID, price: p, conf: 0n, expo: -8, publishTime: s.now }], {
            mode: c.mode,
            signers: c.signers,
          });
          if (c.signers.length >= set.quorum!) {
            await s.update([u]);
            const stored = await s.query<{ price_feed: { price: { price: string } } }>({ price_feed: { id: AKT_ID } });
            expect(stored.price_feed.price.price).toBe(p.toString());
          } else {
            expect(await s.updateError([u])).toContain(
              `no quorum: ${c.signers.length} signatures, signer set ${set.index} requires ${set.quorum}`,
            );
          }
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    "the EMA-deviation rule accepts exactly what the BigInt reference accepts",
    async () => {
      const s = await suite();
      let bound = 1000n;
      const outcomes = { accepted: 0, rejected: 0 };
      const caseArb = fc.record({
        // mostly bounds the ±3000 bps EMAs below straddle; sometimes off, sometimes anything allowed
        bound: fc.option(
          fc.oneof(
            { arbitrary: fc.integer({ min: 1, max: 5000 }), weight: 4 },
            { arbitrary: fc.constant(0), weight: 1 },
            { arbitrary: fc.integer({ min: 0, max: 1_000_000 }), weight: 1 },
          ),
          { freq: 10 },
        ),
        price: fc.oneof(fc.bigInt({ min: 1n, max: 1n << 40n }), fc.bigInt({ min: 1n, max: I64_MAX })),
        // near the price most of the time, so both sides of the bound are hit
        emaBps: fc.integer({ min: -3000, max: 3000 }),
        emaJitter: fc.bigInt({ min: -3n, max: 3n }),
        emaFar: fc.option(fc.bigInt({ min: -I64_MAX, max: I64_MAX }), { freq: 5 }),
      });
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          await breathe();
          if (c.bound !== null && BigInt(c.bound) !== bound) {
            await s.execute(s.admin, { update_config: { max_ema_deviation_bps: c.bound } });
            bound = BigInt(c.bound);
          }
          s.advance(1);
          let ema = c.emaFar ?? c.price + (c.price * BigInt(c.emaBps)) / 10_000n + c.emaJitter;
          if (ema > I64_MAX) ema = I64_MAX;
          const diff = c.price > ema ? c.price - ema : ema - c.price;
          const accepted = bound === 0n || (ema > 0n && diff * 10_000n <= bound * ema);
          outcomes[accepted ? "accepted" : "rejected"]++;
          const input = { feedId: AKT_ID, price: c.price, conf: 0n, expo: -8, publishTime: s.now, emaPrice: ema };
          const u = buildPriceUpdate([input], cheap("router", [0, 2]));
          if (accepted) {
            await s.update([u]);
            const stored = await s.query<{ price_feed: { ema_price: { price: string } } }>({
              price_feed: { id: AKT_ID },
            });
            expect(stored.price_feed.ema_price.price).toBe(ema.toString());
          } else {
            expect(await s.updateError([u])).toContain(
              `price too far from its EMA: feed ${AKT_ID} price ${c.price} deviates more than ${bound} bps from ema_price ${ema}`,
            );
          }
        }),
        params,
      );
      // the property is only worth something if both outcomes were exercised
      if (RUNS >= 100) expect(Math.min(outcomes.accepted, outcomes.rejected)).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT,
  );

  it(
    "a single corrupted byte of a signature, proof node or message never verifies",
    async () => {
      const s = await suite();
      await s.update([
        buildPriceUpdate([{ feedId: AKT_ID, price: 5n, conf: 0n, expo: -8, publishTime: s.now }], cheap("router")),
      ]);
      s.advance(1);
      const before = await s.query({ price_feed: { id: AKT_ID } });
      const balance = s.chain.balance(s.feeRecipient);
      const corruption = fc.record({
        mode: fc.constantFrom("legacy" as const, "router" as const),
        signers: fc.shuffledSubarray([0, 1, 2], { minLength: 2 }),
        feeds: fc.integer({ min: 1, max: 4 }),
        extraLeaves: fc.integer({ min: 1, max: 20 }),
        region: fc.constantFrom("signature" as const, "proof" as const, "message" as const),
        pick: fc.nat(),
        offset: fc.nat(),
        mask: fc.integer({ min: 1, max: 255 }),
        price: fc.bigInt({ min: 1n, max: 1n << 40n }),
      });
      await fc.assert(
        fc.asyncProperty(corruption, async (c) => {
          await breathe();
          const inputs = CONFIGURED.slice(0, c.feeds).map((feedId) => ({
            feedId,
            price: c.price,
            conf: 0n,
            expo: -8,
            publishTime: s.now,
          }));
          const u = buildPriceUpdate(inputs, { ...cheap(c.mode, c.signers), extraLeaves: c.extraLeaves });
          const data = Buffer.from(u.data);
          const regions = regionsOf(data);
          const list = regions[c.region];
          const [start, length] = list[c.pick % list.length]!;
          const at = start + (c.offset % length);
          data[at] = data[at]! ^ c.mask;
          const error = await s.updateError([data]);
          expect(error).toMatch(
            /signature|signer|merkle proof|no quorum|truncated|message type|price message too short|unexpected bytes|recovery/,
          );
          expect(await s.query({ price_feed: { id: AKT_ID } })).toEqual(before);
          expect(s.chain.balance(s.feeRecipient)).toBe(balance);
        }),
        params,
      );
    },
    TIMEOUT,
  );
});

/** [start, length] of every signature block, proof node and price message inside a PNAU blob. */
function regionsOf(data: Buffer): Record<"signature" | "proof" | "message", [number, number][]> {
  const vaaLen = data.readUInt16BE(8);
  const vaaStart = 10;
  const nSigs = data[vaaStart + 5]!;
  const signature: [number, number][] = [];
  for (let i = 0; i < nSigs; i++) signature.push([vaaStart + 6 + i * 66, 66]);
  const proof: [number, number][] = [];
  const message: [number, number][] = [];
  let pos = vaaStart + vaaLen;
  const n = data[pos++]!;
  for (let i = 0; i < n; i++) {
    const len = data.readUInt16BE(pos);
    pos += 2;
    message.push([pos, len]);
    pos += len;
    const depth = data[pos++]!;
    for (let j = 0; j < depth; j++) proof.push([pos + j * 20, 20]);
    pos += depth * 20;
  }
  return { signature, proof, message };
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation against an independent reference: the TWAP as a per-second integral of the step function "price in
// force at second s", x/oracle's median/min/max/deviation/health rules written directly in BigInt.

const STALENESS = 30;
const MAX_DEVIATION_BPS = 150n;

interface Point {
  t: number;
  atomics: bigint;
}

function referenceTwap(points: Point[], now: number, window: number): bigint {
  const start = Math.max(0, now - window);
  const sorted = [...points].sort((a, b) => a.t - b.t);
  let sum = 0n;
  let seconds = 0n;
  for (let s = start; s < now; s++) {
    let inForce: Point | undefined;
    for (const p of sorted) if (p.t <= s) inForce = p;
    if (inForce === undefined) continue;
    sum += inForce.atomics;
    seconds += 1n;
  }
  if (seconds > 0n) return sum / seconds;
  // no second covered: every point considered sits at `now` (only the newest one can)
  const atNow = sorted.filter((p) => p.t >= now);
  return atNow.reduce((a, p) => a + p.atomics, 0n) / BigInt(atNow.length);
}

interface ReferenceResult {
  error?: string;
  price?: {
    twap: string;
    median: string;
    min: string;
    max: string;
    publish_time: number;
    num_sources: number;
    deviation_bps: number;
  };
}

function referenceAggregate(sources: Point[][], now: number, window: number): ReferenceResult {
  const fresh = sources.filter((ps) => ps.length > 0 && now - Math.max(...ps.map((p) => p.t)) <= STALENESS);
  const withData = sources.filter((ps) => ps.length > 0);
  if (fresh.length === 0)
    return { error: withData.length > 0 ? "price unhealthy: no fresh source" : "price unhealthy: no price data" };
  const latest = fresh.map((ps) => ps.reduce((a, p) => (p.t > a.t ? p : a)));
  const prices = latest.map((p) => p.atomics).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const min = prices[0]!;
  const max = prices[prices.length - 1]!;
  const n = prices.length;
  const median = n % 2 === 1 ? prices[(n - 1) / 2]! : (prices[n / 2 - 1]! + prices[n / 2]!) / 2n;
  const deviation = ((max - min) * 10000n) / min;
  if (deviation > MAX_DEVIATION_BPS)
    return { error: `price unhealthy: deviation ${deviation} bps > ${MAX_DEVIATION_BPS} bps` };
  const twaps = fresh.map((ps) => referenceTwap(ps, now, window));
  return {
    price: {
      twap: decimalString(twaps.reduce((a, b) => a + b, 0n) / BigInt(n)),
      median: decimalString(median),
      min: decimalString(min),
      max: decimalString(max),
      publish_time: Math.min(...latest.map((p) => p.t)),
      num_sources: n,
      deviation_bps: Number(deviation),
    },
  };
}

const sourceArb = fc.array(
  fc.record({ gap: fc.integer({ min: 1, max: 9 }), bps: fc.integer({ min: -120, max: 120 }) }),
  { maxLength: 8 },
);

describe("oracle aggregation vs reference model", () => {
  it(
    `TWAP, median, min, max, deviation and health match (${RUNS} runs, seed ${SEED})`,
    async () => {
      const s = await setupOracle();
      const feeders = [1, 2, 3].map((i) => s.chain.addressFor(`feeder-${i}`));
      await s.execute(s.admin, { update_config: { feeders } });
      // Every run starts from this state: a chain that kept each run's feed and history would slow down run by run.
      const base = s.chain.snapshot();
      const id = AKT_ID;
      await fc.assert(
        fc.asyncProperty(
          fc.array(sourceArb, { minLength: 3, maxLength: 3 }),
          fc.integer({ min: 1, max: 60 }),
          fc.integer({ min: 0, max: 40 }),
          async (series, window, wait) => {
            await breathe();
            s.chain.restore(base);
            await s.execute(s.admin, { update_config: { twap_window: window } });
            const t0 = s.now;
            const sources: Point[][] = series.map((points) => {
              let t = t0;
              return points.map((p) => {
                t += p.gap;
                return { t, atomics: toAtomics(100_000_000n + BigInt(p.bps) * 10_000n, -8) };
              });
            });
            const end = Math.max(t0, ...sources.flat().map((p) => p.t));
            s.advance(end - t0);
            for (const [k, points] of sources.entries()) {
              for (const p of points) {
                const price = (p.atomics / 10n ** 10n).toString();
                await s.execute(feeders[k]!, { feed_price: { id, price, expo: -8, publish_time: p.t } });
              }
            }
            s.advance(wait);
            const expected = referenceAggregate([[], ...sources], s.now, window);
            if (expected.error !== undefined) expect(await s.queryError({ price: { id } })).toContain(expected.error);
            else expect(await s.query({ price: { id } })).toEqual(expected.price);
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );
});
