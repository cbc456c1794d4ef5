// Messages of the oracle contract. The classes tagged `@msg` (and the response classes) describe the JSON for the
// schema generator and are never instantiated; the functions at the end parse the JSON into the contract's own types.
//
// Design, in short (pyth.md §1–§6):
// - Pyth accumulator updates (PNAU) are verified in-contract: the VAA against a stored signer set (Wormhole guardians
//   or Pyth Pro routers), the emitter against the data sources, each message against the signed Merkle root.
// - The latest verified Pyth price of each configured feed is served in Pyth's CosmWasm JSON (`price_feed`), and every
//   accepted price also becomes an observation for x/oracle-style aggregation (`price`, `health`), together with the
//   prices pushed by governance-approved feeders.
// - Every time is unix seconds compared with the block time. Prices are normalised to 18-decimal `Decimal`s:
//   value = price × 10^(18 + expo).
import { Coin, Decimal, JsonObject, JsonValue, Parser, Uint128, addrValidate, fromHex } from "../std";
import { Config, DataSource, readDataSource } from "./state";
import { SignerSet, readSignerSets } from "./verify/signer_sets";
import * as E from "./error";

/** Feeders are aggregated on every `price` query, so their number bounds the query's work. */
export const MAX_FEEDERS: i32 = 10;
/** Upper bound of `twap_window` (seconds); with one point per second this bounds the TWAP's storage reads. */
export const MAX_TWAP_WINDOW: u64 = 3600;
export const MAX_SYMBOL_LEN: i32 = 64;
/** Upper bound of `max_ema_deviation_bps` (100×, like `max_deviation_bps`): larger values only mean "off", which is 0. */
export const MAX_EMA_DEVIATION_BPS: u64 = 1_000_000;
/** Keeps block time + expiry far from u64 overflow. */
export const MAX_SIGNER_SET_EXPIRY: u64 = 315_360_000;

// ---------------------------------------------------------------------------------------------------------------
// Shared types

/** A Wormhole emitter whose VAAs are accepted: chain id and 32-byte address (base64, as Pyth's `data_sources`). */
export class DataSourceMsg {
  chain_id: u16 = 0;
  emitter: Uint8Array = new Uint8Array(0);
}

/**
 * A signer set: Wormhole guardian set or Pyth Pro router set.
 * `addresses` are 20-byte Ethereum-style addresses (40 hex digits, 0x optional), in signer-index order.
 * `quorum`: number of valid signatures required; when absent, Wormhole's rule `((n*10/3)*2)/10 + 1` (19 → 13, 5 → 4).
 * Router sets must set it explicitly (3 for 5 routers: the Wormhole rule would reject every real router update).
 * `expires_at`: unix seconds after which VAAs signed by this set are rejected; absent = never.
 */
export class SignerSetMsg {
  index: u32 = 0;
  addresses: Array<string> = new Array<string>();
  quorum: u32 | null = null;
  expires_at: u64 | null = null;
}

/** A feed to track: Pyth feed id (64 hex digits, 0x optional, either case) and a display symbol. */
export class FeedMsg {
  id: string = "";
  symbol: string | null = null;
}

// ---------------------------------------------------------------------------------------------------------------
// Instantiate / migrate

