// TEST FIXTURE, not a product contract: a minimal CW20 token for testing the escrow's CW20 receive hook
// (docs/escrow.md#cw20-tokens) on the embedded chain and on wasmd. The bme contract's ACT token replaces it in the
// full-loop tests. It speaks the standard CW20 messages (cosmwasm/cw-plus packages/cw20), the subset the tests use:
//   instantiate {name, symbol, decimals, initial_balances: [{address, amount}], mint?, marketing?}
//   execute     transfer {recipient, amount} | send {contract, amount, msg} (calls `receive` on `contract` with a
//               Cw20ReceiveMsg {sender, amount, msg}) | burn {amount}
//   query       balance {address} → {balance} | token_info {} → {name, symbol, decimals, total_supply}
// Attributes follow cw20-base (action, from, to, amount). There is no minter: the supply is the initial balances.
import {
  Context,
  Item,
  JsonObject,
  JsonValue,
  JsonWriter,
  Key,
  Map,
  Parser,
  QueryResponse,
  Response,
  Uint128,
  WasmMsg,
  addrValidate,
  err,
  executeEntry,
  instantiateEntry,
  parseVariant,
  queryEntry,
  quote,
  toBase64,
} from "../../contracts/std";
export { allocate, deallocate, interface_version_8 } from "../../contracts/std";

class TokenInfo {
  name: string = "";
  symbol: string = "";
  decimals: u8 = 6;
  totalSupply: Uint128 = Uint128.zero();
}

function encodeInfo(t: TokenInfo, w: JsonWriter): void {
  w.beginObject().key("name").str(t.name).key("symbol").str(t.symbol).key("decimals").u64(t.decimals);
  w.key("total_supply").uint128(t.totalSupply).endObject();
}

function decodeInfo(v: JsonValue, p: Parser): TokenInfo {
  const o = p.obj(v);
  const t = new TokenInfo();
  t.name = o.str("name", p);
  t.symbol = o.str("symbol", p);
  t.decimals = o.u8("decimals", p);
  t.totalSupply = o.uint128("total_supply", p);
  return t;
}

function encodeAmount(a: Uint128, w: JsonWriter): void {
  w.uint128(a);
}

function decodeAmount(v: JsonValue, p: Parser): Uint128 {
  return p.uint128(v);
}

function INFO(): Item<TokenInfo> {
  return new Item<TokenInfo>("token_info", encodeInfo, decodeInfo);
}
function BALANCES(): Map<Uint128> {
  return new Map<Uint128>("balance", encodeAmount, decodeAmount);
}

function balanceOf(addr: string): Uint128 {
  const b = BALANCES().load(Key.str(addr));
  return b !== null ? b : Uint128.zero();
}

function doInstantiate(_ctx: Context, msg: JsonValue): Response {
  const p = new Parser("InstantiateMsg");
  const o = p.obj(msg);
  const t = new TokenInfo();
  t.name = o.str("name", p);
  t.symbol = o.str("symbol", p);
  t.decimals = o.u8("decimals", p);
  const list = o.arr("initial_balances", p);
  if (p.failed()) return err(p.message());
  const balances = BALANCES();
  for (let i = 0; i < list.length; i++) {
    const e = p.obj(list[i]);
    const address = e.str("address", p);
    const amount = e.uint128("amount", p);
    if (p.failed()) return err(p.message());
    const bad = addrValidate(address);
    if (bad !== null) return err(bad);
    if (balances.has(Key.str(address))) return err("Duplicate initial balance addresses");
    balances.save(Key.str(address), amount);
    t.totalSupply = t.totalSupply.add(amount);
  }
  INFO().save(t);
  return new Response().addAttribute("action", "instantiate");
}

/** Moves `amount` from `from` to `to`; an error text, or null. */
function move(from: string, to: string, amount: Uint128): string | null {
  if (amount.isZero()) return "Invalid zero amount";
  const bad = addrValidate(to);
  if (bad !== null) return bad;
  const have = balanceOf(from);
  if (have.lt(amount)) return "Cannot Sub with " + have.toString() + " and " + amount.toString();
  BALANCES().save(Key.str(from), have.sub(amount));
  BALANCES().save(Key.str(to), balanceOf(to).add(amount));
  return null;
}

function doExecute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", ["transfer", "send", "burn"], p);
  if (v === null) return err(p.message());
  const o: JsonObject = v.body;
  const from = ctx.sender();
  const amount = o.uint128("amount", p);
  if (v.index == 2) {
    if (p.failed()) return err(p.message());
    if (amount.isZero()) return err("Invalid zero amount");
    const have = balanceOf(from);
    if (have.lt(amount)) return err("Cannot Sub with " + have.toString() + " and " + amount.toString());
    BALANCES().save(Key.str(from), have.sub(amount));
    const t = INFO().mustLoad();
    t.totalSupply = t.totalSupply.sub(amount);
    INFO().save(t);
    return new Response()
      .addAttribute("action", "burn")
      .addAttribute("from", from)
      .addAttribute("amount", amount.toString());
  }
  const to = v.index == 0 ? o.str("recipient", p) : o.str("contract", p);
  const inner = v.index == 1 ? o.binary("msg", p) : new Uint8Array(0);
  if (p.failed()) return err(p.message());
  const e = move(from, to, amount);
  if (e !== null) return err(e);
  const res = new Response()
    .addAttribute("action", v.name)
    .addAttribute("from", from)
    .addAttribute("to", to)
    .addAttribute("amount", amount.toString());
  if (v.index == 1) {
    const hook =
      '{"receive":{"sender":' + quote(from) + ',"amount":"' + amount.toString() + '","msg":"' + toBase64(inner) + '"}}';
    res.addMessage(WasmMsg.execute(to, hook, []));
  }
  return res;
}

function doQuery(_ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser("QueryMsg");
  const v = parseVariant(msg, "QueryMsg", ["balance", "token_info"], p);
  if (v === null) return QueryResponse.err(p.message());
  const w = new JsonWriter();
  if (v.index == 0) {
    const address = v.body.str("address", p);
    if (p.failed()) return QueryResponse.err(p.message());
    w.beginObject().key("balance").uint128(balanceOf(address)).endObject();
  } else {
    encodeInfo(INFO().mustLoad(), w);
  }
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
