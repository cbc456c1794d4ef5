/**
 * Exact bigint reference model of the escrow contract (contracts/escrow), used by the property tests: the same rules
 * written independently in plain TypeScript, with the same error texts for the paths the tests drive.
 *
 * Denoms are opaque strings: a CW20 token's `cw20:<address>` follows every rule a bank denom does; `held`, `sent` and
 * `paidIn` then count its tokens (the contract's CW20 balance, transfers out, sends in).
 *
 * Rounding (as the contract, see contracts/escrow/settle.ts):
 * - accrual: owed = floor(carry + rate × Δh), the fraction is carried;
 * - shortfall: floor(F × owed_i / T), leftover units to the largest remainders, ties to the earlier payment.
 */
import type { Amount } from "../../sim/interface/coin.js";

export const ONE = 10n ** 18n;
/** Denoms of CW20 tokens: `cw20:<token address>`; their coins move by CW20 send/transfer, with the same rules. */
export const CW20_PREFIX = "cw20:";
export const MAX_GRANTS_SCANNED = 30;

export type Source = "balance" | "grant";
export type State = "open" | "overdrawn" | "closed";

export interface ModelConfig {
  /** denom → min_deposit, in configuration order. */
  denoms: Map<string, bigint>;
  maxDeposits: number;
  maxPayments: number;
}

export interface Dep {
  seq: number;
  depositor: string;
  source: Source;
  grantee: string;
  denom: string;
  amount: bigint;
  deposited: bigint;
  height: number;
}

export interface Pay {
  id: string;
  paymentId: string;
  provider: string;
  denom: string;
  /** Decimal atomics (× 10^18). */
  rate: bigint;
  carry: bigint;
  state: State;
  balance: bigint;
  unsettled: bigint;
  withdrawn: bigint;
  createdAt: number;
  closedAt: number;
}

export interface Book {
  peak: bigint;
  transferred: bigint;
}

export interface Acct {
  id: string;
  owner: string;
  state: State;
  createdAt: number;
  settledAt: number;
  nextSeq: number;
  deposits: Dep[];
  books: Map<string, Book>;
  payments: string[];
}

export interface Grant {
  sponsor: string;
  grantee: string;
  balances: Map<string, bigint>;
  /** 0 = never. */
  expiresAt: number;
  scopes: string[] | null;
}

/** Per (depositor, denom): what went in and where it went. deposited = spent + refunded + remaining. */
export interface DepositorLedger {
  deposited: bigint;
  spent: bigint;
  refundedToWallet: bigint;
  refundedToGrant: bigint;
}

export interface FundingArgs {
  id: string;
  amount?: Amount;
  sources?: Source[];
  sponsors?: string[];
}

export type Op =
  | { kind: "create_account"; sender: string; funds: Amount[]; args: FundingArgs }
  | { kind: "deposit"; sender: string; funds: Amount[]; args: FundingArgs }
  | { kind: "grant"; sender: string; funds: Amount[]; grantee: string; expiresAt?: number; scopes?: string[] }
  | { kind: "revoke_grant"; sender: string; grantee: string }
  | {
      kind: "create_payment";
      sender: string;
      id: string;
      paymentId: string;
      provider: string;
      denom: string;
      rate: bigint;
    }
  | { kind: "withdraw"; sender: string; id: string; paymentId: string }
  | { kind: "close_payment"; sender: string; id: string; paymentId: string }
  | { kind: "settle"; sender: string; id: string }
  | { kind: "close_account"; sender: string; id: string };

export type Outcome = { ok: true } | { ok: false; error: string };

