/**
 * Property tests of the incentives contract on the embedded chain (the real oracle fed signed Pyth updates), against
 * the bigint reference model (test/helpers/incentives-model.ts). A case is a random program (1–3 epochs; any mix of
 * a committed, a liquidity-mining and a discretionary pool; random buffer, funding from nothing to twice the need,
 * grants), random reports per epoch, a random AKT price per epoch, random claims, then the sweep.
 *
 * Each case runs on the chain twice from the same snapshot: once with the reports in order, once shuffled, split in
 * other batches and preceded by decoy rows that the real rows replace. The observations are cached, and every
 * property is its own `fc.assert` with the same seed and arbitrary (so the same cases):
 *   (model)  every payout, return and budget figure equals the model's;
 *   (a)      Σ claimed + Σ returned + balance = Σ funded after every step, and the contract's bank balance equals
 *            what it holds for programs;
 *   (b)      no provider is paid more than its formula: committed ≤ ⌊USD(count, hours, price, uptime) / P⌋, liquidity
 *            mining ≤ ⌊(per_epoch + carry) × w / Σw⌋;
 *   (c)      after the sweep the contract holds nothing of the program (balance 0, bank balance 0);
 *   (d)      payouts do not depend on report order, batching or resubmission.
 * Bound: a case is ~30 contract calls plus a signed Pyth update per epoch, run twice on the embedded chain, so
 * 10,000 cases take ~28 min (INCENTIVES_FC_RUNS=10000 INCENTIVES_FC_SEED=20261205 passed all five properties on a
 * loaded 2-core machine). The default is 10,000 cases locally (new seed each run), like the other contracts'
 * properties, and 100 under CI (fixed seed); INCENTIVES_FC_RUNS shortens a local run.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { EmbeddedBlocks, EmbeddedChain, EmbeddedGovernance, type ChainSnapshot } from "../../../sim/index.js";
import type { ChainBackend, JsonObject } from "../../../sim/interface/index.js";
import { breather } from "../../helpers/breather.js";
import {
  deployIncentives,
  setPrice,
  uakt,
  waitUntil,
  type Budget,
  type IncentivesOn,
} from "../../helpers/incentives.js";
import { ProgramModel, ATOMICS, type ProgramDef, type Row } from "../../helpers/incentives-model.js";

const inCI = process.env.CI === "true" || process.env.CI === "1";
const RUNS = Number(process.env.INCENTIVES_FC_RUNS ?? (inCI ? 100 : 10_000));
const CI_SEED = 412_007_331;
const SEED = Number(process.env.INCENTIVES_FC_SEED ?? (inCI ? CI_SEED : Date.now() % 2 ** 31));
const EPOCH = 3600;
const MODELS = ["h100", "a100", "rtx4090"] as const;
const MULT = { h100: "2", a100: "1.5", rtx4090: "0.75" };

interface Case {
  epochs: number;
  lm: { perEpoch: bigint } | null;
  committed: { usdCents: number; sla: number; term: number; h100Cents: number; a100Cents: number } | null;
  grants: { budget: bigint; amounts: [number, bigint][] } | null;
  buffer: number;
  /** Funding in per-mille of the need at the first price (0–2000). */
  fundingPermille: number;
  prices: bigint[];
  /** Per epoch, per pool kind: rows. */
  reports: { lm: Row[]; committed: Row[] }[];
  claims: boolean[][];
  seed: number;
}

let chain: EmbeddedChain;
let s: IncentivesOn;
let base: ChainSnapshot;
let providers: string[];
const breathe = breather();

const rowArb = (provider: number, committed: boolean) =>
  fc.record({
    provider: fc.constant(provider),
    model: committed ? fc.constantFrom("h100", "a100") : fc.constantFrom(...MODELS),
    count: fc.integer({ min: 1, max: 64 }),
    uptime: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 9899, 9900, 10_000)),
  });

