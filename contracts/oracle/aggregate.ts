// x/oracle v2 aggregation (docs/oracle.md#aggregation), computed at query time from the observation tables: per-source
// TWAP over the window, mean of TWAPs, median/min/max of the latest prices, deviation and health over the fresh
// sources.
import { Decimal, Order, Uint256, decodeU64Key } from "../std";
import { Config, LATEST, Latest, OBSERVATIONS, PYTH_SOURCE, sourceKey } from "./state";
import * as E from "./error";

/** Storage reads per source TWAP; the window (≤ 3600 s) holds at most one point per second of publish time. */
export const MAX_TWAP_POINTS: i32 = 512;

export class SourceState {
  latest: Latest | null = null;
  fresh: bool = false;
  twap: Decimal = Decimal.zero();
  constructor(public source: string) {}
}

export class Aggregate {
  sources: Array<SourceState> = new Array<SourceState>();
  fresh: i32 = 0;
  twap: Decimal = Decimal.zero();
  median: Decimal = Decimal.zero();
  min: Decimal = Decimal.zero();
  max: Decimal = Decimal.zero();
  publishTime: u64 = 0;
  deviationBps: u64 = 0;
  hasMinSources: bool = false;
  deviationOk: bool = true;
  healthy: bool = false;
  reasons: Array<string> = new Array<string>();
}

function u256(d: Decimal): Uint256 {
  return Uint256.fromUint128(d.atomics);
}

/**
 * Time-weighted average, points newest first: w_0 = now − t_0, w_i = t_{i−1} − t_i; the last point at or before the
 * window start is included with its time clamped to the start. Times after `now` (allowed future drift) count as now.
 * Total weight 0 (every point at `now`) → simple mean.
 */
export function sourceTwap(c: Config, id: Uint8Array, source: string, now: u64): Decimal {
  const start = now > c.twapWindow ? now - c.twapWindow : 0;
  const entries = OBSERVATIONS().range(sourceKey(id, source), null, MAX_TWAP_POINTS, Order.Descending);
  let weighted = Uint256.zero();
  let weights = Uint256.zero();
  let plain = Uint256.zero();
  let prev = now;
  for (let i = 0; i < entries.length; i++) {
    const t = decodeU64Key(entries[i].key);
    let te = t < now ? t : now;
    if (te < start) te = start;
    const w = Uint256.fromU64(prev - te);
    const p = u256(entries[i].value);
    weighted = weighted.add(p.mul(w));
    weights = weights.add(w);
    plain = plain.add(p);
    prev = te;
    if (t <= start) break;
  }
  if (entries.length == 0) return Decimal.zero();
  if (weights.isZero()) return Decimal.fromAtomics(plain.div(Uint256.fromU64(<u64>entries.length)).toUint128());
  return Decimal.fromAtomics(weighted.div(weights).toUint128());
}

function sortDecimals(a: Array<Decimal>): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j].gt(x)) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function meanOf(a: Uint256, b: Uint256, n: u64): Decimal {
  return Decimal.fromAtomics(a.add(b).div(Uint256.fromU64(n)).toUint128());
}

/** floor((max − min) × 10000 / min), saturating at u64::MAX. */
export function deviationBps(min: Decimal, max: Decimal): u64 {
  if (min.isZero()) return U64.MAX_VALUE;
  const d = u256(max).sub(u256(min)).mul(Uint256.fromU64(10000)).div(u256(min));
  return d.fitsU64() ? d.toU64() : U64.MAX_VALUE;
}

export function sourcesOf(c: Config): Array<string> {
  const out = new Array<string>();
  out.push(PYTH_SOURCE);
  for (let i = 0; i < c.feeders.length; i++) out.push(c.feeders[i]);
  return out;
}

export function aggregate(c: Config, id: Uint8Array, now: u64): Aggregate {
  const a = new Aggregate();
  const names = sourcesOf(c);
  const latest = new Array<Decimal>();
  let twapSum = Uint256.zero();
  let anyData = false;
  const staleReasons = new Array<string>();
  for (let i = 0; i < names.length; i++) {
    const s = new SourceState(names[i]);
    a.sources.push(s);
    const l = LATEST().load(sourceKey(id, names[i]));
    s.latest = l;
    if (l === null) continue;
    anyData = true;
    const age = now > l.publishTime ? now - l.publishTime : 0;
    if (age > c.maxPriceStaleness) {
      staleReasons.push(E.reasonStale(names[i], age, c.maxPriceStaleness));
      continue;
    }
    s.fresh = true;
    s.twap = sourceTwap(c, id, names[i], now);
    twapSum = twapSum.add(u256(s.twap));
    latest.push(l.price);
    if (a.fresh == 0 || l.publishTime < a.publishTime) a.publishTime = l.publishTime;
    a.fresh++;
  }

  if (a.fresh == 0) {
    a.reasons.push(anyData ? E.REASON_NO_FRESH : E.REASON_NO_DATA);
  } else {
    sortDecimals(latest);
    const n = latest.length;
    a.min = latest[0];
    a.max = latest[n - 1];
    a.median = n % 2 == 1 ? latest[n / 2] : meanOf(u256(latest[n / 2 - 1]), u256(latest[n / 2]), 2);
    a.twap = Decimal.fromAtomics(twapSum.div(Uint256.fromU64(<u64>n)).toUint128());
    a.deviationBps = deviationBps(a.min, a.max);
  }
  a.hasMinSources = <u32>a.fresh >= c.minPriceSources;
  if (a.fresh > 0 && !a.hasMinSources) a.reasons.push(E.reasonMinSources(a.fresh, c.minPriceSources));
  a.deviationOk = a.deviationBps <= c.maxDeviationBps;
  if (!a.deviationOk) a.reasons.push(E.reasonDeviation(a.deviationBps, c.maxDeviationBps));
  for (let i = 0; i < staleReasons.length; i++) a.reasons.push(staleReasons[i]);
  a.healthy = a.hasMinSources && a.deviationOk;
  return a;
}
