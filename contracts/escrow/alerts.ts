// Balance health and alerts. An alert is armed while its value is at or above the threshold and fires a
// `wasm-escrow_alert` event on the armed → below transition; it re-arms when the value is seen above again. Values
// are looked at after every call that touches the account (after settlement), so a crossing is reported by the first
// transaction that observes it (keepers can force one with the permissionless `settle`).

import { Decimal, Key, Order, Response, Uint128, err, intStr } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { RemoveAlertMsg, SetAlertMsg } from "./msg";
import {
  ACCOUNTS,
  ALERTS,
  Account,
  Alert,
  KIND_AMOUNT,
  KIND_BLOCKS_LEFT,
  KIND_PERCENT_OF_PEAK,
  Payment,
  STATE_CLOSED,
  STATE_OPEN,
  STATE_OVERDRAWN,
  alertKey,
} from "./state";
import { accrue, loadLivePayments, saveAll, settle } from "./settle";

export class DenomHealthV {
  denom: string = "";
  balance: Uint128 = Uint128.zero();
  burnRate: Decimal = Decimal.zero();
  /** false: nothing burns this denom (blocks_left is unbounded). */
  burning: bool = false;
  blocksLeft: u64 = 0;
  secondsLeft: u64 = 0;
  peak: Uint128 = Uint128.zero();
  debt: Uint128 = Uint128.zero();
}

function saturatingU64(u: Uint128 | null): u64 {
  if (u === null || !u.fitsU64()) return U64.MAX_VALUE;
  return u.toU64();
}

/**
 * Health of one denom. With `projectTo` > settled_at (queries), the balance is projected by accruing the open
 * payments up to that height without writing anything; handlers pass 0 because they have just settled.
 * blocks_left = floor(balance / burn_rate) and seconds_left = floor(blocks_left × block_time) are estimates: they
 * ignore the carried fractions (at most one unit per payment) and saturate at u64::MAX.
 */
export function denomHealth(
  acc: Account,
  ps: Array<Payment>,
  denom: string,
  blockTime: Decimal,
  projectTo: u64,
): DenomHealthV {
  const h = new DenomHealthV();
  h.denom = denom;
  h.peak = acc.book(denom).peak;
  let balance = acc.funds(denom);
  let debt = Uint128.zero();
  let owed = Uint128.zero();
  let burn = Decimal.zero();
  const dh: u64 = acc.state == STATE_OPEN && projectTo > acc.settledAt ? projectTo - acc.settledAt : 0;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (p.denom != denom) continue;
    debt = debt.add(p.unsettled);
    if (p.state != STATE_OPEN) continue;
    burn = burn.add(p.rate);
    if (dh > 0) {
      // accrue() moves the carry of this in-memory copy only; queries never save.
      owed = owed.add(accrue(p, dh));
    }
  }
  if (owed.gt(balance)) {
    debt = debt.add(owed.sub(balance));
    balance = Uint128.zero();
  } else {
    balance = balance.sub(owed);
  }
  h.balance = balance;
  h.debt = debt;
  h.burnRate = burn;
  if (acc.state == STATE_OVERDRAWN || !debt.isZero()) {
    h.burning = true;
    return h;
  }
  if (burn.isZero()) return h;
  h.burning = true;
  h.blocksLeft = saturatingU64(balance.checkedMulDivFloor(Uint128.fromU64(1_000_000_000_000_000_000), burn.atomics));
  h.secondsLeft = saturatingU64(blockTime.checkedMulUintFloor(Uint128.fromU64(h.blocksLeft)));
  return h;
}

function isBelow(a: Alert, h: DenomHealthV): bool {
  if (a.kind == KIND_AMOUNT) return h.balance.lt(a.threshold);
  if (a.kind == KIND_BLOCKS_LEFT) return h.burning && Uint128.fromU64(h.blocksLeft).lt(a.threshold);
  // percent_of_peak: balance < ceil(peak × percent / 100); an account that never held funds has no peak.
  if (h.peak.isZero()) return false;
  return h.balance.lt(percentOfPeak(h.peak, a.percent));
}

function percentOfPeak(peak: Uint128, percent: Decimal): Uint128 {
  return peak.mulDivCeil(percent.atomics, Decimal.fromU64(100).atomics);
}