/** Error texts, identical to contracts/escrow/error.ts. */
export const Err = {
  unauthorizedOwner: "unauthorized: only the account owner can do this",
  unauthorizedClosePayment: "unauthorized: only the account owner or the provider can close a payment",
  unauthorizedWithdraw: "unauthorized: only the provider can withdraw",
  accountClosed: "account is closed",
  accountOverdrawn: "account is overdrawn",
  paymentNotOpen: "payment is not open",
  noFunds: "no funds attached",
  amountZero: "amount must be greater than zero",
  rateZero: "rate must be greater than zero",
  grantEmpty: "grant must attach funds",
  duplicateSource: "duplicate deposit source",
  emptySources: "sources must not be empty",
  selfGrant: "cannot grant to yourself",
  fundsNotAccepted: "this message does not accept funds",
  accountExists: (id: string) => `account \`${id}\` already exists`,
  accountNotFound: (id: string) => `account \`${id}\` not found`,
  paymentExists: (id: string, pid: string) => `payment \`${pid}\` already exists in account \`${id}\``,
  paymentNotFound: (id: string, pid: string) => `payment \`${pid}\` not found in account \`${id}\``,
  grantNotFound: (sponsor: string, grantee: string) => `no grant from ${sponsor} to ${grantee}`,
  invalidDenom: (denom: string) => `denom \`${denom}\` is not accepted`,
  denomMismatch: (expected: string, got: string) => `funds must be in \`${expected}\`, got \`${got}\``,
  multipleDenoms: "attach exactly one coin",
  belowMinimum: (min: bigint, denom: string) => `opening deposit must be at least ${min}${denom}`,
  overdrawnForeignDenom: (denom: string) => `account is overdrawn and owes no \`${denom}\`: deposit the owed denom`,
  belowMinimumNewEntry: (min: bigint, denom: string) =>
    `a deposit from someone other than the owner must be at least ${min}${denom} unless it tops up its own entry`,
  insufficientFunds: (missing: bigint, denom: string) =>
    `insufficient funds: ${missing}${denom} not covered by the listed sources`,
  excessFunds: "attached funds exceed the deposit amount",
  tooManyDeposits: (max: number) => `account has too many deposit entries (max ${max})`,
  tooManyPayments: (max: number) => `account has too many open payments (max ${max})`,
  rateTooLarge: "rate must be at most 1000000000000000000 per block",
  denomNotFunded: (denom: string) => `account holds no \`${denom}\` deposits`,
  grantExpired: "expires_at must be in the future",
} as const;

class Fail extends Error {}

function fail(msg: string): never {
  throw new Fail(msg);
}

function addTo(m: Map<string, bigint>, k: string, v: bigint): void {
  if (v === 0n) return;
  m.set(k, (m.get(k) ?? 0n) + v);
}

/** floor-with-carry accrual; mutates p.carry. */
export function accrue(p: Pay, dh: number): bigint {
  const total = p.rate * BigInt(dh) + p.carry;
  p.carry = total % ONE;
  return total / ONE;
}

/** Hamilton split of `available` among `owed` (Σ result = min(available, Σ owed)). */
export function split(available: bigint, owed: bigint[]): bigint[] {
  const total = owed.reduce((a, b) => a + b, 0n);
  if (total <= available) return [...owed];
  const out = owed.map((o) => (available * o) / total);
  const rems = owed.map((o) => (available * o) % total);
  let left = available - out.reduce((a, b) => a + b, 0n);
  while (left > 0n) {
    let best = -1;
    for (let i = 0; i < owed.length; i++) {
      if ((out[i] ?? 0n) >= (owed[i] ?? 0n)) continue;
      if (best < 0 || (rems[i] ?? 0n) > (rems[best] ?? 0n)) best = i;
    }
    if (best < 0) throw new Error("split: leftover with nobody owed");
    out[best] = (out[best] ?? 0n) + 1n;
    rems[best] = 0n;
    left -= 1n;
  }
  return out;
}

export interface ModelState {
  accounts: Map<string, Acct>;
  payments: Map<string, Pay>;
  grants: Map<string, Grant>;
  /** The contract's bank balance per denom. */
  held: Map<string, bigint>;
  /** Coins sent out by the contract, per address and denom. */
  sent: Map<string, Map<string, bigint>>;
  /** Coins sent in by each address (attached funds), per denom. */
  paidIn: Map<string, Map<string, bigint>>;
  ledgers: Map<string, DepositorLedger>;
  /** Σ accrued per payment (paid into `balance`), for the ⌊rate × blocks⌋ property. */
  accrued: Map<string, bigint>;
}

export function paymentKey(id: string, pid: string): string {
  return `${id}\u0000${pid}`;
}

function ledgerKey(depositor: string, denom: string): string {
  return `${depositor}\u0000${denom}`;
}

