/**
 * Bad input to the incentives contract on the embedded chain: every rejection is checked for its exact error text
 * and for leaving every query answer and every balance unchanged. Payouts that need a price wait while the oracle's
 * price is stale or unhealthy: close_epoch fails, changing nothing, and succeeds once a fresh price arrives.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { embeddedBackend } from "../../../scripts/bench/backends.js";
import type { ChainBackend, JsonObject } from "../../../sim/interface/index.js";
import {
  H100_POOL,
  LM_POOL,
  WEEK,
  createProgram,
  deployIncentives,
  govExecute,
  program,
  setPrice,
  uakt,
  waitUntil,
  type IncentivesOn,
} from "../../helpers/incentives.js";
import type { ProgramDef, Row } from "../../helpers/incentives-model.js";

let backend: ChainBackend;
let s: IncentivesOn;

beforeAll(async () => {
  backend = embeddedBackend();
  // The oracle keeps prices healthy for 10 minutes, so the contract's own 60-second age limit is what trips.
  s = await deployIncentives(backend, 11, { oracle: { max_price_staleness: 600 } });
});

const row = (provider: string, gpu_model = "h100", gpu_count = 1, uptime_bps = 10_000): Row => ({
  provider,
  gpu_model,
  gpu_count,
  uptime_bps,
  utilization_bps: 0,
});

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error("expected a failure");
}

/** Every query answer about program `id` and every balance involved. */
async function snapshot(id: number, def: ProgramDef): Promise<JsonObject> {
  const n = (def.end - def.start) / def.epoch_seconds;
  const out: JsonObject = {
    config: await s.query({ config: {} }),
    program: await s.query({ program: { program_id: id } }),
    pools: await s.query({ pools: { program_id: id } }),
    contract: (await s.balance(s.contract)).toString(),
    treasury: (await s.balance(s.treasury)).toString(),
  };
  // The price and the excess at it move with the clock; the stored figures must not.
  const budget = await s.query({ budget: { program_id: id } });
  delete budget.price;
  delete budget.excess;
  out.budget = budget;
  for (let e = 0; e < n; e++)
    for (const pool of def.pools)
      out[`epoch ${e} ${pool.name}`] = await s.query({
        epoch: { program_id: id, epoch: e, pool: pool.name, limit: 30 },
      });
  for (const p of s.providers) out[`provider ${p}`] = await s.query({ provider: { program_id: id, provider: p } });
  return out;
}

async function rejected(id: number, def: ProgramDef, act: () => Promise<unknown>, text: string): Promise<void> {
  const before = await snapshot(id, def);
  expect(await failure(act())).toContain(text);
  expect(await snapshot(id, def)).toEqual(before);
}

/** A two-epoch program: committed (p1, p2) and liquidity mining; epoch 0 ended a minute ago, epoch 1 is running. */
async function twoPools(extra: Partial<ProgramDef> = {}): Promise<{ id: number; def: ProgramDef }> {
  const now = await backend.now();
  const start = now - WEEK - 60;
  const def = program(s, {
    start,
    end: start + 2 * WEEK,
    pools: [H100_POOL([s.providers[0]!, s.providers[1]!], "1000"), LM_POOL(1_000_000n)],
    ...extra,
  });
  const id = await createProgram(s, def, 100_000_000n);
  return { id, def };
}

const report = (sender: string, id: number, pool: string, epoch: number, rows: Row[]) =>
  s.exec(sender, { report: { program_id: id, pool, epoch, rows } });

