// Mint and redeem requests (queued with their coins locked) and the epoch crank that executes them, oldest first,
// each record applied whole or not at all. Formulas as x/bme (`x/bme/keeper`): see docs/bme.md.

import { BankMsg, Coin, Decimal, Key, Order, Response, Some, Uint128, decodeU64Key, err, intStr } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { RecordInfo } from "./msg";
import { Live, evaluate, fetchPrice, liveStatus } from "./price";
import {
  AKT,
  HALT_CR,
  HALT_ORACLE,
  KIND_MINT,
  KIND_REDEEM,
  LEDGER,
  LEDGER_RETENTION,
  MAX_PENDING_PER_OWNER,
  QUEUE,
  WARNING,
  balanceOf,
  kindByte,
  kindName,
  move,
  ownedCount,
  queueKey,
  setBalance,
  setOwned,
  statusName,
} from "./state";

const ONE: u64 = 1_000_000_000_000_000_000;

/** The outcome of converting `amount` at `price`: amounts, or the fatal cancel reason. */
export class Conversion {
  minted: Uint128 = Uint128.zero();
  spread: Uint128 = Uint128.zero();
  paid: Uint128 = Uint128.zero();
  reason: string | null = null;
}

/**
 * mint_amount = floor(amount × P_from / P_to) with ACT ≡ 1 (both 6 decimals); spread = floor(minted × bps / 10000),
 * kept by the contract; paid = minted − spread.
 */
export function convert(x: Exec, kind: u8, amount: Uint128, price: Decimal): Conversion {
  const p = x.cfg.params;
  const c = new Conversion();
  const m =
    kind == KIND_MINT
      ? price.checkedMulUintFloor(amount)
      : amount.checkedMulDivFloor(Uint128.fromU64(ONE), price.atomics);
  if (m === null) {
    c.reason = "invalid_amount";
    return c;
  }
  c.minted = m;
  if (m.isZero()) c.reason = "epsilon";
  else if (kind == KIND_MINT && m.lt(p.min_mint)) c.reason = "minimum_mint";
  const bps = kind == KIND_MINT ? p.mint_spread_bps : p.settle_spread_bps;
  c.spread = m.mulDivFloor(Uint128.fromU64(bps), Uint128.fromU64(10000));
  c.paid = m.sub(c.spread);
  return c;
}

export function conversionError(x: Exec, c: Conversion): string {
  if (c.reason == "minimum_mint") return E.belowMinMint(c.minted.toString(), x.cfg.params.min_mint.toString());
  return E.epsilon();
}

export function mint(x: Exec): Response {
  if (x.cfg.paused) return err(E.PAUSED);
  const e = x.akt();
  if (e !== null) return err(e);
  const live = liveStatus(x.cfg, x.state());
  const price = live.price;
  if (price === null) return err(E.priceUnavailable(live.error!));
  if (live.status >= HALT_CR) return err(E.breaker(statusName(live.status)));
  const c = convert(x, KIND_MINT, x.amount, price);
  if (c.reason !== null) return err(conversionError(x, c));
  const st = x.state();
  const r = enqueue(x, KIND_MINT, x.amount);
  if (r.isErr()) return r;
  st.pendingAkt = st.pendingAkt.add(x.amount);
  x.saveState();
  return r;
}

export function redeem(x: Exec, amount: Uint128): Response {
  if (x.cfg.paused) return err(E.PAUSED);
  if (amount.isZero()) return err(E.AMOUNT_ZERO);
  const have = balanceOf(x.sender);
  if (have.lt(amount)) return err(E.insufficientAct(have.toString(), amount.toString()));
  const live = liveStatus(x.cfg, x.state());
  const price = live.price;
  // halt_oracle blocks redemptions too; halt_cr does not.
  if (price === null) return err(E.priceUnavailable(live.error!));
  const c = convert(x, KIND_REDEEM, amount, price);
  if (c.reason !== null) return err(conversionError(x, c));
  const r = enqueue(x, KIND_REDEEM, amount);
  if (r.isErr()) return r;
  move(x.sender, x.self, amount);
  const st = x.state();
  st.pendingAct = st.pendingAct.add(amount);
  x.saveState();
  return r;
}

