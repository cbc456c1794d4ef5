/**
 * Drives the escrow contract on the embedded chain and the reference model side by side: the fast-check arbitraries
 * for random operation sequences, the translation of a model Op into an ExecuteMsg (or, for funds in the CW20 token,
 * a CW20 `send` carrying it to the receive hook), and the state comparisons over bank and CW20 balances.
 */
import fc from "fast-check";
import { TxError } from "../../sim/index.js";
import { addToken, setupEscrow, type EscrowEnv, type TokenEnv } from "./escrow-fixture.js";
import { cw20Send } from "./cw20.js";
import type { Amount } from "../../sim/interface/coin.js";
import { EscrowModel, ONE, paymentKey, type Op, type Outcome } from "./escrow-model.js";

/** The generators' name for the CW20 fixture token (ACT's stand-in); resolveOp turns it into `cw20:<address>`. */
export const TOKEN = "cw20:token";
/** A bank denom and a CW20 token: the two payout routes. */
export const DENOMS = ["uakt", TOKEN] as const;

/** An escrow with the CW20 fixture token listed (min_deposit MIN_DEPOSIT), as the property tests run it. */
export type PropertyEnv = EscrowEnv & { token: TokenEnv };

export async function setupPropertyEscrow(): Promise<PropertyEnv> {
  const env = await setupEscrow(PROPERTY_INSTANTIATE);
  const token = await addToken(env, { minDeposit: MIN_DEPOSIT });
  return Object.assign(env, { token });
}

/** The deployment's denom for a generator denom. */
export function denomOf(env: PropertyEnv, d: string): string {
  return d === TOKEN ? env.token.denom : d;
}

/** The deployment's denoms, in configuration order. */
export function denomsOf(env: PropertyEnv): string[] {
  return DENOMS.map((d) => denomOf(env, d));
}

/** Bank or CW20 balance, by denom. */
export async function balanceOf(env: PropertyEnv, addr: string, denom: string): Promise<bigint> {
  return denom === env.token.denom ? env.token.balance(addr) : env.chain.balance(addr, denom);
}
export const MIN_DEPOSIT = 1_000n;
export const IDS = ["a", "b"] as const;
/** Ids the random steps use: mostly the prelude's account. */
const STEP_IDS = ["a", "a", "a", "b"] as const;
export const PIDS = ["p1", "p2"] as const;
export const USERS = ["owner", "alice", "bob", "sponsor"] as const;
export const PROVIDERS = ["provider", "provider2"] as const;
export const EVERYONE = [...USERS, ...PROVIDERS] as const;

/** Instantiate message matching `modelConfig()`; setupPropertyEscrow then lists the token after uakt. */
export const PROPERTY_INSTANTIATE = {
  denoms: [{ denom: "uakt", min_deposit: MIN_DEPOSIT.toString() }],
  limits: { max_deposits: 4, max_payments: 2, max_alerts: 5 },
};

export function modelConfig(env: PropertyEnv): ConstructorParameters<typeof EscrowModel>[0] {
  return { denoms: new Map(denomsOf(env).map((d) => [d, MIN_DEPOSIT])), maxDeposits: 4, maxPayments: 2 };
}

/** A step of a sequence: an escrow message or closing blocks. */
export type Step = { kind: "advance"; blocks: number } | Op;

const coinArb = (max: number): fc.Arbitrary<Amount> =>
  fc.record({ denom: fc.constantFrom(...DENOMS), amount: fc.bigInt({ min: 1n, max: BigInt(max) }) });

/** Rates with integer and fractional parts (up to 18 decimals), in Decimal atomics. */
export const rateArb: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 1n, max: 900n }).map((n) => n * ONE),
  fc.bigInt({ min: 1n, max: 900n * ONE }),
  fc.bigInt({ min: 1n, max: 3n * ONE }),
);

