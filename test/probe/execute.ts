// Execute, instantiate, migrate, sudo and reply handlers of the probe.

import {
  BankMsg,
  Context,
  CosmosMsg,
  DistributionMsg,
  Event,
  JsonObject,
  JsonValue,
  JsonWriter,
  Key,
  Parser,
  ProtocolPoolMsg,
  Reply,
  ReplyOn,
  Response,
  SubMsg,
  WasmMsg,
  addrCanonicalizeResult,
  addrHumanizeResult,
  addrValidate,
  debug,
  err,
  fromHex,
  panic,
  parseReplyOn,
  parseVariant,
  secp256k1RecoverPubkeyCode,
  secp256k1RecoverPubkey,
  secp256k1VerifyCode,
  toHex,
} from "../../contracts/std";
import { InstantiateMsg } from "./msg";
import { FAIL_REPLY_ID, KV, LAST_REPLY, NUMS, PAIRS, ReplyId, STATE, State } from "./state";
import { decOp, hexField, keccakOp, u128Op } from "./ops";

// Lives in the instance's memory: 1 on every call when each call gets a fresh instance (as on chain).
let CALLS: u32 = 0;

const EXECUTE_VARIANTS: Array<string> = [
  "increment",
  "set",
  "write_then_fail",
  "write_then_abort",
  "put",
  "del",
  "put_num",
  "put_pair",
  "send",
  "burn",
  "fund_pool",
  "fund_protocol_pool",
  "call",
  "instantiate_child",
  "migrate_child",
  "emit",
  "echo_info",
  "u128",
  "dec",
  "keccak",
  "secp_recover",
  "secp_verify",
  "addr",
  "set_data",
  "fail",
  "set_fail_reply",
  "debug",
];

export function instantiate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("InstantiateMsg");
  const m = InstantiateMsg.parse(p.obj(msg), p);
  if (p.failed()) return err(p.message());
  const owner = m.owner;
  STATE().save(new State(m.count, owner !== null ? owner : ctx.sender()));
  return new Response().addAttribute("action", "instantiate").addAttribute("count", m.count.toString());
}

function replyOnField(o: JsonObject, key: string, p: Parser, dflt: ReplyOn): ReplyOn {
  const s = o.optStr(key, p);
  if (s === null) return dflt;
  const r = parseReplyOn(s);
  if (r < 0) {
    p.fail("unknown variant `" + s + "`, expected one of `always`, `success`, `error`, `never`");
    return dflt;
  }
  return <ReplyOn>r;
}