function enqueue(x: Exec, kind: u8, amount: Uint128): Response {
  const n = ownedCount(x.sender);
  if (n >= MAX_PENDING_PER_OWNER) return err(E.PENDING_LIMIT);
  const st = x.state();
  const r = new RecordInfo();
  r.id = st.nextId++;
  r.kind = kindName(kind);
  r.owner = x.sender;
  r.amount = amount;
  r.height = x.height;
  r.state = "pending";
  QUEUE().save(queueKey(kind, r.id), r);
  setOwned(x.sender, n + 1);
  st.requested++;
  const id = intStr(r.id);
  x.event("bme_request")
    .add("id", id)
    .add("kind", r.kind)
    .add("owner", r.owner)
    .add("amount", amount.toString() + denomOf(kind));
  return x.res.addAttribute("action", kind == KIND_MINT ? "mint_act" : "redeem_act").addAttribute("id", id);
}

/** What a record locks: uakt for a mint, uact for a redemption. */
function denomOf(kind: u8): string {
  return kind == KIND_MINT ? AKT : "uact";
}

class Run {
  budget: u32 = 0;
  executed: u32 = 0;
  cancelled: u32 = 0;
  retried: u32 = 0;
  constructor(
    public x: Exec,
    public live: Live,
  ) {}
}

export function processEpoch(x: Exec, limit: Some<u32> | null): Response {
  if (x.cfg.paused) return err(E.PAUSED);
  const p = x.cfg.params;
  const max = p.max_endblocker_records;
  let budget = max;
  if (limit !== null) {
    if (limit.value == 0 || limit.value > max) return err(E.invalidLimit(max));
    budget = limit.value;
  }
  const st = x.state();
  const live = new Live();
  fetchPrice(x.cfg, live);
  const run = new Run(x, live);
  run.budget = budget;
  // 1. Redemption epoch.
  pass(run, KIND_REDEEM, p.min_epoch_blocks);
  // 2. Status, after the redemptions changed vault and supply.
  evaluate(x.cfg, st, live);
  let reset = false;
  if (live.status != st.status) {
    reset = st.status >= HALT_CR && live.status <= WARNING;
    x.event("bme_status_change")
      .add("previous_status", statusName(st.status))
      .add("new_status", statusName(live.status))
      .add("collateral_ratio", live.crBps < 0 ? "" : Decimal.bps(<u64>live.crBps).toString());
    st.previous = st.status;
    st.status = live.status;
  }
  if (live.diff > 0) st.epochDiff = live.diff;
  // 3. Mint epoch: after a breaker reset, wait one (backed-off) epoch; under halt_cr mints wait; under halt_oracle
  // they are attempted, and fail retriably for want of a price.
  if (reset) {
    st.next[KIND_MINT] = x.height + st.epochDiff;
    st.cursor[KIND_MINT] = 0;
  } else if (live.status <= WARNING || live.status == HALT_ORACLE) {
    pass(run, KIND_MINT, st.epochDiff);
  }
  x.saveState();
  return x.res
    .addAttribute("action", "process_epoch")
    .addAttribute("executed", intStr(run.executed))
    .addAttribute("cancelled", intStr(run.cancelled))
    .addAttribute("retried", intStr(run.retried))
    .addAttribute("status", statusName(st.status));
}

/**
 * Runs the epoch of `kind` if it is due or in progress: records from the cursor on, oldest first, while the budget
 * lasts. A pass that runs out of budget keeps its place (cursor) and continues on the next call, without waiting.
 */
function pass(run: Run, kind: u8, diff: u64): void {
  const x = run.x;
  const st = x.state();
  let start = st.cursor[kind];
  if (start == 0) {
    if (st.next[kind] > x.height) return;
    st.next[kind] = x.height + diff;
    start = 1;
  }
  const entries = QUEUE().range(Key.bytes(kindByte(kind)), Key.u64(start - 1), <i32>run.budget + 1, Order.Ascending);
  let i = 0;
  for (; i < entries.length && run.budget > 0; i++) {
    run.budget--;
    handle(run, kind, entries[i].value);
  }
  st.cursor[kind] = i < entries.length ? entries[i].value.id : 0;
}

