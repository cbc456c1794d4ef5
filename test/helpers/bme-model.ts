/**
 * An independent reference model of the bme contract in plain bigint arithmetic, written from x/bme's rules as
 * docs/bme.md states them (request checks, the epoch crank, conversion, spread, remint credits, collateral ratio and
 * breaker), not from the contract's code. The property tests replay random operation sequences on the chain and on
 * this model and compare every answer, error text and counter.
 */

export const E18 = 10n ** 18n;
const U32_MAX = 4_294_967_295n;

export interface ModelParams {
  warn: bigint;
  halt: bigint;
  minEpoch: bigint;
  backoff: bigint;
  mintSpread: bigint;
  settleSpread: bigint;
  maxRecords: number;
  minMint: bigint;
  maxAttempts: number;
}

export type Kind = "mint" | "redeem";
export type Status = "healthy" | "warning" | "halt_cr" | "halt_oracle";
const RANK: Record<Status | "unspecified", number> = {
  unspecified: 0,
  healthy: 1,
  warning: 2,
  halt_cr: 3,
  halt_oracle: 4,
};

export interface ModelRecord {
  id: number;
  kind: Kind;
  owner: string;
  amount: bigint;
  height: number;
  attempts: number;
  state: "pending" | "executed" | "cancelled";
  minted: bigint;
  spread: bigint;
  paid: bigint;
  remintCredit: bigint;
  newlyMinted: bigint;
  reason: string | null;
}

export type Outcome = { ok: true; id?: number } | { ok: false; error: string };

export class BmeModel {
  balances = new Map<string, bigint>();
  supply = 0n;
  vault = 0n;
  remint = 0n;
  pendingAkt = 0n;
  pendingAct = 0n;
  burnedAkt = 0n;
  burnedAct = 0n;
  mintedAkt = 0n;
  mintedAct = 0n;
  nextId = 1;
  requested = 0;
  executed = 0;
  cancelled = 0;
  queues: Record<Kind, ModelRecord[]> = { mint: [], redeem: [] };
  ledger: ModelRecord[] = [];
  next: Record<Kind, number>;
  cursor: Record<Kind, number> = { mint: 0, redeem: 0 };
  status: Status = "healthy";
  previous: Status | "unspecified" = "unspecified";
  epochDiff: bigint;
  /** AKT that left the contract to wallets (payouts and refunds) and was burned, per the bank. */
  aktOut = new Map<string, bigint>();
  aktBurned = 0n;
  price: { atomics: bigint; publishTime: number } | null = null;

  constructor(
    readonly p: ModelParams,
    readonly self: string,
    readonly burnMode: "hold" | "burn",
    readonly staleness: number,
    height: number,
  ) {
    this.next = { mint: height + Number(p.minEpoch), redeem: height + Number(p.minEpoch) };
    this.epochDiff = p.minEpoch;
  }

  act(addr: string): bigint {
    return this.balances.get(addr) ?? 0n;
  }
  private setAct(addr: string, v: bigint): void {
    if (v === 0n) this.balances.delete(addr);
    else this.balances.set(addr, v);
  }
  private payAkt(to: string, v: bigint): void {
    this.aktOut.set(to, (this.aktOut.get(to) ?? 0n) + v);
  }

  /** The oracle's answer at `now`: the price, or null when stale (age > staleness). */
  livePrice(now: number): bigint | null {
    const p = this.price;
    if (p === null || now - p.publishTime > this.staleness) return null;
    return p.atomics;
  }

  crBps(price: bigint): bigint {
    const cr = (this.vault * price * 10_000n) / (this.supply * E18);
    return cr > U32_MAX ? U32_MAX : cr;
  }

  /** Status, CR (bps, or null) and the mint epoch length it implies (0 under a halt). */
  evaluate(now: number): { status: Status; cr: bigint | null; diff: bigint } {
    const price = this.livePrice(now);
    if (price === null) return { status: "halt_oracle", cr: null, diff: 0n };
    if (this.supply === 0n) return { status: "healthy", cr: null, diff: this.p.minEpoch };
    const cr = this.crBps(price);
    if (cr > this.p.warn) return { status: "healthy", cr, diff: this.p.minEpoch };
    if (cr > this.p.halt) return { status: "warning", cr, diff: this.backoff(cr) };
    return { status: "halt_cr", cr, diff: 0n };
  }

