// Storage layout. Accessor functions rather than globals: a global Item initialised at module start breaks under the
// stub runtime's start-section rewrite (docs/abi.md#globals-with-constructors).
import {
  Coin,
  Decimal,
  Item,
  JsonValue,
  JsonWriter,
  Key,
  Map,
  Parser,
  Some,
  Uint128,
  fromHex,
  toHex,
  bytesEqual,
  intStr,
} from "../std";
import { SignerSet, decodeSignerSet } from "./verify/signer_sets";
import { ConfigResponse, DataSourceMsg, SignerSetMsg } from "./msg";
import { writeConfigResponse, writeSignerSetMsg } from "./gen/messages";

export const CONTRACT_NAME = "crates.io:akash-econ-oracle";
export const CONTRACT_VERSION = "0.1.0";
/** Source name of verified Pyth updates in the aggregation tables; feeders are keyed by their address. */
export const PYTH_SOURCE = "pyth";

export class DataSource {
  constructor(
    public chainId: u16,
    public emitter: Uint8Array,
  ) {}

  matches(chain: u16, emitter: Uint8Array): bool {
    return chain == this.chainId && bytesEqual(emitter, this.emitter);
  }
}

export class Config {
  admin: string = "";
  chainId: u16 = 0;
  dataSources: Array<DataSource> = new Array<DataSource>();
  governanceSource: DataSource = new DataSource(1, new Uint8Array(32));
  currentSignerSet: u32 = 0;
  updateFee: Coin = new Coin("uakt", Uint128.zero());
  feeRecipient: string = "";
  feeders: Array<string> = new Array<string>();
  maxConfBps: u64 = 100;
  minExpo: i32 = -18;
  maxExpo: i32 = 0;
  maxFutureDrift: u64 = 10;
  maxPriceStaleness: u64 = 30;
  twapWindow: u64 = 5;
  maxDeviationBps: u64 = 150;
  minPriceSources: u32 = 1;
  priceRetention: u64 = 86400;
  signerSetExpirySecs: u64 = 86400;
  paused: bool = false;
  // EMA-deviation rule (prices.ts checkEmaDeviation); 0 = off.
  maxEmaDeviationBps: u64 = 1000;

  isFeeder(addr: string): bool {
    return this.feeders.includes(addr);
  }
}

function dataSourceMsg(d: DataSource): DataSourceMsg {
  const m = new DataSourceMsg();
  m.chain_id = d.chainId;
  m.emitter = d.emitter;
  return m;
}

/** The config as the `config` query returns it, which is also its stored form. */
export function configResponse(c: Config): ConfigResponse {
  const r = new ConfigResponse();
  r.admin = c.admin;
  r.chain_id = c.chainId;
  for (let i = 0; i < c.dataSources.length; i++) r.data_sources.push(dataSourceMsg(c.dataSources[i]));
  r.governance_source = dataSourceMsg(c.governanceSource);
  r.current_signer_set = c.currentSignerSet;
  r.update_fee = c.updateFee;
  r.fee_recipient = c.feeRecipient;
  r.feeders = c.feeders;
  r.max_conf_bps = c.maxConfBps;
  r.min_expo = c.minExpo;
  r.max_expo = c.maxExpo;
  r.max_future_drift = c.maxFutureDrift;
  r.max_price_staleness = c.maxPriceStaleness;
  r.twap_window = c.twapWindow;
  r.max_deviation_bps = c.maxDeviationBps;
  r.min_price_sources = c.minPriceSources;
  r.price_retention = c.priceRetention;
  r.signer_set_expiry_secs = c.signerSetExpirySecs;
  r.max_ema_deviation_bps = c.maxEmaDeviationBps;
  r.paused = c.paused;
  return r;
}

function encodeConfig(c: Config, w: JsonWriter): void {
  writeConfigResponse(w, configResponse(c));
}

