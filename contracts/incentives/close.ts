// close_epoch: turns an epoch's reports into claimable payouts, returns the unallocated budget and the excess
// buffer. Rounding: every payout and every USD→uakt conversion rounds down; the USD need used for the excess rounds
// up, so the program never returns AKT it may still owe. docs/incentives.md has the formulas.

import { Decimal, Order, Parser, Response, Uint128, err, intStr, parseJson, querySmart } from "../std";
import * as E from "./error";
import { Exec } from "./exec";
import { CloseEpochMsg, EpochResponse, ProgramDef, RowResponse } from "./msg";
import { CONFIG, EPOCHS, ROWS, STATUS, Status, epochKey, idKey, numEpochs, rowKey, rowPrefix } from "./state";
import { loadProgram, payout } from "./program";
import { loadEpoch } from "./report";

const MICRO = Uint128.fromU64(1_000_000);
const BPS = Uint128.fromU64(10_000);
/** 3600 s per hour × 10000 bps: committed USD = price × count × seconds × factor_bps / this. */
const HOUR_BPS = Uint128.fromU64(36_000_000);

/** The oracle's aggregated AKT/USD price (TWAP) if healthy and fresh; else `error` says why payouts wait. */
export class Price {
  value: Decimal = Decimal.zero();
  error: string | null = null;
}

export function fetchPrice(x: Exec): Price {
  const out = new Price();
  const q = querySmart(x.cfg.oracle, '{"price":{"id":"' + x.cfg.feed_id + '"}}');
  if (!q.isOk()) {
    out.error = E.priceUnavailable(q.error!);
    return out;
  }
  const p = new Parser("PriceResponse");
  const v = parseJson(q.ok!, p);
  if (v === null) {
    out.error = E.priceUnavailable(p.message());
    return out;
  }
  const o = p.obj(v);
  const twap = o.decimal("twap", p);
  const published = o.u64("publish_time", p);
  if (p.failed()) {
    out.error = E.priceUnavailable(p.message());
    return out;
  }
  if (published + x.cfg.max_price_age < x.now) {
    out.error = E.priceStale(published, x.cfg.max_price_age);
    return out;
  }
  if (twap.isZero()) {
    out.error = E.priceUnavailable("zero price");
    return out;
  }
  out.value = twap;
  return out;
}

/** uakt still promised by liquidity-mining pools (epochs after `from`, plus carries) and discretionary pools. */
export function reservedAkt(d: ProgramDef, st: Status, from: u32): Uint128 {
  const n = numEpochs(d);
  let sum = Uint128.zero();
  for (let i = 0; i < d.pools.length; i++) {
    const l = d.pools[i].liquidity_mining;
    if (l !== null && from < n) sum = sum.add(l.per_epoch.mul(Uint128.fromU64(n - from)));
    sum = sum.add(st.pools[i].carry);
    const g = d.pools[i].discretionary;
    if (g !== null) sum = sum.add(g.budget.sub(st.pools[i].granted));
  }
  return sum;
}

export function usdRemaining(st: Status): Decimal {
  let sum = Decimal.zero();
  for (let i = 0; i < st.pools.length; i++) sum = sum.add(st.pools[i].usd_remaining);
  return sum;
}

/** uakt needed for `usd` at `price` with the buffer, rounded up. */
export function needAkt(usd: Decimal, price: Decimal, bufferBps: u32): Uint128 {
  if (usd.isZero()) return Uint128.zero();
  const base = usd.atomics.mulDivCeil(MICRO, price.atomics);
  return base.mulDivCeil(Uint128.fromU64(10_000 + <u64>bufferBps), BPS);
}

/** Available uakt beyond the reserved amounts and the USD need; zero when short. */
export function excessAkt(d: ProgramDef, st: Status, from: u32, price: Decimal): Uint128 {
  const keep = reservedAkt(d, st, from).add(needAkt(usdRemaining(st), price, d.volatility_buffer_bps));
  return st.available().saturatingSub(keep);
}