/**
 * Instantiates the oracle.
 * `admin`: governance (normally the x/gov module account); the only sender of admin messages.
 * `chain_id`: this chain's Wormhole chain id, for the target chain of signer-set upgrades (0 = accept only upgrades
 * addressed to all chains). Default 0.
 * `data_sources`: emitters whose price updates are accepted; both chain and address are checked.
 * `governance_source`: emitter of signer-set upgrade VAAs; default chain 1, address 0x00…04 (Wormhole Core governance).
 * `signer_sets`: the initial sets; the highest index is the current one (signs upgrades); every unexpired set
 * verifies price updates.
 * `update_fee`: fee per price message (Pyth counts messages inside each PNAU, not blobs); default 0 uakt.
 * `fee_recipient`: receives the fees (a bank send per update when the fee paid is > 0). Required, and it must be able to
 * receive bank sends: on Akash every module account (gov included) is a blocked receiver.
 * `feeds`: feeds to track; updates for other feeds are verified but ignored.
 * `feeders`: addresses allowed to push `feed_price` as extra aggregation sources (at most 10).
 * Thresholds (defaults): `max_conf_bps` 100 (conf × 10000 > max_conf_bps × price is rejected), `min_expo` −18 and
 * `max_expo` 0 (Akash pins −8 by setting both to −8; the hard range is −18…0 so that prices normalise to 18
 * decimals), `max_future_drift` 10 s, `max_price_staleness` 30 s, `twap_window` 5 s (1…3600),
 * `max_deviation_bps` 150, `min_price_sources` 1 (at most 1 + number of feeders), `price_retention` 86400 s (≥ window and staleness),
 * `signer_set_expiry_secs` 86400 (how long the previous set stays valid after a rotation; at most 10 years),
 * `max_ema_deviation_bps` 1000 (a new Pyth price with |price − ema_price| × 10000 > max_ema_deviation_bps × ema_price
 * is rejected; 0 turns the check off; at most 1000000).
 * @msg InstantiateMsg
 */
export class InstantiateMsg {
  admin: string = "";
  chain_id: u16 | null = null;
  data_sources: Array<DataSourceMsg> = new Array<DataSourceMsg>();
  governance_source: DataSourceMsg | null = null;
  signer_sets: Array<SignerSetMsg> = new Array<SignerSetMsg>();
  update_fee: Coin | null = null;
  fee_recipient: string = "";
  feeds: Array<FeedMsg> | null = null;
  feeders: Array<string> | null = null;
  max_conf_bps: u64 | null = null;
  min_expo: i32 | null = null;
  max_expo: i32 | null = null;
  max_future_drift: u64 | null = null;
  max_price_staleness: u64 | null = null;
  twap_window: u64 | null = null;
  max_deviation_bps: u64 | null = null;
  min_price_sources: u32 | null = null;
  price_retention: u64 | null = null;
  signer_set_expiry_secs: u64 | null = null;
  // EMA-deviation rule
  max_ema_deviation_bps: u64 | null = null;
}

/** Migration takes no parameters; it checks the stored contract name and records the new version. @msg MigrateMsg */
export class MigrateMsg {}

// ---------------------------------------------------------------------------------------------------------------
// Execute

/**
 * Verifies and stores Pyth accumulator updates (PNAU blobs, base64; at most 16 per message). Permissionless.
 * Funds: at least `update_fee.amount × number of price messages in all blobs`, in `update_fee.denom` (other denoms are
 * rejected); everything paid is forwarded to `fee_recipient`.
 * Each blob: the VAA must be signed by an unexpired signer set with quorum and strictly increasing signer indexes,
 * its emitter (chain and address) must be a data source, its payload an AUWV Merkle root, every message must carry a
 * valid proof and be a price message (variant 0; trailing bytes ignored). Bytes after the last message are rejected.
 * Only configured feeds are stored: a `publish_time` older than the stored one is ignored and an equal one is a no-op
 * (neither is an error). A newer price is rejected (whole message fails) if price ≤ 0, expo outside
 * [min_expo, max_expo], conf × 10000 > max_conf_bps × price, publish_time > block time + max_future_drift, or
 * |price − ema_price| × 10000 > max_ema_deviation_bps × ema_price (when that setting is not 0).
 * Attributes: action, num_attestations (price messages), num_updated, fee; one `price_update` event per stored feed.
 * @msg ExecuteMsg update_price_feeds
 */
export class UpdatePriceFeedsMsg {
  data: Array<Uint8Array> = new Array<Uint8Array>();
}

/**
 * Installs the next signer set from a signed Wormhole Core "guardian set upgrade" VAA (module "Core", action 2),
 * as Pyth's router-set rotations. Permissionless: the VAA must come from `governance_source`, be signed (with quorum)
 * by the current set, target chain 0 or `chain_id`, and carry index current + 1. The previous set then expires after
 * `signer_set_expiry_secs`. The new set inherits the current set's explicit quorum (router sets keep 3 of 5); without
 * one it uses the Wormhole rule. An inherited quorum larger than the new set is rejected (governance can then install
 * the set with `update_config`). A VAA that was already applied is rejected.
 * @msg ExecuteMsg submit_signer_set_upgrade
 */
