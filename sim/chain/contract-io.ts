// The JSON that crosses the VM boundary (docs/abi.md#json-envelopes): Env/MessageInfo/Reply as wasmvm marshals them,
// and the contract's ContractResult<Response> decoded with cosmwasm-vm's strictness (no defaults for the Vec fields).

import { fromBase64, toBase64 } from "@cosmjs/encoding";
import type { Attribute, SdkEvent } from "./bank.js";
import type { Amount } from "../interface/coin.js";
import { VmError } from "./errors.js";
import type { ContractEvent } from "./events.js";
import { fromUtf8, isMap, parseJson, stringifyJson, utf8, utf8Transient, type Json, type JsonMap } from "./json.js";

export interface BlockInfo {
  height: bigint;
  timeNanos: bigint;
  chainId: string;
}

export interface TxInfo {
  index: number;
  hash: Uint8Array;
  /** Checksums of the codes this tx has called (wasmd's TxContracts): a further call of one costs the discount. */
  contracts?: Set<string>;
}

export type ReplyOn = "always" | "success" | "error" | "never";

export interface SubMsg {
  id: bigint;
  payload: Uint8Array;
  msg: JsonMap;
  gasLimit: bigint | null;
  replyOn: ReplyOn;
}

export interface ContractResponse {
  messages: SubMsg[];
  attributes: Attribute[];
  events: ContractEvent[];
  data: Uint8Array | null;
}

export interface MsgResponse {
  typeUrl: string;
  value: Uint8Array;
}

/** The per-block head of every Env this block: height, time and chain id only change with the block. */
let envHead: { height: bigint; timeNanos: bigint; chainId: string; text: string } | undefined;
/** The `transaction` field of the last tx's Env: every call of a tx puts the same one into its Env. */
let txField: { hash: Uint8Array; index: number; text: string } | undefined;

/** wasmvm `Env`, written out directly: the same text `stringifyJson` gives for the same fields in this order. */
export function envJson(block: BlockInfo, tx: TxInfo | undefined, contract: string): Uint8Array {
  let head = envHead;
  if (
    head === undefined ||
    head.height !== block.height ||
    head.timeNanos !== block.timeNanos ||
    head.chainId !== block.chainId
  ) {
    const text = `{"block":{"height":${block.height},"time":${JSON.stringify(block.timeNanos.toString())},"chain_id":${JSON.stringify(block.chainId)}},"transaction":`;
    head = envHead = { height: block.height, timeNanos: block.timeNanos, chainId: block.chainId, text };
  }
  let transaction = "null";
  if (tx !== undefined) {
    let field = txField;
    if (field?.hash !== tx.hash || field.index !== tx.index) {
      const text = `{"index":${stringifyJson(tx.index)},"hash":${JSON.stringify(toBase64(tx.hash))}}`;
      field = txField = { hash: tx.hash, index: tx.index, text };
    }
    transaction = field.text;
  }
  return utf8Transient(`${head.text}${transaction},"contract":{"address":${JSON.stringify(contract)}}}`);
}

/** wasmvm `MessageInfo`, written out directly (as `stringifyJson({ sender, funds: toWire(funds) })`). */
export function infoJson(sender: string, funds: readonly Amount[]): Uint8Array {
  let coins = "";
  for (const c of funds) {
    coins += `${coins === "" ? "" : ","}{"denom":${JSON.stringify(c.denom)},"amount":${JSON.stringify(c.amount.toString())}}`;
  }
  return utf8Transient(`{"sender":${JSON.stringify(sender)},"funds":[${coins}]}`);
}

export function migrateInfoJson(sender: string, oldMigrateVersion: bigint | null): Uint8Array {
  return utf8(stringifyJson({ sender, old_migrate_version: oldMigrateVersion }));
}

/** wasmvm `Reply`: field order and omitempty as the Go struct marshals it. */
export function replyJson(
  id: bigint,
  payload: Uint8Array,
  result: { ok: { events: SdkEvent[]; data: Uint8Array | undefined; msgResponses: MsgResponse[] } } | { error: string },
): Uint8Array {
  const res =
    "ok" in result
      ? {
          ok: {
            events: result.ok.events,
            data: result.ok.data === undefined || result.ok.data.length === 0 ? undefined : toBase64(result.ok.data),
            msg_responses: result.ok.msgResponses.map((r) => ({ type_url: r.typeUrl, value: toBase64(r.value) })),
          },
        }
      : { error: result.error };
  return utf8(
    stringifyJson({ gas_used: 0n, id, result: res, payload: payload.length === 0 ? undefined : toBase64(payload) }),
  );
}