describe("incentives: bad reports", () => {
  it("rejects reports from anyone but an attestor", async () => {
    const { id, def } = await twoPools();
    await rejected(
      id,
      def,
      () => report(s.stranger, id, "committed", 0, [row(s.providers[0]!)]),
      "unauthorized: only an attestor of the program can report",
    );
  });

  it("rejects unknown and ineligible GPU models, and providers outside a committed pool", async () => {
    const { id, def } = await twoPools();
    const [p1, , p3] = s.providers as [string, string, string];
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "committed", 0, [row(p1, "b200")]),
      "unknown gpu model `b200` in pool `committed`",
    );
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "mining", 0, [row(p1, "h200")]),
      "unknown gpu model `h200` in pool `mining`",
    );
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "mining", 0, [row(p1, "t4")]),
      "gpu model `t4` is not eligible: 16 GB < 24 GB",
    );
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "committed", 0, [row(p3)]),
      `provider ${p3} is not in committed pool \`committed\``,
    );
  });

  it("rejects uptime or utilization above 10000 bps, zero GPUs, duplicate providers and oversized batches", async () => {
    const { id, def } = await twoPools();
    const [p1, p2] = s.providers as [string, string];
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "committed", 0, [row(p2), row(p1, "h100", 1, 10_001)]),
      "invalid rows[1].uptime_bps: at most 10000",
    );
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "committed", 0, [{ ...row(p1), utilization_bps: 10_001 }]),
      "invalid rows[0].utilization_bps: at most 10000",
    );
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "committed", 0, [row(p1, "h100", 0)]),
      "invalid rows[0].gpu_count: 1 to 100000",
    );
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "committed", 0, [row(p1), row(p2), row(p1, "a100")]),
      `duplicate provider ${p1} in the batch`,
    );
    await rejected(id, def, () => report(s.attestor, id, "mining", 0, []), "invalid rows: 1 to 50 per report");
    const many = Array.from({ length: 51 }, (_, i) => row(backend.accounts[20 + i] ?? s.stranger));
    await rejected(id, def, () => report(s.attestor, id, "mining", 0, many), "invalid rows: 1 to 50 per report");
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "committed", 0, [row("akash1nope")]),
      "invalid rows[0].provider",
    );
  });

  it("rejects reports for closed, future, missing epochs, unknown pools and beyond max_providers", async () => {
    const { id, def } = await twoPools({ max_providers: 2 });
    const [p1, p2, p3] = s.providers as [string, string, string];
    await report(s.attestor, id, "mining", 0, [row(p1), row(p2)]);
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "mining", 0, [row(p3)]),
      "pool `mining` already has 2 providers in this epoch (max_providers)",
    );
    // Resubmitting a provider replaces its row and does not count against the cap.
    await report(s.attestor, id, "mining", 0, [row(p2, "a100", 3)]);
    await rejected(
      id,
      def,
      () => report(s.attestor, id, "mining", 2, [row(p1)]),
      "epoch 2 does not exist (the program has 2)",
    );
    await rejected(id, def, () => report(s.attestor, id, "nope", 0, [row(p1)]), "pool `nope` not found");
    await setPrice(s, 50_000_000n);
    await s.exec(s.stranger, { close_epoch: { program_id: id } });
    await rejected(id, def, () => report(s.attestor, id, "mining", 0, [row(p1)]), "epoch 0 is closed");
    // A program starting in the future: its first epoch has not started.
    const now = await backend.now();
    const later = program(s, { start: now + 3600, end: now + 3600 + WEEK, pools: [LM_POOL(10n)] });
    const lid = await createProgram(s, later, 0n);
    await rejected(
      lid,
      later,
      () => report(s.attestor, lid, "mining", 0, [row(p1)]),
      `epoch 0 starts at ${now + 3600}`,
    );
  });
});