export class SubmitSignerSetUpgradeMsg {
  vaa: Uint8Array = new Uint8Array(0);
}

/**
 * A governance-approved feeder pushes a price for a configured feed (an extra aggregation source, like an x/oracle
 * source). `price` is an i64 decimal string as in Pyth's JSON; value = price × 10^expo. Same rules as Pyth prices
 * (no confidence check): older publish_time ignored, equal a no-op. No funds.
 * @msg ExecuteMsg feed_price
 */
export class FeedPriceMsg {
  id: string = "";
  price: string = "";
  expo: i32 = 0;
  publish_time: i64 = 0;
}

/**
 * Admin only. Every field is optional; `signer_sets`, `data_sources` and `feeders` replace the whole list (the highest
 * signer-set index becomes current). Field meanings as in InstantiateMsg; `admin` transfers the role.
 * @msg ExecuteMsg update_config
 */
export class UpdateConfigMsg {
  admin: string | null = null;
  chain_id: u16 | null = null;
  data_sources: Array<DataSourceMsg> | null = null;
  governance_source: DataSourceMsg | null = null;
  signer_sets: Array<SignerSetMsg> | null = null;
  update_fee: Coin | null = null;
  fee_recipient: string | null = null;
  feeders: Array<string> | null = null;
  max_conf_bps: u64 | null = null;
  min_expo: i32 | null = null;
  max_expo: i32 | null = null;
  max_future_drift: u64 | null = null;
  max_price_staleness: u64 | null = null;
  twap_window: u64 | null = null;
  max_deviation_bps: u64 | null = null;
  min_price_sources: u32 | null = null;
  price_retention: u64 | null = null;
  signer_set_expiry_secs: u64 | null = null;
  // EMA-deviation rule
  max_ema_deviation_bps: u64 | null = null;
}

/** Admin only: start tracking a feed. @msg ExecuteMsg add_feed */
export class AddFeedMsg {
  id: string = "";
  symbol: string | null = null;
}

/** Admin only: stop tracking a feed; its stored Pyth price and latest per-source prices are removed. @msg ExecuteMsg remove_feed */
export class RemoveFeedMsg {
  id: string = "";
}

/** Admin only: reject `update_price_feeds` and `feed_price` until `unpause`. @msg ExecuteMsg pause */
export class PauseMsg {}

/** Admin only. @msg ExecuteMsg unpause */
export class UnpauseMsg {}

// ---------------------------------------------------------------------------------------------------------------
// Query

/**
 * Pyth-compatible: the latest verified Pyth price, exactly as Pyth's CosmWasm contract returns it. Ids are accepted
 * with or without 0x, in either case (Pyth itself rejects 0x); responses use lower case without 0x. No staleness check
 * (as Pyth): use `price` for a checked value.
 * @msg QueryMsg price_feed @returns PriceFeedResponse
 */
export class PriceFeedQuery {
  id: string = "";
}

/**
 * The aggregated price for consumers (bme, incentives): x/oracle rules over the fresh sources (Pyth plus feeders),
 * or the error `price unhealthy: <reasons; …>`.
 * @msg QueryMsg price @returns PriceResponse
 */
export class PriceQuery {
  id: string = "";
}

/** Health record of a feed (never an error for a configured feed). @msg QueryMsg health @returns HealthResponse */
export class HealthQuery {
  id: string = "";
}

/** Configured feeds in id order. @msg QueryMsg feeds @returns FeedsResponse */
export class FeedsQuery {
  start_after: string | null = null;
  limit: u32 | null = null;
}

/** @msg QueryMsg signer_sets @returns SignerSetsResponse */
export class SignerSetsQuery {}

/** @msg QueryMsg config @returns ConfigResponse */
export class ConfigQuery {}

