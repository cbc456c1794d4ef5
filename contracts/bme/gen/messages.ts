// Generated from contracts/bme/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
// then rebuild. docs/contracts.md describes the conventions.

import {
  Coin,
  Decimal,
  JsonObject,
  JsonValue,
  JsonWriter,
  Parser,
  Some,
  Uint128,
  Uint256,
  optionalField,
  optionalInt,
  readOneOf,
  readU16,
  requiredField,
} from "../../std";
import {
  AllAccountsQuery,
  AllAccountsResponse,
  BalanceQuery,
  BalanceResponse,
  BurnMsg,
  ConfigQuery,
  ConfigResponse,
  FundVaultMsg,
  InstantiateMsg,
  LedgerQuery,
  MigrateMsg,
  MintActMsg,
  MinterQuery,
  MinterResponse,
  Params,
  PauseMsg,
  PendingQuery,
  ProcessEpochMsg,
  RecordInfo,
  RecordsResponse,
  RedeemActMsg,
  SendMsg,
  SimulateMintQuery,
  SimulateRedeemQuery,
  SimulateResponse,
  StatusQuery,
  StatusResponse,
  TokenInfoQuery,
  TokenInfoResponse,
  TransferMsg,
  UnpauseMsg,
  UpdateConfigMsg,
  VaultQuery,
  VaultResponse,
} from "../msg";

export function parseInstantiateMsg(o: JsonObject, p: Parser): InstantiateMsg {
  const m = new InstantiateMsg();
  p.denyUnknown(o, FIELDS_InstantiateMsg);
  let v: JsonValue | null = null;
  m.admin = o.str("admin", p);
  m.oracle = o.optStr("oracle", p);
  m.akt_feed = o.optStr("akt_feed", p);
  v = optionalField(o, "burn_mode");
  if (v !== null) m.burn_mode = readOneOf(v, ["hold", "burn"], p);
  v = optionalField(o, "allowed");
  if (v !== null) m.allowed = readArrayOfString(v, p);
  v = optionalField(o, "params");
  if (v !== null) m.params = parseParams(p.obj(v), p);
  return m;
}

export function parseParams(o: JsonObject, p: Parser): Params {
  const m = new Params();
  p.denyUnknown(o, FIELDS_Params);
  m.circuit_breaker_warn_threshold = o.u32("circuit_breaker_warn_threshold", p);
  m.circuit_breaker_halt_threshold = o.u32("circuit_breaker_halt_threshold", p);
  m.min_epoch_blocks = o.u64("min_epoch_blocks", p);
  m.epoch_blocks_backoff_percent = o.u32("epoch_blocks_backoff_percent", p);
  m.mint_spread_bps = o.u32("mint_spread_bps", p);
  m.settle_spread_bps = o.u32("settle_spread_bps", p);
  m.max_endblocker_records = o.u32("max_endblocker_records", p);
  m.min_mint = o.uint128("min_mint", p);
  m.max_pending_attempts = o.u32("max_pending_attempts", p);
  return m;
}

