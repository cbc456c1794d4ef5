// The AKT/USD price (the oracle contract's aggregated TWAP; ACT ≡ $1), the collateral ratio and the circuit-breaker
// status derived from them. One oracle query per call: every record of a call sees the same price.

import { Decimal, Parser, Uint128, Uint256, parseJson, querySmart } from "../std";
import * as E from "./error";
import { ConfigResponse, Params } from "./msg";
import { HALT_CR, HALT_ORACLE, HEALTHY, MAX_EPOCH_DIFF, State, WARNING } from "./state";

export class Live {
  price: Decimal | null = null;
  error: string | null = null;
  status: u32 = HALT_ORACLE;
  /** floor(CR × 10000) clamped to u32, or -1 when there is no ACT or no price. */
  crBps: i64 = -1;
  /** The mint epoch length this status implies (0 under a halt: no change). */
  diff: u64 = 0;
}

export function fetchPrice(cfg: ConfigResponse, live: Live): void {
  const oracle = cfg.oracle;
  if (oracle === null) {
    live.error = E.NO_ORACLE;
    return;
  }
  const r = querySmart(oracle, '{"price":{"id":"' + cfg.akt_feed + '"}}');
  if (!r.isOk()) {
    live.error = r.message();
    return;
  }
  const p = new Parser("PriceResponse");
  const v = parseJson(r.ok!, p);
  const twap = v !== null ? p.obj(v).decimal("twap", p) : Decimal.zero();
  if (p.failed()) live.error = p.message();
  else if (twap.isZero()) live.error = E.ZERO_PRICE;
  else live.price = twap;
}

const U32_MAX: u64 = 4294967295;

/** CR = vault × P_AKT / ACT supply (the vault already excludes AKT locked in pending mints); floor, in bps. */
export function crBps(vault: Uint128, price: Decimal, supply: Uint128): i64 {
  const num = Uint256.fullMul(vault, price.atomics).checkedMul(Uint256.fromU64(10000));
  if (num === null) return <i64>U32_MAX;
  const den = Uint256.fullMul(supply, Uint128.fromU64(1_000_000_000_000_000_000));
  const q = num.div(den);
  const small = q.checkedToUint128();
  if (small === null || small.gt(Uint128.fromU64(U32_MAX))) return <i64>U32_MAX;
  return <i64>small.toU64();
}

/** min(14400, floor(min_epoch_blocks × (1 + backoff/100)^steps)), steps = floor((warn − CR_bps) / 10). */
export function backoff(p: Params, cr: u64): u64 {
  const steps = (<u64>p.circuit_breaker_warn_threshold - cr) / 10;
  const factor = Decimal.one().add(Decimal.percent(<u64>p.epoch_blocks_backoff_percent));
  let d = Decimal.fromU64(p.min_epoch_blocks);
  const cap = Decimal.fromU64(MAX_EPOCH_DIFF);
  for (let i: u64 = 0; i < steps && d.lt(cap); i++) d = d.mulFloor(factor);
  return d.lt(cap) ? d.floor().toU64() : MAX_EPOCH_DIFF;
}

/** The status now, from a fetched price and the current state. */
export function evaluate(cfg: ConfigResponse, st: State, live: Live): void {
  const p = cfg.params;
  const price = live.price;
  if (price === null) {
    live.status = HALT_ORACLE;
    return;
  }
  if (st.supply.isZero()) {
    live.status = HEALTHY;
    live.diff = p.min_epoch_blocks;
    return;
  }
  const cr = crBps(st.vault, price, st.supply);
  live.crBps = cr;
  if (cr > <i64>p.circuit_breaker_warn_threshold) {
    live.status = HEALTHY;
    live.diff = p.min_epoch_blocks;
  } else if (cr > <i64>p.circuit_breaker_halt_threshold) {
    live.status = WARNING;
    live.diff = backoff(p, <u64>cr);
  } else {
    live.status = HALT_CR;
  }
}

export function liveStatus(cfg: ConfigResponse, st: State): Live {
  const live = new Live();
  fetchPrice(cfg, live);
  evaluate(cfg, st, live);
  return live;
}