function handle(run: Run, kind: u8, r: RecordInfo): void {
  const x = run.x;
  const price = run.live.price;
  if (price === null) {
    retry(run, kind, r, run.live.error!);
    return;
  }
  const c = convert(x, kind, r.amount, price);
  const reason = c.reason;
  if (reason !== null) {
    cancel(run, kind, r, reason, "");
    return;
  }
  const st = x.state();
  if (kind == KIND_REDEEM && st.vault.lt(c.paid)) {
    retry(run, kind, r, "insufficient_funds: vault holds " + st.vault.toString() + AKT);
    return;
  }
  r.price = price;
  r.minted = c.minted;
  r.spread = c.spread;
  r.paid = c.paid;
  if (kind == KIND_MINT) {
    setBalance(r.owner, balanceOf(r.owner).add(c.paid));
    setBalance(x.self, balanceOf(x.self).add(c.spread));
    st.supply = st.supply.add(c.minted);
    st.mintedAct = st.mintedAct.add(c.minted);
    st.remint = st.remint.add(r.amount);
    st.burnedAkt = st.burnedAkt.add(r.amount);
    st.pendingAkt = st.pendingAkt.sub(r.amount);
    r.remint_credit = r.amount;
    if (x.cfg.burn_mode == "burn") x.res.addMessage(BankMsg.burn([new Coin(AKT, r.amount)]));
    else st.vault = st.vault.add(r.amount);
  } else {
    setBalance(x.self, balanceOf(x.self).sub(r.amount));
    st.supply = st.supply.sub(r.amount);
    st.burnedAct = st.burnedAct.add(r.amount);
    st.pendingAct = st.pendingAct.sub(r.amount);
    const issued = st.remint.min(c.minted);
    r.remint_credit = issued;
    r.newly_minted = c.minted.sub(issued);
    st.remint = st.remint.sub(issued);
    st.mintedAkt = st.mintedAkt.add(r.newly_minted);
    st.vault = st.vault.sub(c.paid);
    x.res.addMessage(BankMsg.send(r.owner, [new Coin(AKT, c.paid)]));
  }
  st.executed++;
  run.executed++;
  x.event("bme_executed")
    .add("id", intStr(r.id))
    .add("kind", r.kind)
    .add("owner", r.owner)
    .add("price", price.toString())
    .add("burned", r.amount.toString() + denomOf(kind))
    .add("minted", c.minted.toString() + denomOf(<u8>(1 - kind)))
    .add("spread", c.spread.toString() + denomOf(<u8>(1 - kind)))
    .add("paid", c.paid.toString() + denomOf(<u8>(1 - kind)))
    .add("remint_credit", r.remint_credit.toString() + AKT)
    .add("newly_minted", r.newly_minted.toString() + AKT);
  close(run, kind, r, "executed");
}

function retry(run: Run, kind: u8, r: RecordInfo, why: string): void {
  r.attempts++;
  if (r.attempts >= run.x.cfg.params.max_pending_attempts) {
    cancel(run, kind, r, "max_attempts", why);
    return;
  }
  QUEUE().save(queueKey(kind, r.id), r);
  run.retried++;
  run.x.event("bme_retry").add("id", intStr(r.id)).add("attempts", intStr(r.attempts)).add("error", why);
}

/** Refunds the locked coins to the owner and records why. */
function cancel(run: Run, kind: u8, r: RecordInfo, reason: string, why: string): void {
  const x = run.x;
  const st = x.state();
  if (kind == KIND_MINT) {
    st.pendingAkt = st.pendingAkt.sub(r.amount);
    x.res.addMessage(BankMsg.send(r.owner, [new Coin(AKT, r.amount)]));
  } else {
    st.pendingAct = st.pendingAct.sub(r.amount);
    move(x.self, r.owner, r.amount);
  }
  r.reason = reason;
  st.cancelled++;
  run.cancelled++;
  x.event("bme_cancelled")
    .add("id", intStr(r.id))
    .add("kind", r.kind)
    .add("owner", r.owner)
    .add("refund", r.amount.toString() + denomOf(kind))
    .add("reason", reason)
    .add("error", why);
  close(run, kind, r, "cancelled");
}

/** Moves a finished record from the queue to the ledger, pruning the oldest ledger entry past the retention. */
function close(run: Run, kind: u8, r: RecordInfo, state: string): void {
  const x = run.x;
  const st = x.state();
  r.state = state;
  r.done_height = x.height;
  QUEUE().remove(queueKey(kind, r.id));
  setOwned(r.owner, ownedCount(r.owner) - 1);
  const ledger = LEDGER();
  ledger.save(Key.u64(r.id), r);
  st.ledgerCount++;
  if (st.ledgerCount > LEDGER_RETENTION) {
    const oldest = ledger.keys(null, null, 1, Order.Ascending);
    ledger.remove(Key.u64(decodeU64Key(oldest[0])));
    st.ledgerCount--;
  }
}