const rowsArb = (committed: boolean) =>
  fc
    .subarray([0, 1, 2, 3, 4].filter((i) => !committed || i < 3))
    .chain((ps) => fc.tuple(...ps.map((p) => rowArb(p, committed))));

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 3 }).chain((epochs) =>
  fc.record({
    epochs: fc.constant(epochs),
    lm: fc.option(fc.record({ perEpoch: fc.bigInt({ min: 1n, max: 1_000_000_000n }) }), { nil: null }),
    committed: fc.option(
      fc.record({
        usdCents: fc.integer({ min: 1, max: 10_000_000 }),
        sla: fc.integer({ min: 0, max: 10_000 }),
        term: fc.integer({ min: 0, max: epochs }),
        h100Cents: fc.integer({ min: 1, max: 500 }),
        a100Cents: fc.integer({ min: 1, max: 500 }),
      }),
      { nil: null },
    ),
    grants: fc.option(
      fc.record({
        budget: fc.bigInt({ min: 1n, max: 1_000_000n }),
        amounts: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.bigInt({ min: 1n, max: 400_000n })), {
          maxLength: 3,
        }),
      }),
      { nil: null },
    ),
    buffer: fc.integer({ min: 0, max: 10_000 }),
    fundingPermille: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constant(1000)),
    prices: fc.array(fc.bigInt({ min: 1_000_000n, max: 1_000_000_000n }), { minLength: epochs, maxLength: epochs }),
    reports: fc
      .array(fc.record({ lm: rowsArb(false), committed: rowsArb(true) }), { minLength: epochs, maxLength: epochs })
      .map((eps) =>
        eps.map((e) => ({
          lm: e.lm.map(toRow),
          committed: e.committed.map(toRow),
        })),
      ),
    claims: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { minLength: epochs, maxLength: epochs }),
    seed: fc.integer(),
  }),
);

function toRow(r: { provider: number; model: string; count: number; uptime: number }): Row {
  // Provider indexes are resolved to addresses when the case runs.
  return {
    provider: String(r.provider),
    gpu_model: r.model,
    gpu_count: r.count,
    uptime_bps: r.uptime,
    utilization_bps: 0,
  };
}

const cents = (c: number): string => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;

function definition(c: Case, start: number): ProgramDef {
  const pools: ProgramDef["pools"] = [];
  if (c.lm)
    pools.push({
      name: "mining",
      liquidity_mining: {
        per_epoch: c.lm.perEpoch.toString(),
        min_vram_gb: 24,
        models: MODELS.map((m) => ({ model: m, vram_gb: 80, multiplier: MULT[m] })),
      },
    });
  if (c.committed)
    pools.push({
      name: "committed",
      committed: {
        prices: [
          { model: "h100", usd_per_hour: cents(c.committed.h100Cents) },
          { model: "a100", usd_per_hour: cents(c.committed.a100Cents) },
        ],
        providers: providers.slice(0, 3),
        sla_uptime_bps: c.committed.sla,
        term_epochs: c.committed.term,
        usd_budget: cents(c.committed.usdCents),
      },
    });
  if (c.grants || pools.length === 0)
    pools.push({ name: "grants", discretionary: { budget: (c.grants?.budget ?? 1n).toString() } });
  return {
    name: "property",
    start,
    epoch_seconds: EPOCH,
    end: start + c.epochs * EPOCH,
    grace: 0,
    report_window: 0,
    attestors: [s.attestor],
    treasury: { mode: "address", address: s.treasury },
    volatility_buffer_bps: c.buffer,
    max_providers: 100,
    pools,
    revenue: null,
  };
}

/** Deterministic shuffle (the case's seed). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let x = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Observation {
  /** Per epoch: `pool/provider` → payout. */
  payouts: Map<string, bigint>[];
  failures: Record<"model" | "a" | "b" | "c", string | null>;
}

const cache = new Map<string, Observation>();
const keyOf = (c: Case, shuffle: boolean): string =>
  JSON.stringify([c, shuffle], (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));

const gov = (msg: JsonObject) => s.backend.client.execute(s.gov, s.contract, msg, "auto");

