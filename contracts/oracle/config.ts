// The configuration's checks, shared by instantiate and update_config, and the value checks of message fields (feed
// ids, symbols, i64 price strings). The generated parsers only check JSON shapes; everything here runs after them
// and returns the first error before anything is saved.
import { Some, Uint128, addrValidate, fromHex, intStr } from "../std";
import { DataSourceMsg, InstantiateMsg, SignerSetMsg, UpdateConfigMsg } from "./msg";
import { Config, DataSource, Feed } from "./state";
import { ADDRESS_LEN } from "./verify/governance";
import { MAX_SIGNERS, SignerSet } from "./verify/signer_sets";
import * as E from "./error";

/** Feeders are aggregated on every `price` query, so their number bounds the query's work. */
export const MAX_FEEDERS: i32 = 10;
/** Upper bound of `twap_window` (seconds); with one point per second this bounds the TWAP's storage reads. */
export const MAX_TWAP_WINDOW: u64 = 3600;
export const MAX_SYMBOL_LEN: i32 = 64;
/** Keeps block time + expiry far from u64 overflow. */
export const MAX_SIGNER_SET_EXPIRY: u64 = 315_360_000;
/** Upper bound of `max_ema_deviation_bps` (100×, like `max_deviation_bps`): larger values only mean "off", which is 0. */
export const MAX_EMA_DEVIATION_BPS: u64 = 1_000_000;

/** A checked value or the first error found. */
export class Checked<T> {
  constructor(
    public value: T | null,
    public error: string | null,
  ) {}

  /** The value of a check that passed (error null). One shared null check, not one inlined per call site. */
  passed(): T {
    return this.value!;
  }
}

function ok<T>(value: T): Checked<T> {
  return new Checked<T>(value, null);
}

function fail<T>(error: string): Checked<T> {
  return new Checked<T>(null, error);
}

/** Feed id text (64 hex digits, 0x optional, either case) → 32 bytes, or null. */
export function parseFeedId(text: string): Uint8Array | null {
  const b = fromHex(text);
  if (b === null || b.length != 32) return null;
  return b;
}

export function checkFeedId(text: string): Checked<Uint8Array> {
  const id = parseFeedId(text);
  return id === null ? fail<Uint8Array>(E.badFeedId(text)) : ok<Uint8Array>(id);
}

/** An absent symbol is the empty one. */
export function checkSymbol(symbol: string | null): Checked<string> {
  if (symbol === null) return ok<string>("");
  if (symbol.length > MAX_SYMBOL_LEN) return fail<string>(E.badParam("symbol", "at most 64 characters"));
  return ok<string>(symbol);
}

/** A feed to track (FeedMsg in instantiate, AddFeedMsg). */
export function checkFeed(idText: string, symbolText: string | null): Checked<Feed> {
  const id = checkFeedId(idText);
  if (id.error !== null) return fail<Feed>(changetype<string>(id.error));
  const symbol = checkSymbol(symbolText);
  if (symbol.error !== null) return fail<Feed>(changetype<string>(symbol.error));
  return ok<Feed>(new Feed(id.passed(), symbol.passed()));
}

/** i64 decimal string (Pyth's JSON form). */
export function checkI64(text: string): Checked<Some<i64>> {
  const neg = text.length > 0 && text.charCodeAt(0) == 45;
  const digits = neg ? text.substr(1) : text;
  const u = digits.length > 0 && digits.charCodeAt(0) != 43 ? Uint128.parse(digits) : null;
  const limit: u64 = neg ? <u64>I64.MAX_VALUE + 1 : <u64>I64.MAX_VALUE;
  if (u === null || !u.fitsU64() || u.toU64() > limit) return fail<Some<i64>>(E.badPrice(text));
  const m = u.toU64();
  return ok<Some<i64>>(new Some<i64>(neg ? <i64>(0 - m) : <i64>m));
}

function checkAddress(a: string): string | null {
  const e = addrValidate(a);
  return e !== null ? E.invalidAddress(a, e) : null;
}

function dataSource(m: DataSourceMsg): Checked<DataSource> {
  const n = m.emitter.length;
  if (n != 32) return fail<DataSource>("invalid emitter: expected 32 bytes, got " + intStr(n));
  return ok<DataSource>(new DataSource(m.chain_id, m.emitter));
}

