/**
 * Property tests of the escrow contract over random sequences (≤ 12 steps) of create/deposit/grant/revoke/payment/
 * withdraw/settle/close/advance-blocks, on the embedded chain, against the bigint reference model.
 *
 * The chain costs a few milliseconds per contract call, so every sequence runs on the chain once and the observation
 * is shared: each property below is its own `fc.assert` with the same seed and arbitrary (so the same sequences),
 * and reads the cached run. Properties:
 *   (model) every message succeeds or fails on the chain exactly as in the model (same error text), and accounts,
 *           deposits and payments agree field by field;
 *   (a) conservation: after every step the contract's balance equals the funds of open and overdrawn accounts
 *       + accrued unwithdrawn payments + grant balances, and every actor's balance = funding − paid in + paid out,
 *       per denom: uakt in the bank and the CW20 fixture token (ACT's stand-in, funded through the receive hook and
 *       paid out by CW20 transfer) in its contract's ledger;
 *   (b) per depositor and denom: deposited = spent + refunded + remaining, with remaining read from the contract;
 *   (c) settlement-frequency invariance: the run settled only when touched (and once at the end) pays providers
 *       (withdrawn + accrued) and refunds depositors exactly as a reference run that settles every account at every
 *       block, whenever the accounts stay funded (an overdraft is detected when someone
 *       touches the account, so lazy and eager runs legitimately differ after one; see docs/escrow.md);
 *   (d) every payment that never went short has accrued exactly ⌊rate × blocks it was open⌋.
 * ESCROW_FC_RUNS (default 10000) and ESCROW_FC_SEED override the run count and seed (default: fixed under CI,
 * random otherwise).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breather } from "../../helpers/breather.js";
import type { ChainSnapshot } from "../../../sim/index.js";
import { FUNDING } from "../../helpers/escrow-fixture.js";
import { EscrowModel, ONE, type Op } from "../../helpers/escrow-model.js";
import {
  EVERYONE,
  HOOK,
  IDS,
  applyToChain,
  balanceOf,
  checkActors,
  checkBank,
  checkDepositors,
  checkQueries,
  denomsOf,
  modelConfig,
  readChain,
  resolveOp,
  sequenceArb,
  setupPropertyEscrow,
  toMsg,
  type PaymentQ,
  type PropertyEnv,
  type Step,
} from "../../helpers/escrow-runner.js";

const RUNS = Number(process.env.ESCROW_FC_RUNS ?? 10_000);
// CI replays one fixed seed so a run is reproducible; local runs explore a new seed each time (printed on failure).
const CI_SEED = 303_331_966;
const inCI = process.env.CI === "true" || process.env.CI === "1";
const SEED = Number(process.env.ESCROW_FC_SEED ?? (inCI ? CI_SEED : Date.now() % 2 ** 31));

interface Observation {
  model: EscrowModel;
  /** First failure per property, null when it held. */
  failures: Record<"model" | "a" | "b", string | null>;
  /** Coins each actor received from the contract, per denom (from bank balances). */
  received: Map<string, bigint>;
  payments: PaymentQ[];
  settledAt: Map<string, number>;
}

let env: PropertyEnv;
let base: ChainSnapshot;
const cache = new Map<string, Observation>();
const breathe = breather();
const stats = { sequences: 0, steps: 0, ms: 0, funded: 0, checkedPayments: 0 };

const key = (steps: readonly Step[]): string =>
  JSON.stringify(steps, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function observe(steps: readonly Step[]): Promise<Observation> {
  const k = key(steps);
  const hit = cache.get(k);
  if (hit) return hit;
  // The embedded chain is synchronous: yield now and then so vitest's worker RPC is not starved.
  await breathe();
  const t0 = Date.now();
  env.chain.restore(base);
  const model = new EscrowModel(modelConfig(env));
  const failures: Observation["failures"] = { model: null, a: null, b: null };
  for (const step of steps) {
    if (step.kind === "advance") {
      env.chain.advanceBlocks(step.blocks);
      continue;
    }
    await breathe();
    const op = resolveOp(step, env, env.chain.height);
    const height = env.chain.height;
    const got = await applyToChain(env, op);
    const want = model.apply(op, height);
    if (failures.model === null && (got.ok !== want.ok || (!got.ok && !want.ok && got.error !== want.error))) {
      failures.model = `${JSON.stringify(toMsg(op).msg)}: chain ${JSON.stringify(got)}, model ${JSON.stringify(want)}`;
    }
    if (failures.a === null) {
      try {
        await checkBank(env, model);
      } catch (e) {
        failures.a = message(e);
      }
    }
  }
  // "Settle only at the end": every account still open is settled once at the final height.
  for (const id of IDS) {
    if (model.s.accounts.get(id)?.state !== "open") continue;
    const op: Op = { kind: "settle", sender: env.addr.stranger, id };
    const height = env.chain.height;
    const got = await applyToChain(env, op);
    const want = model.apply(op, height);
    if (failures.model === null && got.ok !== want.ok) failures.model = `final settle ${id}: ${JSON.stringify(got)}`;
  }
  if (failures.a === null) {
    try {
      await checkActors(env, model, FUNDING);
    } catch (e) {
      failures.a = message(e);
    }
  }
  const chain = await readChain(env, model);
  if (failures.model === null) {
    try {
      checkQueries(chain, model);
    } catch (e) {
      failures.model = message(e);
    }
  }
  try {
    checkDepositors(chain, model);
  } catch (e) {
    failures.b = message(e);
  }
  const received = new Map<string, bigint>();
  for (const name of EVERYONE) {
    for (const denom of denomsOf(env)) {
      const addr = env.addr[name];
      received.set(`${addr}/${denom}`, (await balanceOf(env, addr, denom)) - FUNDING + model.paidInBy(addr, denom));
    }
  }
  const payments: PaymentQ[] = [];
  const settledAt = new Map<string, number>();
  for (const [id, c] of chain) {
    settledAt.set(id, c.account.settled_at);
    payments.push(...c.payments);
  }
  const obs: Observation = { model, failures, received, payments, settledAt };
  cache.set(k, obs);
  stats.sequences++;
  stats.steps += steps.length;
  stats.ms += Date.now() - t0;
  return obs;
}

/** The same sequence on the model only, settling every account at every block (the eager reference). */
function eager(steps: readonly Step[]): { model: EscrowModel; overdrawn: boolean } {
  const model = new EscrowModel(modelConfig(env));
  let height = Number(base.height);
  let overdrawn = false;
  const apply = (op: Op): void => {
    model.apply(op, height);
    for (const a of model.s.accounts.values()) if (a.state === "overdrawn") overdrawn = true;
    for (const p of model.s.payments.values()) if (p.unsettled > 0n) overdrawn = true;
  };
  const settleAll = (): void => {
    for (const id of IDS) {
      model.settleOpen(id, height);
      if (model.s.accounts.get(id)?.state === "overdrawn") overdrawn = true;
    }
  };
  for (const step of steps) {
    if (step.kind === "advance") {
      for (let i = 0; i < step.blocks; i++) {
        height++;
        settleAll();
      }
    } else apply(resolveOp(step, env, height));
  }
  return { model, overdrawn };
}

/** Coins paid to each address plus what is accrued for it and not yet withdrawn. */
function payoutsOf(
  sent: (addr: string, denom: string) => bigint,
  balances: { provider: string; denom: string; balance: bigint }[],
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const name of EVERYONE) {
    for (const denom of denomsOf(env)) {
      const addr = env.addr[name];
      const accrued = balances
        .filter((b) => b.provider === addr && b.denom === denom)
        .reduce((x, b) => x + b.balance, 0n);
      out.set(`${name}/${denom}`, sent(addr, denom) + accrued);
    }
  }
  return out;
}

