// Storage layout. Values are JSON; the program definition and the response-shaped records are written by the
// generated writers, so storage and queries share one encoding.
//
//   cfg                                       ConfigResponse (config plus next id and the uakt held for programs)
//   def   (id)                                ProgramDef, as created (read back with the generated parser)
//   st    (id)                                Status: epoch cursor, money counters, pool states
//   ep    (id, epoch)                         EpochResponse without rows: per-pool row counts and totals
//   row   (id, epoch << 8 | pool, provider)   RowResponse: the reported metrics and, after close, the payout
//   earn  (id, provider)                      ProviderResponse: earned and claimed (claimable is derived)
//
// Every list a caller can grow is bounded: pools ≤ 4, attestors ≤ 5, rows per pool and epoch ≤ max_providers (≤ 100).

import { Decimal, Item, JsonValue, JsonWriter, Key, Map, Parser, Uint128 } from "../std";
import { ConfigResponse, EpochPool, EpochResponse, PoolState, ProgramDef, ProviderResponse, RowResponse } from "./msg";
import {
  parseProgramDef,
  writeConfigResponse,
  writeEpochResponse,
  writePoolState,
  writeProgramDef,
  writeProviderResponse,
  writeRowResponse,
} from "./gen/messages";

export const KIND_COMMITTED = "committed";
export const KIND_LM = "liquidity_mining";
export const KIND_DISCRETIONARY = "discretionary";

/** A program's running state; `balance = funded − claimed − returned`. */
export class Status {
  nextEpoch: u32 = 0;
  swept: bool = false;
  funded: Uint128 = Uint128.zero();
  /** Credited to providers (claimable or claimed). */
  paid: Uint128 = Uint128.zero();
  claimed: Uint128 = Uint128.zero();
  retUnallocated: Uint128 = Uint128.zero();
  retProgramEnd: Uint128 = Uint128.zero();
  retExcess: Uint128 = Uint128.zero();
  revenue: Uint128 = Uint128.zero();
  pools: Array<PoolState> = [];

  returned(): Uint128 {
    return this.retUnallocated.add(this.retProgramEnd).add(this.retExcess);
  }
  /** What the contract holds for the program. */
  balance(): Uint128 {
    return this.funded.sub(this.claimed).sub(this.returned());
  }
  /** Not yet credited to anyone: `funded − paid − returned`. */
  available(): Uint128 {
    return this.funded.sub(this.paid).sub(this.returned());
  }
  unclaimed(): Uint128 {
    return this.swept ? Uint128.zero() : this.paid.sub(this.claimed);
  }
}

function encodeConfig(c: ConfigResponse, w: JsonWriter): void {
  writeConfigResponse(w, c);
}

function decodeConfig(v: JsonValue, p: Parser): ConfigResponse {
  const o = p.obj(v);
  const c = new ConfigResponse();
  c.admin = o.str("admin", p);
  c.oracle = o.str("oracle", p);
  c.feed_id = o.str("feed_id", p);
  c.max_price_age = o.u64("max_price_age", p);
  c.denom = o.str("denom", p);
  c.next_program_id = o.u64("next_program_id", p);
  c.held = o.uint128("held", p);
  return c;
}

function encodeDef(d: ProgramDef, w: JsonWriter): void {
  writeProgramDef(w, d);
}

function decodeDef(v: JsonValue, p: Parser): ProgramDef {
  return parseProgramDef(p.obj(v), p);
}

function decodePool(v: JsonValue, p: Parser): PoolState {
  const o = p.obj(v);
  const s = new PoolState();
  s.name = o.str("name", p);
  s.kind = o.str("kind", p);
  s.paid = o.uint128("paid", p);
  s.carry = o.uint128("carry", p);
  s.usd_remaining = o.decimal("usd_remaining", p);
  s.granted = o.uint128("granted", p);
  return s;
}

function encodeStatus(s: Status, w: JsonWriter): void {
  w.beginObject().key("next_epoch").u64(s.nextEpoch).key("swept").bool(s.swept);
  w.key("funded").uint128(s.funded).key("paid").uint128(s.paid).key("claimed").uint128(s.claimed);
  w.key("ret_unallocated").uint128(s.retUnallocated).key("ret_program_end").uint128(s.retProgramEnd);
  w.key("ret_excess").uint128(s.retExcess).key("revenue").uint128(s.revenue).key("pools").beginArray();
  for (let i = 0; i < s.pools.length; i++) writePoolState(w, s.pools[i]);
  w.endArray().endObject();
}

