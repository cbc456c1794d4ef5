// Chain queries through `query_chain`. The answer is SystemResult<ContractResult<Binary>>:
// {"ok":{"ok":"<b64>"}} | {"ok":{"error":"…"}} | {"error":{<system error>}}.

import { env_query_chain } from "./imports";
import { readRegionString, regionFromString } from "./region";
import { JsonObject, JsonWriter, Parser, parseJson, quote } from "./json";
import { fromBase64, toBase64, utf8Decode, utf8Encode } from "./encoding";
import { Coin } from "./coin";
import { panic } from "./abort";

export class QueryResult {
  /** The answer's JSON text (the decoded `Binary`). */
  ok: string | null = null;
  /** Contract error text, or a system error rendered as text. */
  error: string | null = null;
  /** True when the error came from the chain (no such contract, unsupported query, …) rather than the contract. */
  system: bool = false;
  /** The decoded `Binary` bytes (raw queries need bytes rather than text). */
  bytes: Uint8Array | null = null;

  isOk(): bool {
    return this.error === null;
  }
  /** The error as cosmwasm-std's StdError would print it. */
  message(): string {
    const e = this.error;
    if (e === null) return "";
    return (this.system ? "Querier system error: " : "Querier contract error: ") + e;
  }
}

function describeSystemError(o: JsonObject): string {
  if (o.keys.length != 1) return "unknown system error";
  const kind = o.keys[0];
  const body = o.values[0].asObject();
  if (body !== null) {
    if (kind == "no_such_contract") {
      const a = body.get("addr");
      if (a !== null && a.isString()) return "No such contract: " + a.text;
    } else if (kind == "unsupported_request") {
      const k = body.get("kind");
      if (k !== null && k.isString()) return "Unsupported query type: " + k.text;
    } else if (kind == "no_such_code") {
      const c = body.get("code_id");
      if (c !== null) return "No such code: " + c.raw();
    }
  }
  return kind + ": " + o.values[0].raw();
}

/** Sends a QueryRequest (JSON text) and decodes the nested result. */
export function queryChain(requestJson: string): QueryResult {
  const res = new QueryResult();
  const text = readRegionString(env_query_chain(regionFromString(requestJson)));
  const p = new Parser("SystemResult");
  const v = parseJson(text, p);
  if (v === null) {
    res.error = p.message();
    res.system = true;
    return res;
  }
  const o = p.obj(v);
  if (!p.failed() && o.has("error")) {
    const e = o.get("error")!;
    const eo = e.asObject();
    res.error = eo !== null ? describeSystemError(eo) : e.raw();
    res.system = true;
    return res;
  }
  const inner = o.obj("ok", p);
  if (!p.failed() && inner.has("error")) {
    res.error = inner.str("error", p);
    return res;
  }
  const data = inner.binary("ok", p);
  if (p.failed()) {
    res.error = p.message();
    res.system = true;
    return res;
  }
  res.bytes = data;
  res.ok = utf8Decode(data);
  return res;
}

function mustOk(r: QueryResult): string {
  if (!r.isOk()) {
    panic(r.message());
    return "";
  }
  return r.ok!;
}

/** Panics on a failed query (e.g. an invalid address), like `?` on cosmwasm's query_balance. */
export function queryBalance(address: string, denom: string): Coin {
  const r = queryChain('{"bank":{"balance":{"address":' + quote(address) + ',"denom":' + quote(denom) + "}}}");
  const p = new Parser("BalanceResponse");
  const v = parseJson(mustOk(r), p);
  if (v === null) panic(p.message());
  const c = p.obj(v!).obj("amount", p);
  const coin = new Coin(c.str("denom", p), c.uint128("amount", p));
  if (p.failed()) panic(p.message());
  return coin;
}

export function queryAllBalances(address: string): Array<Coin> {
  const r = queryChain('{"bank":{"all_balances":{"address":' + quote(address) + "}}}");
  const p = new Parser("AllBalanceResponse");
  const v = parseJson(mustOk(r), p);
  if (v === null) panic(p.message());
  const coins = p.obj(v!).coins("amount", p);
  if (p.failed()) panic(p.message());
  return coins;
}

/** Smart query of another contract; `msgJson` is its QueryMsg as JSON text. Errors are returned, not panicked. */
export function querySmart(contract: string, msgJson: string): QueryResult {
  return queryChain(
    '{"wasm":{"smart":{"contract_addr":' + quote(contract) + ',"msg":"' + toBase64(utf8Encode(msgJson)) + '"}}}',
  );
}

/** A raw storage read of another contract; null when the key is absent (the chain answers with empty bytes). */
export function queryRaw(contract: string, key: Uint8Array): Uint8Array | null {
  const r = queryChain('{"wasm":{"raw":{"contract_addr":' + quote(contract) + ',"key":"' + toBase64(key) + '"}}}');
  if (!r.isOk()) {
    panic(r.message());
    return null;
  }
  const b = r.bytes!;
  return b.length == 0 ? null : b;
}

/** `{"code_id":N,"creator":…,"admin":…|null,"pinned":bool,"ibc_port":…|null}` as JSON text in `ok`. */
export function queryContractInfo(contract: string): QueryResult {
  return queryChain('{"wasm":{"contract_info":{"contract_addr":' + quote(contract) + "}}}");
}

// For requests the helpers above do not cover (staking, distribution, grpc, …), built with a JsonWriter.
export function queryRequest(w: JsonWriter): QueryResult {
  return queryChain(w.toString());
}
