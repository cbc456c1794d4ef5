// Generated from contracts/oracle/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
// then rebuild. docs/contracts.md describes the conventions.

import {
  Coin,
  Decimal,
  JsonObject,
  JsonValue,
  JsonWriter,
  Parser,
  Some,
  Uint128,
  Uint256,
  optionalField,
  optionalInt,
  readOneOf,
  readU16,
  requiredField,
} from "../../std";
import {
  AddFeedMsg,
  ConfigQuery,
  ConfigResponse,
  DataSourceMsg,
  FeedInfo,
  FeedMsg,
  FeedPriceMsg,
  FeedsQuery,
  FeedsResponse,
  GetUpdateFeeQuery,
  HealthQuery,
  HealthResponse,
  InstantiateMsg,
  MigrateMsg,
  PauseMsg,
  PriceFeedJson,
  PriceFeedQuery,
  PriceFeedResponse,
  PriceQuery,
  PriceResponse,
  PythPriceJson,
  RemoveFeedMsg,
  SignerSetMsg,
  SignerSetsQuery,
  SignerSetsResponse,
  SourceHealth,
  SubmitSignerSetUpgradeMsg,
  UnpauseMsg,
  UpdateConfigMsg,
  UpdateFeeResponse,
  UpdatePriceFeedsMsg,
} from "../msg";

export function parseInstantiateMsg(o: JsonObject, p: Parser): InstantiateMsg {
  const m = new InstantiateMsg();
  p.denyUnknown(o, FIELDS_InstantiateMsg);
  let v: JsonValue | null = null;
  m.admin = o.str("admin", p);
  m.chain_id = optionalInt<u16>(o, "chain_id", p);
  v = requiredField(o, "data_sources", p);
  if (v !== null) m.data_sources = readArrayOfDataSourceMsg(v, p);
  v = optionalField(o, "governance_source");
  if (v !== null) m.governance_source = parseDataSourceMsg(p.obj(v), p);
  v = requiredField(o, "signer_sets", p);
  if (v !== null) m.signer_sets = readArrayOfSignerSetMsg(v, p);
  v = optionalField(o, "update_fee");
  if (v !== null) m.update_fee = p.coin(v);
  m.fee_recipient = o.str("fee_recipient", p);
  v = optionalField(o, "feeds");
  if (v !== null) m.feeds = readArrayOfFeedMsg(v, p);
  v = optionalField(o, "feeders");
  if (v !== null) m.feeders = readArrayOfString(v, p);
  m.max_conf_bps = optionalInt<u64>(o, "max_conf_bps", p);
  m.min_expo = optionalInt<i32>(o, "min_expo", p);
  m.max_expo = optionalInt<i32>(o, "max_expo", p);
  m.max_future_drift = optionalInt<u64>(o, "max_future_drift", p);
  m.max_price_staleness = optionalInt<u64>(o, "max_price_staleness", p);
  m.twap_window = optionalInt<u64>(o, "twap_window", p);
  m.max_deviation_bps = optionalInt<u64>(o, "max_deviation_bps", p);
  m.min_price_sources = optionalInt<u32>(o, "min_price_sources", p);
  m.price_retention = optionalInt<u64>(o, "price_retention", p);
  m.signer_set_expiry_secs = optionalInt<u64>(o, "signer_set_expiry_secs", p);
  m.max_ema_deviation_bps = optionalInt<u64>(o, "max_ema_deviation_bps", p);
  return m;
}

export function parseDataSourceMsg(o: JsonObject, p: Parser): DataSourceMsg {
  const m = new DataSourceMsg();
  p.denyUnknown(o, FIELDS_DataSourceMsg);
  let v: JsonValue | null = null;
  v = requiredField(o, "chain_id", p);
  if (v !== null) m.chain_id = readU16(v, p);
  m.emitter = o.binary("emitter", p);
  return m;
}