const fundingArb = (kind: "create_account" | "deposit"): fc.Arbitrary<Op> =>
  fc
    .record({
      sender: fc.constantFrom(...USERS),
      id: fc.constantFrom(...STEP_IDS),
      coin: coinArb(40_000),
      mode: fc.constantFrom("attached", "attached", "grant", "grant+balance", "balance+grant"),
      attachShare: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ sender, id, coin, mode, attachShare }): Op => {
      if (mode === "attached") return { kind, sender, funds: [coin], args: { id } };
      const sources =
        mode === "grant"
          ? (["grant"] as const)
          : mode === "grant+balance"
            ? (["grant", "balance"] as const)
            : (["balance", "grant"] as const);
      const attached = mode === "grant" ? 0n : (coin.amount * BigInt(attachShare)) / 100n;
      return {
        kind,
        sender,
        funds: attached > 0n ? [{ denom: coin.denom, amount: attached }] : [],
        args: { id, amount: coin, sources: [...sources] },
      };
    });

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fundingArb("create_account") },
  { weight: 3, arbitrary: fundingArb("deposit") },
  {
    weight: 2,
    arbitrary: fc
      .record({
        sender: fc.constantFrom("sponsor", "bob"),
        grantee: fc.constantFrom("owner", "alice"),
        coin: coinArb(30_000),
        expires: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      })
      .map(({ sender, grantee, coin, expires }): Op => ({
        kind: "grant",
        sender,
        funds: [coin],
        grantee,
        ...(expires !== undefined ? { expiresAt: -expires } : {}),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ sender: fc.constantFrom("sponsor", "bob"), grantee: fc.constantFrom("owner", "alice") })
      .map(({ sender, grantee }): Op => ({ kind: "revoke_grant", sender, grantee })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        sender: fc.constantFrom("owner", "owner", "alice"),
        id: fc.constantFrom(...STEP_IDS),
        paymentId: fc.constantFrom(...PIDS),
        provider: fc.constantFrom(...PROVIDERS),
        denom: fc.constantFrom(...DENOMS),
        rate: rateArb,
      })
      .map((r): Op => ({ kind: "create_payment", ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        kind: fc.constantFrom("withdraw" as const, "close_payment" as const),
        sender: fc.constantFrom(...PROVIDERS, "owner"),
        id: fc.constantFrom(...STEP_IDS),
        paymentId: fc.constantFrom(...PIDS),
      })
      .map((r): Op => r),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ sender: fc.constantFrom(...EVERYONE), id: fc.constantFrom(...STEP_IDS) })
      .map(({ sender, id }): Op => ({ kind: "settle", sender, id })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ sender: fc.constantFrom("owner", "alice"), id: fc.constantFrom(...STEP_IDS) })
      .map(({ sender, id }): Op => ({ kind: "close_account", sender, id })),
  },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 60 }).map((blocks): Step => ({ kind: "advance", blocks })) },
);

/**
 * Sequences open with a short random prelude (an optional grant, an account, a payment, in uakt or in the token) so
 * that the random tail mostly hits live objects instead of failing with "not found"; at most 12 steps in all.
 */
export const preludeArb: fc.Arbitrary<Step[]> = fc
  .record({
    grant: fc.option(fc.bigInt({ min: 20_000n, max: 60_000n }), { nil: undefined }),
    amount: fc.bigInt({ min: 1_000n, max: 40_000n }),
    viaGrant: fc.boolean(),
    rate: rateArb,
    second: fc.boolean(),
    denom: fc.constantFrom(...DENOMS),
  })
  .map(({ grant, amount, viaGrant, rate, second, denom }) => {
    const steps: Step[] = [];
    if (grant !== undefined) {
      steps.push({ kind: "grant", sender: "sponsor", funds: [{ denom, amount: grant }], grantee: "owner" });
    }
    if (grant !== undefined && viaGrant) {
      const attached = amount / 2n;
      steps.push({
        kind: "create_account",
        sender: "owner",
        funds: attached > 0n ? [{ denom, amount: attached }] : [],
        args: { id: "a", amount: { denom, amount }, sources: ["balance", "grant"] },
      });
    } else {
      steps.push({ kind: "create_account", sender: "owner", funds: [{ denom, amount }], args: { id: "a" } });
    }
    steps.push({
      kind: "create_payment",
      sender: "owner",
      id: "a",
      paymentId: "p1",
      provider: "provider",
      denom,
      rate,
    });
    if (second) {
      steps.push({ kind: "deposit", sender: "alice", funds: [{ denom, amount: 5_000n }], args: { id: "a" } });
    }
    return steps;
  });