export function execute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser();
  const v = parseVariant(msg, "ExecuteMsg", EXECUTE_VARIANTS, p);
  if (v === null) return err(p.message());
  const o = v.body;
  const name = v.name;

  if (name == "increment") {
    p.denyUnknown(o, []);
    if (p.failed()) return err(p.message());
    CALLS++;
    const s = STATE().mustLoad();
    s.count++;
    STATE().save(s);
    return new Response()
      .addAttribute("action", "increment")
      .addAttribute("count", s.count.toString())
      .addAttribute("calls_this_instance", CALLS.toString());
  }
  if (name == "set") {
    p.denyUnknown(o, ["count"]);
    const count = o.u64("count", p);
    if (p.failed()) return err(p.message());
    const s = STATE().mustLoad();
    s.count = count;
    STATE().save(s);
    return new Response().addAttribute("action", "set").addAttribute("count", count.toString());
  }
  if (name == "write_then_fail" || name == "write_then_abort") {
    p.denyUnknown(o, []);
    if (p.failed()) return err(p.message());
    const s = STATE().mustLoad();
    s.count += 100;
    STATE().save(s);
    KV().save(Key.str("written"), name);
    if (name == "write_then_abort") panic("boom");
    return err("intentional failure");
  }
  if (name == "put") {
    p.denyUnknown(o, ["key", "value"]);
    const key = o.str("key", p);
    const value = o.str("value", p);
    if (p.failed()) return err(p.message());
    KV().save(Key.str(key), value);
    return new Response().addAttribute("action", "put").addAttribute("key", key);
  }
  if (name == "del") {
    p.denyUnknown(o, ["key"]);
    const key = o.str("key", p);
    if (p.failed()) return err(p.message());
    const existed = KV().has(Key.str(key));
    KV().remove(Key.str(key));
    return new Response().addAttribute("action", "del").addAttribute("existed", existed ? "true" : "false");
  }
  if (name == "put_num") {
    p.denyUnknown(o, ["n", "value"]);
    const n = o.u64("n", p);
    const value = o.str("value", p);
    if (p.failed()) return err(p.message());
    NUMS().save(Key.u64(n), value);
    return new Response().addAttribute("action", "put_num").addAttribute("n", n.toString());
  }
  if (name == "put_pair") {
    p.denyUnknown(o, ["owner", "n", "value"]);
    const owner = o.str("owner", p);
    const n = o.u64("n", p);
    const value = o.str("value", p);
    if (p.failed()) return err(p.message());
    PAIRS().save(Key.pair(Key.str(owner), Key.u64(n)), value);
    return new Response().addAttribute("action", "put_pair");
  }
  if (name == "send") {
    p.denyUnknown(o, ["to", "amount", "reply_on", "id"]);
    const to = o.str("to", p);
    const amount = o.coins("amount", p);
    const on = replyOnField(o, "reply_on", p, ReplyOn.Never);
    const id = o.optU64("id", p);
    if (p.failed()) return err(p.message());
    return new Response().addAttribute("action", "send").addSubMessage(SubMsg.reply(id, BankMsg.send(to, amount), on));
  }
  if (name == "burn" || name == "fund_pool") {
    p.denyUnknown(o, ["amount"]);
    const amount = o.coins("amount", p);
    if (p.failed()) return err(p.message());
    const m: CosmosMsg = name == "burn" ? BankMsg.burn(amount) : DistributionMsg.fundCommunityPool(amount);
    return new Response().addAttribute("action", name).addMessage(m);
  }
  if (name == "fund_protocol_pool") {
    p.denyUnknown(o, ["amount", "depositor"]);
    const amount = o.coins("amount", p);
    const depositor = o.optStr("depositor", p);
    if (p.failed()) return err(p.message());
    const from = depositor !== null ? depositor : ctx.env.contract.address;
    return new Response().addAttribute("action", name).addMessage(ProtocolPoolMsg.fundCommunityPool(from, amount));
  }
  if (name == "call") {
    p.denyUnknown(o, ["contract", "msg", "funds", "reply_on", "id", "payload", "gas_limit"]);
    const contract = o.str("contract", p);
    const inner = o.obj("msg", p);
    const funds = o.optCoins("funds", p);
    const on = replyOnField(o, "reply_on", p, ReplyOn.Never);
    const id = o.u64("id", p);
    const payload = o.optBinary("payload", p);
    const hasGas = o.has("gas_limit");
    const gas = o.optU64("gas_limit", p);
    if (p.failed()) return err(p.message());
    const sub = SubMsg.reply(id, WasmMsg.execute(contract, inner.raw(), funds), on, payload);
    if (hasGas) sub.gasLimit(gas);
    return new Response().addAttribute("action", "call").addSubMessage(sub);
  }
  if (name == "instantiate_child") {
    p.denyUnknown(o, ["code_id", "msg", "label", "reply_on", "id"]);
    const codeId = o.u64("code_id", p);
    const inner = o.obj("msg", p);
    const label = o.str("label", p);
    const on = replyOnField(o, "reply_on", p, ReplyOn.Never);
    const id = o.optU64("id", p);
    if (p.failed()) return err(p.message());
    const m = WasmMsg.instantiate(ctx.env.contract.address, codeId, inner.raw(), [], label);
    return new Response().addAttribute("action", "instantiate_child").addSubMessage(SubMsg.reply(id, m, on));
  }
  if (name == "migrate_child") {
    p.denyUnknown(o, ["contract", "code_id", "msg"]);
    const contract = o.str("contract", p);
    const codeId = o.u64("code_id", p);
    const inner = o.obj("msg", p);
    if (p.failed()) return err(p.message());
    return new Response()
      .addAttribute("action", "migrate_child")
      .addMessage(WasmMsg.migrate(contract, codeId, inner.raw()));
  }
  if (name == "emit") return emit(o, p);
  if (name == "echo_info") {
    p.denyUnknown(o, []);
    if (p.failed()) return err(p.message());
    const info = ctx.info!;
    const w = new JsonWriter().coins(info.funds);
    const tx = ctx.env.transaction;
    return new Response()
      .addAttribute("height", ctx.env.block.height.toString())
      .addAttribute("time", ctx.env.block.time.toString())
      .addAttribute("chain_id", ctx.env.block.chainId)
      .addAttribute("tx_index", tx !== null ? tx.index.toString() : "none")
      .addAttribute("contract", ctx.env.contract.address)
      .addAttribute("sender", info.sender)
      .addAttribute("funds", w.toString());
  }
  if (name == "u128" || name == "dec" || name == "keccak") {
    const r = name == "u128" ? u128Op(o, p) : name == "dec" ? decOp(o, p) : keccakOp(o, p);
    if (p.failed()) return err(p.message());
    return new Response().addAttribute("action", name).addAttribute("result", r);
  }
  if (name == "secp_recover") {
    p.denyUnknown(o, ["hash_hex", "sig_hex", "recovery"]);
    const hash = hexField(o, "hash_hex", p);
    const sig = hexField(o, "sig_hex", p);
    const rec = o.u8("recovery", p);
    if (p.failed()) return err(p.message());
    const pk = secp256k1RecoverPubkey(hash, sig, rec);
    if (pk === null) return err("recover failed with code " + secp256k1RecoverPubkeyCode(hash, sig, rec).toString());
    return new Response().addAttribute("pubkey", toHex(pk));
  }
  if (name == "secp_verify") {
    p.denyUnknown(o, ["hash_hex", "sig_hex", "pubkey_hex"]);
    const hash = hexField(o, "hash_hex", p);
    const sig = hexField(o, "sig_hex", p);
    const pk = hexField(o, "pubkey_hex", p);
    if (p.failed()) return err(p.message());
    return new Response().addAttribute("code", secp256k1VerifyCode(hash, sig, pk).toString());
  }
  if (name == "addr") return addr(o, p);
  if (name == "set_data") {
    p.denyUnknown(o, ["data"]);
    const data = o.binary("data", p);
    if (p.failed()) return err(p.message());
    return new Response().setData(data);
  }
  if (name == "fail") {
    p.denyUnknown(o, ["message"]);
    const m = o.str("message", p);
    if (p.failed()) return err(p.message());
    return err(m);
  }
  if (name == "debug") {
    p.denyUnknown(o, ["message"]);
    const m = o.str("message", p);
    if (p.failed()) return err(p.message());
    debug(m);
    return new Response().addAttribute("action", "debug");
  }
  // set_fail_reply
  p.denyUnknown(o, ["id"]);
  const id = o.u64("id", p);
  if (p.failed()) return err(p.message());
  FAIL_REPLY_ID().save(new ReplyId(id));
  return new Response().addAttribute("action", "set_fail_reply");
}