function byteCompare(a: string, b: string): number {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return Buffer.compare(x, y);
}

export class EscrowModel {
  s: ModelState = {
    accounts: new Map(),
    payments: new Map(),
    grants: new Map(),
    held: new Map(),
    sent: new Map(),
    paidIn: new Map(),
    ledgers: new Map(),
    accrued: new Map(),
  };
  private pending: { to: string; denom: string; amount: bigint }[] = [];

  constructor(public cfg: ModelConfig) {}

  clone(): EscrowModel {
    const m = new EscrowModel(this.cfg);
    m.s = structuredClone(this.s);
    return m;
  }

  /** Runs one message at `height`; on error nothing changes (the chain rolls the transaction back). */
  apply(op: Op, height: number): Outcome {
    const saved = structuredClone(this.s);
    this.pending = [];
    try {
      this.run(op, height);
      for (const c of "funds" in op ? op.funds : []) {
        addTo(this.s.held, c.denom, c.amount);
        const m = this.s.paidIn.get(op.sender) ?? new Map<string, bigint>();
        addTo(m, c.denom, c.amount);
        this.s.paidIn.set(op.sender, m);
      }
      this.flush();
      return { ok: true };
    } catch (e) {
      this.s = saved;
      if (e instanceof Fail) return { ok: false, error: e.message };
      throw e;
    }
  }

  private flush(): void {
    for (const p of this.pending) {
      addTo(this.s.held, p.denom, -p.amount);
      const m = this.s.sent.get(p.to) ?? new Map<string, bigint>();
      addTo(m, p.denom, p.amount);
      this.s.sent.set(p.to, m);
    }
    this.pending = [];
  }

  /** A permissionless settle of an open account, which cannot fail: no rollback copy (fast, for eager references). */
  settleOpen(id: string, h: number): void {
    const a = this.s.accounts.get(id);
    if (a?.state !== "open") return;
    this.pending = [];
    this.settle(a, h);
    this.flush();
  }

  private run(op: Op, h: number): void {
    const funds = "funds" in op ? op.funds : [];
    const payable = op.kind === "create_account" || op.kind === "deposit" || op.kind === "grant";
    if (funds.some((c) => c.denom.startsWith(CW20_PREFIX))) {
      // Tokens arrive through the CW20 receive hook: one coin, into one of the three funding messages; the hook checks
      // the token is listed and the amount non-zero, then runs the message with the tokens as its attached funds.
      if (funds.length !== 1 || !payable) throw new Error("model: a CW20 send carries one coin into a funding message");
      if (!this.cfg.denoms.has(funds[0]!.denom)) fail(Err.invalidDenom(funds[0]!.denom));
      if (funds[0]!.amount === 0n) fail(Err.amountZero);
    }
    if (funds.length > 0 && !payable) fail(Err.fundsNotAccepted);
    switch (op.kind) {
      case "create_account": {
        this.createAccount(op.sender, funds, op.args, h);
        return;
      }
      case "deposit": {
        this.deposit(op.sender, funds, op.args, h);
        return;
      }
      case "grant": {
        this.grant(op.sender, funds, op.grantee, op.expiresAt, op.scopes, h);
        return;
      }
      case "revoke_grant": {
        this.revoke(op.sender, op.grantee);
        return;
      }
      case "create_payment": {
        this.createPayment(op, h);
        return;
      }
      case "withdraw": {
        this.withdraw(op.sender, op.id, op.paymentId, h);
        return;
      }
      case "close_payment": {
        this.closePayment(op.sender, op.id, op.paymentId, h);
        return;
      }
      case "settle": {
        this.settleMsg(op.id, h);
        return;
      }
      case "close_account": {
        this.closeAccountMsg(op.sender, op.id, h);
        return;
      }
    }
  }

  // --------------------------------------------------------------------------------------------------------------
  // helpers

  funds(a: Acct, denom: string): bigint {
    return a.deposits.filter((d) => d.denom === denom).reduce((x, d) => x + d.amount, 0n);
  }

  book(a: Acct, denom: string): Book {
    let b = a.books.get(denom);
    if (!b) {
      b = { peak: 0n, transferred: 0n };
      a.books.set(denom, b);
    }
    return b;
  }