const prop = (check: (steps: Step[], o: Observation) => void) =>
  fc.asyncProperty(sequenceArb, async (steps) => {
    check(steps, await observe(steps));
  });

const params = (): fc.Parameters<[Step[]]> => ({ numRuns: RUNS, seed: SEED, endOnFailure: true });

describe(`escrow properties (${RUNS} sequences, seed ${SEED})`, () => {
  beforeAll(async () => {
    env = await setupPropertyEscrow();
    base = env.chain.snapshot();
  });

  afterAll(() => {
    const per = stats.sequences > 0 ? (stats.ms / stats.sequences).toFixed(1) : "-";
    console.log(
      `escrow properties: ${stats.sequences} sequences, ${stats.steps} steps on chain in ${stats.ms} ms ` +
        `(${per} ms/sequence); ${stats.funded} stayed funded for (c); ${stats.checkedPayments} payments checked for (d); ` +
        `${HOOK.sends} successful CW20 sends into the receive hook`,
    );
  });

  it("the contract agrees with the reference model (outcomes, error texts, accounts, deposits, payments)", async () => {
    await fc.assert(
      prop((_s, o) => {
        expect(o.failures.model).toBeNull();
      }),
      params(),
    );
  }, 3_600_000);

  it("(a) conservation: contract balance = liabilities after every step; every coin is held or paid out", async () => {
    await fc.assert(
      prop((_s, o) => {
        expect(o.failures.a).toBeNull();
      }),
      params(),
    );
  }, 3_600_000);

  it("(b) per depositor: deposited = spent + refunded + remaining", async () => {
    await fc.assert(
      prop((_s, o) => {
        expect(o.failures.b).toBeNull();
      }),
      params(),
    );
  }, 3_600_000);

  it("(c) settling every block or only when touched gives identical payouts and refunds (funded accounts)", async () => {
    await fc.assert(
      prop((steps, o) => {
        const ref = eager(steps);
        const lazyOverdrawn =
          [...o.model.s.accounts.values()].some((a) => a.state === "overdrawn") ||
          [...o.model.s.payments.values()].some((p) => p.unsettled > 0n);
        if (ref.overdrawn || lazyOverdrawn) return;
        stats.funded++;
        const chainBalances = o.payments.map((p) => ({
          provider: p.provider,
          denom: p.denom,
          balance: BigInt(p.balance),
        }));
        const lazy = payoutsOf((addr, denom) => o.received.get(`${addr}/${denom}`) ?? 0n, chainBalances);
        const modelBalances = [...ref.model.s.payments.values()];
        const every = payoutsOf((addr, denom) => ref.model.sentTo(addr, denom), modelBalances);
        expect(Object.fromEntries(lazy)).toEqual(Object.fromEntries(every));
      }),
      params(),
    );
  }, 3_600_000);

  it("(d) a payment that never went short accrued exactly floor(rate × blocks open)", async () => {
    await fc.assert(
      prop((_s, o) => {
        for (const p of o.payments) {
          if (p.unsettled !== "0") continue;
          const accountSettled = o.settledAt.get(p.id) ?? 0;
          const end = p.closed_at > 0 ? Math.min(p.closed_at, accountSettled) : accountSettled;
          const [whole, frac = ""] = p.rate.split(".");
          const rate = BigInt(whole!) * ONE + BigInt(frac.padEnd(18, "0"));
          const expected = (rate * BigInt(end - p.created_at)) / ONE;
          expect(`${p.id}/${p.payment_id}: ${BigInt(p.withdrawn) + BigInt(p.balance)}`).toBe(
            `${p.id}/${p.payment_id}: ${expected}`,
          );
          stats.checkedPayments++;
        }
      }),
      params(),
    );
  }, 3_600_000);
});
