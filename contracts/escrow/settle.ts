// Settlement: accrual with a carried remainder, the pro-rata split of a shortfall, FIFO spending, overdraft, debt
// payment, refunds and the final close. Handlers load the account and its live payments, call into here, then save.
//
// Rounding:
// - Accrual: owed = floor(carry + rate × Δh); the fraction is carried to the next settlement, so after N blocks a
//   funded payment has accrued exactly floor(rate × N) however often settlement ran.
// - Shortfall (funds F < total owed T): payment i gets floor(F × owed_i / T); the F − Σ floors leftover units
//   (fewer than the number of payments) go one each to the largest remainders F × owed_i mod T, ties to the earlier
//   payment (Hamilton's method). Σ paid = F exactly, nobody gets more than it was owed.

import { Decimal, Uint128, Uint256, intStr } from "../std";
import {
  ACCOUNTS,
  ALERTS,
  Account,
  DepositEntry,
  GRANTS,
  PAYMENTS,
  Payment,
  SOURCE_GRANT,
  STATE_CLOSED,
  STATE_OPEN,
  STATE_OVERDRAWN,
  alertKey,
  grantKey,
  paymentKey,
} from "./state";
import { Exec, coinStr, item } from "./exec";
import { Key, Order } from "../std";

const ONE_ATOMICS: u64 = 1_000_000_000_000_000_000;

function one(): Uint128 {
  return Uint128.fromU64(ONE_ATOMICS);
}

/** The largest accepted rate, 10^18 per block: owed = rate × Δh then always fits a Uint128 (Δh < 2^64). */
export function maxRate(): Decimal {
  return Decimal.fromInt(one());
}

/** Integer amount owed for `dh` blocks; updates the payment's carried fraction. */
export function accrue(p: Payment, dh: u64): Uint128 {
  const h = Uint128.fromU64(dh);
  const whole = p.rate.floor();
  // fract < 10^18 and h < 2^64, so both products stay below 2^128.
  const fracTotal = p.rate.fract().atomics.mul(h).add(p.carry.atomics);
  const owed = whole.mul(h).add(fracTotal.div(one()));
  p.carry = Decimal.fromAtomics(fracTotal.rem(one()));
  return owed;
}

/** Splits `available` among `owed` (see the header); returns owed itself when it is all covered. */
export function split(available: Uint128, owed: Array<Uint128>): Array<Uint128> {
  let total = Uint128.zero();
  for (let i = 0; i < owed.length; i++) total = total.add(owed[i]);
  const out = new Array<Uint128>(owed.length);
  if (total.le(available)) {
    for (let i = 0; i < owed.length; i++) out[i] = owed[i];
    return out;
  }
  const rems = new Array<Uint256>(owed.length);
  const t256 = Uint256.fromUint128(total);
  let given = Uint128.zero();
  for (let i = 0; i < owed.length; i++) {
    const prod = Uint256.fullMul(available, owed[i]);
    out[i] = prod.div(t256).toUint128();
    rems[i] = prod.rem(t256);
    given = given.add(out[i]);
  }
  let left = available.sub(given);
  while (!left.isZero()) {
    let best = -1;
    for (let i = 0; i < owed.length; i++) {
      if (out[i].ge(owed[i])) continue;
      if (best < 0 || rems[i].gt(rems[best])) best = i;
    }
    if (best < 0) throw new Error("split: leftover with nobody owed");
    out[best] = out[best].add(Uint128.one());
    rems[best] = Uint256.zero(); // one extra unit each at most
    left = left.sub(Uint128.one());
  }
  return out;
}

/** Takes `amount` of `denom` from the deposits, oldest first, and drops emptied entries. */
export function spend(acc: Account, denom: string, amount: Uint128): void {
  if (amount.isZero()) return;
  let rest = amount;
  for (let i = 0; i < acc.deposits.length && !rest.isZero(); i++) {
    const d = acc.deposits[i];
    if (d.denom != denom) continue;
    const take = d.amount.min(rest);
    d.amount = d.amount.sub(take);
    rest = rest.sub(take);
  }
  if (!rest.isZero()) throw new Error("spend: deposits short of funds");
  pruneDeposits(acc);
  const b = acc.book(denom);
  b.transferred = b.transferred.add(amount);
}