const RESPONSE_TYPE =
  "cosmwasm_std::results::contract_result::ContractResult<cosmwasm_std::results::response::Response>";
const QUERY_TYPE = "cosmwasm_std::results::contract_result::ContractResult<cosmwasm_std::binary::Binary>";

const parseError = (target: string, msg: string): VmError => new VmError(`Error parsing into type ${target}: ${msg}`);

function parseResult(bytes: Uint8Array, target: string): { ok: Json } | { error: string } {
  let json: Json;
  try {
    json = parseJson(fromUtf8(bytes));
  } catch (e) {
    throw parseError(target, (e as Error).message);
  }
  if (isMap(json)) {
    const keys = Object.keys(json);
    if (keys.length === 1 && keys[0] === "ok") return { ok: json.ok ?? null };
    if (keys.length === 1 && keys[0] === "error") {
      if (typeof json.error !== "string") throw parseError(target, "invalid type: expected a string");
      return { error: json.error };
    }
  }
  throw parseError(target, "unknown variant, expected `ok` or `error`");
}

function field(obj: JsonMap, name: string, target: string): Json {
  if (!(name in obj)) throw parseError(target, `missing field \`${name}\``);
  return obj[name] ?? null;
}

function binary(v: Json, target: string): Uint8Array {
  if (typeof v !== "string") throw parseError(target, "invalid type: expected base64 encoded string");
  try {
    return fromBase64(v);
  } catch {
    throw parseError(target, `Invalid base64: ${v}`);
  }
}

function attributes(v: Json, target: string): Attribute[] {
  if (!Array.isArray(v)) throw parseError(target, "invalid type: expected a sequence");
  return v.map((a) => {
    if (!isMap(a)) throw parseError(target, "invalid type: expected struct Attribute");
    const key = field(a, "key", target);
    const value = field(a, "value", target);
    if (typeof key !== "string" || typeof value !== "string")
      throw parseError(target, "invalid type: expected a string");
    return { key, value };
  });
}

function u64(v: Json, target: string): bigint {
  if (typeof v !== "bigint" || v < 0n || v >= 1n << 64n) throw parseError(target, "invalid type: expected u64");
  return v;
}

function subMsg(v: Json, target: string): SubMsg {
  if (!isMap(v)) throw parseError(target, "invalid type: expected struct SubMsg");
  const id = u64(field(v, "id", target), target);
  const msg = field(v, "msg", target);
  if (!isMap(msg)) throw parseError(target, "invalid type: expected enum CosmosMsg");
  const replyOn = field(v, "reply_on", target);
  if (replyOn !== "always" && replyOn !== "success" && replyOn !== "error" && replyOn !== "never") {
    throw parseError(
      target,
      `unknown variant \`${typeof replyOn === "string" ? replyOn : ""}\`, expected one of \`always\`, \`error\`, \`success\`, \`never\``,
    );
  }
  const gas = v.gas_limit ?? null;
  const payload = v.payload ?? null;
  return {
    id,
    payload: payload === null ? new Uint8Array() : binary(payload, target),
    msg,
    gasLimit: gas === null ? null : u64(gas, target),
    replyOn,
  };
}

/** ContractResult<Response> from instantiate/execute/migrate/sudo/reply. */
export function parseResponse(bytes: Uint8Array): { ok: ContractResponse } | { error: string } {
  const t = RESPONSE_TYPE;
  const r = parseResult(bytes, t);
  if ("error" in r) return r;
  const ok = r.ok;
  if (!isMap(ok)) throw parseError(t, "invalid type: expected struct Response");
  const messages = field(ok, "messages", t);
  const attrs = field(ok, "attributes", t);
  const events = field(ok, "events", t);
  if (!Array.isArray(messages) || !Array.isArray(events)) throw parseError(t, "invalid type: expected a sequence");
  const data = ok.data ?? null;
  return {
    ok: {
      messages: messages.map((m) => subMsg(m, t)),
      attributes: attributes(attrs, t),
      events: events.map((e) => {
        if (!isMap(e)) throw parseError(t, "invalid type: expected struct Event");
        const type = field(e, "type", t);
        if (typeof type !== "string") throw parseError(t, "invalid type: expected a string");
        return { type, attributes: attributes(field(e, "attributes", t), t) };
      }),
      data: data === null ? null : binary(data, t),
    },
  };
}

/** ContractResult<Binary> from query. */
export function parseQueryResult(bytes: Uint8Array): { ok: Uint8Array } | { error: string } {
  const r = parseResult(bytes, QUERY_TYPE);
  if ("error" in r) return r;
  return { ok: binary(r.ok, QUERY_TYPE) };
}
