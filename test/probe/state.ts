// Probe storage. Accessor functions (not module-level instances) so nothing depends on start-function order.

import { Item, JsonValue, JsonWriter, Map, Parser } from "../../contracts/std";

export class State {
  constructor(
    public count: u64,
    public owner: string,
  ) {}
}

function encodeState(s: State, w: JsonWriter): void {
  w.beginObject().key("count").u64(s.count).key("owner").str(s.owner).endObject();
}

function decodeState(v: JsonValue, p: Parser): State {
  const o = p.obj(v);
  return new State(o.u64("count", p), o.str("owner", p));
}

export function STATE(): Item<State> {
  return new Item<State>("state", encodeState, decodeState);
}

function encodeString(s: string, w: JsonWriter): void {
  w.str(s);
}

function decodeString(v: JsonValue, p: Parser): string {
  return p.str(v);
}

/** string key → string */
export function KV(): Map<string> {
  return new Map<string>("kv", encodeString, decodeString);
}

/** u64 key → string */
export function NUMS(): Map<string> {
  return new Map<string>("nums", encodeString, decodeString);
}

/** (owner, u64) → string */
export function PAIRS(): Map<string> {
  return new Map<string>("pairs", encodeString, decodeString);
}

// Item<T> needs a reference type (T | null), so a bare u64 is boxed.
export class ReplyId {
  constructor(public id: u64) {}
}

function encodeReplyId(r: ReplyId, w: JsonWriter): void {
  w.u64(r.id);
}

function decodeReplyId(v: JsonValue, p: Parser): ReplyId {
  return new ReplyId(p.u64(v));
}

export function FAIL_REPLY_ID(): Item<ReplyId> {
  return new Item<ReplyId>("fail_reply_id", encodeReplyId, decodeReplyId);
}

/** The last reply, stored as the JSON of LastReplyResponse. */
export function LAST_REPLY(): Item<string> {
  return new Item<string>("last_reply", rawEncode, rawDecode);
}

function rawEncode(json: string, w: JsonWriter): void {
  w.raw(json);
}

function rawDecode(v: JsonValue, p: Parser): string {
  return v.raw();
}