export function pruneDeposits(acc: Account): void {
  const kept = new Array<DepositEntry>();
  for (let i = 0; i < acc.deposits.length; i++) if (!acc.deposits[i].amount.isZero()) kept.push(acc.deposits[i]);
  acc.deposits = kept;
}

export function loadLivePayments(acc: Account): Array<Payment> {
  const out = new Array<Payment>();
  const m = PAYMENTS();
  for (let i = 0; i < acc.payments.length; i++) {
    const p = m.load(paymentKey(acc.id, acc.payments[i]));
    if (p === null) throw new Error("live payment missing: " + acc.payments[i]);
    out.push(p);
  }
  return out;
}

export function saveAll(acc: Account, ps: Array<Payment>): void {
  ACCOUNTS().save(Key.str(acc.id), acc);
  const m = PAYMENTS();
  for (let i = 0; i < ps.length; i++) m.save(paymentKey(ps[i].id, ps[i].paymentId), ps[i]);
}

function distinctDenoms(ps: Array<Payment>): Array<string> {
  const out = new Array<string>();
  for (let i = 0; i < ps.length; i++) if (!out.includes(ps[i].denom)) out.push(ps[i].denom);
  return out;
}

/** Pays `owed[i]` to payment `idx[i]` from the account's funds in `denom`; returns true if anything stayed unpaid. */
function payFromFunds(acc: Account, ps: Array<Payment>, idx: Array<i32>, owed: Array<Uint128>, denom: string): bool {
  const pays = split(acc.funds(denom), owed);
  let total = Uint128.zero();
  let short = false;
  for (let k = 0; k < idx.length; k++) {
    const p = ps[idx[k]];
    p.balance = p.balance.add(pays[k]);
    total = total.add(pays[k]);
    if (pays[k].lt(owed[k])) short = true;
    p.unsettled = p.unsettled.add(owed[k].sub(pays[k]));
  }
  spend(acc, denom, total);
  return short;
}

/**
 * Accrues every open payment up to the current height and pays it from the account. An open account that cannot pay
 * becomes overdrawn (debts recorded, providers paid what accrued, depositors refunded). Overdrawn and closed accounts
 * do not accrue: their settled_at is frozen.
 */
export function settle(x: Exec, acc: Account, ps: Array<Payment>): void {
  if (acc.state != STATE_OPEN) return;
  if (x.height <= acc.settledAt) return;
  const from = acc.settledAt;
  const dh = x.height - from;
  acc.settledAt = x.height;
  if (ps.length == 0) return;
  const owedAll = new Array<Uint128>(ps.length);
  for (let i = 0; i < ps.length; i++) owedAll[i] = accrue(ps[i], dh);
  const denoms = distinctDenoms(ps);
  let short = false;
  const e = x.event("escrow_settle").add("id", acc.id).add("from_height", intStr(from));
  e.add("to_height", intStr(x.height));
  for (let d = 0; d < denoms.length; d++) {
    const denom = denoms[d];
    const idx = new Array<i32>();
    const owed = new Array<Uint128>();
    for (let i = 0; i < ps.length; i++) {
      if (ps[i].denom != denom) continue;
      idx.push(i);
      owed.push(owedAll[i]);
    }
    const before = acc.book(denom).transferred;
    if (payFromFunds(acc, ps, idx, owed, denom)) short = true;
    e.add("transferred", coinStr(acc.book(denom).transferred.sub(before), denom));
  }
  if (short) overdraw(x, acc, ps);
}

function overdraw(x: Exec, acc: Account, ps: Array<Payment>): void {
  acc.state = STATE_OVERDRAWN;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    p.state = STATE_OVERDRAWN;
    if (!p.unsettled.isZero()) {
      x.batch("escrow_overdrawn", acc.id, "debts", item([p.paymentId, coinStr(p.unsettled, p.denom)]));
    }
    payOut(x, p);
  }
  refundAll(x, acc);
}

/** Sends a payment's accrued balance to its provider. */
export function payOut(x: Exec, p: Payment): Uint128 {
  const amount = p.balance;
  if (amount.isZero()) return amount;
  x.payouts.add(p.provider, p.denom, amount);
  p.withdrawn = p.withdrawn.add(amount);
  p.balance = Uint128.zero();
  x.batch("escrow_withdraw", p.id, "payouts", item([p.paymentId, p.provider, coinStr(amount, p.denom)]));
  return amount;
}