  ledger(depositor: string, denom: string): DepositorLedger {
    const k = ledgerKey(depositor, denom);
    let l = this.s.ledgers.get(k);
    if (!l) {
      l = { deposited: 0n, spent: 0n, refundedToWallet: 0n, refundedToGrant: 0n };
      this.s.ledgers.set(k, l);
    }
    return l;
  }

  private payout(to: string, denom: string, amount: bigint): void {
    if (amount > 0n) this.pending.push({ to, denom, amount });
  }

  private live(a: Acct): Pay[] {
    return a.payments.map((pid) => {
      const p = this.s.payments.get(paymentKey(a.id, pid));
      if (!p) throw new Error("live payment missing");
      return p;
    });
  }

  private spend(a: Acct, denom: string, amount: bigint): void {
    let rest = amount;
    for (const d of a.deposits) {
      if (rest === 0n) break;
      if (d.denom !== denom) continue;
      const take = d.amount < rest ? d.amount : rest;
      d.amount -= take;
      rest -= take;
      this.ledger(d.depositor, denom).spent += take;
    }
    if (rest !== 0n) throw new Error("spend: short");
    a.deposits = a.deposits.filter((d) => d.amount !== 0n);
    this.book(a, denom).transferred += amount;
  }

  private payFromFunds(a: Acct, ps: Pay[], owed: bigint[], denom: string): boolean {
    const pays = split(this.funds(a, denom), owed);
    let total = 0n;
    let short = false;
    ps.forEach((p, k) => {
      const pay = pays[k] ?? 0n;
      const o = owed[k] ?? 0n;
      p.balance += pay;
      this.s.accrued.set(
        paymentKey(p.id, p.paymentId),
        (this.s.accrued.get(paymentKey(p.id, p.paymentId)) ?? 0n) + pay,
      );
      total += pay;
      if (pay < o) short = true;
      p.unsettled += o - pay;
    });
    this.spend(a, denom, total);
    return short;
  }

  private denomsOf(ps: Pay[]): string[] {
    const out: string[] = [];
    for (const p of ps) if (!out.includes(p.denom)) out.push(p.denom);
    return out;
  }

  settle(a: Acct, h: number): void {
    if (a.state !== "open" || h <= a.settledAt) return;
    const dh = h - a.settledAt;
    a.settledAt = h;
    const ps = this.live(a);
    if (ps.length === 0) return;
    const owed = ps.map((p) => accrue(p, dh));
    let short = false;
    for (const denom of this.denomsOf(ps)) {
      const idx = ps.map((p, i) => (p.denom === denom ? i : -1)).filter((i) => i >= 0);
      if (
        this.payFromFunds(
          a,
          idx.map((i) => ps[i]!),
          idx.map((i) => owed[i]!),
          denom,
        )
      )
        short = true;
    }
    if (short) {
      a.state = "overdrawn";
      for (const p of ps) {
        p.state = "overdrawn";
        this.payOut(p);
      }
      this.refundAll(a, h);
    }
  }

  private payOut(p: Pay): bigint {
    const amount = p.balance;
    if (amount === 0n) return 0n;
    this.payout(p.provider, p.denom, amount);
    p.withdrawn += amount;
    p.balance = 0n;
    return amount;
  }

  private refundAll(a: Acct, h: number): void {
    for (const d of a.deposits) {
      if (d.amount === 0n) continue;
      let toGrant = false;
      if (d.source === "grant") {
        const g = this.s.grants.get(`${d.depositor}\u0000${d.grantee}`);
        if (g && !(g.expiresAt !== 0 && h >= g.expiresAt)) {
          addTo(g.balances, d.denom, d.amount);
          toGrant = true;
        }
      }
      const l = this.ledger(d.depositor, d.denom);
      if (toGrant) l.refundedToGrant += d.amount;
      else {
        l.refundedToWallet += d.amount;
        this.payout(d.depositor, d.denom, d.amount);
      }
    }
    a.deposits = [];
  }

  private closeFinal(a: Acct, h: number): void {
    for (const p of this.live(a)) {
      this.payOut(p);
      p.state = "closed";
      p.closedAt = h;
    }
    a.payments = [];
    this.refundAll(a, h);
    a.state = "closed";
  }