describe("incentives: closing, sweeping and the price", () => {
  it("rejects a close before the epoch ends, and a stranger's close during the report window", async () => {
    const now = await backend.now();
    const def = program(s, { start: now - 60, end: now - 60 + 2 * WEEK, report_window: 3600, pools: [LM_POOL(1000n)] });
    const id = await createProgram(s, def, 2000n);
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { close_epoch: { program_id: id } }),
      `epoch 0 ends at ${def.start + WEEK}`,
    );
    await rejected(
      id,
      def,
      () => s.exec(s.attestor, { close_epoch: { program_id: id } }),
      `epoch 0 ends at ${def.start + WEEK}`,
    );
  });

  it("lets only attestors close inside the report window", async () => {
    const now = await backend.now();
    const start = now - WEEK - 60;
    const def = program(s, { start, end: start + 2 * WEEK, report_window: 3600, pools: [LM_POOL(1000n)] });
    const id = await createProgram(s, def, 2000n);
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { close_epoch: { program_id: id } }),
      `only an attestor can close before ${start + WEEK + 3600}`,
    );
    await s.exec(s.attestor, { close_epoch: { program_id: id } });
  });

  it("rejects a sweep before end + grace, and any close after every epoch closed", async () => {
    const now = await backend.now();
    const start = now - WEEK - 60;
    const def = program(s, { start, end: start + WEEK, grace: 3600, pools: [LM_POOL(1000n)] });
    const id = await createProgram(s, def, 1000n);
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { sweep: { program_id: id } }),
      `sweep is allowed from ${def.end + 3600}`,
    );
    await s.exec(s.stranger, { close_epoch: { program_id: id } });
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { close_epoch: { program_id: id } }),
      "every epoch of the program is closed",
    );
    await waitUntil(backend, def.end + def.grace);
    await s.exec(s.stranger, { sweep: { program_id: id } });
    await rejected(id, def, () => s.exec(s.stranger, { sweep: { program_id: id } }), `program ${id} was swept`);
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { fund_program: { program_id: id } }, uakt(5)),
      `program ${id} was swept`,
    );
  });

  it("waits while the price is stale: close fails and changes nothing until a fresh price arrives", async () => {
    const { id, def } = await twoPools();
    await report(s.attestor, id, "committed", 0, [row(s.providers[0]!)]);
    const published = await setPrice(s, 50_000_000n);
    await backend.advance(12); // 72 s: still healthy for the oracle, older than max_price_age (60 s) here
    const b = await s.query<{ price: string | null; excess: string | null }>({ budget: { program_id: id } });
    expect([b.price, b.excess]).toEqual([null, null]);
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { close_epoch: { program_id: id } }),
      `price unavailable, payouts wait: published at ${published}, older than 60 s`,
    );
    await setPrice(s, 50_000_000n);
    await s.exec(s.stranger, { close_epoch: { program_id: id } });
    expect((await s.query<{ next_epoch: number }>({ program: { program_id: id } })).next_epoch).toBe(1);
  });

  it("waits while the oracle reports the price unhealthy", async () => {
    // A second deployment whose oracle never received a price.
    const fresh = await deployIncentives(embeddedBackend(), 11);
    const now = await fresh.backend.now();
    const start = now - WEEK - 60;
    const def = program(fresh, { start, end: start + WEEK, pools: [H100_POOL([fresh.providers[0]!], "100")] });
    const id = await createProgram(fresh, def, 1_000_000_000n);
    const before = await fresh.query({ budget: { program_id: id } });
    expect(await failure(fresh.exec(fresh.stranger, { close_epoch: { program_id: id } }))).toContain(
      "price unavailable, payouts wait: price unhealthy",
    );
    expect(await fresh.query({ budget: { program_id: id } })).toEqual(before);
    // A program without USD obligations needs no price at all.
    const lm = program(fresh, { start, end: start + WEEK, pools: [LM_POOL(5n)] });
    const lid = await createProgram(fresh, lm, 5n);
    await fresh.exec(fresh.stranger, { close_epoch: { program_id: lid } });
  });
});