function decodeStatus(v: JsonValue, p: Parser): Status {
  const o = p.obj(v);
  const s = new Status();
  s.nextEpoch = o.u32("next_epoch", p);
  s.swept = o.bool("swept", p);
  s.funded = o.uint128("funded", p);
  s.paid = o.uint128("paid", p);
  s.claimed = o.uint128("claimed", p);
  s.retUnallocated = o.uint128("ret_unallocated", p);
  s.retProgramEnd = o.uint128("ret_program_end", p);
  s.retExcess = o.uint128("ret_excess", p);
  s.revenue = o.uint128("revenue", p);
  const ps = o.arr("pools", p);
  for (let i = 0; i < ps.length; i++) s.pools.push(decodePool(ps[i], p));
  return s;
}

function encodeEpoch(e: EpochResponse, w: JsonWriter): void {
  writeEpochResponse(w, e);
}

function decodeEpoch(v: JsonValue, p: Parser): EpochResponse {
  const o = p.obj(v);
  const e = new EpochResponse();
  e.epoch = o.u32("epoch", p);
  e.start = o.u64("start", p);
  e.end = o.u64("end", p);
  e.closed = o.bool("closed", p);
  e.price = o.decimal("price", p);
  e.excess_returned = o.uint128("excess_returned", p);
  const ps = o.arr("pools", p);
  for (let i = 0; i < ps.length; i++) {
    const po = p.obj(ps[i]);
    const x = new EpochPool();
    x.name = po.str("name", p);
    x.rows = po.u32("rows", p);
    x.paid = po.uint128("paid", p);
    x.unallocated = po.uint128("unallocated", p);
    x.usd_owed = po.decimal("usd_owed", p);
    x.usd_paid = po.decimal("usd_paid", p);
    e.pools.push(x);
  }
  return e;
}

function encodeRow(r: RowResponse, w: JsonWriter): void {
  writeRowResponse(w, r);
}

function decodeRow(v: JsonValue, p: Parser): RowResponse {
  const o = p.obj(v);
  const r = new RowResponse();
  r.provider = o.str("provider", p);
  r.gpu_model = o.str("gpu_model", p);
  r.gpu_count = o.u32("gpu_count", p);
  r.uptime_bps = o.u32("uptime_bps", p);
  r.utilization_bps = o.u32("utilization_bps", p);
  r.usd = o.decimal("usd", p);
  r.payout = o.uint128("payout", p);
  return r;
}

function encodeEarn(e: ProviderResponse, w: JsonWriter): void {
  writeProviderResponse(w, e);
}

function decodeEarn(v: JsonValue, p: Parser): ProviderResponse {
  const o = p.obj(v);
  const e = new ProviderResponse();
  e.provider = o.str("provider", p);
  e.earned = o.uint128("earned", p);
  e.claimed = o.uint128("claimed", p);
  return e;
}

// Accessors instead of module-level instances: globals with constructors would run in the start function.
export function CONFIG(): Item<ConfigResponse> {
  return new Item<ConfigResponse>("cfg", encodeConfig, decodeConfig);
}
export function DEFS(): Map<ProgramDef> {
  return new Map<ProgramDef>("def", encodeDef, decodeDef);
}
export function STATUS(): Map<Status> {
  return new Map<Status>("st", encodeStatus, decodeStatus);
}
export function EPOCHS(): Map<EpochResponse> {
  return new Map<EpochResponse>("ep", encodeEpoch, decodeEpoch);
}
export function ROWS(): Map<RowResponse> {
  return new Map<RowResponse>("row", encodeRow, decodeRow);
}
export function EARNINGS(): Map<ProviderResponse> {
  return new Map<ProviderResponse>("earn", encodeEarn, decodeEarn);
}

export function idKey(id: u64): Key {
  return Key.u64(id);
}
export function epochKey(id: u64, epoch: u32): Key {
  return Key.pair(Key.u64(id), Key.u32(epoch));
}
/** Rows of one pool in one epoch share this prefix. */
export function rowPrefix(id: u64, epoch: u32, pool: i32): Key {
  return Key.pair(Key.u64(id), Key.u64(((<u64>epoch) << 8) | (<u64>pool)));
}
export function rowKey(id: u64, epoch: u32, pool: i32, provider: string): Key {
  return Key.pair(rowPrefix(id, epoch, pool), Key.str(provider));
}
export function earnKey(id: u64, provider: string): Key {
  return Key.pair(Key.u64(id), Key.str(provider));
}

/** The kind of a validated pool. */
export function poolKind(d: ProgramDef, i: i32): string {
  const p = d.pools[i];
  if (p.committed !== null) return KIND_COMMITTED;
  if (p.liquidity_mining !== null) return KIND_LM;
  return KIND_DISCRETIONARY;
}

export function numEpochs(d: ProgramDef): u32 {
  return <u32>((d.end - d.start) / d.epoch_seconds);
}

export function decimalZero(): Decimal {
  return Decimal.zero();
}