/** Fee for submitting `data` with `update_price_feeds` (structure is parsed, signatures are not checked). @msg QueryMsg get_update_fee @returns UpdateFeeResponse */
export class GetUpdateFeeQuery {
  data: Array<Uint8Array> = new Array<Uint8Array>();
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

/** Pyth `Price`: price (i64) and conf (u64) as strings, expo and publish_time (unix seconds) as numbers. */
export class PythPriceJson {
  price: string = "";
  conf: string = "";
  expo: i32 = 0;
  publish_time: i64 = 0;
}

export class PriceFeedJson {
  id: string = "";
  price: PythPriceJson = new PythPriceJson();
  ema_price: PythPriceJson = new PythPriceJson();
}

/** A cosmwasm `Coin`, as Pyth's `get_update_fee` returns. */
export class UpdateFeeResponse {
  denom: string = "";
  amount: Uint128 = Uint128.zero();
}

/** `{"price_feed":{"id":…,"price":{…},"ema_price":{…}}}` */
export class PriceFeedResponse {
  price_feed: PriceFeedJson = new PriceFeedJson();
}

/**
 * Aggregated price (18-decimal strings). `twap`: mean of the fresh sources' TWAPs; `median`/`min`/`max`: of their
 * latest prices; `publish_time`: the oldest latest publish time among them; `deviation_bps`:
 * floor((max − min) × 10000 / min).
 */
export class PriceResponse {
  twap: Decimal = Decimal.zero();
  median: Decimal = Decimal.zero();
  min: Decimal = Decimal.zero();
  max: Decimal = Decimal.zero();
  publish_time: u64 = 0;
  num_sources: u32 = 0;
  deviation_bps: u64 = 0;
}

/** One source of a feed: `source` is "pyth" or the feeder address. */
export class SourceHealth {
  source: string = "";
  price: Decimal | null = null;
  publish_time: u64 | null = null;
  fresh: bool = false;
}

/**
 * x/oracle's PriceHealth plus the per-source view. `failure_reasons` also names stale sources while the aggregate is
 * still healthy (a warning); `price` fails exactly when `is_healthy` is false.
 */
export class HealthResponse {
  id: string = "";
  is_healthy: bool = false;
  has_min_sources: bool = false;
  deviation_ok: bool = false;
  total_sources: u32 = 0;
  total_healthy_sources: u32 = 0;
  deviation_bps: u64 = 0;
  failure_reasons: Array<string> = new Array<string>();
  sources: Array<SourceHealth> = new Array<SourceHealth>();
}

export class FeedInfo {
  id: string = "";
  symbol: string = "";
  publish_time: i64 | null = null;
}

export class FeedsResponse {
  feeds: Array<FeedInfo> = new Array<FeedInfo>();
}

export class SignerSetsResponse {
  current: u32 = 0;
  signer_sets: Array<SignerSetMsg> = new Array<SignerSetMsg>();
}

/** The stored configuration (all fields of InstantiateMsg resolved, plus `current_signer_set` and `paused`). */
export class ConfigResponse {
  admin: string = "";
  chain_id: u16 = 0;
  data_sources: Array<DataSourceMsg> = new Array<DataSourceMsg>();
  governance_source: DataSourceMsg = new DataSourceMsg();
  current_signer_set: u32 = 0;
  update_fee: Coin = new Coin("", Uint128.zero());
  fee_recipient: string = "";
  feeders: Array<string> = new Array<string>();
  max_conf_bps: u64 = 0;
  min_expo: i32 = 0;
  max_expo: i32 = 0;
  max_future_drift: u64 = 0;
  max_price_staleness: u64 = 0;
  twap_window: u64 = 0;
  max_deviation_bps: u64 = 0;
  min_price_sources: u32 = 0;
  price_retention: u64 = 0;
  signer_set_expiry_secs: u64 = 0;
  paused: bool = false;
  // EMA-deviation rule
  max_ema_deviation_bps: u64 = 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing into contract types

export const PARAM_FIELDS: Array<string> = [
  "max_conf_bps",
  "min_expo",
  "max_expo",
  "max_future_drift",
  "max_price_staleness",
  "twap_window",
  "max_deviation_bps",
  "min_price_sources",
  "price_retention",
  "signer_set_expiry_secs",
  // EMA-deviation rule
  "max_ema_deviation_bps",
];

/** Feed id text → 32 bytes, or null. */
export function parseFeedId(text: string): Uint8Array | null {
  const b = fromHex(text);
  if (b === null || b.length != 32) return null;
  return b;
}

export function readFeedId(o: JsonObject, key: string, p: Parser): Uint8Array {
  const text = o.str(key, p);
  if (p.failed()) return new Uint8Array(0);
  const id = parseFeedId(text);
  if (id === null) {
    p.fail(E.badFeedId(text));
    return new Uint8Array(0);
  }
  return id;
}

/** i64 decimal string (Pyth's JSON form). */
export function parseI64(text: string, p: Parser): i64 {
  const neg = text.length > 0 && text.charCodeAt(0) == 45;
  const digits = neg ? text.substr(1) : text;
  const u = digits.length > 0 && digits.charCodeAt(0) != 43 ? Uint128.parse(digits) : null;
  const limit: u64 = neg ? <u64>I64.MAX_VALUE + 1 : <u64>I64.MAX_VALUE;
  if (u === null || !u.fitsU64() || u.toU64() > limit) {
    p.fail(E.badPrice(text));
    return 0;
  }
  const m = u.toU64();
  return neg ? <i64>(0 - m) : <i64>m;
}

function readAddress(v: JsonValue, p: Parser): string {
  const a = p.str(v);
  if (p.failed()) return a;
  const e = addrValidate(a);
  if (e !== null) p.fail(E.invalidAddress(a, e));
  return a;
}

function readParams(c: Config, o: JsonObject, p: Parser): void {
  if (o.has("max_conf_bps")) c.maxConfBps = o.u64("max_conf_bps", p);
  if (o.has("min_expo")) c.minExpo = o.i32("min_expo", p);
  if (o.has("max_expo")) c.maxExpo = o.i32("max_expo", p);
  if (o.has("max_future_drift")) c.maxFutureDrift = o.u64("max_future_drift", p);
  if (o.has("max_price_staleness")) c.maxPriceStaleness = o.u64("max_price_staleness", p);
  if (o.has("twap_window")) c.twapWindow = o.u64("twap_window", p);
  if (o.has("max_deviation_bps")) c.maxDeviationBps = o.u64("max_deviation_bps", p);
  if (o.has("min_price_sources")) c.minPriceSources = o.u32("min_price_sources", p);
  if (o.has("price_retention")) c.priceRetention = o.u64("price_retention", p);
  if (o.has("signer_set_expiry_secs")) c.signerSetExpirySecs = o.u64("signer_set_expiry_secs", p);
  // EMA-deviation rule
  if (o.has("max_ema_deviation_bps")) c.maxEmaDeviationBps = o.u64("max_ema_deviation_bps", p);
}

/** Applies the optional fields shared by InstantiateMsg and UpdateConfigMsg; returns the signer sets when given. */
export function readConfigFields(c: Config, o: JsonObject, p: Parser): Array<SignerSet> | null {
  if (o.has("admin")) c.admin = readAddress(o.get("admin")!, p);
  if (o.has("chain_id")) {
    const id = o.u32("chain_id", p);
    if (id > 0xffff && !p.failed()) p.fail("invalid chain_id " + id.toString() + ": expected a u16");
    c.chainId = <u16>id;
  }
  if (o.has("data_sources")) {
    const list = o.arr("data_sources", p);
    const ds = new Array<DataSource>();
    for (let i = 0; i < list.length && !p.failed(); i++) ds.push(readDataSource(list[i], p));
    if (!p.failed() && ds.length == 0) p.fail(E.NO_DATA_SOURCES);
    c.dataSources = ds;
  }
  if (o.has("governance_source")) c.governanceSource = readDataSource(o.get("governance_source")!, p);
  if (o.has("update_fee")) c.updateFee = p.coin(o.get("update_fee")!);
  if (o.has("fee_recipient")) c.feeRecipient = readAddress(o.get("fee_recipient")!, p);
  if (o.has("feeders")) {
    const list = o.arr("feeders", p);
    if (list.length > MAX_FEEDERS && !p.failed()) p.fail(E.badParam("feeders", "at most 10"));
    const fs = new Array<string>();
    for (let i = 0; i < list.length && !p.failed(); i++) {
      const a = readAddress(list[i], p);
      if (fs.includes(a) && !p.failed()) p.fail(E.badParam("feeders", "duplicate " + a));
      fs.push(a);
    }
    c.feeders = fs;
  }
  readParams(c, o, p);
  let sets: Array<SignerSet> | null = null;
  if (o.has("signer_sets")) {
    const s = readSignerSets(o.arr("signer_sets", p), p);
    let top: u32 = 0;
    for (let i = 0; i < s.length; i++) if (s[i].index > top) top = s[i].index;
    c.currentSignerSet = top;
    sets = s;
  }
  if (!p.failed()) validateConfig(c, p);
  return sets;
}

function validateConfig(c: Config, p: Parser): void {
  if (c.minExpo < -18 || c.maxExpo > 0 || c.minExpo > c.maxExpo) p.fail(E.badExpoRange(c.minExpo, c.maxExpo));
  else if (c.maxConfBps == 0 || c.maxConfBps > 10000) p.fail(E.badParam("max_conf_bps", "must be 1…10000"));
  else if (c.maxPriceStaleness == 0) p.fail(E.badParam("max_price_staleness", "must be at least 1 s"));
  else if (c.twapWindow == 0 || c.twapWindow > MAX_TWAP_WINDOW) p.fail(E.badParam("twap_window", "must be 1…3600 s"));
  else if (c.minPriceSources == 0 || c.minPriceSources > <u32>(c.feeders.length + 1))
    p.fail(E.badParam("min_price_sources", "must be between 1 and the number of sources (Pyth plus feeders)"));
  else if (c.priceRetention < c.twapWindow || c.priceRetention < c.maxPriceStaleness)
    p.fail(E.badParam("price_retention", "must be at least twap_window and max_price_staleness"));
  else if (c.maxDeviationBps > 1_000_000) p.fail(E.badParam("max_deviation_bps", "must be at most 1000000"));
  else if (c.maxFutureDrift > 3600) p.fail(E.badParam("max_future_drift", "must be at most 3600 s"));
  else if (c.signerSetExpirySecs > MAX_SIGNER_SET_EXPIRY)
    p.fail(E.badParam("signer_set_expiry_secs", "must be at most 315360000 s (10 years)"));
  else if (c.updateFee.denom.length == 0) p.fail(E.badParam("update_fee", "denom must not be empty"));
  // EMA-deviation rule
  else if (c.maxEmaDeviationBps > MAX_EMA_DEVIATION_BPS)
    p.fail(E.badParam("max_ema_deviation_bps", "must be at most 1000000 (0 turns the check off)"));
}

export const INSTANTIATE_FIELDS: Array<string> = [
  "admin",
  "chain_id",
  "data_sources",
  "governance_source",
  "signer_sets",
  "update_fee",
  "fee_recipient",
  "feeds",
  "feeders",
];

export const UPDATE_CONFIG_FIELDS: Array<string> = [
  "admin",
  "chain_id",
  "data_sources",
  "governance_source",
  "signer_sets",
  "update_fee",
  "fee_recipient",
  "feeders",
];

export function withParams(fields: Array<string>): Array<string> {
  const out = new Array<string>();
  for (let i = 0; i < fields.length; i++) out.push(fields[i]);
  for (let i = 0; i < PARAM_FIELDS.length; i++) out.push(PARAM_FIELDS[i]);
  return out;
}

export function readSymbol(o: JsonObject, p: Parser): string {
  const s = o.optStr("symbol", p);
  if (s === null) return "";
  if (s.length > MAX_SYMBOL_LEN) p.fail(E.badParam("symbol", "at most 64 characters"));
  return s;
}