export const sequenceArb: fc.Arbitrary<Step[]> = fc
  .tuple(preludeArb, fc.array(stepArb, { minLength: 1, maxLength: 7 }))
  .map(([p, t]) => [...p, ...t].slice(0, 12));

/**
 * Actor names in ops become addresses and TOKEN the token's denom; a negative `expiresAt` means "that many blocks
 * from now".
 */
export function resolveOp(op: Op, env: PropertyEnv, height: number): Op {
  const a = (n: string): string => (n in env.addr ? env.addr[n as keyof EscrowEnv["addr"]] : n);
  const coin = (c: Amount): Amount => ({ denom: denomOf(env, c.denom), amount: c.amount });
  const r = { ...op, sender: a(op.sender) };
  if ("funds" in r) r.funds = r.funds.map(coin);
  if (r.kind === "create_account" || r.kind === "deposit") {
    if (r.args.amount) r.args = { ...r.args, amount: coin(r.args.amount) };
  }
  if (r.kind === "create_payment") r.denom = denomOf(env, r.denom);
  if (r.kind === "grant") {
    r.grantee = a(r.grantee);
    if (r.expiresAt !== undefined && r.expiresAt < 0) r.expiresAt = height - r.expiresAt;
  }
  if (r.kind === "revoke_grant") r.grantee = a(r.grantee);
  if (r.kind === "create_payment") r.provider = a(r.provider);
  return r;
}

function decimalString(atomics: bigint): string {
  const whole = atomics / ONE;
  const frac = (atomics % ONE).toString().padStart(18, "0").replace(/0+$/, "");
  return frac === "" ? whole.toString() : `${whole}.${frac}`;
}

export { decimalString };

function coinJson(c: Amount): { denom: string; amount: string } {
  return { denom: c.denom, amount: c.amount.toString() };
}

/** The ExecuteMsg and attached funds for a (resolved) model op. */
export function toMsg(op: Op): { msg: Record<string, unknown>; funds: { denom: string; amount: string }[] } {
  const funds = "funds" in op ? op.funds.map(coinJson) : [];
  switch (op.kind) {
    case "create_account":
    case "deposit":
      return {
        msg: {
          [op.kind]: {
            id: op.args.id,
            ...(op.args.amount ? { amount: coinJson(op.args.amount) } : {}),
            ...(op.args.sources ? { sources: op.args.sources } : {}),
          },
        },
        funds,
      };
    case "grant":
      return {
        msg: {
          grant: {
            grantee: op.grantee,
            ...(op.expiresAt !== undefined ? { expires_at: { at_height: op.expiresAt } } : {}),
            ...(op.scopes ? { scopes: op.scopes } : {}),
          },
        },
        funds,
      };
    case "revoke_grant":
      return { msg: { revoke_grant: { grantee: op.grantee } }, funds };
    case "create_payment":
      return {
        msg: {
          create_payment: {
            id: op.id,
            payment_id: op.paymentId,
            provider: op.provider,
            denom: op.denom,
            rate: decimalString(op.rate),
          },
        },
        funds,
      };
    case "withdraw":
    case "close_payment":
      return { msg: { [op.kind]: { id: op.id, payment_id: op.paymentId } }, funds };
    case "settle":
    case "close_account":
      return { msg: { [op.kind]: { id: op.id } }, funds };
  }
}

/** The contract's own error text inside a failed tx's raw log. */
export function contractError(e: unknown): string {
  if (!(e instanceof TxError)) throw e instanceof Error ? e : new Error(String(e));
  const m = /message index: 0: (.*): execute wasm contract failed$/s.exec(e.record.rawLog);
  return m ? m[1]! : e.record.rawLog;
}