describe("incentives: governance, funding, grants and claims", () => {
  it("rejects program messages from anyone but the admin, naming the field of a bad definition", async () => {
    const { id, def } = await twoPools();
    const now = await backend.now();
    const good = program(s, { start: now, end: now + WEEK, pools: [LM_POOL(10n)] });
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { create_program: { program: good } }),
      "unauthorized: only the admin can do this",
    );
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { grant: { program_id: id, pool: "committed", provider: s.stranger, amount: "1" } }),
      "unauthorized: only the admin can do this",
    );
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { fund_program: { program_id: id, from_balance: "1" } }),
      "unauthorized: only the admin can do this",
    );
    const cases: [Partial<ProgramDef>, string][] = [
      [{ end: now + WEEK + 1 }, "invalid program.end: start + a whole number of epochs"],
      [{ epoch_seconds: 59 }, "invalid program.epoch_seconds: at least 60"],
      [{ attestors: [] }, "invalid program.attestors: 1 to 5 addresses"],
      [
        { treasury: { mode: "address", address: null } },
        "invalid program.treasury.address: required in mode `address`",
      ],
      [{ max_providers: 101 }, "invalid program.max_providers: 1 to 100"],
      [
        {
          pools: [
            {
              ...H100_POOL([s.providers[0]!], "1"),
              committed: { ...H100_POOL([], "1").committed, providers: [s.providers[0]!], sla_uptime_bps: 10_001 },
            },
          ],
        },
        "invalid program.pools[0].committed.sla_uptime_bps: at most 10000",
      ],
      [{ pools: [LM_POOL(1n), LM_POOL(1n)] }, "invalid program.pools[1].name: `mining` used twice"],
      [
        { pools: [{ name: "x" }] },
        "invalid program.pools[0]: exactly one of committed, liquidity_mining, discretionary",
      ],
    ];
    const sent = async (p: ProgramDef) => {
      try {
        await govExecute(backend, s.contract, [{ create_program: { program: p } }]);
      } catch (e) {
        throw e instanceof Error ? e : new Error(String(e));
      }
    };
    for (const [patch, text] of cases) await rejected(id, def, () => sent({ ...good, ...patch }), text);
  });

  it("rejects funding from more than the unassigned balance, in another denom, or after the end", async () => {
    const { id, def } = await twoPools();
    const unassigned = (await s.balance(s.contract)) - BigInt((await s.query<{ held: string }>({ config: {} })).held);
    await rejected(
      id,
      def,
      () =>
        govExecute(backend, s.contract, [
          { fund_program: { program_id: id, from_balance: (unassigned + 1n).toString() } },
        ]),
      `from_balance exceeds the contract's unassigned balance (${unassigned}uakt)`,
    );
    await rejected(id, def, () => s.exec(s.stranger, { fund_program: { program_id: id } }), "no funds attached");
    await rejected(
      id,
      def,
      () => s.exec(s.stranger, { fund_program: { program_id: 999 } }, uakt(1)),
      "program 999 not found",
    );
    const now = await backend.now();
    const ended = program(s, { start: now - WEEK, end: now, pools: [LM_POOL(1n)] });
    const eid = await createProgram(s, ended, 0n);
    await rejected(
      eid,
      ended,
      () => s.exec(s.stranger, { fund_program: { program_id: eid } }, uakt(1)),
      `the program ended at ${now}`,
    );
  });

  it("rejects grants beyond the pool's budget or to non-discretionary pools, and empty claims", async () => {
    const now = await backend.now();
    const def = program(s, {
      start: now - 60,
      end: now - 60 + WEEK,
      pools: [LM_POOL(10n), { name: "grants", discretionary: { budget: "100" } }],
    });
    const id = await createProgram(s, def, 110n);
    const g = (pool: string, amount: string) =>
      govExecute(backend, s.contract, [{ grant: { program_id: id, pool, provider: s.providers[2]!, amount } }]);
    await rejected(id, def, () => g("grants", "101"), "grant exceeds what the pool has left (100uakt)");
    await rejected(id, def, () => g("mining", "1"), "pool `mining` is not a discretionary pool");
    await rejected(id, def, () => g("grants", "0"), "invalid amount: greater than 0");
    await g("grants", "100");
    await rejected(id, def, () => g("grants", "1"), "grant exceeds what the pool has left (0uakt)");
    await rejected(id, def, () => s.exec(s.providers[0]!, { claim: { program_id: id } }), "nothing to claim");
    await s.exec(s.providers[2]!, { claim: { program_id: id } });
    await rejected(id, def, () => s.exec(s.providers[2]!, { claim: { program_id: id } }), "nothing to claim");
  });
});