export function parseMigrateMsg(o: JsonObject, p: Parser): MigrateMsg {
  const m = new MigrateMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseTransferMsg(o: JsonObject, p: Parser): TransferMsg {
  const m = new TransferMsg();
  p.denyUnknown(o, FIELDS_TransferMsg);
  m.recipient = o.str("recipient", p);
  m.amount = o.uint128("amount", p);
  return m;
}

export function parseSendMsg(o: JsonObject, p: Parser): SendMsg {
  const m = new SendMsg();
  p.denyUnknown(o, FIELDS_SendMsg);
  m.contract = o.str("contract", p);
  m.amount = o.uint128("amount", p);
  m.msg = o.binary("msg", p);
  return m;
}

export function parseBurnMsg(o: JsonObject, p: Parser): BurnMsg {
  const m = new BurnMsg();
  p.denyUnknown(o, FIELDS_BurnMsg);
  m.amount = o.uint128("amount", p);
  return m;
}

export function parseMintActMsg(o: JsonObject, p: Parser): MintActMsg {
  const m = new MintActMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseRedeemActMsg(o: JsonObject, p: Parser): RedeemActMsg {
  const m = new RedeemActMsg();
  p.denyUnknown(o, FIELDS_BurnMsg);
  m.amount = o.uint128("amount", p);
  return m;
}

export function parseProcessEpochMsg(o: JsonObject, p: Parser): ProcessEpochMsg {
  const m = new ProcessEpochMsg();
  p.denyUnknown(o, FIELDS_ProcessEpochMsg);
  m.limit = optionalInt<u32>(o, "limit", p);
  return m;
}

export function parseFundVaultMsg(o: JsonObject, p: Parser): FundVaultMsg {
  const m = new FundVaultMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseUpdateConfigMsg(o: JsonObject, p: Parser): UpdateConfigMsg {
  const m = new UpdateConfigMsg();
  p.denyUnknown(o, FIELDS_InstantiateMsg);
  let v: JsonValue | null = null;
  m.admin = o.optStr("admin", p);
  m.oracle = o.optStr("oracle", p);
  m.akt_feed = o.optStr("akt_feed", p);
  v = optionalField(o, "burn_mode");
  if (v !== null) m.burn_mode = readOneOf(v, ["hold", "burn"], p);
  v = optionalField(o, "allowed");
  if (v !== null) m.allowed = readArrayOfString(v, p);
  v = optionalField(o, "params");
  if (v !== null) m.params = parseParams(p.obj(v), p);
  return m;
}

export function parsePauseMsg(o: JsonObject, p: Parser): PauseMsg {
  const m = new PauseMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseUnpauseMsg(o: JsonObject, p: Parser): UnpauseMsg {
  const m = new UnpauseMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseTokenInfoQuery(o: JsonObject, p: Parser): TokenInfoQuery {
  const m = new TokenInfoQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseBalanceQuery(o: JsonObject, p: Parser): BalanceQuery {
  const m = new BalanceQuery();
  p.denyUnknown(o, FIELDS_BalanceQuery);
  m.address = o.str("address", p);
  return m;
}

export function parseMinterQuery(o: JsonObject, p: Parser): MinterQuery {
  const m = new MinterQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseAllAccountsQuery(o: JsonObject, p: Parser): AllAccountsQuery {
  const m = new AllAccountsQuery();
  p.denyUnknown(o, FIELDS_AllAccountsQuery);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseConfigQuery(o: JsonObject, p: Parser): ConfigQuery {
  const m = new ConfigQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseStatusQuery(o: JsonObject, p: Parser): StatusQuery {
  const m = new StatusQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseVaultQuery(o: JsonObject, p: Parser): VaultQuery {
  const m = new VaultQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parsePendingQuery(o: JsonObject, p: Parser): PendingQuery {
  const m = new PendingQuery();
  p.denyUnknown(o, FIELDS_PendingQuery);
  let v: JsonValue | null = null;
  v = requiredField(o, "kind", p);
  if (v !== null) m.kind = readOneOf(v, ["mint", "redeem"], p);
  m.start_after = optionalInt<u64>(o, "start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseLedgerQuery(o: JsonObject, p: Parser): LedgerQuery {
  const m = new LedgerQuery();
  p.denyUnknown(o, FIELDS_AllAccountsQuery);
  m.start_after = optionalInt<u64>(o, "start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseSimulateMintQuery(o: JsonObject, p: Parser): SimulateMintQuery {
  const m = new SimulateMintQuery();
  p.denyUnknown(o, FIELDS_BurnMsg);
  m.amount = o.uint128("amount", p);
  return m;
}

export function parseSimulateRedeemQuery(o: JsonObject, p: Parser): SimulateRedeemQuery {
  const m = new SimulateRedeemQuery();
  p.denyUnknown(o, FIELDS_BurnMsg);
  m.amount = o.uint128("amount", p);
  return m;
}

const FIELDS_InstantiateMsg: StaticArray<string> = ["admin", "oracle", "akt_feed", "burn_mode", "allowed", "params"];

function readArrayOfString(v: JsonValue, p: Parser): Array<string> {
  const items = p.arr(v);
  const out = new Array<string>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(p.str(items[i]));
  return out;
}

const FIELDS_Params: StaticArray<string> = [
  "circuit_breaker_warn_threshold",
  "circuit_breaker_halt_threshold",
  "min_epoch_blocks",
  "epoch_blocks_backoff_percent",
  "mint_spread_bps",
  "settle_spread_bps",
  "max_endblocker_records",
  "min_mint",
  "max_pending_attempts",
];

const FIELDS_MigrateMsg: StaticArray<string> = [];

const FIELDS_TransferMsg: StaticArray<string> = ["recipient", "amount"];

const FIELDS_SendMsg: StaticArray<string> = ["contract", "amount", "msg"];

const FIELDS_BurnMsg: StaticArray<string> = ["amount"];

const FIELDS_ProcessEpochMsg: StaticArray<string> = ["limit"];

const FIELDS_BalanceQuery: StaticArray<string> = ["address"];

const FIELDS_AllAccountsQuery: StaticArray<string> = ["start_after", "limit"];

const FIELDS_PendingQuery: StaticArray<string> = ["kind", "start_after", "limit"];

function writeArrayOfString(w: JsonWriter, a: Array<string>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) w.str(a[i]);
  return w.endArray();
}

function writeArrayOfRecordInfo(w: JsonWriter, a: Array<RecordInfo>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeRecordInfo(w, a[i]);
  return w.endArray();
}

export function writeTokenInfoResponse(w: JsonWriter, m: TokenInfoResponse): JsonWriter {
  return w
    .beginObject()
    .key("name")
    .str(m.name)
    .key("symbol")
    .str(m.symbol)
    .key("decimals")
    .u64(<u64>m.decimals)
    .key("total_supply")
    .uint128(m.total_supply)
    .endObject();
}

export function writeBalanceResponse(w: JsonWriter, m: BalanceResponse): JsonWriter {
  return w.beginObject().key("balance").uint128(m.balance).endObject();
}

export function writeMinterResponse(w: JsonWriter, m: MinterResponse): JsonWriter {
  w.beginObject().key("minter").str(m.minter).key("cap");
  const cap = m.cap;
  if (cap === null) w.nul();
  else w.uint128(cap);
  return w.endObject();
}

export function writeAllAccountsResponse(w: JsonWriter, m: AllAccountsResponse): JsonWriter {
  return writeArrayOfString(w.beginObject().key("accounts"), m.accounts).endObject();
}

export function writeConfigResponse(w: JsonWriter, m: ConfigResponse): JsonWriter {
  w.beginObject().key("admin").str(m.admin).key("oracle");
  const oracle = m.oracle;
  if (oracle === null) w.nul();
  else w.str(oracle);
  return writeParams(
    writeArrayOfString(w.key("akt_feed").str(m.akt_feed).key("burn_mode").str(m.burn_mode).key("allowed"), m.allowed)
      .key("paused")
      .bool(m.paused)
      .key("params"),
    m.params,
  ).endObject();
}

export function writeParams(w: JsonWriter, m: Params): JsonWriter {
  return w
    .beginObject()
    .key("circuit_breaker_warn_threshold")
    .u64(<u64>m.circuit_breaker_warn_threshold)
    .key("circuit_breaker_halt_threshold")
    .u64(<u64>m.circuit_breaker_halt_threshold)
    .key("min_epoch_blocks")
    .u64(<u64>m.min_epoch_blocks)
    .key("epoch_blocks_backoff_percent")
    .u64(<u64>m.epoch_blocks_backoff_percent)
    .key("mint_spread_bps")
    .u64(<u64>m.mint_spread_bps)
    .key("settle_spread_bps")
    .u64(<u64>m.settle_spread_bps)
    .key("max_endblocker_records")
    .u64(<u64>m.max_endblocker_records)
    .key("min_mint")
    .uint128(m.min_mint)
    .key("max_pending_attempts")
    .u64(<u64>m.max_pending_attempts)
    .endObject();
}

export function writeStatusResponse(w: JsonWriter, m: StatusResponse): JsonWriter {
  w.beginObject()
    .key("status")
    .str(m.status)
    .key("stored_status")
    .str(m.stored_status)
    .key("previous_status")
    .str(m.previous_status)
    .key("collateral_ratio_bps");
  const collateral_ratio_bps = m.collateral_ratio_bps;
  if (collateral_ratio_bps === null) w.nul();
  else w.u64(<u64>collateral_ratio_bps.value);
  w.key("price");
  const price = m.price;
  if (price === null) w.nul();
  else w.decimal(price);
  w.key("price_error");
  const price_error = m.price_error;
  if (price_error === null) w.nul();
  else w.str(price_error);
  return w
    .key("epoch_height_diff")
    .u64(<u64>m.epoch_height_diff)
    .key("next_mint_epoch")
    .u64(<u64>m.next_mint_epoch)
    .key("next_redeem_epoch")
    .u64(<u64>m.next_redeem_epoch)
    .endObject();
}

export function writeVaultResponse(w: JsonWriter, m: VaultResponse): JsonWriter {
  return w
    .beginObject()
    .key("vault_uakt")
    .uint128(m.vault_uakt)
    .key("remint_credits")
    .uint128(m.remint_credits)
    .key("pending_uakt")
    .uint128(m.pending_uakt)
    .key("pending_uact")
    .uint128(m.pending_uact)
    .key("act_supply")
    .uint128(m.act_supply)
    .key("total_burned_uakt")
    .uint128(m.total_burned_uakt)
    .key("total_burned_uact")
    .uint128(m.total_burned_uact)
    .key("total_minted_uakt")
    .uint128(m.total_minted_uakt)
    .key("total_minted_uact")
    .uint128(m.total_minted_uact)
    .key("requested")
    .u64(<u64>m.requested)
    .key("executed")
    .u64(<u64>m.executed)
    .key("cancelled")
    .u64(<u64>m.cancelled)
    .endObject();
}

export function writeRecordsResponse(w: JsonWriter, m: RecordsResponse): JsonWriter {
  return writeArrayOfRecordInfo(w.beginObject().key("records"), m.records).endObject();
}

export function writeRecordInfo(w: JsonWriter, m: RecordInfo): JsonWriter {
  w.beginObject()
    .key("id")
    .u64(<u64>m.id)
    .key("kind")
    .str(m.kind)
    .key("owner")
    .str(m.owner)
    .key("amount")
    .uint128(m.amount)
    .key("height")
    .u64(<u64>m.height)
    .key("attempts")
    .u64(<u64>m.attempts)
    .key("state")
    .str(m.state)
    .key("done_height")
    .u64(<u64>m.done_height)
    .key("price");
  const price = m.price;
  if (price === null) w.nul();
  else w.decimal(price);
  w.key("minted")
    .uint128(m.minted)
    .key("spread")
    .uint128(m.spread)
    .key("paid")
    .uint128(m.paid)
    .key("remint_credit")
    .uint128(m.remint_credit)
    .key("newly_minted")
    .uint128(m.newly_minted)
    .key("reason");
  const reason = m.reason;
  if (reason === null) w.nul();
  else w.str(reason);
  return w.endObject();
}

export function writeSimulateResponse(w: JsonWriter, m: SimulateResponse): JsonWriter {
  return w
    .beginObject()
    .key("price")
    .decimal(m.price)
    .key("minted")
    .uint128(m.minted)
    .key("spread")
    .uint128(m.spread)
    .key("paid")
    .uint128(m.paid)
    .endObject();
}
