// Messages of the probe contract. One class per message (or enum variant); the schema generator reads the JSDoc
// tags. Each class parses itself strictly (unknown fields rejected, as `#[cw_serde]`).

import { Coin, Decimal, JsonObject, JsonValue, Parser, Uint128 } from "../../contracts/std";

/** Sets the counter; the owner defaults to the sender. @msg InstantiateMsg */
export class InstantiateMsg {
  count: u64 = 0;
  owner: string | null = null;

  static parse(o: JsonObject, p: Parser): InstantiateMsg {
    const m = new InstantiateMsg();
    p.denyUnknown(o, ["count", "owner"]);
    m.count = o.u64("count", p);
    m.owner = o.optStr("owner", p);
    return m;
  }
}

/** Optionally overwrites the counter. @msg MigrateMsg */
export class MigrateMsg {
  new_count: u64 | null = null;
}

/** Adds one to the counter and reports how often this wasm instance has been called. @msg ExecuteMsg increment */
export class IncrementMsg {}

/** @msg ExecuteMsg set */
export class SetMsg {
  count: u64 = 0;
}

/** Writes, then returns a contract error: the write must be rolled back. @msg ExecuteMsg write_then_fail */
export class WriteThenFailMsg {}

/** Writes, then aborts: the write must be rolled back. @msg ExecuteMsg write_then_abort */
export class WriteThenAbortMsg {}

/** Stores a string under a string key. @msg ExecuteMsg put */
export class PutMsg {
  key: string = "";
  value: string = "";
}

/** @msg ExecuteMsg del */
export class DelMsg {
  key: string = "";
}

/** Stores a value under a u64 key (big-endian, so iteration is numeric). @msg ExecuteMsg put_num */
export class PutNumMsg {
  n: u64 = 0;
  value: string = "";
}

/** Stores a value under the composite key (owner, n). @msg ExecuteMsg put_pair */
export class PutPairMsg {
  owner: string = "";
  n: u64 = 0;
  value: string = "";
}

/** Bank send as a submessage. @msg ExecuteMsg send */
export class SendMsg {
  to: string = "";
  amount: Array<Coin> = [];
  /** @enum always success error never */
  reply_on: string | null = null;
  id: u64 | null = null;
}

/** @msg ExecuteMsg burn */
export class BurnMsg {
  amount: Array<Coin> = [];
}

/** @msg ExecuteMsg fund_pool */
export class FundPoolMsg {
  amount: Array<Coin> = [];
}

/** x/protocolpool MsgFundCommunityPool as `CosmosMsg::Any`; `depositor` defaults to the contract. @msg ExecuteMsg fund_protocol_pool */
export class FundProtocolPoolMsg {
  amount: Array<Coin> = [];
  depositor: string | null = null;
}

/**
 * Executes another contract as a submessage; `msg` is its ExecuteMsg as a JSON object (JsonValue = any JSON).
 * @msg ExecuteMsg call
 */
export class CallMsg {
  contract: string = "";
  msg: JsonValue = new JsonValue();
  funds: Array<Coin> | null = null;
  /** @enum always success error never */
  reply_on: string = "never";
  id: u64 = 0;
  payload: Uint8Array | null = null;
  gas_limit: u64 | null = null;
}

/** Instantiates another contract (admin = this contract). @msg ExecuteMsg instantiate_child */
export class InstantiateChildMsg {
  code_id: u64 = 0;
  msg: JsonValue = new JsonValue();
  label: string = "";
  /** @enum always success error never */
  reply_on: string | null = null;
  id: u64 | null = null;
}

/** @msg ExecuteMsg migrate_child */
export class MigrateChildMsg {
  contract: string = "";
  code_id: u64 = 0;
  msg: JsonValue = new JsonValue();
}

export class AttrMsg {
  key: string = "";
  value: string = "";
}

export class EventMsg {
  type: string = "";
  attributes: Array<AttrMsg> = [];
}

/** Emits the given attributes and custom events unchanged (to test wasmd's rules). @msg ExecuteMsg emit */
export class EmitMsg {
  attrs: Array<AttrMsg> = [];
  events: Array<EventMsg> = [];
}

/** Returns Env and MessageInfo as attributes. @msg ExecuteMsg echo_info */
export class EchoInfoMsg {}

/** Uint128 math; the result (or "none" for a failed checked op) is the attribute `result`. @msg ExecuteMsg u128 */
export class U128Msg {
  /** @enum add sub mul div rem checked_add checked_sub checked_mul checked_div mul_div_floor mul_div_ceil */
  op: string = "";
  a: Uint128 = Uint128.zero();
  b: Uint128 = Uint128.zero();
  c: Uint128 | null = null;
}

/** Decimal math. @msg ExecuteMsg dec */
export class DecMsg {
  /** @enum add sub mul div checked_add checked_sub checked_mul checked_div */
  op: string = "";
  a: Decimal = Decimal.zero();
  b: Decimal = Decimal.zero();
}

/** @msg ExecuteMsg keccak */
export class KeccakMsg {
  data_hex: string = "";
}

/** @msg ExecuteMsg secp_recover */
export class SecpRecoverMsg {
  hash_hex: string = "";
  sig_hex: string = "";
  recovery: u8 = 0;
}

/** @msg ExecuteMsg secp_verify */
export class SecpVerifyMsg {
  hash_hex: string = "";
  sig_hex: string = "";
  pubkey_hex: string = "";
}