/** A signer set as the `signer_sets` query returns it, which is also its stored form. */
export function signerSetMsg(s: SignerSet): SignerSetMsg {
  const m = new SignerSetMsg();
  m.index = s.index;
  for (let i = 0; i < s.addresses.length; i++) m.addresses.push(toHex(s.addresses[i]));
  if (s.quorum != 0) m.quorum = new Some<u32>(s.quorum);
  if (s.expiresAt != 0) m.expires_at = new Some<u64>(s.expiresAt);
  return m;
}

function encodeSignerSet(s: SignerSet, w: JsonWriter): void {
  writeSignerSetMsg(w, signerSetMsg(s));
}

function decodeDataSource(v: JsonValue, p: Parser): DataSource {
  const o = p.obj(v);
  if (p.failed()) return new DataSource(0, new Uint8Array(0));
  return new DataSource(<u16>o.u32("chain_id", p), o.binary("emitter", p));
}

function decodeConfig(v: JsonValue, p: Parser): Config {
  const c = new Config();
  const o = p.obj(v);
  if (p.failed()) return c;
  c.admin = o.str("admin", p);
  c.chainId = <u16>o.u32("chain_id", p);
  const ds = o.arr("data_sources", p);
  for (let i = 0; i < ds.length; i++) c.dataSources.push(decodeDataSource(ds[i], p));
  c.governanceSource = decodeDataSource(o.get("governance_source")!, p);
  c.currentSignerSet = o.u32("current_signer_set", p);
  c.updateFee = p.coin(o.get("update_fee")!);
  c.feeRecipient = o.str("fee_recipient", p);
  const fs = o.arr("feeders", p);
  for (let i = 0; i < fs.length; i++) c.feeders.push(p.str(fs[i]));
  c.maxConfBps = o.u64("max_conf_bps", p);
  c.minExpo = o.i32("min_expo", p);
  c.maxExpo = o.i32("max_expo", p);
  c.maxFutureDrift = o.u64("max_future_drift", p);
  c.maxPriceStaleness = o.u64("max_price_staleness", p);
  c.twapWindow = o.u64("twap_window", p);
  c.maxDeviationBps = o.u64("max_deviation_bps", p);
  c.minPriceSources = o.u32("min_price_sources", p);
  c.priceRetention = o.u64("price_retention", p);
  c.signerSetExpirySecs = o.u64("signer_set_expiry_secs", p);
  c.paused = o.bool("paused", p);
  // Configs stored before the EMA rule existed keep the default.
  if (o.has("max_ema_deviation_bps")) c.maxEmaDeviationBps = o.u64("max_ema_deviation_bps", p);
  return c;
}

export function CONFIG(): Item<Config> {
  return new Item<Config>("config", encodeConfig, decodeConfig);
}

export function SIGNER_SETS(): Map<SignerSet> {
  return new Map<SignerSet>("signer_sets", encodeSignerSet, decodeSignerSet);
}

function encodeU32(n: u32, w: JsonWriter): void {
  w.u64(n);
}
function decodeU32(v: JsonValue, p: Parser): u32 {
  return p.u32(v);
}

/** keccak256(body) of applied signer-set upgrades → the index they installed (Wormhole's VAA archive). */
export function APPLIED_UPGRADES(): Map<u32> {
  return new Map<u32>("applied_upgrades", encodeU32, decodeU32);
}

// --- feeds ---------------------------------------------------------------------------------------------------------

export class Feed {
  constructor(
    public id: Uint8Array,
    public symbol: string,
  ) {}
}

function encodeFeed(f: Feed, w: JsonWriter): void {
  w.beginObject().key("id").str(toHex(f.id)).key("symbol").str(f.symbol).endObject();
}
function decodeFeed(v: JsonValue, p: Parser): Feed {
  const o = p.obj(v);
  const id = fromHex(o.str("id", p));
  return new Feed(id === null ? new Uint8Array(0) : id, o.str("symbol", p));
}

export function FEEDS(): Map<Feed> {
  return new Map<Feed>("feeds", encodeFeed, decodeFeed);
}

