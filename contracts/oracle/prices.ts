// Acceptance rules for a new price and the observation tables behind aggregation (x/oracle's price records).
import { Decimal, Key, Order, Uint128, decodeU64Key, intStr } from "../std";
import { Config, LATEST, Latest, OBSERVATIONS, sourceKey } from "./state";
import * as E from "./error";

/** Old observations removed per write: keeps each call's work bounded while still outpacing one write per second. */
export const MAX_PRUNE_PER_WRITE: i32 = 8;

/** 10^n for 0 ≤ n ≤ 18, which fits a u64 (the expo range check guarantees the bound). */
function pow10(n: i32): Uint128 {
  let v: u64 = 1;
  for (let i = 0; i < n; i++) v *= 10;
  return Uint128.fromU64(v);
}

/** price × 10^(18 + expo) as Decimal atomics; needs price > 0 and −18 ≤ expo ≤ 0 (checked by `checkPrice`). */
export function normalize(price: i64, expo: i32): Decimal {
  return Decimal.fromAtomics(Uint128.fromU64(<u64>price).mul(pow10(18 + expo)));
}

/**
 * The write-time rules (docs/oracle.md#write-time-rules), applied to a price newer than the stored one. `conf` is
 * checked only when `hasConf` (feeders do not report one).
 */
export function checkPrice(
  c: Config,
  idHex: string,
  price: i64,
  conf: u64,
  hasConf: bool,
  expo: i32,
  publishTime: i64,
  now: u64,
): string | null {
  if (price <= 0) return E.nonPositivePrice(idHex, intStr(price));
  if (expo < c.minExpo || expo > c.maxExpo) return E.expoOutOfRange(idHex, expo, c.minExpo, c.maxExpo);
  if (publishTime <= 0) return E.badPublishTime(idHex, publishTime);
  // u64 arithmetic on block time + drift cannot overflow for any real clock; publishTime > 0 here.
  if (<u64>publishTime > now + c.maxFutureDrift) return E.futurePublishTime(idHex, publishTime, now, c.maxFutureDrift);
  if (hasConf) {
    const lhs = Uint128.fromU64(conf).mul(Uint128.fromU64(10000));
    const rhs = Uint128.fromU64(c.maxConfBps).mul(Uint128.fromU64(<u64>price));
    if (lhs.gt(rhs)) return E.confTooWide(idHex, intStr(conf), intStr(price), c.maxConfBps);
  }
  return null;
}

/**
 * Pyth's EMA sanity check (docs/oracle.md#ema-deviation): |price − ema| × 10000 ≤ max_ema_deviation_bps × ema,
 * against the EMA signed in the same message (a previous stored EMA could lock a feed out after a gap). 0 disables it.
 * An EMA ≤ 0 cannot bound a positive price, so it fails the check.
 */
export function checkEmaDeviation(c: Config, idHex: string, price: i64, emaPrice: i64): string | null {
  if (c.maxEmaDeviationBps == 0) return null;
  if (emaPrice > 0) {
    // price > 0 here (checkPrice ran first), so both fit u64 and the products fit u128.
    const diff: u64 = price > emaPrice ? <u64>(price - emaPrice) : <u64>(emaPrice - price);
    const lhs = Uint128.fromU64(diff).mul(Uint128.fromU64(10000));
    const rhs = Uint128.fromU64(c.maxEmaDeviationBps).mul(Uint128.fromU64(<u64>emaPrice));
    if (!lhs.gt(rhs)) return null;
  }
  // The error text is built only on rejection: accepted updates are the hot path.
  return E.emaDeviationTooLarge(idHex, intStr(price), intStr(emaPrice), c.maxEmaDeviationBps);
}

/** Records an accepted price of one source and prunes that source's observations older than the retention. */
export function observe(c: Config, id: Uint8Array, source: string, value: Decimal, publishTime: u64, now: u64): void {
  const prefix = sourceKey(id, source);
  OBSERVATIONS().save(Key.pair(prefix, Key.u64(publishTime)), value);
  LATEST().save(prefix, new Latest(value, publishTime));
  const cutoff = now > c.priceRetention ? now - c.priceRetention : 0;
  if (cutoff == 0) return;
  const obs = OBSERVATIONS();
  const keys = obs.keys(prefix, null, MAX_PRUNE_PER_WRITE + 1, Order.Ascending);
  // A point goes only when its successor is also at or before the cutoff: the newest such point still prices the
  // stretch between the window start and the first point inside the window, so the TWAP needs it.
  for (let i = 0; i + 1 < keys.length; i++) {
    if (decodeU64Key(keys[i + 1]) > cutoff) break;
    obs.remove(Key.pair(prefix, Key.bytes(keys[i])));
  }
}
