// Queries. `price_feed` mirrors Pyth's CosmWasm JSON byte for byte; `price` is the checked value consumers use.
import {
  Coin,
  Context,
  JsonObject,
  JsonValue,
  JsonWriter,
  Key,
  Order,
  Parser,
  QueryResponse,
  clampLimit,
  parseVariant,
  toHex,
} from "../std";
import { parseFeedId, readFeedId } from "./msg";
import { Aggregate, aggregate } from "./aggregate";
import { requiredFee } from "./fees";
import { parseBlobs, readBlobs } from "./update";
import { CONFIG, FEEDS, Feed, PYTH_PRICES, PythPrice, SIGNER_SETS, writeConfig } from "./state";
import * as E from "./error";

const QUERIES: Array<string> = ["price_feed", "price", "health", "feeds", "signer_sets", "config", "get_update_fee"];

function writePythPrice(w: JsonWriter, price: i64, conf: u64, x: PythPrice): void {
  w.beginObject();
  w.key("price").str(price.toString()).key("conf").str(conf.toString());
  w.key("expo").i64(x.expo).key("publish_time").i64(x.publishTime);
  w.endObject();
}

function priceFeed(o: JsonObject, p: Parser): QueryResponse {
  p.denyUnknown(o, ["id"]);
  const id = readFeedId(o, "id", p);
  if (p.failed()) return QueryResponse.err(p.message());
  const x = PYTH_PRICES().load(Key.bytes(id));
  if (x === null) return QueryResponse.err(E.priceFeedNotFound(toHex(id)));
  const w = new JsonWriter();
  w.beginObject().key("price_feed").beginObject().key("id").str(toHex(id));
  w.key("price");
  writePythPrice(w, x.price, x.conf, x);
  w.key("ema_price");
  writePythPrice(w, x.emaPrice, x.emaConf, x);
  w.endObject().endObject();
  return QueryResponse.ok(w.toString());
}

class Lookup {
  error: string | null = null;
  id: Uint8Array = new Uint8Array(0);
  agg: Aggregate | null = null;
}

function configuredAggregate(ctx: Context, o: JsonObject, p: Parser): Lookup {
  const out = new Lookup();
  p.denyUnknown(o, ["id"]);
  out.id = readFeedId(o, "id", p);
  if (p.failed()) out.error = p.message();
  else if (!FEEDS().has(Key.bytes(out.id))) out.error = E.feedNotConfigured(toHex(out.id));
  else out.agg = aggregate(CONFIG().mustLoad(), out.id, ctx.env.block.timeSeconds());
  return out;
}

function price(ctx: Context, o: JsonObject, p: Parser): QueryResponse {
  const l = configuredAggregate(ctx, o, p);
  if (l.error !== null) return QueryResponse.err(l.error!);
  const a = l.agg!;
  if (!a.healthy) return QueryResponse.err(E.unhealthy(a.reasons.join("; ")));
  const w = new JsonWriter();
  w.beginObject().key("twap").decimal(a.twap).key("median").decimal(a.median);
  w.key("min").decimal(a.min).key("max").decimal(a.max).key("publish_time").u64(a.publishTime);
  w.key("num_sources")
    .u64(<u64>a.fresh)
    .key("deviation_bps")
    .u64(a.deviationBps)
    .endObject();
  return QueryResponse.ok(w.toString());
}