  private payDebtsAndClose(a: Acct, h: number): void {
    const ps = this.live(a);
    let unpaid = false;
    for (const denom of this.denomsOf(ps)) {
      const sel = ps.filter((p) => p.denom === denom && p.unsettled > 0n);
      if (sel.length === 0) continue;
      const owed = sel.map((p) => p.unsettled);
      for (const p of sel) p.unsettled = 0n;
      if (this.payFromFunds(a, sel, owed, denom)) unpaid = true;
    }
    // Closes only once every debt is paid; until then what was paid goes to the providers.
    if (unpaid) {
      for (const p of ps) this.payOut(p);
      return;
    }
    this.closeFinal(a, h);
  }

  // --------------------------------------------------------------------------------------------------------------
  // funding

  private collect(
    sender: string,
    funds: Amount[],
    args: FundingArgs,
    h: number,
    acct?: Acct,
  ): { denom: string; total: bigint; draws: { depositor: string; source: Source; grantee: string; amount: bigint }[] } {
    const sources = args.sources ?? ["balance"];
    if (sources.length === 0) fail(Err.emptySources);
    if (new Set(sources).size !== sources.length) fail(Err.duplicateSource);
    let amount: Amount;
    if (args.amount === undefined) {
      if (funds.length === 0) fail(Err.noFunds);
      if (funds.length > 1) fail(Err.multipleDenoms);
      amount = funds[0]!;
    } else amount = args.amount;
    if (amount.amount === 0n) fail(Err.amountZero);
    if (!this.cfg.denoms.has(amount.denom)) fail(Err.invalidDenom(amount.denom));
    let attached = 0n;
    for (const c of funds) {
      if (c.denom !== amount.denom) fail(Err.denomMismatch(amount.denom, c.denom));
      attached += c.amount;
    }
    const draws: { depositor: string; source: Source; grantee: string; amount: bigint }[] = [];
    let rest = amount.amount;
    let used = 0n;
    for (const s of sources) {
      if (rest === 0n) break;
      if (s === "balance") {
        const take = attached < rest ? attached : rest;
        if (take === 0n) continue;
        draws.push({ depositor: sender, source: "balance", grantee: "", amount: take });
        used = take;
        rest -= take;
      } else {
        const gs =
          args.sponsors !== undefined
            ? args.sponsors.flatMap((sp) => this.s.grants.get(`${sp}\u0000${sender}`) ?? [])
            : [...this.s.grants.values()]
                .filter((g) => g.grantee === sender)
                .sort((x, y) => byteCompare(x.sponsor, y.sponsor))
                .slice(0, MAX_GRANTS_SCANNED);
        const min = this.cfg.denoms.get(amount.denom) ?? 0n;
        const owner = acct?.owner ?? sender;
        for (const g of gs) {
          if (rest === 0n) break;
          if (g.expiresAt !== 0 && h >= g.expiresAt) continue;
          const bal = g.balances.get(amount.denom) ?? 0n;
          const take = bal < rest ? bal : rest;
          if (take === 0n) continue;
          // A draw that would open a sponsor's entry below min_deposit is skipped (contracts/escrow/deposit.ts).
          const opens = !acct?.deposits.some(
            (x) =>
              x.depositor === g.sponsor && x.source === "grant" && x.grantee === sender && x.denom === amount.denom,
          );
          if (opens && g.sponsor !== owner && take < min) continue;
          if (g.scopes !== null && !g.scopes.includes(args.id)) continue;
          g.balances.set(amount.denom, bal - take);
          draws.push({ depositor: g.sponsor, source: "grant", grantee: sender, amount: take });
          rest -= take;
        }
      }
    }
    if (rest !== 0n) fail(Err.insufficientFunds(rest, amount.denom));
    if (used < attached) fail(Err.excessFunds);
    return { denom: amount.denom, total: amount.amount, draws };
  }