function signerSet(m: SignerSetMsg): Checked<SignerSet> {
  const s = new SignerSet();
  s.index = m.index;
  const n = m.addresses.length;
  if (n == 0) return fail<SignerSet>(E.EMPTY_SIGNER_SET);
  if (n > MAX_SIGNERS) return fail<SignerSet>(E.tooManySigners(n, MAX_SIGNERS));
  for (let i = 0; i < n; i++) {
    const b = fromHex(m.addresses[i]);
    if (b === null || b.length != ADDRESS_LEN) return fail<SignerSet>(E.badSignerAddress(m.addresses[i]));
    s.addresses.push(b);
  }
  const quorum = m.quorum;
  if (quorum !== null) {
    if (quorum.value == 0) return fail<SignerSet>(E.zeroQuorum(s.index));
    s.quorum = quorum.value;
  }
  const expiresAt = m.expires_at;
  if (expiresAt !== null) s.expiresAt = expiresAt.value;
  if (s.quorum > <u32>n) return fail<SignerSet>(E.quorumTooLarge(s.index, s.quorum, n));
  return ok<SignerSet>(s);
}

function signerSets(list: Array<SignerSetMsg>): Checked<Array<SignerSet>> {
  const out = new Array<SignerSet>();
  for (let i = 0; i < list.length; i++) {
    const s = signerSet(list[i]);
    if (s.error !== null) return fail<Array<SignerSet>>(changetype<string>(s.error));
    const set = s.passed();
    for (let j = 0; j < out.length; j++) {
      if (out[j].index == set.index) return fail<Array<SignerSet>>(E.duplicateSignerSet(set.index));
    }
    out.push(set);
  }
  if (out.length == 0) return fail<Array<SignerSet>>(E.NO_SIGNER_SETS);
  return ok<Array<SignerSet>>(out);
}

/** Instantiate is update_config applied to the defaults: the same fields, most of them required. */
export function asUpdate(m: InstantiateMsg): UpdateConfigMsg {
  const u = new UpdateConfigMsg();
  u.admin = m.admin;
  u.chain_id = m.chain_id;
  u.data_sources = m.data_sources;
  u.governance_source = m.governance_source;
  u.signer_sets = m.signer_sets;
  u.update_fee = m.update_fee;
  u.fee_recipient = m.fee_recipient;
  u.feeders = m.feeders;
  u.max_conf_bps = m.max_conf_bps;
  u.min_expo = m.min_expo;
  u.max_expo = m.max_expo;
  u.max_future_drift = m.max_future_drift;
  u.max_price_staleness = m.max_price_staleness;
  u.twap_window = m.twap_window;
  u.max_deviation_bps = m.max_deviation_bps;
  u.min_price_sources = m.min_price_sources;
  u.price_retention = m.price_retention;
  u.signer_set_expiry_secs = m.signer_set_expiry_secs;
  u.max_ema_deviation_bps = m.max_ema_deviation_bps;
  return u;
}

/** What `applyConfig` changed besides the Config itself. */
export class ConfigChange {
  error: string | null = null;
  /** The new signer sets when the message replaces them. */
  sets: Array<SignerSet> | null = null;
}

function refused(error: string): ConfigChange {
  const out = new ConfigChange();
  out.error = error;
  return out;
}

function applyParams(c: Config, m: UpdateConfigMsg): void {
  const maxConfBps = m.max_conf_bps;
  if (maxConfBps !== null) c.maxConfBps = maxConfBps.value;
  const minExpo = m.min_expo;
  if (minExpo !== null) c.minExpo = minExpo.value;
  const maxExpo = m.max_expo;
  if (maxExpo !== null) c.maxExpo = maxExpo.value;
  const maxFutureDrift = m.max_future_drift;
  if (maxFutureDrift !== null) c.maxFutureDrift = maxFutureDrift.value;
  const maxPriceStaleness = m.max_price_staleness;
  if (maxPriceStaleness !== null) c.maxPriceStaleness = maxPriceStaleness.value;
  const twapWindow = m.twap_window;
  if (twapWindow !== null) c.twapWindow = twapWindow.value;
  const maxDeviationBps = m.max_deviation_bps;
  if (maxDeviationBps !== null) c.maxDeviationBps = maxDeviationBps.value;
  const minPriceSources = m.min_price_sources;
  if (minPriceSources !== null) c.minPriceSources = minPriceSources.value;
  const priceRetention = m.price_retention;
  if (priceRetention !== null) c.priceRetention = priceRetention.value;
  const signerSetExpirySecs = m.signer_set_expiry_secs;
  if (signerSetExpirySecs !== null) c.signerSetExpirySecs = signerSetExpirySecs.value;
  const maxEmaDeviationBps = m.max_ema_deviation_bps;
  if (maxEmaDeviationBps !== null) c.maxEmaDeviationBps = maxEmaDeviationBps.value;
}

