// Generated from contracts/escrow/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
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
  AccountHealthQuery,
  AccountQuery,
  AccountResponse,
  AccountsByDepositorQuery,
  AccountsByOwnerQuery,
  AccountsResponse,
  AlertBelow,
  AlertResponse,
  AlertsQuery,
  AlertsResponse,
  CloseAccountMsg,
  ClosePaymentMsg,
  ConfigQuery,
  ConfigResponse,
  CreateAccountMsg,
  CreatePaymentMsg,
  Cw20ReceiveMsg,
  DenomConfigMsg,
  DenomFunds,
  DenomHealth,
  DepositMsg,
  DepositResponse,
  DepositsQuery,
  DepositsResponse,
  Expiration,
  GrantMsg,
  GrantQuery,
  GrantResponse,
  GrantsByGranteeQuery,
  GrantsBySponsorQuery,
  GrantsResponse,
  HealthResponse,
  InstantiateMsg,
  Limits,
  MigrateMsg,
  PaymentQuery,
  PaymentRef,
  PaymentResponse,
  PaymentsByProviderQuery,
  PaymentsQuery,
  PaymentsResponse,
  RemoveAlertMsg,
  RevokeGrantMsg,
  SetAlertMsg,
  SettleMsg,
  UpdateConfigMsg,
  WithdrawMsg,
} from "../msg";

export function parseInstantiateMsg(o: JsonObject, p: Parser): InstantiateMsg {
  const m = new InstantiateMsg();
  p.denyUnknown(o, FIELDS_InstantiateMsg);
  let v: JsonValue | null = null;
  m.admin = o.str("admin", p);
  v = optionalField(o, "denoms");
  if (v !== null) m.denoms = readArrayOfDenomConfigMsg(v, p);
  v = optionalField(o, "limits");
  if (v !== null) m.limits = parseLimits(p.obj(v), p);
  m.block_time = o.optDecimal("block_time", p);
  return m;
}

export function parseDenomConfigMsg(o: JsonObject, p: Parser): DenomConfigMsg {
  const m = new DenomConfigMsg();
  p.denyUnknown(o, FIELDS_DenomConfigMsg);
  m.denom = o.str("denom", p);
  m.min_deposit = o.optUint128("min_deposit", p);
  return m;
}

export function parseLimits(o: JsonObject, p: Parser): Limits {
  const m = new Limits();
  p.denyUnknown(o, FIELDS_Limits);
  m.max_deposits = o.u32("max_deposits", p);
  m.max_payments = o.u32("max_payments", p);
  m.max_alerts = o.u32("max_alerts", p);
  m.max_scopes = optionalInt<u32>(o, "max_scopes", p);
  return m;
}