  /** min(14400, floor(minEpoch × (1 + b/100)^steps)) in 18-decimal fixed point, each product rounded down. */
  backoff(cr: bigint): bigint {
    const steps = (this.p.warn - cr) / 10n;
    const factor = E18 + (this.p.backoff * E18) / 100n;
    const cap = 14_400n * E18;
    let d = this.p.minEpoch * E18;
    for (let i = 0n; i < steps && d < cap; i++) d = (d * factor) / E18;
    return d < cap ? d / E18 : 14_400n;
  }

  convert(
    kind: Kind,
    amount: bigint,
    price: bigint,
  ): { minted: bigint; spread: bigint; paid: bigint; reason: string | null } {
    const minted = kind === "mint" ? (amount * price) / E18 : (amount * E18) / price;
    let reason: string | null = null;
    if (minted === 0n) reason = "epsilon";
    else if (kind === "mint" && minted < this.p.minMint) reason = "minimum_mint";
    const spread = (minted * (kind === "mint" ? this.p.mintSpread : this.p.settleSpread)) / 10_000n;
    return { minted, spread, paid: minted - spread, reason };
  }

  private reject(kind: Kind, amount: bigint, price: bigint): string | null {
    const c = this.convert(kind, amount, price);
    if (c.reason === "minimum_mint") return `mint below minimum: ${c.minted}uact < ${this.p.minMint}uact`;
    if (c.reason === "epsilon") return "amount too small: it converts to zero";
    return null;
  }

  private owned(owner: string): number {
    return (
      this.queues.mint.filter((r) => r.owner === owner).length +
      this.queues.redeem.filter((r) => r.owner === owner).length
    );
  }

  private enqueue(kind: Kind, owner: string, amount: bigint, height: number): Outcome {
    if (this.owned(owner) >= 10) return { ok: false, error: "too many pending records for this owner (max 10)" };
    const r: ModelRecord = {
      id: this.nextId++,
      kind,
      owner,
      amount,
      height,
      attempts: 0,
      state: "pending",
      minted: 0n,
      spread: 0n,
      paid: 0n,
      remintCredit: 0n,
      newlyMinted: 0n,
      reason: null,
    };
    this.queues[kind].push(r);
    this.requested++;
    return { ok: true, id: r.id };
  }

  mint(owner: string, amount: bigint, height: number, now: number): Outcome {
    if (amount === 0n) return { ok: false, error: "invalid zero amount" };
    const price = this.livePrice(now);
    if (price === null) return { ok: false, error: "price unavailable: " };
    const s = this.evaluate(now).status;
    if (RANK[s] >= RANK.halt_cr) return { ok: false, error: `circuit breaker active: ${s}` };
    const e = this.reject("mint", amount, price);
    if (e !== null) return { ok: false, error: e };
    const out = this.enqueue("mint", owner, amount, height);
    if (out.ok) this.pendingAkt += amount;
    return out;
  }

  redeem(owner: string, amount: bigint, height: number, now: number): Outcome {
    if (amount === 0n) return { ok: false, error: "invalid zero amount" };
    const have = this.act(owner);
    if (have < amount) return { ok: false, error: `insufficient ACT balance: ${have}uact < ${amount}uact` };
    const price = this.livePrice(now);
    if (price === null) return { ok: false, error: "price unavailable: " };
    const e = this.reject("redeem", amount, price);
    if (e !== null) return { ok: false, error: e };
    const out = this.enqueue("redeem", owner, amount, height);
    if (out.ok) {
      this.setAct(owner, have - amount);
      this.setAct(this.self, this.act(this.self) + amount);
      this.pendingAct += amount;
    }
    return out;
  }

  burn(owner: string, amount: bigint): Outcome {
    if (amount === 0n) return { ok: false, error: "invalid zero amount" };
    const have = this.act(owner);
    if (have < amount) return { ok: false, error: `insufficient ACT balance: ${have}uact < ${amount}uact` };
    this.setAct(owner, have - amount);
    this.supply -= amount;
    this.burnedAct += amount;
    return { ok: true };
  }

  fundVault(amount: bigint): Outcome {
    this.vault += amount;
    return { ok: true };
  }