/** Calls that went through the CW20 receive hook and succeeded (reported by the property test). */
export const HOOK = { sends: 0 };

/** Funds in the token go through a CW20 `send` to the receive hook (one coin), the rest as attached bank coins. */
export async function applyToChain(env: PropertyEnv, op: Op): Promise<Outcome> {
  const { msg, funds } = toMsg(op);
  const viaToken = funds.length === 1 && funds[0]!.denom === env.token.denom;
  try {
    if (viaToken) {
      await env.client.execute(
        op.sender,
        env.token.token,
        cw20Send(env.contract, BigInt(funds[0]!.amount), msg),
        "auto",
      );
    } else await env.client.execute(op.sender, env.contract, msg, "auto", "", funds);
    if (viaToken) HOOK.sends++;
    return { ok: true };
  } catch (e) {
    return { ok: false, error: contractError(e) };
  }
}

/** Outcome counts per op kind and error text (for tuning the generators). */
export const STATS: Record<string, number> = {};

export interface Mismatch {
  what: string;
  chain: unknown;
  model: unknown;
}

/** Runs a sequence on both; throws on the first disagreement (outcome or any compared balance). */
export async function runBoth(
  env: PropertyEnv,
  model: EscrowModel,
  steps: readonly Step[],
  checkEvery = true,
): Promise<void> {
  for (const step of steps) {
    if (step.kind === "advance") {
      env.chain.advanceBlocks(step.blocks);
      continue;
    }
    const op = resolveOp(step, env, env.chain.height);
    const height = env.chain.height;
    const got = await applyToChain(env, op);
    const want = model.apply(op, height);
    STATS[`${op.kind}:${got.ok ? "ok" : got.error.replace(/akash1[0-9a-z]+/g, "X").replace(/\d+/g, "N")}`] =
      (STATS[`${op.kind}:${got.ok ? "ok" : got.error.replace(/akash1[0-9a-z]+/g, "X").replace(/\d+/g, "N")}`] ?? 0) + 1;
    if (got.ok !== want.ok || (!got.ok && !want.ok && got.error !== want.error)) {
      throw new Error(
        `outcome differs for ${JSON.stringify(toMsg(op).msg)}: chain ${JSON.stringify(got)} model ${JSON.stringify(want)}`,
      );
    }
    if (checkEvery) await checkBank(env, model);
  }
}

/** (a) the contract holds exactly its liabilities (bank coins and CW20 tokens). */
export async function checkBank(env: PropertyEnv, model: EscrowModel): Promise<void> {
  for (const denom of denomsOf(env)) {
    const held = await balanceOf(env, env.contract, denom);
    const modelHeld = model.s.held.get(denom) ?? 0n;
    if (held !== modelHeld) throw new Error(`contract ${denom}: chain ${held} model ${modelHeld}`);
    const liabilities = model.liabilities(denom);
    if (held !== liabilities) throw new Error(`contract ${denom}: holds ${held}, liabilities ${liabilities}`);
  }
}

/** (a) every actor's balance = funding − paid in + paid out, per denom (bank or CW20). */
export async function checkActors(env: PropertyEnv, model: EscrowModel, funding: bigint): Promise<void> {
  for (const name of EVERYONE) {
    const addr = env.addr[name];
    for (const denom of denomsOf(env)) {
      const want = funding - model.paidInBy(addr, denom) + model.sentTo(addr, denom);
      const got = await balanceOf(env, addr, denom);
      if (got !== want) throw new Error(`${name} ${denom}: chain ${got} model ${want}`);
    }
  }
}

export interface AccountQ {
  id: string;
  state: string;
  settled_at: number;
  funds: { denom: string; amount: string; transferred: string; debt: string }[];
}
export interface DepositQ {
  depositor: string;
  source: string;
  denom: string;
  amount: string;
  deposited: string;
}
export interface PaymentQ {
  id: string;
  payment_id: string;
  provider: string;
  denom: string;
  rate: string;
  state: string;
  balance: string;
  unsettled: string;
  withdrawn: string;
  carry: string;
  created_at: number;
  closed_at: number;
}

