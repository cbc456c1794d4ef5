// Entry-point wrappers: read the argument Regions, parse the envelopes and the message, call the handler and write
// a ContractResult. Bad input never traps: it becomes {"error": …} with serde-like text.

import { regionFromString, regionLength, regionOffset } from "./region";
import { JsonValue, JsonWriter, Parser, parseJsonUtf8, quote } from "./json";
import { toBase64, utf8Encode } from "./encoding";
import {
  Env,
  MessageInfo,
  MigrateInfo,
  Reply,
  parseEnv,
  parseMessageInfo,
  parseMigrateInfo,
  parseReply,
} from "./types";
import { QueryResponse, Response } from "./response";

export class Context {
  constructor(
    public env: Env,
    /** Only instantiate and execute have one. */
    public info: MessageInfo | null = null,
    /** Only a 3-argument migrate has one. */
    public migrateInfo: MigrateInfo | null = null,
  ) {}

  /** The message sender; panics where there is none (query, sudo, reply, migrate). */
  sender(): string {
    return this.messageInfo().sender;
  }

  /** Sender and funds; panics where there are none. One shared check instead of an inlined `info!` per use. */
  messageInfo(): MessageInfo {
    const i = this.info;
    if (i === null) throw new Error("no MessageInfo in this entry point");
    return i;
  }
}

export type Handler = (ctx: Context, msg: JsonValue) => Response;
export type QueryHandler = (ctx: Context, msg: JsonValue) => QueryResponse;
export type ReplyHandler = (ctx: Context, reply: Reply) => Response;

function errorResult(message: string): u32 {
  return regionFromString('{"error":' + quote(message) + "}");
}

function responseResult(r: Response): u32 {
  const e = r.error;
  if (e !== null) return errorResult(e);
  const w = new JsonWriter();
  w.beginObject().key("ok");
  r.write(w);
  w.endObject();
  return regionFromString(w.toString());
}

/** Parses one argument Region as strict UTF-8 JSON; `p.typeName` is what cosmwasm would name in the error. */
function readJson(region: u32, p: Parser): JsonValue | null {
  return parseJsonUtf8(regionOffset(region), <usize>regionLength(region), p);
}

class Parsed {
  error: string | null = null;
  env: Env = new Env();
  msg: JsonValue | null = null;
}

function parseCommon(envPtr: u32, msgPtr: u32, msgType: string): Parsed {
  const out = new Parsed();
  const pe = new Parser("Env");
  const ev = readJson(envPtr, pe);
  if (ev !== null) out.env = parseEnv(ev, pe);
  if (pe.failed()) {
    out.error = pe.message();
    return out;
  }
  const pm = new Parser(msgType);
  out.msg = readJson(msgPtr, pm);
  if (pm.failed()) out.error = pm.message();
  return out;
}

export function instantiateEntry(envPtr: u32, infoPtr: u32, msgPtr: u32, handler: Handler): u32 {
  return withInfo(envPtr, infoPtr, msgPtr, handler, "InstantiateMsg");
}

export function executeEntry(envPtr: u32, infoPtr: u32, msgPtr: u32, handler: Handler): u32 {
  return withInfo(envPtr, infoPtr, msgPtr, handler, "ExecuteMsg");
}

function withInfo(envPtr: u32, infoPtr: u32, msgPtr: u32, handler: Handler, msgType: string): u32 {
  const c = parseCommon(envPtr, msgPtr, msgType);
  if (c.error !== null) return errorResult(changetype<string>(c.error));
  const pi = new Parser("MessageInfo");
  const iv = readJson(infoPtr, pi);
  const info = iv !== null ? parseMessageInfo(iv, pi) : new MessageInfo();
  if (pi.failed()) return errorResult(pi.message());
  return responseResult(handler(new Context(c.env, info), c.msg!));
}

export function queryEntry(envPtr: u32, msgPtr: u32, handler: QueryHandler): u32 {
  const c = parseCommon(envPtr, msgPtr, "QueryMsg");
  if (c.error !== null) return errorResult(changetype<string>(c.error));
  const q = handler(new Context(c.env), c.msg!);
  const e = q.error;
  if (e !== null) return errorResult(e);
  const json = q.json;
  return regionFromString('{"ok":"' + toBase64(utf8Encode(json !== null ? json : "null")) + '"}');
}

/** `migrateInfoPtr` is 0 when the VM used the 2-argument form (pre-2.2 chains); the context then has no MigrateInfo. */
export function migrateEntry(envPtr: u32, msgPtr: u32, migrateInfoPtr: u32, handler: Handler): u32 {
  const c = parseCommon(envPtr, msgPtr, "MigrateMsg");
  if (c.error !== null) return errorResult(changetype<string>(c.error));
  let mi: MigrateInfo | null = null;
  if (migrateInfoPtr != 0) {
    const pi = new Parser("MigrateInfo");
    const v = readJson(migrateInfoPtr, pi);
    if (v !== null) mi = parseMigrateInfo(v, pi);
    if (pi.failed()) return errorResult(pi.message());
  }
  return responseResult(handler(new Context(c.env, null, mi), c.msg!));
}

export function sudoEntry(envPtr: u32, msgPtr: u32, handler: Handler): u32 {
  const c = parseCommon(envPtr, msgPtr, "SudoMsg");
  if (c.error !== null) return errorResult(changetype<string>(c.error));
  return responseResult(handler(new Context(c.env), c.msg!));
}

export function replyEntry(envPtr: u32, msgPtr: u32, handler: ReplyHandler): u32 {
  const c = parseCommon(envPtr, msgPtr, "Reply");
  if (c.error !== null) return errorResult(changetype<string>(c.error));
  const p = new Parser("Reply");
  const reply = parseReply(c.msg!, p);
  if (p.failed()) return errorResult(p.message());
  return responseResult(handler(new Context(c.env), reply));
}