  private credit(sender: string, a: Acct, f: ReturnType<EscrowModel["collect"]>, h: number): void {
    const min = this.cfg.denoms.get(f.denom) ?? 0n;
    for (const d of f.draws) {
      let e = a.deposits.find(
        (x) => x.depositor === d.depositor && x.source === d.source && x.grantee === d.grantee && x.denom === f.denom,
      );
      if (!e) {
        if (a.deposits.length >= this.cfg.maxDeposits) fail(Err.tooManyDeposits(this.cfg.maxDeposits));
        if (d.depositor !== a.owner && d.amount < min) fail(Err.belowMinimumNewEntry(min, f.denom));
        e = {
          seq: a.nextSeq++,
          depositor: d.depositor,
          source: d.source,
          grantee: d.grantee,
          denom: f.denom,
          amount: 0n,
          deposited: 0n,
          height: h,
        };
        a.deposits.push(e);
      }
      e.amount += d.amount;
      e.deposited += d.amount;
      this.ledger(d.depositor, f.denom).deposited += d.amount;
    }
    const b = this.book(a, f.denom);
    const sum = this.funds(a, f.denom);
    if (sum > b.peak) b.peak = sum;
  }

  private createAccount(sender: string, funds: Amount[], args: FundingArgs, h: number): void {
    if (this.s.accounts.has(args.id)) fail(Err.accountExists(args.id));
    const f = this.collect(sender, funds, args, h);
    const min = this.cfg.denoms.get(f.denom) ?? 0n;
    if (f.total < min) fail(Err.belowMinimum(min, f.denom));
    const a: Acct = {
      id: args.id,
      owner: sender,
      state: "open",
      createdAt: h,
      settledAt: h,
      nextSeq: 1,
      deposits: [],
      books: new Map(),
      payments: [],
    };
    this.credit(sender, a, f, h);
    this.s.accounts.set(a.id, a);
  }

  private deposit(sender: string, funds: Amount[], args: FundingArgs, h: number): void {
    const a = this.s.accounts.get(args.id);
    if (!a) return fail(Err.accountNotFound(args.id));
    if (a.state === "closed") fail(Err.accountClosed);
    this.settle(a, h);
    const f = this.collect(sender, funds, args, h, a);
    const owes = this.live(a).some((p) => p.denom === f.denom && p.unsettled > 0n);
    if (a.state === "overdrawn" && !owes) fail(Err.overdrawnForeignDenom(f.denom));
    this.credit(sender, a, f, h);
    if (a.state === "overdrawn") this.payDebtsAndClose(a, h);
  }

  private grant(
    sender: string,
    funds: Amount[],
    grantee: string,
    expiresAt: number | undefined,
    scopes: string[] | undefined,
    h: number,
  ): void {
    if (grantee === sender) fail(Err.selfGrant);
    if (funds.length === 0) fail(Err.grantEmpty);
    for (const c of funds) {
      if (!this.cfg.denoms.has(c.denom)) fail(Err.invalidDenom(c.denom));
      if (c.amount === 0n) fail(Err.amountZero);
    }
    if (expiresAt !== undefined && expiresAt <= h) fail(Err.grantExpired);
    const k = `${sender}\u0000${grantee}`;
    const g: Grant = this.s.grants.get(k) ?? {
      sponsor: sender,
      grantee,
      balances: new Map<string, bigint>(),
      expiresAt: 0,
      scopes: null,
    };
    for (const c of funds) g.balances.set(c.denom, (g.balances.get(c.denom) ?? 0n) + c.amount);
    g.expiresAt = expiresAt ?? 0;
    g.scopes = scopes ?? null;
    this.s.grants.set(k, g);
  }

  private revoke(sender: string, grantee: string): void {
    const k = `${sender}\u0000${grantee}`;
    const g = this.s.grants.get(k);
    if (!g) return fail(Err.grantNotFound(sender, grantee));
    for (const [denom, amount] of g.balances) this.payout(sender, denom, amount);
    this.s.grants.delete(k);
  }

  // --------------------------------------------------------------------------------------------------------------
  // payments