/** Looks at every alert of the account (at most max_alerts) and emits the crossings. */
export function evaluateAlerts(x: Exec, acc: Account, ps: Array<Payment>): void {
  if (acc.state == STATE_CLOSED || acc.alertCount == 0) return;
  const alerts = ALERTS();
  const page = alerts.range(Key.str(acc.id), null, <i32>acc.alertCount, Order.Ascending);
  for (let i = 0; i < page.length; i++) {
    const a = page[i].value;
    const h = denomHealth(acc, ps, a.denom, x.cfg.blockTime, 0);
    const below = isBelow(a, h);
    if (below == !a.armed) continue;
    a.armed = !below;
    if (below) {
      a.fired++;
      const threshold = a.kind == KIND_PERCENT_OF_PEAK ? percentOfPeak(h.peak, a.percent) : a.threshold;
      x.event("escrow_alert")
        .add("id", acc.id)
        .add("registrant", a.registrant)
        .add("denom", a.denom)
        .add("kind", a.kind)
        .add("threshold", threshold.toString())
        .add("balance", h.balance.toString())
        .add("blocks_left", h.burning ? intStr(h.blocksLeft) : "none")
        .add("height", intStr(x.height));
    }
    alerts.save(alertKey(a.id, a.registrant, a.kind, a.denom), a);
  }
}

export function setAlert(x: Exec, m: SetAlertMsg, thresholds: i32): Response {
  const acc = ACCOUNTS().load(Key.str(m.id));
  if (acc === null) return err(E.accountNotFound(m.id));
  if (acc.state == STATE_CLOSED) return err(E.ACCOUNT_CLOSED);
  if (x.sender != acc.owner && !acc.isDepositor(x.sender)) return err(E.UNAUTHORIZED_ALERT);
  if (x.cfg.denom(m.denom) === null && !acc.denoms().includes(m.denom)) return err(E.invalidDenom(m.denom));
  if (thresholds != 1) return err(E.ALERT_BELOW_ONE);
  const a = new Alert();
  a.id = m.id;
  a.registrant = x.sender;
  a.denom = m.denom;
  const amount = m.below.amount;
  const pct = m.below.percent_of_peak;
  if (amount !== null) {
    a.kind = KIND_AMOUNT;
    a.threshold = amount;
  } else if (pct !== null) {
    if (pct.isZero() || pct.gt(Decimal.fromU64(100))) return err(E.ALERT_PERCENT);
    a.kind = KIND_PERCENT_OF_PEAK;
    a.percent = pct;
  } else {
    a.kind = KIND_BLOCKS_LEFT;
    a.threshold = Uint128.fromU64(m.below.blocks_left!.value);
  }
  const ps = loadLivePayments(acc);
  settle(x, acc, ps);
  const alerts = ALERTS();
  const k = alertKey(a.id, a.registrant, a.kind, a.denom);
  if (!alerts.has(k)) {
    if (acc.alertCount >= x.cfg.maxAlerts) return err(E.tooManyAlerts(x.cfg.maxAlerts));
    acc.alertCount++;
  }
  alerts.save(k, a);
  x.event("escrow_alert_set")
    .add("id", acc.id)
    .add("registrant", a.registrant)
    .add("denom", a.denom)
    .add("kind", a.kind)
    .add("threshold", a.kind == KIND_PERCENT_OF_PEAK ? a.percent.toString() : a.threshold.toString());
  x.res.addAttribute("action", "set_alert").addAttribute("id", acc.id).addAttribute("kind", a.kind);
  // Evaluated at once, so an alert set while the value is already below fires in this transaction.
  evaluateAlerts(x, acc, ps);
  saveAll(acc, ps);
  return x.finish();
}

export function removeAlert(x: Exec, m: RemoveAlertMsg): Response {
  const acc = ACCOUNTS().load(Key.str(m.id));
  if (acc === null) return err(E.accountNotFound(m.id));
  // The owner may remove anyone's alert on its account, so depositors cannot keep it from setting its own.
  const named = m.registrant;
  const registrant = named !== null ? named : x.sender;
  if (registrant != x.sender && x.sender != acc.owner) return err(E.UNAUTHORIZED_OWNER);
  const alerts = ALERTS();
  const k = alertKey(m.id, registrant, m.kind, m.denom);
  if (!alerts.has(k)) return err(E.alertNotFound(m.kind, m.denom));
  alerts.remove(k);
  if (acc.alertCount > 0) acc.alertCount--;
  ACCOUNTS().save(Key.str(acc.id), acc);
  x.event("escrow_alert_removed")
    .add("id", acc.id)
    .add("registrant", registrant)
    .add("denom", m.denom)
    .add("kind", m.kind);
  x.res.addAttribute("action", "remove_alert").addAttribute("id", acc.id).addAttribute("kind", m.kind);
  return x.finish();
}