/** @msg ExecuteMsg addr */
export class AddrMsg {
  /** @enum validate canonicalize humanize */
  op: string = "";
  value: string = "";
}

/** @msg ExecuteMsg set_data */
export class SetDataMsg {
  data: Uint8Array = new Uint8Array(0);
}

/** Returns a contract error with this text. @msg ExecuteMsg fail */
export class FailMsg {
  message: string = "";
}

/** A reply with this id returns an error (to test the parent's rollback). @msg ExecuteMsg set_fail_reply */
export class SetFailReplyMsg {
  id: u64 = 0;
}

/** Sends the text to the host's debug handler. @msg ExecuteMsg debug */
export class DebugMsg {
  message: string = "";
}

/** @msg SudoMsg set */
export class SudoSetMsg {
  count: u64 = 0;
}

/** @msg QueryMsg count @returns CountResponse */
export class CountQuery {}

/** @msg QueryMsg get @returns GetResponse */
export class GetQuery {
  key: string = "";
}

/** @msg QueryMsg list @returns ListResponse */
export class ListQuery {
  start_after: string | null = null;
  limit: u32 | null = null;
  /** @enum ascending descending */
  order: string | null = null;
}

/** Keys only (uses db_next_key). @msg QueryMsg keys @returns KeysResponse */
export class KeysQuery {
  start_after: string | null = null;
  limit: u32 | null = null;
  /** @enum ascending descending */
  order: string | null = null;
}

/** @msg QueryMsg list_num @returns ListNumResponse */
export class ListNumQuery {
  start_after: u64 | null = null;
  limit: u32 | null = null;
  /** @enum ascending descending */
  order: string | null = null;
}

/** @msg QueryMsg list_pair @returns ListNumResponse */
export class ListPairQuery {
  owner: string = "";
  start_after: u64 | null = null;
  limit: u32 | null = null;
  /** @enum ascending descending */
  order: string | null = null;
}

/** @msg QueryMsg last_reply @returns LastReplyResponse */
export class LastReplyQuery {}

/** @msg QueryMsg balance @returns Coin */
export class BalanceQuery {
  address: string = "";
  denom: string = "";
}

/** @msg QueryMsg all_balances @returns AllBalancesResponse */
export class AllBalancesQuery {
  address: string = "";
}

/** The other contract's JSON answer, or `{"error": text, "system": bool}`. @msg QueryMsg smart @returns SmartResponse */
export class SmartQuery {
  contract: string = "";
  /** Any JSON; required unless msg_text is given. */
  msg: JsonValue | null = null;
  /** Sent verbatim instead of msg (may be malformed JSON). */
  msg_text: string | null = null;
}

/** @msg QueryMsg raw @returns RawResponse */
export class RawQuery {
  contract: string = "";
  key_hex: string = "";
}

/** @msg QueryMsg contract_info @returns SmartResponse */
export class ContractInfoQuery {
  contract: string = "";
}

/** @msg QueryMsg echo_env @returns EchoEnvResponse */
export class EchoEnvQuery {}

/** Same as the execute variant, as a query. @msg QueryMsg u128 @returns MathResponse */
export class U128Query {
  /** @enum add sub mul div rem checked_add checked_sub checked_mul checked_div mul_div_floor mul_div_ceil */
  op: string = "";
  a: Uint128 = Uint128.zero();
  b: Uint128 = Uint128.zero();
  c: Uint128 | null = null;
}

/** @msg QueryMsg dec @returns MathResponse */
export class DecQuery {
  /** @enum add sub mul div checked_add checked_sub checked_mul checked_div */
  op: string = "";
  a: Decimal = Decimal.zero();
  b: Decimal = Decimal.zero();
}

/** @msg QueryMsg keccak @returns KeccakResponse */
export class KeccakQuery {
  data_hex: string = "";
}

export class CountResponse {
  count: u64 = 0;
  owner: string = "";
}

export class GetResponse {
  value: string | null = null;
}

export class KeyValue {
  key: string = "";
  value: string = "";
}

export class ListResponse {
  entries: Array<KeyValue> = [];
}

export class KeysResponse {
  keys: Array<string> = [];
}

export class NumValue {
  n: u64 = 0;
  value: string = "";
}

export class ListNumResponse {
  entries: Array<NumValue> = [];
}

export class LastReplyResponse {
  id: u64 = 0;
  ok: bool = false;
  error: string | null = null;
  payload: Uint8Array = new Uint8Array(0);
  gas_used: u64 = 0;
  events: u32 = 0;
  data: Uint8Array | null = null;
  msg_responses: u32 = 0;
}

export class AllBalancesResponse {
  amount: Array<Coin> = [];
}

export class RawResponse {
  value_hex: string | null = null;
}

export class MathResponse {
  result: string = "";
}

export class KeccakResponse {
  hash_hex: string = "";
}

export class EchoEnvResponse {
  height: u64 = 0;
  time: string = "";
  chain_id: string = "";
  contract: string = "";
  tx_index: u32 | null = null;
}

/** What `smart` and `contract_info` return on failure; on success they return the other side's JSON verbatim. */
export class SmartResponse {
  error: string = "";
  /** True for a system error (e.g. no such contract), false for the other contract's own error. */
  system: bool = false;
}
