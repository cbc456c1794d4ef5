// Query handlers of the probe.

import {
  Context,
  JsonObject,
  JsonValue,
  JsonWriter,
  Key,
  Order,
  Parser,
  QueryResponse,
  clampLimit,
  decodeU64Key,
  fromHex,
  parseVariant,
  queryAllBalances,
  queryBalance,
  queryContractInfo,
  queryRaw,
  querySmart,
  toHex,
  utf8Decode,
  QueryResult,
} from "../../contracts/std";
import { KV, LAST_REPLY, NUMS, PAIRS, STATE } from "./state";
import { decOp, keccakOp, u128Op } from "./ops";

const QUERY_VARIANTS: Array<string> = [
  "count",
  "get",
  "list",
  "keys",
  "list_num",
  "list_pair",
  "last_reply",
  "balance",
  "all_balances",
  "smart",
  "raw",
  "contract_info",
  "echo_env",
  "u128",
  "dec",
  "keccak",
];

function orderField(o: JsonObject, p: Parser): Order {
  const s = o.optStr("order", p);
  if (s === null || s == "ascending") return Order.Ascending;
  if (s == "descending") return Order.Descending;
  p.fail("unknown variant `" + s + "`, expected `ascending` or `descending` at `order`");
  return Order.Ascending;
}

function queryResultJson(r: QueryResult): string {
  const ok = r.ok;
  if (ok !== null) return ok;
  return new JsonWriter()
    .beginObject()
    .key("error")
    .str(r.message())
    .key("system")
    .bool(r.system)
    .endObject()
    .toString();
}

export function query(ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser();
  const v = parseVariant(msg, "QueryMsg", QUERY_VARIANTS, p);
  if (v === null) return QueryResponse.err(p.message());
  const o = v.body;
  const name = v.name;
  const w = new JsonWriter();

  if (name == "count") {
    p.denyUnknown(o, []);
    if (p.failed()) return QueryResponse.err(p.message());
    const s = STATE().mustLoad();
    return QueryResponse.ok(w.beginObject().key("count").u64(s.count).key("owner").str(s.owner).endObject().toString());
  }
  if (name == "get") {
    p.denyUnknown(o, ["key"]);
    const key = o.str("key", p);
    if (p.failed()) return QueryResponse.err(p.message());
    return QueryResponse.ok(
      w
        .beginObject()
        .key("value")
        .optStr(KV().load(Key.str(key)))
        .endObject()
        .toString(),
    );
  }
  if (name == "list") {
    p.denyUnknown(o, ["start_after", "limit", "order"]);
    const after = o.optStr("start_after", p);
    const limit = clampLimit(<i32>o.optU32("limit", p), o.has("limit"));
    const order = orderField(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const entries = KV().range(null, after !== null ? Key.str(after) : null, limit, order);
    w.beginObject().key("entries").beginArray();
    for (let i = 0; i < entries.length; i++) {
      w.beginObject().key("key").str(utf8Decode(entries[i].key)).key("value").str(entries[i].value).endObject();
    }
    return QueryResponse.ok(w.endArray().endObject().toString());
  }
  if (name == "keys") {
    p.denyUnknown(o, ["start_after", "limit", "order"]);
    const after = o.optStr("start_after", p);
    const limit = clampLimit(<i32>o.optU32("limit", p), o.has("limit"));
    const order = orderField(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const keys = KV().keys(null, after !== null ? Key.str(after) : null, limit, order);
    w.beginObject().key("keys").beginArray();
    for (let i = 0; i < keys.length; i++) w.str(utf8Decode(keys[i]));
    return QueryResponse.ok(w.endArray().endObject().toString());
  }
  if (name == "list_num" || name == "list_pair") {
    const pair = name == "list_pair";
    p.denyUnknown(o, pair ? ["owner", "start_after", "limit", "order"] : ["start_after", "limit", "order"]);
    const owner = pair ? o.str("owner", p) : "";
    const hasAfter = o.has("start_after");
    const after = o.optU64("start_after", p);
    const limit = clampLimit(<i32>o.optU32("limit", p), o.has("limit"));
    const order = orderField(o, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const map = pair ? PAIRS() : NUMS();
    const prefix = pair ? Key.str(owner) : null;
    const entries = map.range(prefix, hasAfter ? Key.u64(after) : null, limit, order);
    w.beginObject().key("entries").beginArray();
    for (let i = 0; i < entries.length; i++) {
      w.beginObject().key("n").u64(decodeU64Key(entries[i].key)).key("value").str(entries[i].value).endObject();
    }
    return QueryResponse.ok(w.endArray().endObject().toString());
  }
  if (name == "last_reply") {
    p.denyUnknown(o, []);
    if (p.failed()) return QueryResponse.err(p.message());
    const r = LAST_REPLY().load();
    return QueryResponse.ok(r !== null ? r : "null");
  }
  if (name == "balance") {
    p.denyUnknown(o, ["address", "denom"]);
    const address = o.str("address", p);
    const denom = o.str("denom", p);
    if (p.failed()) return QueryResponse.err(p.message());
    const c = queryBalance(address, denom);
    return QueryResponse.ok(w.coin(c).toString());
  }
  if (name == "all_balances") {
    p.denyUnknown(o, ["address"]);
    const address = o.str("address", p);
    if (p.failed()) return QueryResponse.err(p.message());
    return QueryResponse.ok(w.beginObject().key("amount").coins(queryAllBalances(address)).endObject().toString());
  }
  if (name == "smart") {
    p.denyUnknown(o, ["contract", "msg", "msg_text"]);
    const contract = o.str("contract", p);
    // msg_text is sent verbatim, so tests can deliver malformed JSON to another contract.
    const text = o.optStr("msg_text", p);
    const inner = text === null ? o.obj("msg", p).raw() : text;
    if (p.failed()) return QueryResponse.err(p.message());
    return QueryResponse.ok(queryResultJson(querySmart(contract, inner)));
  }
  if (name == "raw") {
    p.denyUnknown(o, ["contract", "key_hex"]);
    const contract = o.str("contract", p);
    const keyHex = o.str("key_hex", p);
    if (p.failed()) return QueryResponse.err(p.message());
    const key = fromHex(keyHex);
    if (key === null) return QueryResponse.err("invalid hex in `key_hex`");
    const value = queryRaw(contract, key);
    w.beginObject().key("value_hex");
    if (value !== null) w.str(toHex(value));
    else w.nul();
    return QueryResponse.ok(w.endObject().toString());
  }
  if (name == "contract_info") {
    p.denyUnknown(o, ["contract"]);
    const contract = o.str("contract", p);
    if (p.failed()) return QueryResponse.err(p.message());
    return QueryResponse.ok(queryResultJson(queryContractInfo(contract)));
  }
  if (name == "echo_env") {
    p.denyUnknown(o, []);
    if (p.failed()) return QueryResponse.err(p.message());
    const env = ctx.env;
    w.beginObject().key("height").u64(env.block.height).key("time").str(env.block.time.toString());
    w.key("chain_id").str(env.block.chainId).key("contract").str(env.contract.address).key("tx_index");
    const tx = env.transaction;
    if (tx !== null) w.u64(<u64>tx.index);
    else w.nul();
    return QueryResponse.ok(w.endObject().toString());
  }
  const r = name == "u128" ? u128Op(o, p) : name == "dec" ? decOp(o, p) : keccakOp(o, p);
  if (p.failed()) return QueryResponse.err(p.message());
  const k = name == "keccak" ? "hash_hex" : "result";
  return QueryResponse.ok(w.beginObject().key(k).str(r).endObject().toString());
}
