// The bench's counter: the probe's `increment` path (std entry wrappers, JSON, Item storage) without the probe's
// other features, so that @oraichain/cw-simulate — whose VM lacks env.db_next_key/db_next_value — can run the same
// wasm beside the embedded chain. Messages: instantiate {count}, execute {increment: {}}, query {count: {}}.
import {
  Context,
  Item,
  JsonObject,
  JsonValue,
  JsonWriter,
  Parser,
  QueryResponse,
  Response,
  err,
  executeEntry,
  instantiateEntry,
  intStr,
  parseVariant,
  queryEntry,
} from "../../contracts/std";
export { allocate, deallocate, interface_version_8 } from "../../contracts/std";

class State {
  count: u64 = 0;
}

function encodeState(s: State, w: JsonWriter): void {
  w.beginObject().key("count").u64(s.count).endObject();
}

function decodeState(v: JsonValue, p: Parser): State {
  const s = new State();
  const o = v.asObject();
  if (o === null) {
    p.fail("expected an object");
    return s;
  }
  s.count = o.u64("count", p);
  return s;
}

const STATE = new Item<State>("state", encodeState, decodeState);

function doInstantiate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("InstantiateMsg");
  const s = decodeState(msg, p);
  if (p.failed()) return err(p.message());
  STATE.save(s);
  return new Response().addAttribute("action", "instantiate");
}

function doExecute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", ["increment"], p);
  if (v === null) return err(p.message());
  const s = STATE.mustLoad();
  s.count += 1;
  STATE.save(s);
  return new Response().addAttribute("action", "increment").addAttribute("count", intStr(s.count));
}

function doQuery(ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser("QueryMsg");
  const v = parseVariant(msg, "QueryMsg", ["count"], p);
  if (v === null) return QueryResponse.err(p.message());
  const w = new JsonWriter();
  encodeState(STATE.mustLoad(), w);
  return QueryResponse.ok(w.toString());
}

export function instantiate(env: u32, info: u32, msg: u32): u32 {
  return instantiateEntry(env, info, msg, doInstantiate);
}
export function execute(env: u32, info: u32, msg: u32): u32 {
  return executeEntry(env, info, msg, doExecute);
}
export function query(env: u32, msg: u32): u32 {
  return queryEntry(env, msg, doQuery);
}