function emit(o: JsonObject, p: Parser): Response {
  p.denyUnknown(o, ["attrs", "events"]);
  const r = new Response();
  const attrs = o.optArr("attrs", p);
  if (attrs !== null) {
    for (let i = 0; i < attrs.length; i++) {
      const a = p.obj(attrs[i]);
      if (p.failed()) break;
      r.addAttribute(a.str("key", p), a.str("value", p));
    }
  }
  const events = o.optArr("events", p);
  if (events !== null) {
    for (let i = 0; i < events.length; i++) {
      const e = p.obj(events[i]);
      if (p.failed()) break;
      const ev = new Event(e.str("type", p));
      const list = e.arr("attributes", p);
      for (let j = 0; j < list.length; j++) {
        const a = p.obj(list[j]);
        if (p.failed()) break;
        ev.add(a.str("key", p), a.str("value", p));
      }
      r.addEvent(ev);
    }
  }
  if (p.failed()) return err(p.message());
  return r;
}

function addr(o: JsonObject, p: Parser): Response {
  p.denyUnknown(o, ["op", "value"]);
  const op = o.str("op", p);
  const value = o.str("value", p);
  if (p.failed()) return err(p.message());
  if (op == "validate") {
    const e = addrValidate(value);
    return e === null ? new Response().addAttribute("result", "ok") : err(e);
  }
  if (op == "canonicalize") {
    const r = addrCanonicalizeResult(value);
    const e = r.error;
    return e !== null ? err(e) : new Response().addAttribute("result", toHex(r.value!));
  }
  if (op == "humanize") {
    const bytes = fromHex(value);
    if (bytes === null) return err("invalid hex in `value`");
    const r = addrHumanizeResult(bytes);
    const e = r.error;
    return e !== null ? err(e) : new Response().addAttribute("result", r.value!);
  }
  return err("unknown variant `" + op + "`, expected one of `validate`, `canonicalize`, `humanize`");
}

export function migrate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("MigrateMsg");
  const o = p.obj(msg);
  p.denyUnknown(o, ["new_count"]);
  const has = o.has("new_count");
  const n = o.optU64("new_count", p);
  if (p.failed()) return err(p.message());
  if (has) {
    const s = STATE().mustLoad();
    s.count = n;
    STATE().save(s);
  }
  const mi = ctx.migrateInfo;
  const r = new Response().addAttribute("action", "migrate");
  if (mi !== null) {
    r.addAttribute("sender", mi.sender);
    r.addAttribute("old_migrate_version", mi.hasOldMigrateVersion ? mi.oldMigrateVersion.toString() : "none");
  }
  return r;
}

export function sudo(ctx: Context, msg: JsonValue): Response {
  const p = new Parser();
  const v = parseVariant(msg, "SudoMsg", ["set"], p);
  if (v === null) return err(p.message());
  p.denyUnknown(v.body, ["count"]);
  const count = v.body.u64("count", p);
  if (p.failed()) return err(p.message());
  const s = STATE().mustLoad();
  s.count = count;
  STATE().save(s);
  return new Response().addAttribute("action", "sudo_set").addAttribute("count", count.toString());
}

export function reply(ctx: Context, r: Reply): Response {
  const res = r.result;
  const w = new JsonWriter();
  w.beginObject().key("id").u64(r.id).key("ok").bool(res.isOk);
  w.key("error");
  if (res.isOk) w.nul();
  else w.str(res.error);
  w.key("payload").binary(r.payload).key("gas_used").u64(r.gasUsed);
  w.key("events").u64(<u64>res.events.length);
  w.key("data");
  const d = res.data;
  if (d !== null) w.binary(d);
  else w.nul();
  w.key("msg_responses")
    .u64(<u64>res.msgResponses.length)
    .endObject();
  LAST_REPLY().save(w.toString());
  const failId = FAIL_REPLY_ID().load();
  if (failId !== null && failId.id == r.id) return err("reply failed on purpose");
  return new Response()
    .addAttribute("reply_id", r.id.toString())
    .addAttribute("reply_result", res.isOk ? "ok" : res.error);
}
