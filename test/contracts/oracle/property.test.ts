// Property tests of the oracle contract on the embedded chain: random valid updates (both signer modes, random signer
// subsets, multi-feed trees with filler leaves) always verify and store exactly their configured feeds; a single
// corrupted byte in any signature, proof node or price message never verifies and changes nothing; random multi-source
// price histories aggregate exactly as an independent BigInt model of x/oracle says.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breather } from "../../helpers/breather.js";
import { buildPriceUpdate, type PriceInput } from "../../../scripts/pyth/generator.js";
import {
  AKT_ID,
  USDC_ID,
  decimalString,
  eventsOf,
  setupOracle,
  toAtomics,
  type OracleSuite,
} from "../../helpers/oracle.js";

const RUNS = Number(process.env.ORACLE_PROPERTY_RUNS ?? 200);
const CORRUPTION_RUNS = Number(process.env.ORACLE_PROPERTY_RUNS ?? 300);
// ~150 ms per signed update on the embedded chain; leave room for a loaded machine.
const TIMEOUT = 600_000;
/** Yields to the event loop between runs: the embedded chain executes synchronously. */
const breathe = breather();
const EXTRA_FEEDS = [
  "2b89b9dc8fdf9f34709a5b106b472f0f39bb6ca9ce04b0fd7f2e971688e2e53b",
  "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace",
];
const CONFIGURED = [AKT_ID, USDC_ID, ...EXTRA_FEEDS];
const I64_MAX = (1n << 63n) - 1n;

const LEGACY_SIGNERS = Array.from({ length: 19 }, (_, i) => i);
const ROUTER_SIGNERS = [0, 1, 2, 3, 4];

const feedIdArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex"));

/** A price the contract must accept: positive, expo in the default range, conf within 100 bps. */
const priceArb = fc
  .record({
    price: fc.bigInt({ min: 1n, max: I64_MAX }),
    expo: fc.integer({ min: -18, max: 0 }),
    confPermille: fc.integer({ min: 0, max: 10 }),
    ema: fc.bigInt({ min: -I64_MAX, max: I64_MAX }),
    emaConf: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  })
  .map((r) => ({ ...r, conf: (r.price * BigInt(r.confPermille)) / 1000n }));

const updateArb = fc.record({
  mode: fc.constantFrom("legacy" as const, "router" as const),
  configured: fc.shuffledSubarray(CONFIGURED, { minLength: 1 }),
  unconfigured: fc.uniqueArray(feedIdArb, { maxLength: 2 }),
  prices: fc.array(priceArb, { minLength: 6, maxLength: 6 }),
  extraLeaves: fc.integer({ min: 0, max: 40 }),
  legacySigners: fc.shuffledSubarray(LEGACY_SIGNERS, { minLength: 13 }),
  routerSigners: fc.shuffledSubarray(ROUTER_SIGNERS, { minLength: 3 }),
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

async function suite(): Promise<OracleSuite> {
  return setupOracle({ instantiate: { feeds: CONFIGURED.map((id) => ({ id })) } });
}

describe("oracle properties", () => {
  it(
    `random valid updates verify and store exactly their configured feeds (${RUNS} runs)`,
    async () => {
      const s = await suite();
      await fc.assert(
        fc.asyncProperty(updateArb, async (c) => {
          await breathe();
          s.advance(1);
          const inputs = inputsOf(c, s.now);
          const u = buildPriceUpdate(inputs, {
            mode: c.mode,
            signers: c.mode === "legacy" ? c.legacySigners : c.routerSigners,
            extraLeaves: c.extraLeaves,
          });
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
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `a single corrupted byte of a signature, proof node or message never verifies (${CORRUPTION_RUNS} runs)`,
    async () => {
      const s = await suite();
      await s.update([buildPriceUpdate([{ feedId: AKT_ID, price: 5n, conf: 0n, expo: -8, publishTime: s.now }])]);
      s.advance(1);
      const before = await s.query({ price_feed: { id: AKT_ID } });
      const balance = s.chain.balance(s.feeRecipient);
      const corruption = fc.record({
        mode: fc.constantFrom("legacy" as const, "router" as const),
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
          const u = buildPriceUpdate(inputs, { mode: c.mode, extraLeaves: c.extraLeaves });
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
        { numRuns: CORRUPTION_RUNS },
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
    `TWAP, median, min, max, deviation and health match (${RUNS} runs)`,
    async () => {
      const s = await setupOracle();
      const feeders = [1, 2, 3].map((i) => s.chain.addressFor(`feeder-${i}`));
      await s.execute(s.admin, { update_config: { feeders } });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(sourceArb, { minLength: 3, maxLength: 3 }),
          fc.integer({ min: 1, max: 60 }),
          fc.integer({ min: 0, max: 40 }),
          async (series, window, wait) => {
            await breathe();
            run++;
            const id =
              Buffer.alloc(32, run % 256)
                .toString("hex")
                .slice(0, 60) + run.toString(16).padStart(4, "0");
            await s.execute(s.admin, { add_feed: { id } });
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
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
