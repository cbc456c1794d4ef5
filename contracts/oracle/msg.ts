// Messages of the oracle contract: the only definition of its JSON. The build generates the parsers, response writers
// and dispatch (gen/) and the JSON Schemas from these classes; config.ts validates what the parsers read.
//
// Design, in short (details in docs/oracle.md):
// - Pyth accumulator updates (PNAU) are verified in-contract: the VAA against a stored signer set (Wormhole guardians
//   or Pyth Pro routers), the emitter against the data sources, each message against the signed Merkle root.
// - The latest verified Pyth price of each configured feed is served in Pyth's CosmWasm JSON (`price_feed`), and every
//   accepted price also becomes an observation for x/oracle-style aggregation (`price`, `health`), together with the
//   prices pushed by governance-approved feeders.
// - Every time is unix seconds compared with the block time. Prices are normalised to 18-decimal `Decimal`s:
//   value = price × 10^(18 + expo).
import { Coin, Decimal, Some, Uint128 } from "../std";

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
  quorum: Some<u32> | null = null;
  expires_at: Some<u64> | null = null;
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
  chain_id: Some<u16> | null = null;
  data_sources: Array<DataSourceMsg> = new Array<DataSourceMsg>();
  governance_source: DataSourceMsg | null = null;
  signer_sets: Array<SignerSetMsg> = new Array<SignerSetMsg>();
  update_fee: Coin | null = null;
  fee_recipient: string = "";
  feeds: Array<FeedMsg> | null = null;
  feeders: Array<string> | null = null;
  max_conf_bps: Some<u64> | null = null;
  min_expo: Some<i32> | null = null;
  max_expo: Some<i32> | null = null;
  max_future_drift: Some<u64> | null = null;
  max_price_staleness: Some<u64> | null = null;
  twap_window: Some<u64> | null = null;
  max_deviation_bps: Some<u64> | null = null;
  min_price_sources: Some<u32> | null = null;
  price_retention: Some<u64> | null = null;
  signer_set_expiry_secs: Some<u64> | null = null;
  max_ema_deviation_bps: Some<u64> | null = null;
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
 * @payable
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
  chain_id: Some<u16> | null = null;
  data_sources: Array<DataSourceMsg> | null = null;
  governance_source: DataSourceMsg | null = null;
  signer_sets: Array<SignerSetMsg> | null = null;
  update_fee: Coin | null = null;
  fee_recipient: string | null = null;
  feeders: Array<string> | null = null;
  max_conf_bps: Some<u64> | null = null;
  min_expo: Some<i32> | null = null;
  max_expo: Some<i32> | null = null;
  max_future_drift: Some<u64> | null = null;
  max_price_staleness: Some<u64> | null = null;
  twap_window: Some<u64> | null = null;
  max_deviation_bps: Some<u64> | null = null;
  min_price_sources: Some<u32> | null = null;
  price_retention: Some<u64> | null = null;
  signer_set_expiry_secs: Some<u64> | null = null;
  max_ema_deviation_bps: Some<u64> | null = null;
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
  limit: Some<u32> | null = null;
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
  publish_time: Some<u64> | null = null;
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
  publish_time: Some<i64> | null = null;
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