async function run(c: Case, shuffle: boolean): Promise<Observation> {
  const k = keyOf(c, shuffle);
  const hit = cache.get(k);
  if (hit) return hit;
  await breathe();
  chain.restore(base);
  const obs: Observation = { payouts: [], failures: { model: null, a: null, b: null, c: null } };
  const fail = (p: keyof Observation["failures"], m: string): void => {
    obs.failures[p] ??= m;
  };
  const now = await s.backend.now();
  // Ends 20 s from now: grants come first (allowed until the end), then every epoch is over.
  const start = now - c.epochs * EPOCH + 20;
  const def = definition(c, start);
  const model = new ProgramModel(def);
  // Funding relative to the need at the first price: LM budgets, grants, committed USD with the buffer.
  const p0 = c.prices[0]! * 10n ** 10n;
  const usd = c.committed ? BigInt(c.committed.usdCents) * 10n ** 16n : 0n;
  const need =
    (c.lm ? c.lm.perEpoch * BigInt(c.epochs) : 0n) +
    (c.grants?.budget ?? 0n) +
    (usd * 1_000_000n * BigInt(10_000 + c.buffer)) / (p0 * 10_000n);
  const funded = (need * BigInt(c.fundingPermille)) / 1000n;
  if (funded > 0n) await s.backend.client.sendTokens(s.funder, s.contract, uakt(funded), "auto");
  await gov({ create_program: { program: def, ...(funded > 0n ? { from_balance: funded.toString() } : {}) } });
  model.fund(funded);
  const id = (await s.query<{ next_program_id: number }>({ config: {} })).next_program_id - 1;
  const grantsPool = def.pools.findIndex((p) => p.discretionary);
  for (const [who, amount] of c.grants?.amounts ?? []) {
    const provider = providers[who]!;
    const ok = await gov({ grant: { program_id: id, pool: "grants", provider, amount: amount.toString() } }).then(
      () => true,
      () => false,
    );
    const left = BigInt(def.pools[grantsPool]!.discretionary!.budget) - model.pools[grantsPool]!.granted;
    const can = amount <= left && amount <= model.available;
    if (ok !== can) fail("model", `grant ${amount}: chain ${ok}, model ${can}`);
    if (ok) model.grant(grantsPool, provider, amount);
  }

  const check = async (what: string): Promise<void> => {
    const b = await s.query<Budget>({ budget: { program_id: id } });
    const sum =
      BigInt(b.claimed) +
      BigInt(b.returned_unallocated) +
      BigInt(b.returned_program_end) +
      BigInt(b.returned_excess_buffer) +
      BigInt(b.balance);
    if (sum !== BigInt(b.funded)) fail("a", `${what}: claimed + returned + balance = ${sum} ≠ funded ${b.funded}`);
    const bank = await s.balance(s.contract);
    if (bank !== BigInt(b.balance)) fail("a", `${what}: contract holds ${bank}, program balance ${b.balance}`);
    const got = [
      b.funded,
      b.paid,
      b.claimed,
      b.returned_unallocated,
      b.returned_program_end,
      b.returned_excess_buffer,
      b.balance,
    ];
    const want = [
      model.funded,
      model.paid,
      model.claimed,
      model.unallocated,
      model.programEnd,
      model.excessBuffer,
      model.balance,
    ].map(String);
    if (JSON.stringify(got) !== JSON.stringify(want))
      fail("model", `${what}: budget ${JSON.stringify(got)} ≠ model ${JSON.stringify(want)}`);
  };
  await check("after creation");
  await waitUntil(s.backend, def.end);

  for (let e = 0; e < c.epochs; e++) {
    const byPool = new Map<number, Row[]>();
    const resolve = (r: Row): Row => ({ ...r, provider: providers[Number(r.provider)]! });
    const lmRows = c.reports[e]!.lm.map(resolve);
    const cRows = c.reports[e]!.committed.map(resolve);
    const mi = def.pools.findIndex((p) => p.liquidity_mining);
    const ci = def.pools.findIndex((p) => p.committed);
    const term = c.committed ? (c.committed.term === 0 ? c.epochs : c.committed.term) : 0;
    for (const [pool, idx, rows] of [
      ["mining", mi, lmRows],
      ["committed", ci, cRows],
    ] as const) {
      if (idx < 0 || rows.length === 0) continue;
      if (pool === "committed" && e >= term) continue;
      byPool.set(idx, [...rows]);
      let batches: Row[][] = [rows];
      if (shuffle) {
        // A decoy for the first provider, replaced later; the rows in another order, one per message.
        const decoy: Row = { ...rows[0]!, gpu_count: rows[0]!.gpu_count + 1, uptime_bps: 0 };
        batches = [[decoy], ...shuffled(rows, c.seed + e).map((r) => [r])];
      }
      for (const b of batches) await s.exec(s.attestor, { report: { program_id: id, pool, epoch: e, rows: b } });
    }
    await setPrice(s, c.prices[e]!);
    const price = c.prices[e]! * 10n ** 10n;
    const closed = await s.exec(s.stranger, { close_epoch: { program_id: id } }).then(
      () => null,
      (err: unknown) => String(err),
    );
    if (closed !== null) {
      fail("model", `close ${e}: ${closed}`);
      return remember(k, obs);
    }
    const hadUsd = model.usdRemaining > 0n;
    const carry = def.pools.map((_, i) => model.pools[i]!.carry);
    const want = model.close(byPool, price);
    const payouts = new Map<string, bigint>();
    for (const [idx, rows] of byPool) {
      const pool = def.pools[idx]!;
      const q = await s.query<{ rows: { provider: string; usd: string; payout: string }[] }>({
        epoch: { program_id: id, epoch: e, pool: pool.name, limit: 30 },
      });
      for (const r of q.rows) {
        const paid = BigInt(r.payout);
        payouts.set(`${pool.name}/${r.provider}`, paid);
        if (paid !== (want.payouts[idx]!.get(r.provider) ?? 0n))
          fail(
            "model",
            `epoch ${e} ${pool.name} ${r.provider}: paid ${paid}, model ${want.payouts[idx]!.get(r.provider)}`,
          );
        // (b) the formula bound, computed here from the report alone
        const row = rows.find((x) => x.provider === r.provider)!;
        if (pool.liquidity_mining) {
          const w = (x: Row): bigint =>
            BigInt(Math.round(Number(MULT[x.gpu_model as keyof typeof MULT]) * 100)) *
            BigInt(x.gpu_count) *
            BigInt(x.uptime_bps);
          const total = rows.reduce((t, x) => t + w(x), 0n);
          const bound = total === 0n ? 0n : ((BigInt(pool.liquidity_mining.per_epoch) + carry[idx]!) * w(row)) / total;
          if (paid > bound) fail("b", `epoch ${e} mining ${r.provider}: paid ${paid} > ${bound}`);
        } else if (pool.committed && hadUsd) {
          const hourlyCents = row.gpu_model === "h100" ? c.committed!.h100Cents : c.committed!.a100Cents;
          const factor = row.uptime_bps >= c.committed!.sla ? 10_000n : BigInt(row.uptime_bps);
          // USD × 10^18 = cents × 10^16 × count × seconds × factor / (3600 × 10000)
          const usdAtomics =
            (BigInt(hourlyCents) * 10n ** 16n * BigInt(row.gpu_count) * BigInt(EPOCH) * factor) / 36_000_000n;
          if (BigInt(r.usd.replace(".", "").padEnd(1, "0")) >= 0n && atomicsOf(r.usd) !== usdAtomics)
            fail("b", `epoch ${e} committed ${r.provider}: usd ${r.usd} ≠ formula ${usdAtomics}`);
          const bound = (usdAtomics * 1_000_000n) / price;
          if (paid > bound) fail("b", `epoch ${e} committed ${r.provider}: paid ${paid} > ${bound}`);
        }
      }
    }
    obs.payouts.push(payouts);
    await check(`after close ${e}`);
    for (let p = 0; p < 5; p++) {
      if (!c.claims[e]![p]) continue;
      const who = providers[p]!;
      const expected = model.claimable(who);
      const ok = await s.exec(who, { claim: { program_id: id } }).then(
        () => true,
        () => false,
      );
      if (ok !== expected > 0n) fail("model", `claim by ${p}: chain ${ok}, model ${expected}`);
      if (ok) model.claim(who);
    }
    await check(`after claims ${e}`);
  }
  await s.exec(s.stranger, { sweep: { program_id: id } });
  model.sweep();
  await check("after sweep");
  const b = await s.query<Budget>({ budget: { program_id: id } });
  if (b.balance !== "0" || (await s.balance(s.contract)) !== 0n)
    fail("c", `after sweep: balance ${b.balance}, contract ${await s.balance(s.contract)}`);
  return remember(k, obs);
}

