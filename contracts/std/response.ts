// What a handler returns, and its JSON (docs/abi.md#json-envelopes). All four Response fields are always written
// because Rust's serde has no defaults for them.

import { JsonWriter, quote } from "./json";
import { toBase64, utf8Encode } from "./encoding";
import { Coin } from "./coin";
import { Attribute, writeAttributes } from "./types";
import { ProtoWriter } from "./proto";

/** A CosmosMsg kept as its JSON text (externally tagged, snake_case). */
export class CosmosMsg {
  constructor(public json: string) {}

  /** Any message the builders below do not cover, e.g. `{"any":{"type_url":…,"value":…}}`. */
  static raw(json: string): CosmosMsg {
    return new CosmosMsg(json);
  }
}

function coinsJson(coins: Array<Coin>): string {
  return new JsonWriter().coins(coins).toString();
}

export class BankMsg {
  static send(to: string, coins: Array<Coin>): CosmosMsg {
    return new CosmosMsg('{"bank":{"send":{"to_address":' + quote(to) + ',"amount":' + coinsJson(coins) + "}}}");
  }
  static burn(coins: Array<Coin>): CosmosMsg {
    return new CosmosMsg('{"bank":{"burn":{"amount":' + coinsJson(coins) + "}}}");
  }
}

export class WasmMsg {
  /** `msgJson` is the target contract's message as JSON text; it travels base64-encoded. */
  static execute(contract: string, msgJson: string, funds: Array<Coin>): CosmosMsg {
    return new CosmosMsg(
      '{"wasm":{"execute":{"contract_addr":' +
        quote(contract) +
        ',"msg":"' +
        toBase64(utf8Encode(msgJson)) +
        '","funds":' +
        coinsJson(funds) +
        "}}}",
    );
  }
  static instantiate(admin: string | null, codeId: u64, msgJson: string, funds: Array<Coin>, label: string): CosmosMsg {
    const w = new JsonWriter();
    w.beginObject().key("wasm").beginObject().key("instantiate").beginObject();
    w.key("admin").optStr(admin).key("code_id").u64(codeId);
    w.key("msg").binary(utf8Encode(msgJson)).key("funds").coins(funds).key("label").str(label);
    w.endObject().endObject().endObject();
    return new CosmosMsg(w.toString());
  }
  static migrate(contract: string, newCodeId: u64, msgJson: string): CosmosMsg {
    const w = new JsonWriter();
    w.beginObject().key("wasm").beginObject().key("migrate").beginObject();
    w.key("contract_addr").str(contract).key("new_code_id").u64(newCodeId).key("msg").binary(utf8Encode(msgJson));
    w.endObject().endObject().endObject();
    return new CosmosMsg(w.toString());
  }
}

export class DistributionMsg {
  static fundCommunityPool(coins: Array<Coin>): CosmosMsg {
    return new CosmosMsg('{"distribution":{"fund_community_pool":{"amount":' + coinsJson(coins) + "}}}");
  }
}

/** `CosmosMsg::Any` (CosmWasm 2.0: a contract sending it should export `requires_cosmwasm_2_0`). */
export class AnyMsg {
  static of(typeUrl: string, value: Uint8Array): CosmosMsg {
    return new CosmosMsg('{"any":{"type_url":' + quote(typeUrl) + ',"value":"' + toBase64(value) + '"}}');
  }
}

/**
 * x/protocolpool (Cosmos SDK 0.53): the community pool where a chain runs it as distribution's external pool, as
 * wasmd 0.61 does; there `DistributionMsg::FundCommunityPool` is refused (docs/embedded-chain.md#community-pool).
 */
export class ProtocolPoolMsg {
  /**
   * `MsgFundCommunityPool { depositor = 1, amount = 2 (repeated Coin) }`; the depositor must be the contract. The type
   * URL is a literal here, not a static field: a static field is initialised at start, so every contract would
   * carry it.
   */
  static fundCommunityPool(depositor: string, coins: Array<Coin>): CosmosMsg {
    const w = new ProtoWriter().str(1, depositor);
    for (let i = 0; i < coins.length; i++) w.coin(2, coins[i]);
    return AnyMsg.of("/cosmos.protocolpool.v1.MsgFundCommunityPool", w.finish());
  }
}

export enum ReplyOn {
  Always,
  Success,
  Error,
  Never,
}