function rowsOf(id: u64, epoch: u32, pool: i32, max: u32): Array<RowResponse> {
  const es = ROWS().range(rowPrefix(id, epoch, pool), null, <i32>max, Order.Ascending);
  const out = new Array<RowResponse>();
  for (let i = 0; i < es.length; i++) out.push(es[i].value);
  return out;
}

export function closeEpoch(x: Exec, m: CloseEpochMsg): Response {
  const id = m.program_id;
  const l = loadProgram(id, true);
  if (l.error !== null) return err(changetype<string>(l.error));
  const d = l.def;
  const st = l.st;
  const n = numEpochs(d);
  const epoch = st.nextEpoch;
  if (epoch >= n) return err(E.ALL_CLOSED);
  const ep: EpochResponse = loadEpoch(id, d, epoch);
  if (x.now < ep.end) return err(E.epochNotEnded(epoch, ep.end));
  const open = ep.end + d.report_window;
  if (x.now < open && !d.attestors.includes(x.sender)) return err(E.attestorsOnlyUntil(open));

  // A price is needed while any committed pool still has USD to pay (this epoch or later).
  let price = Decimal.zero();
  if (!usdRemaining(st).isZero()) {
    const pr = fetchPrice(x);
    if (pr.error !== null) return err(changetype<string>(pr.error));
    price = pr.value;
  }
  const tag = intStr(epoch);
  let avail = st.available();
  let unallocated = Uint128.zero();

  // Liquidity mining first: its per-epoch budget is reserved, committed pools pay from what is left.
  for (let i = 0; i < d.pools.length; i++) {
    const lm = d.pools[i].liquidity_mining;
    if (lm === null) continue;
    const ps = st.pools[i];
    const totals = ep.pools[i];
    const budget = lm.per_epoch.add(ps.carry).min(avail);
    const rows = rowsOf(id, epoch, i, d.max_providers);
    const weights = new Array<Uint128>();
    let sum = Uint128.zero();
    for (let r = 0; r < rows.length; r++) {
      let mult = Decimal.zero();
      for (let k = 0; k < lm.models.length; k++)
        if (lm.models[k].model == rows[r].gpu_model) mult = lm.models[k].multiplier;
      const w = mult.atomics.mul(Uint128.fromU64(<u64>rows[r].gpu_count * <u64>rows[r].uptime_bps));
      weights.push(w);
      sum = sum.add(w);
    }
    let paid = Uint128.zero();
    if (!sum.isZero()) {
      for (let r = 0; r < rows.length; r++) {
        const amount = budget.mulDivFloor(weights[r], sum);
        rows[r].payout = amount;
        paid = paid.add(amount);
      }
    }
    // Rounding dust stays in the pool for the next epoch; an epoch nobody earned in returns its whole budget, and
    // the last epoch returns its dust.
    let back = budget.sub(paid);
    ps.carry = Uint128.zero();
    if (!paid.isZero() && epoch + 1 < n) {
      ps.carry = back;
      back = Uint128.zero();
    }
    settle(x, id, d, epoch, i, rows, tag);
    ps.paid = ps.paid.add(paid);
    totals.paid = paid;
    totals.unallocated = back;
    avail = avail.sub(paid).sub(back);
    st.paid = st.paid.add(paid);
    unallocated = unallocated.add(back);
  }

  for (let i = 0; i < d.pools.length; i++) {
    const c = d.pools[i].committed;
    if (c === null) continue;
    const ps = st.pools[i];
    const term = c.term_epochs == 0 ? n : c.term_epochs;
    if (epoch >= term || ps.usd_remaining.isZero()) continue;
    const totals = ep.pools[i];
    // This epoch's share of the USD budget; the last epoch of the term takes the rest.
    let share = ps.usd_remaining;
    if (epoch + 1 < term) share = Decimal.fromAtomics(c.usd_budget.atomics.div(Uint128.fromU64(term))).min(share);
    const rows = rowsOf(id, epoch, i, d.max_providers);
    let owed = Decimal.zero();
    for (let r = 0; r < rows.length; r++) {
      let hourly = Decimal.zero();
      for (let k = 0; k < c.prices.length; k++)
        if (c.prices[k].model == rows[r].gpu_model) hourly = c.prices[k].usd_per_hour;
      const up = rows[r].uptime_bps;
      const factor: u64 = up >= c.sla_uptime_bps ? 10_000 : <u64>up;
      const units = Uint128.fromU64(<u64>rows[r].gpu_count * d.epoch_seconds).mul(Uint128.fromU64(factor));
      rows[r].usd = Decimal.fromAtomics(hourly.atomics.mulDivFloor(units, HOUR_BPS));
      owed = owed.add(rows[r].usd);
    }
    // Obligations beyond the epoch's share are cut pro rata (rounding down).
    const usdPay = owed.min(share);
    const usdEach = new Array<Uint128>();
    let akt = Uint128.zero();
    for (let r = 0; r < rows.length; r++) {
      const u = owed.gt(share) ? rows[r].usd.atomics.mulDivFloor(share.atomics, owed.atomics) : rows[r].usd.atomics;
      usdEach.push(u);
      rows[r].payout = u.mulDivFloor(MICRO, price.atomics);
      akt = akt.add(rows[r].payout);
    }
    // AKT the program can spend here without touching the other pools' reservations; short → pro rata again.
    const free = avail.saturatingSub(reservedAkt(d, st, epoch + 1));
    let usdPaid = usdPay;
    if (akt.gt(free)) {
      let sum = Uint128.zero();
      for (let r = 0; r < rows.length; r++) {
        rows[r].payout = rows[r].payout.mulDivFloor(free, akt);
        sum = sum.add(rows[r].payout);
      }
      usdPaid = Decimal.fromAtomics(usdPay.atomics.mulDivFloor(free, akt));
      akt = sum;
    }
    settle(x, id, d, epoch, i, rows, tag);
    // The unused USD of the share leaves the pool; its uakt value (at most what is free) goes back.
    const back = share.sub(usdPaid).atomics.mulDivFloor(MICRO, price.atomics).min(free.sub(akt));
    ps.usd_remaining = ps.usd_remaining.sub(share);
    ps.paid = ps.paid.add(akt);
    totals.paid = akt;
    totals.unallocated = back;
    totals.usd_owed = owed;
    totals.usd_paid = usdPaid;
    avail = avail.sub(akt).sub(back);
    st.paid = st.paid.add(akt);
    unallocated = unallocated.add(back);
  }

  st.retUnallocated = st.retUnallocated.add(unallocated);
  st.nextEpoch = epoch + 1;
  // Excess buffer: what the remaining obligations (with the buffer) and reservations no longer need.
  let excess = Uint128.zero();
  if (!price.isZero() || usdRemaining(st).isZero()) excess = excessAkt(d, st, epoch + 1, price);
  st.retExcess = st.retExcess.add(excess);
  ep.closed = true;
  ep.price = price;
  ep.excess_returned = excess;
  EPOCHS().save(epochKey(id, epoch), ep);
  STATUS().save(idKey(id), st);
  x.cfg.held = x.cfg.held.sub(unallocated).sub(excess);
  CONFIG().save(x.cfg);
  x.event("incentives_epoch_closed", id).add("epoch", tag).add("price", price.toString());
  // One treasury transfer for both returns, one event per reason.
  if (!unallocated.isZero())
    x.event("incentives_return", id).add("amount", unallocated.toString()).add("reason", "unallocated");
  if (!excess.isZero())
    x.event("incentives_return", id).add("amount", excess.toString()).add("reason", "excess_buffer");
  x.remit(d, unallocated.add(excess));
  x.res.addAttribute("action", "close_epoch").addAttribute("program_id", intStr(id)).addAttribute("epoch", tag);
  return x.res;
}

/** Writes the rows' payouts and credits each payout (> 0) to its provider. */
function settle(x: Exec, id: u64, d: ProgramDef, epoch: u32, pool: i32, rows: Array<RowResponse>, tag: string): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    ROWS().save(rowKey(id, epoch, pool, row.provider), row);
    if (!row.payout.isZero()) payout(x, id, row.provider, d.pools[pool].name, tag, row.payout);
  }
}
