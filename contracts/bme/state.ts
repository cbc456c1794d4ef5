// Storage layout. Values are JSON; the config is stored with the generated ConfigResponse writer (so the stored form is
// the query answer), the counters and records as compact JSON arrays.
//
//   config                 Config (ConfigResponse JSON)
//   state                  State: every counter and the epoch/status bookkeeping, in one item (one read per call)
//   bal     (address)      ACT balance, uact (entries removed at zero, so all_accounts lists holders only)
//   queue   (kind, id)     pending records, kind 0 = redeem, 1 = mint; ids grow, so key order = (height, seq) order
//   ledger  (id)           executed and cancelled records; the oldest is pruned past LEDGER_RETENTION
//   owned   (owner)        number of an owner's pending records (at most MAX_PENDING_PER_OWNER)

import { Item, JsonValue, JsonWriter, Key, Map, Parser, Uint128 } from "../std";
import { ConfigResponse, RecordInfo } from "./msg";
import { parseParams, writeConfigResponse } from "./gen/messages";

export const KIND_REDEEM: u8 = 0;
export const KIND_MINT: u8 = 1;
export const MAX_PENDING_PER_OWNER: u64 = 10;
export const MAX_ALLOWED: i32 = 20;
export const LEDGER_RETENTION: u64 = 100_000;
/** x/bme's ceiling on the backed-off mint epoch. */
export const MAX_EPOCH_DIFF: u64 = 14_400;
export const AKT = "uakt";
/** Pyth's AKT/USD feed id. */
export const AKT_FEED = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";

// x/bme's MintStatus numbering.
export const HEALTHY: u32 = 1;
export const WARNING: u32 = 2;
export const HALT_CR: u32 = 3;
export const HALT_ORACLE: u32 = 4;
const STATUS_NAMES = ["unspecified", "healthy", "warning", "halt_cr", "halt_oracle"];
export function statusName(s: u32): string {
  return STATUS_NAMES[s];
}

export function kindName(k: u8): string {
  return k == KIND_MINT ? "mint" : "redeem";
}

export function CONFIG(): Item<ConfigResponse> {
  return new Item<ConfigResponse>("config", encodeConfig, decodeConfig);
}

function encodeConfig(c: ConfigResponse, w: JsonWriter): void {
  writeConfigResponse(w, c);
}

function decodeConfig(v: JsonValue, p: Parser): ConfigResponse {
  const o = p.obj(v);
  const c = new ConfigResponse();
  c.admin = o.str("admin", p);
  c.oracle = o.optStr("oracle", p);
  c.akt_feed = o.str("akt_feed", p);
  c.burn_mode = o.str("burn_mode", p);
  const a = o.arr("allowed", p);
  for (let i = 0; i < a.length; i++) c.allowed.push(p.str(a[i]));
  c.paused = o.bool("paused", p);
  c.params = parseParams(o.obj("params", p), p);
  return c;
}

export class State {
  supply: Uint128 = Uint128.zero();
  vault: Uint128 = Uint128.zero();
  remint: Uint128 = Uint128.zero();
  pendingAkt: Uint128 = Uint128.zero();
  pendingAct: Uint128 = Uint128.zero();
  burnedAkt: Uint128 = Uint128.zero();
  burnedAct: Uint128 = Uint128.zero();
  mintedAkt: Uint128 = Uint128.zero();
  mintedAct: Uint128 = Uint128.zero();
  nextId: u64 = 1;
  requested: u64 = 0;
  executed: u64 = 0;
  cancelled: u64 = 0;
  ledgerCount: u64 = 0;
  /** Next due height of each epoch, indexed by kind. */
  next: Array<u64> = [0, 0];
  /** Last record id handled by an epoch pass that ran out of budget (0 = no pass in progress), by kind. */
  cursor: Array<u64> = [0, 0];
  status: u32 = HALT_CR;
  previous: u32 = 0;
  epochDiff: u64 = 0;
}

function encodeState(s: State, w: JsonWriter): void {
  w.beginArray();
  const us = [
    s.supply,
    s.vault,
    s.remint,
    s.pendingAkt,
    s.pendingAct,
    s.burnedAkt,
    s.burnedAct,
    s.mintedAkt,
    s.mintedAct,
  ];
  for (let i = 0; i < us.length; i++) w.uint128(us[i]);
  const ns: Array<u64> = [
    s.nextId,
    s.requested,
    s.executed,
    s.cancelled,
    s.ledgerCount,
    s.next[0],
    s.next[1],
    s.cursor[0],
    s.cursor[1],
    <u64>s.status,
    <u64>s.previous,
    s.epochDiff,
  ];
  for (let i = 0; i < ns.length; i++) w.u64(ns[i]);
  w.endArray();
}