/** Checks the given fields in declaration order and applies them to `c`; the caller saves only without error. */
export function applyConfig(c: Config, m: UpdateConfigMsg): ConfigChange {
  const admin = m.admin;
  if (admin !== null) {
    const e = checkAddress(admin);
    if (e !== null) return refused(e);
    c.admin = admin;
  }
  const chainId = m.chain_id;
  if (chainId !== null) c.chainId = chainId.value;
  const sources = m.data_sources;
  if (sources !== null) {
    const ds = new Array<DataSource>();
    for (let i = 0; i < sources.length; i++) {
      const d = dataSource(sources[i]);
      if (d.error !== null) return refused(changetype<string>(d.error));
      ds.push(d.passed());
    }
    if (ds.length == 0) return refused(E.NO_DATA_SOURCES);
    c.dataSources = ds;
  }
  const gov = m.governance_source;
  if (gov !== null) {
    const d = dataSource(gov);
    if (d.error !== null) return refused(changetype<string>(d.error));
    c.governanceSource = d.passed();
  }
  const fee = m.update_fee;
  if (fee !== null) c.updateFee = fee;
  const recipient = m.fee_recipient;
  if (recipient !== null) {
    const e = checkAddress(recipient);
    if (e !== null) return refused(e);
    c.feeRecipient = recipient;
  }
  const feeders = m.feeders;
  if (feeders !== null) {
    if (feeders.length > MAX_FEEDERS) return refused(E.badParam("feeders", "at most 10"));
    for (let i = 0; i < feeders.length; i++) {
      const e = checkAddress(feeders[i]);
      if (e !== null) return refused(e);
      for (let j = 0; j < i; j++)
        if (feeders[j] == feeders[i]) return refused(E.badParam("feeders", "duplicate " + feeders[i]));
    }
    c.feeders = feeders;
  }
  applyParams(c, m);
  const out = new ConfigChange();
  const sets = m.signer_sets;
  if (sets !== null) {
    const s = signerSets(sets);
    if (s.error !== null) return refused(changetype<string>(s.error));
    let top: u32 = 0;
    const list = s.passed();
    for (let i = 0; i < list.length; i++) if (list[i].index > top) top = list[i].index;
    c.currentSignerSet = top;
    out.sets = list;
  }
  out.error = validateConfig(c);
  return out;
}

function validateConfig(c: Config): string | null {
  if (c.minExpo < -18 || c.maxExpo > 0 || c.minExpo > c.maxExpo) return E.badExpoRange(c.minExpo, c.maxExpo);
  if (c.maxConfBps == 0 || c.maxConfBps > 10000) return E.badParam("max_conf_bps", "must be 1…10000");
  if (c.maxPriceStaleness == 0) return E.badParam("max_price_staleness", "must be at least 1 s");
  if (c.twapWindow == 0 || c.twapWindow > MAX_TWAP_WINDOW) return E.badParam("twap_window", "must be 1…3600 s");
  if (c.minPriceSources == 0 || c.minPriceSources > <u32>(c.feeders.length + 1))
    return E.badParam("min_price_sources", "must be between 1 and the number of sources (Pyth plus feeders)");
  if (c.priceRetention < c.twapWindow || c.priceRetention < c.maxPriceStaleness)
    return E.badParam("price_retention", "must be at least twap_window and max_price_staleness");
  if (c.maxDeviationBps > 1_000_000) return E.badParam("max_deviation_bps", "must be at most 1000000");
  if (c.maxFutureDrift > 3600) return E.badParam("max_future_drift", "must be at most 3600 s");
  if (c.signerSetExpirySecs > MAX_SIGNER_SET_EXPIRY)
    return E.badParam("signer_set_expiry_secs", "must be at most 315360000 s (10 years)");
  if (c.updateFee.denom.length == 0) return E.badParam("update_fee", "denom must not be empty");
  if (c.maxEmaDeviationBps > MAX_EMA_DEVIATION_BPS)
    return E.badParam("max_ema_deviation_bps", "must be at most 1000000 (0 turns the check off)");
  return null;
}