/** The latest verified Pyth price of a feed, kept exactly as received (Pyth's PriceFeed). */
export class PythPrice {
  price: i64 = 0;
  conf: u64 = 0;
  expo: i32 = 0;
  publishTime: i64 = 0;
  prevPublishTime: i64 = 0;
  emaPrice: i64 = 0;
  emaConf: u64 = 0;
}

function encodePythPrice(x: PythPrice, w: JsonWriter): void {
  w.beginObject();
  w.key("price").str(intStr(x.price)).key("conf").str(intStr(x.conf)).key("expo").i64(x.expo);
  w.key("publish_time").i64(x.publishTime).key("prev_publish_time").i64(x.prevPublishTime);
  w.key("ema_price").str(intStr(x.emaPrice)).key("ema_conf").str(intStr(x.emaConf));
  w.endObject();
}

function parseI64Text(s: string, p: Parser): i64 {
  const neg = s.length > 0 && s.charCodeAt(0) == 45;
  const u = Uint128.parse(neg ? s.substr(1) : s);
  if (u === null || !u.fitsU64()) {
    p.fail("corrupt i64 " + s);
    return 0;
  }
  const m = u.toU64();
  return neg ? -(<i64>m) : <i64>m;
}

function parseU64Text(s: string, p: Parser): u64 {
  const u = Uint128.parse(s);
  if (u === null || !u.fitsU64()) {
    p.fail("corrupt u64 " + s);
    return 0;
  }
  return u.toU64();
}

function decodePythPrice(v: JsonValue, p: Parser): PythPrice {
  const x = new PythPrice();
  const o = p.obj(v);
  x.price = parseI64Text(o.str("price", p), p);
  x.conf = parseU64Text(o.str("conf", p), p);
  x.expo = o.i32("expo", p);
  x.publishTime = o.i64("publish_time", p);
  x.prevPublishTime = o.i64("prev_publish_time", p);
  x.emaPrice = parseI64Text(o.str("ema_price", p), p);
  x.emaConf = parseU64Text(o.str("ema_conf", p), p);
  return x;
}

export function PYTH_PRICES(): Map<PythPrice> {
  return new Map<PythPrice>("pyth_prices", encodePythPrice, decodePythPrice);
}

// --- aggregation tables --------------------------------------------------------------------------------------------

/** Latest normalised price of one (feed, source). */
export class Latest {
  constructor(
    public price: Decimal,
    public publishTime: u64,
  ) {}
}

function encodeLatest(x: Latest, w: JsonWriter): void {
  w.beginObject().key("price").decimal(x.price).key("publish_time").u64(x.publishTime).endObject();
}
function decodeLatest(v: JsonValue, p: Parser): Latest {
  const o = p.obj(v);
  return new Latest(o.decimal("price", p), o.u64("publish_time", p));
}

/** Key (feed id, source). */
export function LATEST(): Map<Latest> {
  return new Map<Latest>("latest", encodeLatest, decodeLatest);
}

function encodeDecimal(d: Decimal, w: JsonWriter): void {
  w.decimal(d);
}
function decodeDecimal(v: JsonValue, p: Parser): Decimal {
  return p.decimal(v);
}

/** Key (feed id, source, publish_time u64): the observation history used for the TWAP, pruned on write. */
export function OBSERVATIONS(): Map<Decimal> {
  return new Map<Decimal>("obs", encodeDecimal, decodeDecimal);
}

export function sourceKey(id: Uint8Array, source: string): Key {
  return Key.pair(Key.bytes(id), Key.str(source));
}

// --- contract version (cw2-style) ------------------------------------------------------------------------------------

export class ContractVersion {
  constructor(
    public contract: string,
    public version: string,
  ) {}
}

function encodeVersion(x: ContractVersion, w: JsonWriter): void {
  w.beginObject().key("contract").str(x.contract).key("version").str(x.version).endObject();
}
function decodeVersion(v: JsonValue, p: Parser): ContractVersion {
  const o = p.obj(v);
  return new ContractVersion(o.str("contract", p), o.str("version", p));
}

export function CONTRACT_INFO(): Item<ContractVersion> {
  return new Item<ContractVersion>("contract_info", encodeVersion, decodeVersion);
}