  process(height: number, now: number, limit?: number): Outcome & { executed?: number; cancelled?: number } {
    if (limit !== undefined && (limit === 0 || limit > this.p.maxRecords))
      return { ok: false, error: `invalid limit: 1 to ${this.p.maxRecords}` };
    const price = this.livePrice(now);
    const run = { budget: limit ?? this.p.maxRecords, executed: 0, cancelled: 0 };
    this.pass(run, "redeem", this.p.minEpoch, price, height);
    const ev = this.evaluate(now);
    let reset = false;
    if (ev.status !== this.status) {
      reset = RANK[this.status] >= RANK.halt_cr && RANK[ev.status] <= RANK.warning;
      this.previous = this.status;
      this.status = ev.status;
    }
    if (ev.diff > 0n) this.epochDiff = ev.diff;
    if (reset) {
      this.next.mint = height + Number(this.epochDiff);
      this.cursor.mint = 0;
    } else if (RANK[ev.status] <= RANK.warning || ev.status === "halt_oracle") {
      this.pass(run, "mint", this.epochDiff, price, height);
    }
    return { ok: true, executed: run.executed, cancelled: run.cancelled };
  }

  private pass(
    run: { budget: number; executed: number; cancelled: number },
    kind: Kind,
    diff: bigint,
    price: bigint | null,
    height: number,
  ): void {
    let start = this.cursor[kind];
    if (start === 0) {
      if (this.next[kind] > height) return;
      this.next[kind] = height + Number(diff);
      start = 1;
    }
    const todo = this.queues[kind].filter((r) => r.id >= start).sort((a, b) => a.id - b.id);
    let i = 0;
    for (; i < todo.length && run.budget > 0; i++) {
      run.budget--;
      this.handle(run, kind, todo[i]!, price);
    }
    this.cursor[kind] = i < todo.length ? todo[i]!.id : 0;
  }

  private handle(run: { executed: number; cancelled: number }, kind: Kind, r: ModelRecord, price: bigint | null): void {
    if (price === null) {
      this.retry(run, kind, r);
      return;
    }
    const c = this.convert(kind, r.amount, price);
    if (c.reason !== null) {
      this.cancel(run, kind, r, c.reason);
      return;
    }
    if (kind === "redeem" && this.vault < c.paid) {
      this.retry(run, kind, r);
      return;
    }
    Object.assign(r, { minted: c.minted, spread: c.spread, paid: c.paid });
    if (kind === "mint") {
      this.setAct(r.owner, this.act(r.owner) + c.paid);
      this.setAct(this.self, this.act(this.self) + c.spread);
      this.supply += c.minted;
      this.mintedAct += c.minted;
      this.remint += r.amount;
      this.burnedAkt += r.amount;
      this.pendingAkt -= r.amount;
      r.remintCredit = r.amount;
      if (this.burnMode === "burn") this.aktBurned += r.amount;
      else this.vault += r.amount;
    } else {
      this.setAct(this.self, this.act(this.self) - r.amount);
      this.supply -= r.amount;
      this.burnedAct += r.amount;
      this.pendingAct -= r.amount;
      const issued = this.remint < c.minted ? this.remint : c.minted;
      r.remintCredit = issued;
      r.newlyMinted = c.minted - issued;
      this.remint -= issued;
      this.mintedAkt += r.newlyMinted;
      this.vault -= c.paid;
      this.payAkt(r.owner, c.paid);
    }
    this.executed++;
    run.executed++;
    this.close(kind, r, "executed");
  }

  private retry(run: { executed: number; cancelled: number }, kind: Kind, r: ModelRecord): void {
    r.attempts++;
    if (r.attempts >= this.p.maxAttempts) this.cancel(run, kind, r, "max_attempts");
  }

  private cancel(run: { executed: number; cancelled: number }, kind: Kind, r: ModelRecord, reason: string): void {
    if (kind === "mint") {
      this.pendingAkt -= r.amount;
      this.payAkt(r.owner, r.amount);
    } else {
      this.pendingAct -= r.amount;
      this.setAct(this.self, this.act(this.self) - r.amount);
      this.setAct(r.owner, this.act(r.owner) + r.amount);
    }
    r.reason = reason;
    this.cancelled++;
    run.cancelled++;
    this.close(kind, r, "cancelled");
  }

  private close(kind: Kind, r: ModelRecord, state: "executed" | "cancelled"): void {
    r.state = state;
    this.queues[kind] = this.queues[kind].filter((x) => x !== r);
    this.ledger.push(r);
  }
}