function atomicsOf(d: string): bigint {
  const [i, f = ""] = d.split(".");
  return BigInt(i!) * ATOMICS + BigInt(f.padEnd(18, "0"));
}

function remember(k: string, o: Observation): Observation {
  cache.set(k, o);
  return o;
}

beforeAll(async () => {
  chain = new EmbeddedChain({ blockTimeSeconds: 1 });
  const accounts = Array.from({ length: 16 }, (_, i) => chain.addressFor(`property-${i}`));
  for (const a of accounts) chain.fund(a, [{ denom: "uakt", amount: (10n ** 30n).toString() }]);
  const blocks = new EmbeddedBlocks(chain);
  const backend: ChainBackend = {
    name: "embedded",
    client: chain.client(),
    governance: new EmbeddedGovernance(chain),
    denom: "uakt",
    accounts,
    now: () => blocks.now(),
    advance: (n) => blocks.advance(n),
    close: () => Promise.resolve(),
  };
  s = await deployIncentives(backend, 0, { incentives: { max_price_age: 3600 } });
  providers = [...s.providers, accounts[8]!, accounts[9]!];
  base = chain.snapshot();
}, 120_000);

const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const TIMEOUT = 24 * 3600 * 1000;

describe(`incentives properties (${RUNS} cases, seed ${SEED})`, () => {
  for (const p of ["model", "a", "b", "c"] as const) {
    it(`property ${p}`, { timeout: TIMEOUT }, async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const o = await run(c, false);
          expect(o.failures[p]).toBeNull();
        }),
        params,
      );
    });
  }

  it("property d: payouts do not depend on report order, batching or resubmission", { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const a = await run(c, false);
        const b = await run(c, true);
        expect(b.payouts).toEqual(a.payouts);
      }),
      params,
    );
  });
});