/**
 * Gives every deposit entry its own remainder back, in deposit order. A grant-sourced remainder goes back into the
 * grant (restoring the grantee's allowance) while that grant exists and has not expired, otherwise to the sponsor.
 */
export function refundAll(x: Exec, acc: Account): void {
  const grants = GRANTS();
  for (let i = 0; i < acc.deposits.length; i++) {
    const d = acc.deposits[i];
    if (d.amount.isZero()) continue;
    let to = "wallet";
    if (d.source == SOURCE_GRANT) {
      const k = grantKey(d.depositor, d.grantee);
      const g = grants.load(k);
      if (g !== null && !g.expired(x.height)) {
        g.setBalance(d.denom, g.balance(d.denom).add(d.amount));
        grants.save(k, g);
        to = "grant";
      }
    }
    if (to == "wallet") x.payouts.add(d.depositor, d.denom, d.amount);
    x.batch(
      "escrow_refund",
      acc.id,
      "refunds",
      item([intStr(d.seq), d.depositor, d.source, coinStr(d.amount, d.denom), to]),
    );
  }
  acc.deposits = new Array<DepositEntry>();
}

/** The recorded debt in `denom` across the live payments. */
export function owed(ps: Array<Payment>, denom: string): Uint128 {
  let sum = Uint128.zero();
  for (let i = 0; i < ps.length; i++) if (ps[i].denom == denom) sum = sum.add(ps[i].unsettled);
  return sum;
}

/**
 * Overdrawn account after a deposit: pays the recorded debts (pro rata per denom when short), then closes, but only
 * once no debt is left in any denom; until then it stays overdrawn and keeps the deposits that did not go to debts.
 */
export function payDebtsAndClose(x: Exec, acc: Account, ps: Array<Payment>): void {
  const denoms = distinctDenoms(ps);
  let unpaid = false;
  for (let d = 0; d < denoms.length; d++) {
    const denom = denoms[d];
    const idx = new Array<i32>();
    const owed = new Array<Uint128>();
    for (let i = 0; i < ps.length; i++) {
      if (ps[i].denom != denom || ps[i].unsettled.isZero()) continue;
      idx.push(i);
      owed.push(ps[i].unsettled);
      // payFromFunds adds the unpaid part back.
      ps[i].unsettled = Uint128.zero();
    }
    if (idx.length == 0) continue;
    const before = acc.book(denom).transferred;
    if (payFromFunds(acc, ps, idx, owed, denom)) unpaid = true;
    x.event("escrow_debt_paid")
      .add("id", acc.id)
      .add("denom", denom)
      .add("amount", acc.book(denom).transferred.sub(before).toString());
  }
  if (unpaid) {
    // Paid debt leaves the account: the provider gets it now rather than at the final close.
    for (let i = 0; i < ps.length; i++) payOut(x, ps[i]);
    return;
  }
  closeAccount(x, acc, ps);
}

/** Final: pays providers, closes every live payment, refunds depositors, drops the alerts. */
export function closeAccount(x: Exec, acc: Account, ps: Array<Payment>): void {
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    payOut(x, p);
    p.state = STATE_CLOSED;
    p.closedAt = x.height;
    x.batch(
      "escrow_payment_closed",
      acc.id,
      "payments",
      item([p.paymentId, p.provider, coinStr(p.unsettled, p.denom)]),
    );
  }
  acc.payments = new Array<string>();
  refundAll(x, acc);
  acc.state = STATE_CLOSED;
  const alerts = ALERTS();
  const prefix = Key.str(acc.id);
  // Bounded by max_alerts; paged so an account over the limit (after a limit decrease) is still cleared. An account
  // without alerts skips the scan, as evaluateAlerts does.
  while (acc.alertCount > 0) {
    const page = alerts.range(prefix, null, 30, Order.Ascending);
    if (page.length == 0) break;
    for (let i = 0; i < page.length; i++) {
      const v = page[i].value;
      alerts.remove(alertKey(v.id, v.registrant, v.kind, v.denom));
    }
  }
  acc.alertCount = 0;
  x.event("escrow_account_closed").add("id", acc.id).add("owner", acc.owner);
}