/** What the contract says about one account (first pages, enough for the property tests' bounds). */
export interface ChainAccount {
  account: AccountQ;
  deposits: DepositQ[];
  payments: PaymentQ[];
}

export async function readChain(env: PropertyEnv, model: EscrowModel): Promise<Map<string, ChainAccount>> {
  const out = new Map<string, ChainAccount>();
  for (const id of IDS) {
    if (!model.s.accounts.has(id)) continue;
    const [account, deposits, payments] = await Promise.all([
      env.query<AccountQ>({ account: { id } }),
      env.query<{ deposits: DepositQ[] }>({ deposits: { id, limit: 30 } }),
      env.query<{ payments: PaymentQ[] }>({ payments: { id, limit: 30 } }),
    ]);
    out.set(id, { account, deposits: deposits.deposits, payments: payments.payments });
  }
  return out;
}

/** Full comparison of accounts, deposits and payments with the model. */
export function checkQueries(chain: Map<string, ChainAccount>, model: EscrowModel): void {
  const denoms = [...model.cfg.denoms.keys()];
  for (const [id, a] of model.s.accounts) {
    const c = chain.get(id);
    if (!c) throw new Error(`${id}: not read from the chain`);
    const acc = c.account;
    const eq = (what: string, x: unknown, m: unknown): void => {
      if (x !== m) throw new Error(`${id} ${what}: chain ${String(x)} model ${String(m)}`);
    };
    eq("state", acc.state, a.state);
    eq("settled_at", acc.settled_at, a.settledAt);
    for (const denom of denoms) {
      const f = acc.funds.find((x) => x.denom === denom);
      eq(`funds ${denom}`, f?.amount ?? "0", model.funds(a, denom).toString());
      eq(`transferred ${denom}`, f?.transferred ?? "0", (a.books.get(denom)?.transferred ?? 0n).toString());
    }
    eq("deposit count", c.deposits.length, a.deposits.length);
    c.deposits.forEach((d, i) => {
      const m = a.deposits[i]!;
      eq(
        `deposit ${i}`,
        `${d.depositor}/${d.source}/${d.denom}/${d.amount}/${d.deposited}`,
        `${m.depositor}/${m.source}/${m.denom}/${m.amount}/${m.deposited}`,
      );
    });
    for (const p of c.payments) {
      const m = model.s.payments.get(paymentKey(id, p.payment_id));
      if (!m) throw new Error(`${id}/${p.payment_id}: missing in model`);
      eq(
        p.payment_id,
        `${p.state}/${p.balance}/${p.unsettled}/${p.withdrawn}/${p.carry}`,
        `${m.state}/${m.balance}/${m.unsettled}/${m.withdrawn}/${decimalString(m.carry)}`,
      );
    }
  }
}

/** (b) per depositor and denom: deposited = spent + refunded + remaining, and remaining agrees with the contract. */
export function checkDepositors(chain: Map<string, ChainAccount>, model: EscrowModel): void {
  const remainingOnChain = new Map<string, bigint>();
  for (const c of chain.values()) {
    for (const d of c.deposits) {
      const k = `${d.depositor}\u0000${d.denom}`;
      remainingOnChain.set(k, (remainingOnChain.get(k) ?? 0n) + BigInt(d.amount));
    }
  }
  for (const [k, l] of model.s.ledgers) {
    const [depositor, denom] = k.split("\u0000") as [string, string];
    const remaining = model.remaining(depositor, denom);
    if (l.deposited !== l.spent + l.refundedToWallet + l.refundedToGrant + remaining) {
      throw new Error(
        `ledger ${k}: ${l.deposited} != ${l.spent} + ${l.refundedToWallet} + ${l.refundedToGrant} + ${remaining}`,
      );
    }
    const onChain = remainingOnChain.get(k) ?? 0n;
    if (onChain !== remaining) throw new Error(`remaining ${k}: chain ${onChain} model ${remaining}`);
  }
}
