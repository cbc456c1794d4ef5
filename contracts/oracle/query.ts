// QueryMsg handlers, one per variant (`query` + the variant in PascalCase), each returning its response class; the
// generated dispatch writes the JSON. `price_feed` mirrors Pyth's CosmWasm JSON byte for byte; `price` is the checked
// value consumers use.
import { Answer, Context, Key, Order, Some, answer, clampLimit, intStr, joinWith, refuse, toHex } from "../std";
import {
  ConfigQuery,
  ConfigResponse,
  FeedInfo,
  FeedsQuery,
  FeedsResponse,
  GetUpdateFeeQuery,
  HealthQuery,
  HealthResponse,
  PriceFeedQuery,
  PriceFeedResponse,
  PriceQuery,
  PriceResponse,
  PythPriceJson,
  SignerSetsQuery,
  SignerSetsResponse,
  SourceHealth,
  UpdateFeeResponse,
} from "./msg";
import { checkFeedId, parseFeedId } from "./config";
import { Aggregate, aggregate } from "./aggregate";
import { requiredFee } from "./fees";
import { checkBlobCount, parseBlobs } from "./update";
import { CONFIG, FEEDS, Feed, PYTH_PRICES, SIGNER_SETS, configResponse, signerSetMsg } from "./state";
import * as E from "./error";

/** Signer sets kept by `replaceSignerSets` and rotations stay far below this. */
const MAX_LISTED_SETS: i32 = 1000;

function pythPrice(price: i64, conf: u64, expo: i32, publishTime: i64): PythPriceJson {
  const j = new PythPriceJson();
  j.price = intStr(price);
  j.conf = intStr(conf);
  j.expo = expo;
  j.publish_time = publishTime;
  return j;
}

export function queryPriceFeed(_ctx: Context, m: PriceFeedQuery): Answer<PriceFeedResponse> {
  const checked = checkFeedId(m.id);
  if (checked.error !== null) return refuse<PriceFeedResponse>(changetype<string>(checked.error));
  const id = checked.passed();
  const x = PYTH_PRICES().load(Key.bytes(id));
  if (x === null) return refuse<PriceFeedResponse>(E.priceFeedNotFound(toHex(id)));
  const r = new PriceFeedResponse();
  r.price_feed.id = toHex(id);
  r.price_feed.price = pythPrice(x.price, x.conf, x.expo, x.publishTime);
  r.price_feed.ema_price = pythPrice(x.emaPrice, x.emaConf, x.expo, x.publishTime);
  return answer(r);
}

class Lookup {
  error: string | null = null;
  id: Uint8Array = new Uint8Array(0);
  agg: Aggregate | null = null;
}

function configuredAggregate(ctx: Context, idText: string): Lookup {
  const out = new Lookup();
  const checked = checkFeedId(idText);
  if (checked.error !== null) {
    out.error = checked.error;
    return out;
  }
  out.id = checked.passed();
  if (!FEEDS().has(Key.bytes(out.id))) out.error = E.feedNotConfigured(toHex(out.id));
  else out.agg = aggregate(CONFIG().mustLoad(), out.id, ctx.env.block.timeSeconds());
  return out;
}

export function queryPrice(ctx: Context, m: PriceQuery): Answer<PriceResponse> {
  const l = configuredAggregate(ctx, m.id);
  if (l.error !== null) return refuse<PriceResponse>(changetype<string>(l.error));
  const a = l.agg!;
  if (!a.healthy) return refuse<PriceResponse>(E.unhealthy(joinWith(a.reasons, "; ")));
  const r = new PriceResponse();
  r.twap = a.twap;
  r.median = a.median;
  r.min = a.min;
  r.max = a.max;
  r.publish_time = a.publishTime;
  r.num_sources = <u32>a.fresh;
  r.deviation_bps = a.deviationBps;
  return answer(r);
}

export function queryHealth(ctx: Context, m: HealthQuery): Answer<HealthResponse> {
  const l = configuredAggregate(ctx, m.id);
  if (l.error !== null) return refuse<HealthResponse>(changetype<string>(l.error));
  const a = l.agg!;
  const r = new HealthResponse();
  r.id = toHex(l.id);
  r.is_healthy = a.healthy;
  r.has_min_sources = a.hasMinSources;
  r.deviation_ok = a.deviationOk;
  r.total_sources = <u32>a.sources.length;
  r.total_healthy_sources = <u32>a.fresh;
  r.deviation_bps = a.deviationBps;
  r.failure_reasons = a.reasons;
  for (let i = 0; i < a.sources.length; i++) {
    const s = a.sources[i];
    const h = new SourceHealth();
    h.source = s.source;
    const latest = s.latest;
    if (latest !== null) {
      h.price = latest.price;
      h.publish_time = new Some<u64>(latest.publishTime);
    }
    h.fresh = s.fresh;
    r.sources.push(h);
  }
  return answer(r);
}

export function queryFeeds(_ctx: Context, m: FeedsQuery): Answer<FeedsResponse> {
  const given = m.limit;
  const limit = clampLimit(given !== null ? <i32>given.value : 0, given !== null);
  let start: Key | null = null;
  const after = m.start_after;
  if (after !== null) {
    const id = parseFeedId(after);
    if (id === null) return refuse<FeedsResponse>(E.badFeedId(after));
    start = Key.bytes(id);
  }
  const list = FEEDS().range(null, start, limit, Order.Ascending);
  const r = new FeedsResponse();
  for (let i = 0; i < list.length; i++) {
    const f: Feed = list[i].value;
    const x = PYTH_PRICES().load(Key.bytes(f.id));
    const info = new FeedInfo();
    info.id = toHex(f.id);
    info.symbol = f.symbol;
    if (x !== null) info.publish_time = new Some<i64>(x.publishTime);
    r.feeds.push(info);
  }
  return answer(r);
}

export function querySignerSets(_ctx: Context, _m: SignerSetsQuery): Answer<SignerSetsResponse> {
  const c = CONFIG().mustLoad();
  const list = SIGNER_SETS().range(null, null, MAX_LISTED_SETS, Order.Ascending);
  const r = new SignerSetsResponse();
  r.current = c.currentSignerSet;
  for (let i = 0; i < list.length; i++) r.signer_sets.push(signerSetMsg(list[i].value));
  return answer(r);
}

export function queryConfig(_ctx: Context, _m: ConfigQuery): Answer<ConfigResponse> {
  return answer(configResponse(CONFIG().mustLoad()));
}

export function queryGetUpdateFee(_ctx: Context, m: GetUpdateFeeQuery): Answer<UpdateFeeResponse> {
  const countErr = checkBlobCount(m.data);
  if (countErr !== null) return refuse<UpdateFeeResponse>(countErr);
  const parsed = parseBlobs(m.data);
  if (parsed.error !== null) return refuse<UpdateFeeResponse>(changetype<string>(parsed.error));
  const c = CONFIG().mustLoad();
  const fee = requiredFee(c, parsed.messages);
  if (fee === null) return refuse<UpdateFeeResponse>(E.badParam("update_fee", "fee overflows"));
  const r = new UpdateFeeResponse();
  r.denom = c.updateFee.denom;
  r.amount = fee;
  return answer(r);
}