  private createPayment(op: Extract<Op, { kind: "create_payment" }>, h: number): void {
    const a = this.s.accounts.get(op.id);
    if (!a) return fail(Err.accountNotFound(op.id));
    if (op.sender !== a.owner) fail(Err.unauthorizedOwner);
    if (a.state === "closed") fail(Err.accountClosed);
    if (op.rate === 0n) fail(Err.rateZero);
    if (op.rate > ONE * ONE) fail(Err.rateTooLarge);
    if (this.s.payments.has(paymentKey(op.id, op.paymentId))) fail(Err.paymentExists(op.id, op.paymentId));
    this.settle(a, h);
    if (a.state === "overdrawn") fail(Err.accountOverdrawn);
    if (this.funds(a, op.denom) === 0n) fail(Err.denomNotFunded(op.denom));
    if (a.payments.length >= this.cfg.maxPayments) fail(Err.tooManyPayments(this.cfg.maxPayments));
    this.s.payments.set(paymentKey(op.id, op.paymentId), {
      id: op.id,
      paymentId: op.paymentId,
      provider: op.provider,
      denom: op.denom,
      rate: op.rate,
      carry: 0n,
      state: "open",
      balance: 0n,
      unsettled: 0n,
      withdrawn: 0n,
      createdAt: h,
      closedAt: 0,
    });
    a.payments.push(op.paymentId);
  }

  private withdraw(sender: string, id: string, pid: string, h: number): void {
    const a = this.s.accounts.get(id);
    if (!a) return fail(Err.accountNotFound(id));
    const p = this.s.payments.get(paymentKey(id, pid));
    if (!p) return fail(Err.paymentNotFound(id, pid));
    if (sender !== p.provider) fail(Err.unauthorizedWithdraw);
    this.settle(a, h);
    if (a.payments.includes(pid)) this.payOut(p);
  }

  private closePayment(sender: string, id: string, pid: string, h: number): void {
    const a = this.s.accounts.get(id);
    if (!a) return fail(Err.accountNotFound(id));
    const p = this.s.payments.get(paymentKey(id, pid));
    if (!p) return fail(Err.paymentNotFound(id, pid));
    if (sender !== a.owner && sender !== p.provider) fail(Err.unauthorizedClosePayment);
    if (p.state !== "open") fail(Err.paymentNotOpen);
    this.settle(a, h);
    // settle() may have overdrawn the account, moving the payment out of "open" (the compiler cannot see that).
    if (!a.payments.includes(pid) || (p.state as State) !== "open") fail(Err.paymentNotOpen);
    this.payOut(p);
    p.state = "closed";
    p.closedAt = h;
    a.payments = a.payments.filter((x) => x !== pid);
  }

  private settleMsg(id: string, h: number): void {
    const a = this.s.accounts.get(id);
    if (!a) return fail(Err.accountNotFound(id));
    if (a.state === "closed") fail(Err.accountClosed);
    this.settle(a, h);
  }

  private closeAccountMsg(sender: string, id: string, h: number): void {
    const a = this.s.accounts.get(id);
    if (!a) return fail(Err.accountNotFound(id));
    if (sender !== a.owner) fail(Err.unauthorizedOwner);
    if (a.state === "closed") fail(Err.accountClosed);
    this.settle(a, h);
    this.closeFinal(a, h);
  }

  // --------------------------------------------------------------------------------------------------------------
  // views

  /** What the contract must hold: funds of open/overdrawn accounts + accrued balances + grant balances. */
  liabilities(denom: string): bigint {
    let sum = 0n;
    for (const a of this.s.accounts.values()) if (a.state !== "closed") sum += this.funds(a, denom);
    for (const p of this.s.payments.values()) if (p.denom === denom) sum += p.balance;
    for (const g of this.s.grants.values()) sum += g.balances.get(denom) ?? 0n;
    return sum;
  }

  sentTo(addr: string, denom: string): bigint {
    return this.s.sent.get(addr)?.get(denom) ?? 0n;
  }

  paidInBy(addr: string, denom: string): bigint {
    return this.s.paidIn.get(addr)?.get(denom) ?? 0n;
  }

  /** Remaining (unspent, unrefunded) per depositor and denom. */
  remaining(depositor: string, denom: string): bigint {
    let sum = 0n;
    for (const a of this.s.accounts.values()) {
      for (const d of a.deposits) if (d.depositor === depositor && d.denom === denom) sum += d.amount;
    }
    return sum;
  }
}
