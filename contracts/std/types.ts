// The envelopes wasmd hands to a contract (docs/abi.md#json-envelopes) and their parsers. Envelopes are read leniently
// (unknown fields ignored) because newer chains add fields; messages are the strict ones.

import { Coin } from "./coin";
import { JsonValue, JsonWriter, Parser } from "./json";

export { Coin, coin } from "./coin";

export class BlockInfo {
  height: u64 = 0;
  /** Nanoseconds since the Unix epoch (a string on the wire). */
  time: u64 = 0;
  chainId: string = "";

  timeSeconds(): u64 {
    return this.time / 1_000_000_000;
  }
}

export class TransactionInfo {
  constructor(public index: u32) {}
}

export class ContractInfo {
  constructor(public address: string) {}
}

export class Env {
  block: BlockInfo = new BlockInfo();
  transaction: TransactionInfo | null = null;
  contract: ContractInfo = new ContractInfo("");
}

export class MessageInfo {
  sender: string = "";
  funds: Array<Coin> = new Array<Coin>();
}

export class MigrateInfo {
  sender: string = "";
  /** Present when the stored code set a migrate version (cosmwasm 2.2). */
  oldMigrateVersion: u64 = 0;
  hasOldMigrateVersion: bool = false;
}

export class Attribute {
  constructor(
    public key: string,
    public value: string,
  ) {}
}

export class MsgResponse {
  constructor(
    public typeUrl: string,
    public value: Uint8Array,
  ) {}
}

/** A submessage outcome as delivered to `reply`; the events are wasmd's (e.g. "wasm", "transfer"), not custom ones. */
export class SubMsgResult {
  isOk: bool = false;
  error: string = "";
  events: Array<ReplyEvent> = new Array<ReplyEvent>();
  data: Uint8Array | null = null;
  msgResponses: Array<MsgResponse> = new Array<MsgResponse>();
}

export class ReplyEvent {
  constructor(
    public type: string,
    public attributes: Array<Attribute>,
  ) {}

  get(key: string): string | null {
    for (let i = 0; i < this.attributes.length; i++) if (this.attributes[i].key == key) return this.attributes[i].value;
    return null;
  }
}

export class Reply {
  id: u64 = 0;
  payload: Uint8Array = new Uint8Array(0);
  gasUsed: u64 = 0;
  result: SubMsgResult = new SubMsgResult();
}

export function parseEnv(v: JsonValue, p: Parser): Env {
  const env = new Env();
  const o = p.obj(v);
  if (p.failed()) return env;
  const b = o.obj("block", p);
  if (p.failed()) return env;
  env.block.height = b.u64("height", p);
  env.block.time = b.u64Str("time", p);
  env.block.chainId = b.str("chain_id", p);
  const t = o.optObj("transaction", p);
  if (t !== null) env.transaction = new TransactionInfo(t.u32("index", p));
  const c = o.obj("contract", p);
  if (p.failed()) return env;
  env.contract = new ContractInfo(c.str("address", p));
  return env;
}

export function parseMessageInfo(v: JsonValue, p: Parser): MessageInfo {
  const info = new MessageInfo();
  const o = p.obj(v);
  if (p.failed()) return info;
  info.sender = o.str("sender", p);
  // wasmd always sends funds, but cosmwasm-std's MessageInfo has no default; an absent list is treated as empty.
  info.funds = o.optCoins("funds", p);
  return info;
}

export function parseMigrateInfo(v: JsonValue, p: Parser): MigrateInfo {
  const mi = new MigrateInfo();
  const o = p.obj(v);
  if (p.failed()) return mi;
  mi.sender = o.str("sender", p);
  mi.hasOldMigrateVersion = o.has("old_migrate_version");
  mi.oldMigrateVersion = o.optU64("old_migrate_version", p);
  return mi;
}

function parseAttributes(arr: Array<JsonValue>, p: Parser): Array<Attribute> {
  const out = new Array<Attribute>();
  for (let i = 0; i < arr.length && !p.failed(); i++) {
    const a = p.obj(arr[i]);
    if (p.failed()) break;
    out.push(new Attribute(a.str("key", p), a.str("value", p)));
  }
  return out;
}

export function parseReply(v: JsonValue, p: Parser): Reply {
  const r = new Reply();
  const o = p.obj(v);
  if (p.failed()) return r;
  r.id = o.u64("id", p);
  const payload = o.optBinary("payload", p);
  if (payload !== null) r.payload = payload;
  r.gasUsed = o.optU64("gas_used", p);
  const res = o.obj("result", p);
  if (p.failed()) return r;
  const ok = res.optObj("ok", p);
  if (ok !== null) {
    r.result.isOk = true;
    const evs = ok.optArr("events", p);
    if (evs !== null) {
      for (let i = 0; i < evs.length && !p.failed(); i++) {
        const e = p.obj(evs[i]);
        if (p.failed()) break;
        r.result.events.push(new ReplyEvent(e.str("type", p), parseAttributes(e.arr("attributes", p), p)));
      }
    }
    r.result.data = ok.optBinary("data", p);
    const mrs = ok.optArr("msg_responses", p);
    if (mrs !== null) {
      for (let i = 0; i < mrs.length && !p.failed(); i++) {
        const m = p.obj(mrs[i]);
        if (p.failed()) break;
        r.result.msgResponses.push(new MsgResponse(m.str("type_url", p), m.binary("value", p)));
      }
    }
  } else if (res.has("error")) {
    r.result.error = res.str("error", p);
  } else {
    p.fail("expected `ok` or `error` in reply result");
  }
  return r;
}

export function writeAttributes(w: JsonWriter, attrs: Array<Attribute>): void {
  w.beginArray();
  for (let i = 0; i < attrs.length; i++) {
    w.beginObject().key("key").str(attrs[i].key).key("value").str(attrs[i].value).endObject();
  }
  w.endArray();
}