export function parseMigrateMsg(o: JsonObject, p: Parser): MigrateMsg {
  const m = new MigrateMsg();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseCreateAccountMsg(o: JsonObject, p: Parser): CreateAccountMsg {
  const m = new CreateAccountMsg();
  p.denyUnknown(o, FIELDS_CreateAccountMsg);
  let v: JsonValue | null = null;
  m.id = o.str("id", p);
  v = optionalField(o, "amount");
  if (v !== null) m.amount = p.coin(v);
  v = optionalField(o, "sources");
  if (v !== null) m.sources = readArrayOfStringOfBalanceOrGrant(v, p);
  v = optionalField(o, "sponsors");
  if (v !== null) m.sponsors = readArrayOfString(v, p);
  return m;
}

export function parseDepositMsg(o: JsonObject, p: Parser): DepositMsg {
  const m = new DepositMsg();
  p.denyUnknown(o, FIELDS_CreateAccountMsg);
  let v: JsonValue | null = null;
  m.id = o.str("id", p);
  v = optionalField(o, "amount");
  if (v !== null) m.amount = p.coin(v);
  v = optionalField(o, "sources");
  if (v !== null) m.sources = readArrayOfStringOfBalanceOrGrant(v, p);
  v = optionalField(o, "sponsors");
  if (v !== null) m.sponsors = readArrayOfString(v, p);
  return m;
}

export function parseGrantMsg(o: JsonObject, p: Parser): GrantMsg {
  const m = new GrantMsg();
  p.denyUnknown(o, FIELDS_GrantMsg);
  let v: JsonValue | null = null;
  m.grantee = o.str("grantee", p);
  v = optionalField(o, "expires_at");
  if (v !== null) m.expires_at = parseExpiration(p.obj(v), p);
  v = optionalField(o, "scopes");
  if (v !== null) m.scopes = readArrayOfString(v, p);
  return m;
}

export function parseExpiration(o: JsonObject, p: Parser): Expiration {
  const m = new Expiration();
  p.denyUnknown(o, FIELDS_Expiration);
  m.at_height = o.u64("at_height", p);
  return m;
}

export function parseRevokeGrantMsg(o: JsonObject, p: Parser): RevokeGrantMsg {
  const m = new RevokeGrantMsg();
  p.denyUnknown(o, FIELDS_RevokeGrantMsg);
  m.grantee = o.str("grantee", p);
  return m;
}

export function parseCreatePaymentMsg(o: JsonObject, p: Parser): CreatePaymentMsg {
  const m = new CreatePaymentMsg();
  p.denyUnknown(o, FIELDS_CreatePaymentMsg);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  m.provider = o.str("provider", p);
  m.denom = o.str("denom", p);
  m.rate = o.decimal("rate", p);
  return m;
}

export function parseWithdrawMsg(o: JsonObject, p: Parser): WithdrawMsg {
  const m = new WithdrawMsg();
  p.denyUnknown(o, FIELDS_WithdrawMsg);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parseClosePaymentMsg(o: JsonObject, p: Parser): ClosePaymentMsg {
  const m = new ClosePaymentMsg();
  p.denyUnknown(o, FIELDS_WithdrawMsg);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parseSettleMsg(o: JsonObject, p: Parser): SettleMsg {
  const m = new SettleMsg();
  p.denyUnknown(o, FIELDS_SettleMsg);
  m.id = o.str("id", p);
  return m;
}

export function parseCloseAccountMsg(o: JsonObject, p: Parser): CloseAccountMsg {
  const m = new CloseAccountMsg();
  p.denyUnknown(o, FIELDS_SettleMsg);
  m.id = o.str("id", p);
  return m;
}

export function parseSetAlertMsg(o: JsonObject, p: Parser): SetAlertMsg {
  const m = new SetAlertMsg();
  p.denyUnknown(o, FIELDS_SetAlertMsg);
  let v: JsonValue | null = null;
  m.id = o.str("id", p);
  m.denom = o.str("denom", p);
  v = requiredField(o, "below", p);
  if (v !== null) m.below = parseAlertBelow(p.obj(v), p);
  return m;
}

export function parseAlertBelow(o: JsonObject, p: Parser): AlertBelow {
  const m = new AlertBelow();
  p.denyUnknown(o, FIELDS_AlertBelow);
  m.amount = o.optUint128("amount", p);
  m.blocks_left = optionalInt<u64>(o, "blocks_left", p);
  m.percent_of_peak = o.optDecimal("percent_of_peak", p);
  return m;
}

export function parseRemoveAlertMsg(o: JsonObject, p: Parser): RemoveAlertMsg {
  const m = new RemoveAlertMsg();
  p.denyUnknown(o, FIELDS_RemoveAlertMsg);
  let v: JsonValue | null = null;
  m.id = o.str("id", p);
  m.denom = o.str("denom", p);
  v = requiredField(o, "kind", p);
  if (v !== null) m.kind = readOneOf(v, ["amount", "blocks_left", "percent_of_peak"], p);
  m.registrant = o.optStr("registrant", p);
  return m;
}

export function parseUpdateConfigMsg(o: JsonObject, p: Parser): UpdateConfigMsg {
  const m = new UpdateConfigMsg();
  p.denyUnknown(o, FIELDS_InstantiateMsg);
  let v: JsonValue | null = null;
  m.admin = o.optStr("admin", p);
  v = optionalField(o, "denoms");
  if (v !== null) m.denoms = readArrayOfDenomConfigMsg(v, p);
  v = optionalField(o, "limits");
  if (v !== null) m.limits = parseLimits(p.obj(v), p);
  m.block_time = o.optDecimal("block_time", p);
  return m;
}

export function parseCw20ReceiveMsg(o: JsonObject, p: Parser): Cw20ReceiveMsg {
  const m = new Cw20ReceiveMsg();
  p.denyUnknown(o, FIELDS_Cw20ReceiveMsg);
  m.sender = o.str("sender", p);
  m.amount = o.uint128("amount", p);
  m.msg = o.binary("msg", p);
  return m;
}

export function parseConfigQuery(o: JsonObject, p: Parser): ConfigQuery {
  const m = new ConfigQuery();
  p.denyUnknown(o, FIELDS_MigrateMsg);
  return m;
}

export function parseAccountQuery(o: JsonObject, p: Parser): AccountQuery {
  const m = new AccountQuery();
  p.denyUnknown(o, FIELDS_SettleMsg);
  m.id = o.str("id", p);
  return m;
}

export function parsePaymentQuery(o: JsonObject, p: Parser): PaymentQuery {
  const m = new PaymentQuery();
  p.denyUnknown(o, FIELDS_WithdrawMsg);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parsePaymentsQuery(o: JsonObject, p: Parser): PaymentsQuery {
  const m = new PaymentsQuery();
  p.denyUnknown(o, FIELDS_PaymentsQuery);
  m.id = o.str("id", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseDepositsQuery(o: JsonObject, p: Parser): DepositsQuery {
  const m = new DepositsQuery();
  p.denyUnknown(o, FIELDS_PaymentsQuery);
  m.id = o.str("id", p);
  if (o.has("start_after")) m.start_after = o.u64("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseAccountsByOwnerQuery(o: JsonObject, p: Parser): AccountsByOwnerQuery {
  const m = new AccountsByOwnerQuery();
  p.denyUnknown(o, FIELDS_AccountsByOwnerQuery);
  m.owner = o.str("owner", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseAccountsByDepositorQuery(o: JsonObject, p: Parser): AccountsByDepositorQuery {
  const m = new AccountsByDepositorQuery();
  p.denyUnknown(o, FIELDS_AccountsByDepositorQuery);
  m.depositor = o.str("depositor", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parsePaymentsByProviderQuery(o: JsonObject, p: Parser): PaymentsByProviderQuery {
  const m = new PaymentsByProviderQuery();
  p.denyUnknown(o, FIELDS_PaymentsByProviderQuery);
  let v: JsonValue | null = null;
  m.provider = o.str("provider", p);
  v = optionalField(o, "start_after");
  if (v !== null) m.start_after = parsePaymentRef(p.obj(v), p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parsePaymentRef(o: JsonObject, p: Parser): PaymentRef {
  const m = new PaymentRef();
  p.denyUnknown(o, FIELDS_WithdrawMsg);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parseGrantQuery(o: JsonObject, p: Parser): GrantQuery {
  const m = new GrantQuery();
  p.denyUnknown(o, FIELDS_GrantQuery);
  m.sponsor = o.str("sponsor", p);
  m.grantee = o.str("grantee", p);
  return m;
}

export function parseGrantsBySponsorQuery(o: JsonObject, p: Parser): GrantsBySponsorQuery {
  const m = new GrantsBySponsorQuery();
  p.denyUnknown(o, FIELDS_GrantsBySponsorQuery);
  m.sponsor = o.str("sponsor", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseGrantsByGranteeQuery(o: JsonObject, p: Parser): GrantsByGranteeQuery {
  const m = new GrantsByGranteeQuery();
  p.denyUnknown(o, FIELDS_GrantsByGranteeQuery);
  m.grantee = o.str("grantee", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseAccountHealthQuery(o: JsonObject, p: Parser): AccountHealthQuery {
  const m = new AccountHealthQuery();
  p.denyUnknown(o, FIELDS_SettleMsg);
  m.id = o.str("id", p);
  return m;
}

export function parseAlertsQuery(o: JsonObject, p: Parser): AlertsQuery {
  const m = new AlertsQuery();
  p.denyUnknown(o, FIELDS_AlertsQuery);
  m.id = o.str("id", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

const FIELDS_InstantiateMsg: StaticArray<string> = ["admin", "denoms", "limits", "block_time"];

function readArrayOfDenomConfigMsg(v: JsonValue, p: Parser): Array<DenomConfigMsg> {
  const items = p.arr(v);
  const out = new Array<DenomConfigMsg>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseDenomConfigMsg(p.obj(items[i]), p));
  return out;
}

const FIELDS_DenomConfigMsg: StaticArray<string> = ["denom", "min_deposit"];

const FIELDS_Limits: StaticArray<string> = ["max_deposits", "max_payments", "max_alerts", "max_scopes"];

const FIELDS_MigrateMsg: StaticArray<string> = [];

const FIELDS_CreateAccountMsg: StaticArray<string> = ["id", "amount", "sources", "sponsors"];

function readArrayOfStringOfBalanceOrGrant(v: JsonValue, p: Parser): Array<string> {
  const items = p.arr(v);
  const out = new Array<string>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(readOneOf(items[i], ["balance", "grant"], p));
  return out;
}

function readArrayOfString(v: JsonValue, p: Parser): Array<string> {
  const items = p.arr(v);
  const out = new Array<string>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(p.str(items[i]));
  return out;
}

const FIELDS_GrantMsg: StaticArray<string> = ["grantee", "expires_at", "scopes"];

const FIELDS_Expiration: StaticArray<string> = ["at_height"];

const FIELDS_RevokeGrantMsg: StaticArray<string> = ["grantee"];

const FIELDS_CreatePaymentMsg: StaticArray<string> = ["id", "payment_id", "provider", "denom", "rate"];

const FIELDS_WithdrawMsg: StaticArray<string> = ["id", "payment_id"];

const FIELDS_SettleMsg: StaticArray<string> = ["id"];

const FIELDS_SetAlertMsg: StaticArray<string> = ["id", "denom", "below"];

const FIELDS_AlertBelow: StaticArray<string> = ["amount", "blocks_left", "percent_of_peak"];

const FIELDS_RemoveAlertMsg: StaticArray<string> = ["id", "denom", "kind", "registrant"];

const FIELDS_Cw20ReceiveMsg: StaticArray<string> = ["sender", "amount", "msg"];

const FIELDS_PaymentsQuery: StaticArray<string> = ["id", "start_after", "limit"];

const FIELDS_AccountsByOwnerQuery: StaticArray<string> = ["owner", "start_after", "limit"];

const FIELDS_AccountsByDepositorQuery: StaticArray<string> = ["depositor", "start_after", "limit"];

const FIELDS_PaymentsByProviderQuery: StaticArray<string> = ["provider", "start_after", "limit"];

const FIELDS_GrantQuery: StaticArray<string> = ["sponsor", "grantee"];

const FIELDS_GrantsBySponsorQuery: StaticArray<string> = ["sponsor", "start_after", "limit"];

const FIELDS_GrantsByGranteeQuery: StaticArray<string> = ["grantee", "start_after", "limit"];

const FIELDS_AlertsQuery: StaticArray<string> = ["id", "limit"];

function writeArrayOfDenomConfigMsg(w: JsonWriter, a: Array<DenomConfigMsg>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeDenomConfigMsg(w, a[i]);
  return w.endArray();
}

function writeArrayOfDenomFunds(w: JsonWriter, a: Array<DenomFunds>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeDenomFunds(w, a[i]);
  return w.endArray();
}

function writeArrayOfString(w: JsonWriter, a: Array<string>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) w.str(a[i]);
  return w.endArray();
}

function writeArrayOfPaymentResponse(w: JsonWriter, a: Array<PaymentResponse>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writePaymentResponse(w, a[i]);
  return w.endArray();
}

function writeArrayOfDepositResponse(w: JsonWriter, a: Array<DepositResponse>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeDepositResponse(w, a[i]);
  return w.endArray();
}

function writeArrayOfAccountResponse(w: JsonWriter, a: Array<AccountResponse>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeAccountResponse(w, a[i]);
  return w.endArray();
}

function writeArrayOfCoin(w: JsonWriter, a: Array<Coin>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) w.coin(a[i]);
  return w.endArray();
}

function writeArrayOfGrantResponse(w: JsonWriter, a: Array<GrantResponse>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeGrantResponse(w, a[i]);
  return w.endArray();
}

function writeArrayOfDenomHealth(w: JsonWriter, a: Array<DenomHealth>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeDenomHealth(w, a[i]);
  return w.endArray();
}

function writeArrayOfAlertResponse(w: JsonWriter, a: Array<AlertResponse>): JsonWriter {
  w.beginArray();
  for (let i = 0; i < a.length; i++) writeAlertResponse(w, a[i]);
  return w.endArray();
}

export function writeConfigResponse(w: JsonWriter, m: ConfigResponse): JsonWriter {
  return writeLimits(
    writeArrayOfDenomConfigMsg(w.beginObject().key("admin").str(m.admin).key("denoms"), m.denoms).key("limits"),
    m.limits,
  )
    .key("block_time")
    .decimal(m.block_time)
    .endObject();
}

export function writeDenomConfigMsg(w: JsonWriter, m: DenomConfigMsg): JsonWriter {
  w.beginObject().key("denom").str(m.denom).key("min_deposit");
  const min_deposit = m.min_deposit;
  if (min_deposit === null) w.nul();
  else w.uint128(min_deposit);
  return w.endObject();
}

export function writeLimits(w: JsonWriter, m: Limits): JsonWriter {
  w.beginObject()
    .key("max_deposits")
    .u64(<u64>m.max_deposits)
    .key("max_payments")
    .u64(<u64>m.max_payments)
    .key("max_alerts")
    .u64(<u64>m.max_alerts)
    .key("max_scopes");
  const max_scopes = m.max_scopes;
  if (max_scopes === null) w.nul();
  else w.u64(<u64>max_scopes.value);
  return w.endObject();
}

export function writeAccountResponse(w: JsonWriter, m: AccountResponse): JsonWriter {
  return writeArrayOfString(
    writeArrayOfDenomFunds(
      w
        .beginObject()
        .key("id")
        .str(m.id)
        .key("owner")
        .str(m.owner)
        .key("state")
        .str(m.state)
        .key("created_at")
        .u64(<u64>m.created_at)
        .key("settled_at")
        .u64(<u64>m.settled_at)
        .key("funds"),
      m.funds,
    )
      .key("deposit_count")
      .u64(<u64>m.deposit_count)
      .key("payment_ids"),
    m.payment_ids,
  )
    .key("alert_count")
    .u64(<u64>m.alert_count)
    .endObject();
}

export function writeDenomFunds(w: JsonWriter, m: DenomFunds): JsonWriter {
  return w
    .beginObject()
    .key("denom")
    .str(m.denom)
    .key("amount")
    .uint128(m.amount)
    .key("peak")
    .uint128(m.peak)
    .key("transferred")
    .uint128(m.transferred)
    .key("debt")
    .uint128(m.debt)
    .endObject();
}

export function writePaymentResponse(w: JsonWriter, m: PaymentResponse): JsonWriter {
  return w
    .beginObject()
    .key("id")
    .str(m.id)
    .key("payment_id")
    .str(m.payment_id)
    .key("provider")
    .str(m.provider)
    .key("denom")
    .str(m.denom)
    .key("rate")
    .decimal(m.rate)
    .key("carry")
    .decimal(m.carry)
    .key("state")
    .str(m.state)
    .key("balance")
    .uint128(m.balance)
    .key("unsettled")
    .uint128(m.unsettled)
    .key("withdrawn")
    .uint128(m.withdrawn)
    .key("created_at")
    .u64(<u64>m.created_at)
    .key("closed_at")
    .u64(<u64>m.closed_at)
    .endObject();
}

export function writePaymentsResponse(w: JsonWriter, m: PaymentsResponse): JsonWriter {
  return writeArrayOfPaymentResponse(w.beginObject().key("payments"), m.payments).endObject();
}

export function writeDepositsResponse(w: JsonWriter, m: DepositsResponse): JsonWriter {
  return writeArrayOfDepositResponse(w.beginObject().key("deposits"), m.deposits).endObject();
}

export function writeDepositResponse(w: JsonWriter, m: DepositResponse): JsonWriter {
  return w
    .beginObject()
    .key("seq")
    .u64(<u64>m.seq)
    .key("depositor")
    .str(m.depositor)
    .key("source")
    .str(m.source)
    .key("grantee")
    .str(m.grantee)
    .key("denom")
    .str(m.denom)
    .key("amount")
    .uint128(m.amount)
    .key("deposited")
    .uint128(m.deposited)
    .key("height")
    .u64(<u64>m.height)
    .endObject();
}

export function writeAccountsResponse(w: JsonWriter, m: AccountsResponse): JsonWriter {
  return writeArrayOfAccountResponse(w.beginObject().key("accounts"), m.accounts).endObject();
}

export function writeGrantResponse(w: JsonWriter, m: GrantResponse): JsonWriter {
  writeArrayOfCoin(
    w.beginObject().key("sponsor").str(m.sponsor).key("grantee").str(m.grantee).key("balances"),
    m.balances,
  ).key("expires_at");
  const expires_at = m.expires_at;
  if (expires_at === null) w.nul();
  else writeExpiration(w, expires_at);
  w.key("scopes");
  const scopes = m.scopes;
  if (scopes === null) w.nul();
  else writeArrayOfString(w, scopes);
  return w.key("expired").bool(m.expired).endObject();
}

export function writeExpiration(w: JsonWriter, m: Expiration): JsonWriter {
  return w
    .beginObject()
    .key("at_height")
    .u64(<u64>m.at_height)
    .endObject();
}

export function writeGrantsResponse(w: JsonWriter, m: GrantsResponse): JsonWriter {
  return writeArrayOfGrantResponse(w.beginObject().key("grants"), m.grants).endObject();
}

export function writeHealthResponse(w: JsonWriter, m: HealthResponse): JsonWriter {
  return writeArrayOfDenomHealth(
    w
      .beginObject()
      .key("id")
      .str(m.id)
      .key("state")
      .str(m.state)
      .key("height")
      .u64(<u64>m.height)
      .key("denoms"),
    m.denoms,
  ).endObject();
}

export function writeDenomHealth(w: JsonWriter, m: DenomHealth): JsonWriter {
  w.beginObject()
    .key("denom")
    .str(m.denom)
    .key("balance")
    .uint128(m.balance)
    .key("burn_rate")
    .decimal(m.burn_rate)
    .key("blocks_left");
  const blocks_left = m.blocks_left;
  if (blocks_left === null) w.nul();
  else w.u64(<u64>blocks_left.value);
  w.key("seconds_left");
  const seconds_left = m.seconds_left;
  if (seconds_left === null) w.nul();
  else w.u64(<u64>seconds_left.value);
  return w.key("peak").uint128(m.peak).key("debt").uint128(m.debt).endObject();
}

export function writeAlertsResponse(w: JsonWriter, m: AlertsResponse): JsonWriter {
  return writeArrayOfAlertResponse(w.beginObject().key("alerts"), m.alerts).endObject();
}

export function writeAlertResponse(w: JsonWriter, m: AlertResponse): JsonWriter {
  return w
    .beginObject()
    .key("registrant")
    .str(m.registrant)
    .key("denom")
    .str(m.denom)
    .key("kind")
    .str(m.kind)
    .key("threshold")
    .uint128(m.threshold)
    .key("percent")
    .decimal(m.percent)
    .key("armed")
    .bool(m.armed)
    .key("fired")
    .u64(<u64>m.fired)
    .endObject();
}