function decodeState(v: JsonValue, p: Parser): State {
  const a = p.arr(v);
  const s = new State();
  const u = new Array<Uint128>(9);
  for (let i = 0; i < 9; i++) u[i] = p.uint128(a[i]);
  const n = new Array<u64>(12);
  for (let i = 0; i < 12; i++) n[i] = p.u64(a[i + 9]);
  s.supply = u[0];
  s.vault = u[1];
  s.remint = u[2];
  s.pendingAkt = u[3];
  s.pendingAct = u[4];
  s.burnedAkt = u[5];
  s.burnedAct = u[6];
  s.mintedAkt = u[7];
  s.mintedAct = u[8];
  s.nextId = n[0];
  s.requested = n[1];
  s.executed = n[2];
  s.cancelled = n[3];
  s.ledgerCount = n[4];
  s.next = [n[5], n[6]];
  s.cursor = [n[7], n[8]];
  s.status = <u32>n[9];
  s.previous = <u32>n[10];
  s.epochDiff = n[11];
  return s;
}

export function STATE(): Item<State> {
  return new Item<State>("state", encodeState, decodeState);
}

function encodeAmount(u: Uint128, w: JsonWriter): void {
  w.uint128(u);
}
function decodeAmount(v: JsonValue, p: Parser): Uint128 {
  return p.uint128(v);
}

/** ACT balances (uact). */
export function BALANCES(): Map<Uint128> {
  return new Map<Uint128>("bal", encodeAmount, decodeAmount);
}

/** Pending records per owner (stored as an amount to share the codec). */
export function OWNED(): Map<Uint128> {
  return new Map<Uint128>("owned", encodeAmount, decodeAmount);
}

// A record, pending or done: [id, kind, owner, amount, height, attempts, state, done_height, price|null, minted, spread,
// paid, remint_credit, newly_minted, reason|null].
function encodeRecord(r: RecordInfo, w: JsonWriter): void {
  w.beginArray().u64(r.id).str(r.kind).str(r.owner).uint128(r.amount).u64(r.height).u64(r.attempts).str(r.state);
  w.u64(r.done_height);
  const price = r.price;
  if (price === null) w.nul();
  else w.decimal(price);
  w.uint128(r.minted).uint128(r.spread).uint128(r.paid).uint128(r.remint_credit).uint128(r.newly_minted);
  w.optStr(r.reason).endArray();
}

function decodeRecord(v: JsonValue, p: Parser): RecordInfo {
  const a = p.arr(v);
  const r = new RecordInfo();
  r.id = p.u64(a[0]);
  r.kind = p.str(a[1]);
  r.owner = p.str(a[2]);
  r.amount = p.uint128(a[3]);
  r.height = p.u64(a[4]);
  r.attempts = p.u32(a[5]);
  r.state = p.str(a[6]);
  r.done_height = p.u64(a[7]);
  r.price = a[8].isNull() ? null : p.decimal(a[8]);
  r.minted = p.uint128(a[9]);
  r.spread = p.uint128(a[10]);
  r.paid = p.uint128(a[11]);
  r.remint_credit = p.uint128(a[12]);
  r.newly_minted = p.uint128(a[13]);
  r.reason = a[14].isNull() ? null : p.str(a[14]);
  return r;
}

export function QUEUE(): Map<RecordInfo> {
  return new Map<RecordInfo>("queue", encodeRecord, decodeRecord);
}

export function LEDGER(): Map<RecordInfo> {
  return new Map<RecordInfo>("ledger", encodeRecord, decodeRecord);
}

export function queueKey(kind: u8, id: u64): Key {
  return Key.pair(Key.bytes(kindByte(kind)), Key.u64(id));
}

export function kindByte(kind: u8): Uint8Array {
  const b = new Uint8Array(1);
  b[0] = kind;
  return b;
}

export function balanceOf(addr: string): Uint128 {
  const b = BALANCES().load(Key.str(addr));
  return b === null ? Uint128.zero() : b;
}

export function setBalance(addr: string, amount: Uint128): void {
  if (amount.isZero()) BALANCES().remove(Key.str(addr));
  else BALANCES().save(Key.str(addr), amount);
}

export function ownedCount(owner: string): u64 {
  const c = OWNED().load(Key.str(owner));
  return c === null ? 0 : c.toU64();
}

export function setOwned(owner: string, n: u64): void {
  if (n == 0) OWNED().remove(Key.str(owner));
  else OWNED().save(Key.str(owner), Uint128.fromU64(n));
}

/** Moves `amount` uact between balances; the caller checked `from` holds it. */
export function move(from: string, to: string, amount: Uint128): void {
  setBalance(from, balanceOf(from).sub(amount));
  setBalance(to, balanceOf(to).add(amount));
}