export function replyOnName(r: ReplyOn): string {
  if (r == ReplyOn.Always) return "always";
  if (r == ReplyOn.Success) return "success";
  if (r == ReplyOn.Error) return "error";
  return "never";
}

/** -1 when the name is not one of always/success/error/never. */
export function parseReplyOn(s: string): i32 {
  if (s == "always") return ReplyOn.Always;
  if (s == "success") return ReplyOn.Success;
  if (s == "error") return ReplyOn.Error;
  if (s == "never") return ReplyOn.Never;
  return -1;
}

export class SubMsg {
  id: u64 = 0;
  payload: Uint8Array | null = null;
  gas: u64 = 0;
  hasGasLimit: bool = false;
  replyOn: ReplyOn = ReplyOn.Never;

  constructor(public msg: CosmosMsg) {}

  /** Fire and forget: a failure fails the whole transaction. */
  static new(msg: CosmosMsg): SubMsg {
    return new SubMsg(msg);
  }
  static reply(id: u64, msg: CosmosMsg, on: ReplyOn, payload: Uint8Array | null = null): SubMsg {
    const s = new SubMsg(msg);
    s.id = id;
    s.replyOn = on;
    s.payload = payload;
    return s;
  }
  gasLimit(n: u64): SubMsg {
    this.gas = n;
    this.hasGasLimit = true;
    return this;
  }

  write(w: JsonWriter): void {
    w.beginObject().key("id").u64(this.id);
    // cosmwasm 2.x skips an empty payload when serializing.
    const p = this.payload;
    if (p !== null && p.length > 0) w.key("payload").binary(p);
    w.key("msg").raw(this.msg.json);
    w.key("gas_limit");
    if (this.hasGasLimit) w.u64(this.gas);
    else w.nul();
    w.key("reply_on").str(replyOnName(this.replyOn)).endObject();
  }
}

/** Custom event; wasmd emits it as "wasm-<type>" (type must be longer than 2 characters). */
export class Event {
  attributes: Array<Attribute> = new Array<Attribute>();
  constructor(public type: string) {}

  add(key: string, value: string): Event {
    this.attributes.push(new Attribute(key, value));
    return this;
  }
}

export class Response {
  messages: Array<SubMsg> = new Array<SubMsg>();
  attributes: Array<Attribute> = new Array<Attribute>();
  events: Array<Event> = new Array<Event>();
  data: Uint8Array | null = null;
  /** Set by err(): the entry wrapper then writes `{"error": …}` and the chain discards every write. */
  error: string | null = null;

  isErr(): bool {
    return this.error !== null;
  }
  addAttribute(key: string, value: string): Response {
    this.attributes.push(new Attribute(key, value));
    return this;
  }
  addEvent(e: Event): Response {
    this.events.push(e);
    return this;
  }
  addMessage(m: CosmosMsg): Response {
    this.messages.push(SubMsg.new(m));
    return this;
  }
  addSubMessage(s: SubMsg): Response {
    this.messages.push(s);
    return this;
  }
  setData(bytes: Uint8Array): Response {
    this.data = bytes;
    return this;
  }

  /** `{"messages":[…],"attributes":[…],"events":[…],"data":…}` */
  write(w: JsonWriter): void {
    w.beginObject().key("messages").beginArray();
    for (let i = 0; i < this.messages.length; i++) this.messages[i].write(w);
    w.endArray().key("attributes");
    writeAttributes(w, this.attributes);
    w.key("events").beginArray();
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i];
      w.beginObject().key("type").str(e.type).key("attributes");
      writeAttributes(w, e.attributes);
      w.endObject();
    }
    w.endArray().key("data");
    const d = this.data;
    if (d !== null) w.binary(d);
    else w.nul();
    w.endObject();
  }

  toJson(): string {
    const w = new JsonWriter();
    this.write(w);
    return w.toString();
  }
}

export function err(message: string): Response {
  const r = new Response();
  r.error = message;
  return r;
}

/** A query handler's result: JSON text (sent base64-encoded as `Binary`) or a contract error. */
export class QueryResponse {
  json: string | null = null;
  error: string | null = null;

  static ok(json: string): QueryResponse {
    const q = new QueryResponse();
    q.json = json;
    return q;
  }
  static err(message: string): QueryResponse {
    const q = new QueryResponse();
    q.error = message;
    return q;
  }
  isErr(): bool {
    return this.error !== null;
  }
}
