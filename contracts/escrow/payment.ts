// Payments (leases): opened by the account owner, withdrawn by the provider, closed by either. Every handler settles
// the account first, so the provider's balance is current.

import { Key, Response, Uint128, err } from "../std";
import * as E from "./error";
import { Exec, coinStr, item } from "./exec";
import { CreatePaymentMsg, PaymentRef } from "./msg";
import {
  ACCOUNTS,
  PAYMENTS,
  PROVIDER_INDEX,
  Payment,
  STATE_CLOSED,
  STATE_OPEN,
  STATE_OVERDRAWN,
  paymentKey,
} from "./state";
import { loadLivePayments, maxRate, payOut, saveAll, settle } from "./settle";
import { evaluateAlerts } from "./alerts";
import { checkAddr, checkId } from "./validate";

export function createPayment(x: Exec, m: CreatePaymentMsg): Response {
  const acc = ACCOUNTS().load(Key.str(m.id));
  if (acc === null) return err(E.accountNotFound(m.id));
  if (x.sender != acc.owner) return err(E.UNAUTHORIZED_OWNER);
  if (acc.state == STATE_CLOSED) return err(E.ACCOUNT_CLOSED);
  const idErr = checkId("payment_id", m.payment_id);
  if (idErr !== null) return err(idErr);
  const addrErr = checkAddr("provider", m.provider);
  if (addrErr !== null) return err(addrErr);
  if (m.rate.isZero()) return err(E.RATE_ZERO);
  if (m.rate.gt(maxRate())) return err(E.rateTooLarge(maxRate().toString()));
  const payments = PAYMENTS();
  if (payments.has(paymentKey(m.id, m.payment_id))) return err(E.paymentExists(m.id, m.payment_id));
  const ps = loadLivePayments(acc);
  settle(x, acc, ps);
  // Settling may have overdrawn the account; the error rolls that back, and `settle` can persist it.
  if (acc.state == STATE_OVERDRAWN) return err(E.ACCOUNT_OVERDRAWN);
  if (acc.funds(m.denom).isZero()) return err(E.denomNotFunded(m.denom));
  if (<u32>acc.payments.length >= x.cfg.maxPayments) return err(E.tooManyPayments(x.cfg.maxPayments));
  const p = new Payment();
  p.id = m.id;
  p.paymentId = m.payment_id;
  p.provider = m.provider;
  p.denom = m.denom;
  p.rate = m.rate;
  p.createdAt = x.height;
  ps.push(p);
  acc.payments.push(p.paymentId);
  PROVIDER_INDEX().save(Key.triple(Key.str(p.provider), Key.str(p.id), Key.str(p.paymentId)), true);
  x.event("escrow_payment_created")
    .add("id", p.id)
    .add("payment_id", p.paymentId)
    .add("provider", p.provider)
    .add("denom", p.denom)
    .add("rate", p.rate.toString());
  x.res.addAttribute("action", "create_payment").addAttribute("id", p.id).addAttribute("payment_id", p.paymentId);
  evaluateAlerts(x, acc, ps);
  saveAll(acc, ps);
  return x.finish();
}

function findLive(ps: Array<Payment>, paymentId: string): i32 {
  for (let i = 0; i < ps.length; i++) if (ps[i].paymentId == paymentId) return i;
  return -1;
}

export function withdraw(x: Exec, m: PaymentRef): Response {
  const acc = ACCOUNTS().load(Key.str(m.id));
  if (acc === null) return err(E.accountNotFound(m.id));
  const stored = PAYMENTS().load(paymentKey(m.id, m.payment_id));
  if (stored === null) return err(E.paymentNotFound(m.id, m.payment_id));
  if (x.sender != stored.provider) return err(E.UNAUTHORIZED_WITHDRAW);
  const ps = loadLivePayments(acc);
  settle(x, acc, ps);
  // Overdrawn and closed payments were paid out when they changed state: nothing is left to withdraw.
  const i = findLive(ps, m.payment_id);
  let amount = Uint128.zero();
  if (i >= 0) amount = payOut(x, ps[i]);
  x.res.addAttribute("action", "withdraw").addAttribute("id", m.id).addAttribute("payment_id", m.payment_id);
  x.res.addAttribute("amount", coinStr(amount, stored.denom));
  evaluateAlerts(x, acc, ps);
  saveAll(acc, ps);
  return x.finish();
}

export function closePayment(x: Exec, m: PaymentRef): Response {
  const acc = ACCOUNTS().load(Key.str(m.id));
  if (acc === null) return err(E.accountNotFound(m.id));
  const stored = PAYMENTS().load(paymentKey(m.id, m.payment_id));
  if (stored === null) return err(E.paymentNotFound(m.id, m.payment_id));
  if (x.sender != acc.owner && x.sender != stored.provider) return err(E.UNAUTHORIZED_CLOSE_PAYMENT);
  if (stored.state != STATE_OPEN) return err(E.PAYMENT_NOT_OPEN);
  const ps = loadLivePayments(acc);
  settle(x, acc, ps);
  const i = findLive(ps, m.payment_id);
  if (i < 0 || ps[i].state != STATE_OPEN) return err(E.PAYMENT_NOT_OPEN);
  const p = ps[i];
  const paid = payOut(x, p);
  p.state = STATE_CLOSED;
  p.closedAt = x.height;
  const live = new Array<string>();
  for (let j = 0; j < acc.payments.length; j++) if (acc.payments[j] != p.paymentId) live.push(acc.payments[j]);
  acc.payments = live;
  x.batch("escrow_payment_closed", p.id, "payments", item([p.paymentId, p.provider, coinStr(p.unsettled, p.denom)]));
  x.res.addAttribute("action", "close_payment").addAttribute("id", p.id).addAttribute("payment_id", p.paymentId);
  x.res.addAttribute("amount", coinStr(paid, p.denom));
  // The closed payment leaves the live list but must still be written.
  saveAll(acc, ps);
  evaluateAlerts(x, acc, ps);
  return x.finish();
}