function health(ctx: Context, o: JsonObject, p: Parser): QueryResponse {
  const l = configuredAggregate(ctx, o, p);
  if (l.error !== null) return QueryResponse.err(l.error!);
  const a = l.agg!;
  const w = new JsonWriter();
  w.beginObject().key("id").str(toHex(l.id));
  w.key("is_healthy").bool(a.healthy).key("has_min_sources").bool(a.hasMinSources);
  w.key("deviation_ok")
    .bool(a.deviationOk)
    .key("total_sources")
    .u64(<u64>a.sources.length);
  w.key("total_healthy_sources")
    .u64(<u64>a.fresh)
    .key("deviation_bps")
    .u64(a.deviationBps);
  w.key("failure_reasons").beginArray();
  for (let i = 0; i < a.reasons.length; i++) w.str(a.reasons[i]);
  w.endArray().key("sources").beginArray();
  for (let i = 0; i < a.sources.length; i++) {
    const s = a.sources[i];
    const l = s.latest;
    w.beginObject().key("source").str(s.source).key("price");
    if (l !== null) w.decimal(l.price).key("publish_time").u64(l.publishTime);
    else w.nul().key("publish_time").nul();
    w.key("fresh").bool(s.fresh).endObject();
  }
  w.endArray().endObject();
  return QueryResponse.ok(w.toString());
}

function feeds(o: JsonObject, p: Parser): QueryResponse {
  p.denyUnknown(o, ["start_after", "limit"]);
  const after = o.optStr("start_after", p);
  const hasLimit = o.has("limit");
  const limit = clampLimit(<i32>o.optU32("limit", p), hasLimit);
  let start: Key | null = null;
  if (after !== null && !p.failed()) {
    const id = parseFeedId(after);
    if (id === null) p.fail(E.badFeedId(after));
    else start = Key.bytes(id);
  }
  if (p.failed()) return QueryResponse.err(p.message());
  const list = FEEDS().range(null, start, limit, Order.Ascending);
  const w = new JsonWriter();
  w.beginObject().key("feeds").beginArray();
  for (let i = 0; i < list.length; i++) {
    const f: Feed = list[i].value;
    const x = PYTH_PRICES().load(Key.bytes(f.id));
    w.beginObject().key("id").str(toHex(f.id)).key("symbol").str(f.symbol).key("publish_time");
    if (x !== null) w.i64(x.publishTime);
    else w.nul();
    w.endObject();
  }
  w.endArray().endObject();
  return QueryResponse.ok(w.toString());
}

function signerSets(o: JsonObject, p: Parser): QueryResponse {
  p.denyUnknown(o, []);
  if (p.failed()) return QueryResponse.err(p.message());
  const c = CONFIG().mustLoad();
  const list = SIGNER_SETS().range(null, null, 1000, Order.Ascending);
  const w = new JsonWriter();
  w.beginObject().key("current").u64(c.currentSignerSet).key("signer_sets").beginArray();
  for (let i = 0; i < list.length; i++) list[i].value.write(w);
  w.endArray().endObject();
  return QueryResponse.ok(w.toString());
}

function config(o: JsonObject, p: Parser): QueryResponse {
  p.denyUnknown(o, []);
  if (p.failed()) return QueryResponse.err(p.message());
  const w = new JsonWriter();
  writeConfig(CONFIG().mustLoad(), w);
  return QueryResponse.ok(w.toString());
}

function getUpdateFee(o: JsonObject, p: Parser): QueryResponse {
  p.denyUnknown(o, ["data"]);
  const blobs = readBlobs(o, p);
  if (p.failed()) return QueryResponse.err(p.message());
  const parsed = parseBlobs(blobs);
  if (parsed.error !== null) return QueryResponse.err(parsed.error!);
  const c = CONFIG().mustLoad();
  const fee = requiredFee(c, parsed.messages);
  if (fee === null) return QueryResponse.err(E.badParam("update_fee", "fee overflows"));
  const w = new JsonWriter();
  w.coin(new Coin(c.updateFee.denom, fee));
  return QueryResponse.ok(w.toString());
}

export function query(ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser("QueryMsg");
  const v = parseVariant(msg, "QueryMsg", QUERIES, p);
  if (v === null) return QueryResponse.err(p.message());
  const o = v.body;
  if (v.name == "price_feed") return priceFeed(o, p);
  if (v.name == "price") return price(ctx, o, p);
  if (v.name == "health") return health(ctx, o, p);
  if (v.name == "feeds") return feeds(o, p);
  if (v.name == "signer_sets") return signerSets(o, p);
  if (v.name == "config") return config(o, p);
  return getUpdateFee(o, p);
}