export function parseSignerSetMsg(o: JsonObject, p: Parser): SignerSetMsg {
  const m = new SignerSetMsg();
  p.denyUnknown(o, FIELDS_SignerSetMsg);
  let v: JsonValue | null = null;
  m.index = o.u32("index", p);
  v = requiredField(o, "addresses", p);
  if (v !== null) m.addresses = readArrayOfString(v, p);
  m.quorum = optionalInt<u32>(o, "quorum", p);
  m.expires_at = optionalInt<u64>(o, "expires_at", p);
  return m;
}

export function parseFeedMsg(o: JsonObject, p: Parser): FeedMsg {
  const m = new FeedMsg();
  p.denyUnknown(o, FIELDS_FeedMsg);
  m.id = o.str("id", p);
  m.symbol = o.optStr("symbol", p);
  return m;
}

export function parseMigrateMsg(o: JsonObject, p: Parser): MigrateMsg {
  const m = new MigrateMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseUpdatePriceFeedsMsg(o: JsonObject, p: Parser): UpdatePriceFeedsMsg {
  const m = new UpdatePriceFeedsMsg();
  p.denyUnknown(o, FIELDS_UpdatePriceFeedsMsg);
  let v: JsonValue | null = null;
  v = requiredField(o, "data", p);
  if (v !== null) m.data = readArrayOfUint8Array(v, p);
  return m;
}

export function parseSubmitSignerSetUpgradeMsg(o: JsonObject, p: Parser): SubmitSignerSetUpgradeMsg {
  const m = new SubmitSignerSetUpgradeMsg();
  p.denyUnknown(o, FIELDS_SubmitSignerSetUpgradeMsg);
  m.vaa = o.binary("vaa", p);
  return m;
}

export function parseFeedPriceMsg(o: JsonObject, p: Parser): FeedPriceMsg {
  const m = new FeedPriceMsg();
  p.denyUnknown(o, FIELDS_FeedPriceMsg);
  m.id = o.str("id", p);
  m.price = o.str("price", p);
  m.expo = o.i32("expo", p);
  m.publish_time = o.i64("publish_time", p);
  return m;
}

export function parseUpdateConfigMsg(o: JsonObject, p: Parser): UpdateConfigMsg {
  const m = new UpdateConfigMsg();
  p.denyUnknown(o, FIELDS_UpdateConfigMsg);
  let v: JsonValue | null = null;
  m.admin = o.optStr("admin", p);
  m.chain_id = optionalInt<u16>(o, "chain_id", p);
  v = optionalField(o, "data_sources");
  if (v !== null) m.data_sources = readArrayOfDataSourceMsg(v, p);
  v = optionalField(o, "governance_source");
  if (v !== null) m.governance_source = parseDataSourceMsg(p.obj(v), p);
  v = optionalField(o, "signer_sets");
  if (v !== null) m.signer_sets = readArrayOfSignerSetMsg(v, p);
  v = optionalField(o, "update_fee");
  if (v !== null) m.update_fee = p.coin(v);
  m.fee_recipient = o.optStr("fee_recipient", p);
  v = optionalField(o, "feeders");
  if (v !== null) m.feeders = readArrayOfString(v, p);
  m.max_conf_bps = optionalInt<u64>(o, "max_conf_bps", p);
  m.min_expo = optionalInt<i32>(o, "min_expo", p);
  m.max_expo = optionalInt<i32>(o, "max_expo", p);
  m.max_future_drift = optionalInt<u64>(o, "max_future_drift", p);
  m.max_price_staleness = optionalInt<u64>(o, "max_price_staleness", p);
  m.twap_window = optionalInt<u64>(o, "twap_window", p);
  m.max_deviation_bps = optionalInt<u64>(o, "max_deviation_bps", p);
  m.min_price_sources = optionalInt<u32>(o, "min_price_sources", p);
  m.price_retention = optionalInt<u64>(o, "price_retention", p);
  m.signer_set_expiry_secs = optionalInt<u64>(o, "signer_set_expiry_secs", p);
  m.max_ema_deviation_bps = optionalInt<u64>(o, "max_ema_deviation_bps", p);
  return m;
}

export function parseAddFeedMsg(o: JsonObject, p: Parser): AddFeedMsg {
  const m = new AddFeedMsg();
  p.denyUnknown(o, FIELDS_FeedMsg);
  m.id = o.str("id", p);
  m.symbol = o.optStr("symbol", p);
  return m;
}

export function parseRemoveFeedMsg(o: JsonObject, p: Parser): RemoveFeedMsg {
  const m = new RemoveFeedMsg();
  p.denyUnknown(o, FIELDS_RemoveFeedMsg);
  m.id = o.str("id", p);
  return m;
}

export function parsePauseMsg(o: JsonObject, p: Parser): PauseMsg {
  const m = new PauseMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseUnpauseMsg(o: JsonObject, p: Parser): UnpauseMsg {
  const m = new UnpauseMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parsePriceFeedQuery(o: JsonObject, p: Parser): PriceFeedQuery {
  const m = new PriceFeedQuery();
  p.denyUnknown(o, FIELDS_RemoveFeedMsg);
  m.id = o.str("id", p);
  return m;
}

export function parsePriceQuery(o: JsonObject, p: Parser): PriceQuery {
  const m = new PriceQuery();
  p.denyUnknown(o, FIELDS_RemoveFeedMsg);
  m.id = o.str("id", p);
  return m;
}

export function parseHealthQuery(o: JsonObject, p: Parser): HealthQuery {
  const m = new HealthQuery();
  p.denyUnknown(o, FIELDS_RemoveFeedMsg);
  m.id = o.str("id", p);
  return m;
}

export function parseFeedsQuery(o: JsonObject, p: Parser): FeedsQuery {
  const m = new FeedsQuery();
  p.denyUnknown(o, FIELDS_FeedsQuery);
  m.start_after = o.optStr("start_after", p);
  m.limit = optionalInt<u32>(o, "limit", p);
  return m;
}

export function parseSignerSetsQuery(o: JsonObject, p: Parser): SignerSetsQuery {
  const m = new SignerSetsQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseConfigQuery(o: JsonObject, p: Parser): ConfigQuery {
  const m = new ConfigQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseGetUpdateFeeQuery(o: JsonObject, p: Parser): GetUpdateFeeQuery {
  const m = new GetUpdateFeeQuery();
  p.denyUnknown(o, FIELDS_UpdatePriceFeedsMsg);
  let v: JsonValue | null = null;
  v = requiredField(o, "data", p);
  if (v !== null) m.data = readArrayOfUint8Array(v, p);
  return m;
}

const FIELDS_InstantiateMsg: StaticArray<string> = [
  "admin",
  "chain_id",
  "data_sources",
  "governance_source",
  "signer_sets",
  "update_fee",
  "fee_recipient",
  "feeds",
  "feeders",
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
  "max_ema_deviation_bps",
];

function readArrayOfDataSourceMsg(v: JsonValue, p: Parser): Array<DataSourceMsg> {
  const items = p.arr(v);
  const out = new Array<DataSourceMsg>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseDataSourceMsg(p.obj(items[i]), p));
  return out;
}

function readArrayOfSignerSetMsg(v: JsonValue, p: Parser): Array<SignerSetMsg> {
  const items = p.arr(v);
  const out = new Array<SignerSetMsg>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseSignerSetMsg(p.obj(items[i]), p));
  return out;
}

function readArrayOfFeedMsg(v: JsonValue, p: Parser): Array<FeedMsg> {
  const items = p.arr(v);
  const out = new Array<FeedMsg>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseFeedMsg(p.obj(items[i]), p));
  return out;
}

function readArrayOfString(v: JsonValue, p: Parser): Array<string> {
  const items = p.arr(v);
  const out = new Array<string>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(p.str(items[i]));
  return out;
}

const FIELDS_DataSourceMsg: StaticArray<string> = ["chain_id", "emitter"];

const FIELDS_SignerSetMsg: StaticArray<string> = ["index", "addresses", "quorum", "expires_at"];

const FIELDS_FeedMsg: StaticArray<string> = ["id", "symbol"];

const FIELDS_MigrateMsg: StaticArray<string> = [];

const FIELDS_UpdatePriceFeedsMsg: StaticArray<string> = ["data"];

function readArrayOfUint8Array(v: JsonValue, p: Parser): Array<Uint8Array> {
  const items = p.arr(v);
  const out = new Array<Uint8Array>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(p.binary(items[i]));
  return out;
}

const FIELDS_SubmitSignerSetUpgradeMsg: StaticArray<string> = ["vaa"];

const FIELDS_FeedPriceMsg: StaticArray<string> = ["id", "price", "expo", "publish_time"];

const FIELDS_UpdateConfigMsg: StaticArray<string> = [
  "admin",
  "chain_id",
  "data_sources",
  "governance_source",
  "signer_sets",
  "update_fee",
  "fee_recipient",
  "feeders",
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
  "max_ema_deviation_bps",
];

const FIELDS_RemoveFeedMsg: StaticArray<string> = ["id"];

const FIELDS_FeedsQuery: StaticArray<string> = ["start_after", "limit"];

function writeArrayOfString(w: JsonWriter, a: Array<string>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) w.str(a[i]);
  return w.endArray();
}

function writeArrayOfSourceHealth(w: JsonWriter, a: Array<SourceHealth>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeSourceHealth(w, a[i]);
  return w.endArray();
}

function writeArrayOfFeedInfo(w: JsonWriter, a: Array<FeedInfo>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeFeedInfo(w, a[i]);
  return w.endArray();
}

function writeArrayOfSignerSetMsg(w: JsonWriter, a: Array<SignerSetMsg>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeSignerSetMsg(w, a[i]);
  return w.endArray();
}

function writeArrayOfDataSourceMsg(w: JsonWriter, a: Array<DataSourceMsg>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeDataSourceMsg(w, a[i]);
  return w.endArray();
}

export function writePriceFeedResponse(w: JsonWriter, m: PriceFeedResponse): JsonWriter {
  return writePriceFeedJson(w.beginObject().key("price_feed"), m.price_feed).endObject();
}

export function writePriceFeedJson(w: JsonWriter, m: PriceFeedJson): JsonWriter {
  return writePythPriceJson(
    writePythPriceJson(w.beginObject().key("id").str(m.id).key("price"), m.price).key("ema_price"),
    m.ema_price,
  ).endObject();
}

export function writePythPriceJson(w: JsonWriter, m: PythPriceJson): JsonWriter {
  return w
    .beginObject()
    .key("price")
    .str(m.price)
    .key("conf")
    .str(m.conf)
    .key("expo")
    .i64(<i64>m.expo)
    .key("publish_time")
    .i64(<i64>m.publish_time)
    .endObject();
}

export function writePriceResponse(w: JsonWriter, m: PriceResponse): JsonWriter {
  return w
    .beginObject()
    .key("twap")
    .decimal(m.twap)
    .key("median")
    .decimal(m.median)
    .key("min")
    .decimal(m.min)
    .key("max")
    .decimal(m.max)
    .key("publish_time")
    .u64(<u64>m.publish_time)
    .key("num_sources")
    .u64(<u64>m.num_sources)
    .key("deviation_bps")
    .u64(<u64>m.deviation_bps)
    .endObject();
}

export function writeHealthResponse(w: JsonWriter, m: HealthResponse): JsonWriter {
  return writeArrayOfSourceHealth(
    writeArrayOfString(
      w
        .beginObject()
        .key("id")
        .str(m.id)
        .key("is_healthy")
        .bool(m.is_healthy)
        .key("has_min_sources")
        .bool(m.has_min_sources)
        .key("deviation_ok")
        .bool(m.deviation_ok)
        .key("total_sources")
        .u64(<u64>m.total_sources)
        .key("total_healthy_sources")
        .u64(<u64>m.total_healthy_sources)
        .key("deviation_bps")
        .u64(<u64>m.deviation_bps)
        .key("failure_reasons"),
      m.failure_reasons,
    ).key("sources"),
    m.sources,
  ).endObject();
}

export function writeSourceHealth(w: JsonWriter, m: SourceHealth): JsonWriter {
  w.beginObject().key("source").str(m.source).key("price");
  const price = m.price;
  if (price === null) w.nul();
  else w.decimal(price);
  w.key("publish_time");
  const publish_time = m.publish_time;
  if (publish_time === null) w.nul();
  else w.u64(<u64>publish_time.value);
  return w.key("fresh").bool(m.fresh).endObject();
}

export function writeFeedsResponse(w: JsonWriter, m: FeedsResponse): JsonWriter {
  return writeArrayOfFeedInfo(w.beginObject().key("feeds"), m.feeds).endObject();
}

export function writeFeedInfo(w: JsonWriter, m: FeedInfo): JsonWriter {
  w.beginObject().key("id").str(m.id).key("symbol").str(m.symbol).key("publish_time");
  const publish_time = m.publish_time;
  if (publish_time === null) w.nul();
  else w.i64(<i64>publish_time.value);
  return w.endObject();
}

export function writeSignerSetsResponse(w: JsonWriter, m: SignerSetsResponse): JsonWriter {
  return writeArrayOfSignerSetMsg(
    w
      .beginObject()
      .key("current")
      .u64(<u64>m.current)
      .key("signer_sets"),
    m.signer_sets,
  ).endObject();
}

export function writeSignerSetMsg(w: JsonWriter, m: SignerSetMsg): JsonWriter {
  writeArrayOfString(
    w
      .beginObject()
      .key("index")
      .u64(<u64>m.index)
      .key("addresses"),
    m.addresses,
  ).key("quorum");
  const quorum = m.quorum;
  if (quorum === null) w.nul();
  else w.u64(<u64>quorum.value);
  w.key("expires_at");
  const expires_at = m.expires_at;
  if (expires_at === null) w.nul();
  else w.u64(<u64>expires_at.value);
  return w.endObject();
}

export function writeConfigResponse(w: JsonWriter, m: ConfigResponse): JsonWriter {
  return writeArrayOfString(
    writeDataSourceMsg(
      writeArrayOfDataSourceMsg(
        w
          .beginObject()
          .key("admin")
          .str(m.admin)
          .key("chain_id")
          .u64(<u64>m.chain_id)
          .key("data_sources"),
        m.data_sources,
      ).key("governance_source"),
      m.governance_source,
    )
      .key("current_signer_set")
      .u64(<u64>m.current_signer_set)
      .key("update_fee")
      .coin(m.update_fee)
      .key("fee_recipient")
      .str(m.fee_recipient)
      .key("feeders"),
    m.feeders,
  )
    .key("max_conf_bps")
    .u64(<u64>m.max_conf_bps)
    .key("min_expo")
    .i64(<i64>m.min_expo)
    .key("max_expo")
    .i64(<i64>m.max_expo)
    .key("max_future_drift")
    .u64(<u64>m.max_future_drift)
    .key("max_price_staleness")
    .u64(<u64>m.max_price_staleness)
    .key("twap_window")
    .u64(<u64>m.twap_window)
    .key("max_deviation_bps")
    .u64(<u64>m.max_deviation_bps)
    .key("min_price_sources")
    .u64(<u64>m.min_price_sources)
    .key("price_retention")
    .u64(<u64>m.price_retention)
    .key("signer_set_expiry_secs")
    .u64(<u64>m.signer_set_expiry_secs)
    .key("paused")
    .bool(m.paused)
    .key("max_ema_deviation_bps")
    .u64(<u64>m.max_ema_deviation_bps)
    .endObject();
}

export function writeDataSourceMsg(w: JsonWriter, m: DataSourceMsg): JsonWriter {
  return w
    .beginObject()
    .key("chain_id")
    .u64(<u64>m.chain_id)
    .key("emitter")
    .binary(m.emitter)
    .endObject();
}

export function writeUpdateFeeResponse(w: JsonWriter, m: UpdateFeeResponse): JsonWriter {
  return w.beginObject().key("denom").str(m.denom).key("amount").uint128(m.amount).endObject();
}
