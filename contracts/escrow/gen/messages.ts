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
  p.denyUnknown(o, ["admin", "denoms", "limits", "block_time"]);
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
  p.denyUnknown(o, ["denom", "min_deposit"]);
  m.denom = o.str("denom", p);
  m.min_deposit = o.optUint128("min_deposit", p);
  return m;
}

export function parseLimits(o: JsonObject, p: Parser): Limits {
  const m = new Limits();
  p.denyUnknown(o, ["max_deposits", "max_payments", "max_alerts", "max_scopes"]);
  m.max_deposits = o.u32("max_deposits", p);
  m.max_payments = o.u32("max_payments", p);
  m.max_alerts = o.u32("max_alerts", p);
  m.max_scopes = optionalInt<u32>(o, "max_scopes", p);
  return m;
}

export function parseMigrateMsg(o: JsonObject, p: Parser): MigrateMsg {
  const m = new MigrateMsg();
  p.denyUnknown(o, []);
  return m;
}

export function parseCreateAccountMsg(o: JsonObject, p: Parser): CreateAccountMsg {
  const m = new CreateAccountMsg();
  p.denyUnknown(o, ["id", "amount", "sources", "sponsors"]);
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
  p.denyUnknown(o, ["id", "amount", "sources", "sponsors"]);
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
  p.denyUnknown(o, ["grantee", "expires_at", "scopes"]);
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
  p.denyUnknown(o, ["at_height"]);
  m.at_height = o.u64("at_height", p);
  return m;
}

export function parseRevokeGrantMsg(o: JsonObject, p: Parser): RevokeGrantMsg {
  const m = new RevokeGrantMsg();
  p.denyUnknown(o, ["grantee"]);
  m.grantee = o.str("grantee", p);
  return m;
}

export function parseCreatePaymentMsg(o: JsonObject, p: Parser): CreatePaymentMsg {
  const m = new CreatePaymentMsg();
  p.denyUnknown(o, ["id", "payment_id", "provider", "denom", "rate"]);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  m.provider = o.str("provider", p);
  m.denom = o.str("denom", p);
  m.rate = o.decimal("rate", p);
  return m;
}

export function parseWithdrawMsg(o: JsonObject, p: Parser): WithdrawMsg {
  const m = new WithdrawMsg();
  p.denyUnknown(o, ["id", "payment_id"]);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parseClosePaymentMsg(o: JsonObject, p: Parser): ClosePaymentMsg {
  const m = new ClosePaymentMsg();
  p.denyUnknown(o, ["id", "payment_id"]);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parseSettleMsg(o: JsonObject, p: Parser): SettleMsg {
  const m = new SettleMsg();
  p.denyUnknown(o, ["id"]);
  m.id = o.str("id", p);
  return m;
}

export function parseCloseAccountMsg(o: JsonObject, p: Parser): CloseAccountMsg {
  const m = new CloseAccountMsg();
  p.denyUnknown(o, ["id"]);
  m.id = o.str("id", p);
  return m;
}

export function parseSetAlertMsg(o: JsonObject, p: Parser): SetAlertMsg {
  const m = new SetAlertMsg();
  p.denyUnknown(o, ["id", "denom", "below"]);
  let v: JsonValue | null = null;
  m.id = o.str("id", p);
  m.denom = o.str("denom", p);
  v = requiredField(o, "below", p);
  if (v !== null) m.below = parseAlertBelow(p.obj(v), p);
  return m;
}

export function parseAlertBelow(o: JsonObject, p: Parser): AlertBelow {
  const m = new AlertBelow();
  p.denyUnknown(o, ["amount", "blocks_left", "percent_of_peak"]);
  m.amount = o.optUint128("amount", p);
  m.blocks_left = optionalInt<u64>(o, "blocks_left", p);
  m.percent_of_peak = o.optDecimal("percent_of_peak", p);
  return m;
}

export function parseRemoveAlertMsg(o: JsonObject, p: Parser): RemoveAlertMsg {
  const m = new RemoveAlertMsg();
  p.denyUnknown(o, ["id", "denom", "kind", "registrant"]);
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
  p.denyUnknown(o, ["admin", "denoms", "limits", "block_time"]);
  let v: JsonValue | null = null;
  m.admin = o.optStr("admin", p);
  v = optionalField(o, "denoms");
  if (v !== null) m.denoms = readArrayOfDenomConfigMsg(v, p);
  v = optionalField(o, "limits");
  if (v !== null) m.limits = parseLimits(p.obj(v), p);
  m.block_time = o.optDecimal("block_time", p);
  return m;
}

export function parseConfigQuery(o: JsonObject, p: Parser): ConfigQuery {
  const m = new ConfigQuery();
  p.denyUnknown(o, []);
  return m;
}

export function parseAccountQuery(o: JsonObject, p: Parser): AccountQuery {
  const m = new AccountQuery();
  p.denyUnknown(o, ["id"]);
  m.id = o.str("id", p);
  return m;
}

export function parsePaymentQuery(o: JsonObject, p: Parser): PaymentQuery {
  const m = new PaymentQuery();
  p.denyUnknown(o, ["id", "payment_id"]);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parsePaymentsQuery(o: JsonObject, p: Parser): PaymentsQuery {
  const m = new PaymentsQuery();
  p.denyUnknown(o, ["id", "start_after", "limit"]);
  m.id = o.str("id", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseDepositsQuery(o: JsonObject, p: Parser): DepositsQuery {
  const m = new DepositsQuery();
  p.denyUnknown(o, ["id", "start_after", "limit"]);
  m.id = o.str("id", p);
  if (o.has("start_after")) m.start_after = o.u64("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseAccountsByOwnerQuery(o: JsonObject, p: Parser): AccountsByOwnerQuery {
  const m = new AccountsByOwnerQuery();
  p.denyUnknown(o, ["owner", "start_after", "limit"]);
  m.owner = o.str("owner", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseAccountsByDepositorQuery(o: JsonObject, p: Parser): AccountsByDepositorQuery {
  const m = new AccountsByDepositorQuery();
  p.denyUnknown(o, ["depositor", "start_after", "limit"]);
  m.depositor = o.str("depositor", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parsePaymentsByProviderQuery(o: JsonObject, p: Parser): PaymentsByProviderQuery {
  const m = new PaymentsByProviderQuery();
  p.denyUnknown(o, ["provider", "start_after", "limit"]);
  let v: JsonValue | null = null;
  m.provider = o.str("provider", p);
  v = optionalField(o, "start_after");
  if (v !== null) m.start_after = parsePaymentRef(p.obj(v), p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parsePaymentRef(o: JsonObject, p: Parser): PaymentRef {
  const m = new PaymentRef();
  p.denyUnknown(o, ["id", "payment_id"]);
  m.id = o.str("id", p);
  m.payment_id = o.str("payment_id", p);
  return m;
}

export function parseGrantQuery(o: JsonObject, p: Parser): GrantQuery {
  const m = new GrantQuery();
  p.denyUnknown(o, ["sponsor", "grantee"]);
  m.sponsor = o.str("sponsor", p);
  m.grantee = o.str("grantee", p);
  return m;
}

export function parseGrantsBySponsorQuery(o: JsonObject, p: Parser): GrantsBySponsorQuery {
  const m = new GrantsBySponsorQuery();
  p.denyUnknown(o, ["sponsor", "start_after", "limit"]);
  m.sponsor = o.str("sponsor", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseGrantsByGranteeQuery(o: JsonObject, p: Parser): GrantsByGranteeQuery {
  const m = new GrantsByGranteeQuery();
  p.denyUnknown(o, ["grantee", "start_after", "limit"]);
  m.grantee = o.str("grantee", p);
  m.start_after = o.optStr("start_after", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

export function parseAccountHealthQuery(o: JsonObject, p: Parser): AccountHealthQuery {
  const m = new AccountHealthQuery();
  p.denyUnknown(o, ["id"]);
  m.id = o.str("id", p);
  return m;
}

export function parseAlertsQuery(o: JsonObject, p: Parser): AlertsQuery {
  const m = new AlertsQuery();
  p.denyUnknown(o, ["id", "limit"]);
  m.id = o.str("id", p);
  if (o.has("limit")) m.limit = o.u32("limit", p);
  return m;
}

function readArrayOfDenomConfigMsg(v: JsonValue, p: Parser): Array<DenomConfigMsg> {
  const items = p.arr(v);
  const out = new Array<DenomConfigMsg>();
  for (let i = 0; i < items.length && !p.failed(); i++) out.push(parseDenomConfigMsg(p.obj(items[i]), p));
  return out;
}

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

function writeArrayOfDenomConfigMsg(w: JsonWriter, a: Array<DenomConfigMsg>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writeDenomConfigMsg(w, x);
  }
  w.endArray();
}

function writeArrayOfDenomFunds(w: JsonWriter, a: Array<DenomFunds>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writeDenomFunds(w, x);
  }
  w.endArray();
}

function writeArrayOfString(w: JsonWriter, a: Array<string>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    w.str(x);
  }
  w.endArray();
}

function writeArrayOfPaymentResponse(w: JsonWriter, a: Array<PaymentResponse>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writePaymentResponse(w, x);
  }
  w.endArray();
}

function writeArrayOfDepositResponse(w: JsonWriter, a: Array<DepositResponse>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writeDepositResponse(w, x);
  }
  w.endArray();
}

function writeArrayOfAccountResponse(w: JsonWriter, a: Array<AccountResponse>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writeAccountResponse(w, x);
  }
  w.endArray();
}

function writeArrayOfCoin(w: JsonWriter, a: Array<Coin>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    w.coin(x);
  }
  w.endArray();
}

function writeArrayOfGrantResponse(w: JsonWriter, a: Array<GrantResponse>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writeGrantResponse(w, x);
  }
  w.endArray();
}

function writeArrayOfDenomHealth(w: JsonWriter, a: Array<DenomHealth>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writeDenomHealth(w, x);
  }
  w.endArray();
}

function writeArrayOfAlertResponse(w: JsonWriter, a: Array<AlertResponse>): void {
  w.beginArray();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    writeAlertResponse(w, x);
  }
  w.endArray();
}

export function writeConfigResponse(w: JsonWriter, m: ConfigResponse): void {
  w.beginObject();
  w.key("admin");
  w.str(m.admin);
  w.key("denoms");
  writeArrayOfDenomConfigMsg(w, m.denoms);
  w.key("limits");
  writeLimits(w, m.limits);
  w.key("block_time");
  w.decimal(m.block_time);
  w.endObject();
}

export function writeDenomConfigMsg(w: JsonWriter, m: DenomConfigMsg): void {
  w.beginObject();
  w.key("denom");
  w.str(m.denom);
  w.key("min_deposit");
  const min_deposit = m.min_deposit;
  if (min_deposit === null) w.nul();
  else w.uint128(min_deposit);
  w.endObject();
}

export function writeLimits(w: JsonWriter, m: Limits): void {
  w.beginObject();
  w.key("max_deposits");
  w.u64(<u64>m.max_deposits);
  w.key("max_payments");
  w.u64(<u64>m.max_payments);
  w.key("max_alerts");
  w.u64(<u64>m.max_alerts);
  w.key("max_scopes");
  const max_scopes = m.max_scopes;
  if (max_scopes === null) w.nul();
  else w.u64(<u64>max_scopes.value);
  w.endObject();
}

export function writeAccountResponse(w: JsonWriter, m: AccountResponse): void {
  w.beginObject();
  w.key("id");
  w.str(m.id);
  w.key("owner");
  w.str(m.owner);
  w.key("state");
  w.str(m.state);
  w.key("created_at");
  w.u64(<u64>m.created_at);
  w.key("settled_at");
  w.u64(<u64>m.settled_at);
  w.key("funds");
  writeArrayOfDenomFunds(w, m.funds);
  w.key("deposit_count");
  w.u64(<u64>m.deposit_count);
  w.key("payment_ids");
  writeArrayOfString(w, m.payment_ids);
  w.key("alert_count");
  w.u64(<u64>m.alert_count);
  w.endObject();
}

export function writeDenomFunds(w: JsonWriter, m: DenomFunds): void {
  w.beginObject();
  w.key("denom");
  w.str(m.denom);
  w.key("amount");
  w.uint128(m.amount);
  w.key("peak");
  w.uint128(m.peak);
  w.key("transferred");
  w.uint128(m.transferred);
  w.key("debt");
  w.uint128(m.debt);
  w.endObject();
}

export function writePaymentResponse(w: JsonWriter, m: PaymentResponse): void {
  w.beginObject();
  w.key("id");
  w.str(m.id);
  w.key("payment_id");
  w.str(m.payment_id);
  w.key("provider");
  w.str(m.provider);
  w.key("denom");
  w.str(m.denom);
  w.key("rate");
  w.decimal(m.rate);
  w.key("carry");
  w.decimal(m.carry);
  w.key("state");
  w.str(m.state);
  w.key("balance");
  w.uint128(m.balance);
  w.key("unsettled");
  w.uint128(m.unsettled);
  w.key("withdrawn");
  w.uint128(m.withdrawn);
  w.key("created_at");
  w.u64(<u64>m.created_at);
  w.key("closed_at");
  w.u64(<u64>m.closed_at);
  w.endObject();
}

export function writePaymentsResponse(w: JsonWriter, m: PaymentsResponse): void {
  w.beginObject();
  w.key("payments");
  writeArrayOfPaymentResponse(w, m.payments);
  w.endObject();
}

export function writeDepositsResponse(w: JsonWriter, m: DepositsResponse): void {
  w.beginObject();
  w.key("deposits");
  writeArrayOfDepositResponse(w, m.deposits);
  w.endObject();
}

export function writeDepositResponse(w: JsonWriter, m: DepositResponse): void {
  w.beginObject();
  w.key("seq");
  w.u64(<u64>m.seq);
  w.key("depositor");
  w.str(m.depositor);
  w.key("source");
  w.str(m.source);
  w.key("grantee");
  w.str(m.grantee);
  w.key("denom");
  w.str(m.denom);
  w.key("amount");
  w.uint128(m.amount);
  w.key("deposited");
  w.uint128(m.deposited);
  w.key("height");
  w.u64(<u64>m.height);
  w.endObject();
}

export function writeAccountsResponse(w: JsonWriter, m: AccountsResponse): void {
  w.beginObject();
  w.key("accounts");
  writeArrayOfAccountResponse(w, m.accounts);
  w.endObject();
}

export function writeGrantResponse(w: JsonWriter, m: GrantResponse): void {
  w.beginObject();
  w.key("sponsor");
  w.str(m.sponsor);
  w.key("grantee");
  w.str(m.grantee);
  w.key("balances");
  writeArrayOfCoin(w, m.balances);
  w.key("expires_at");
  const expires_at = m.expires_at;
  if (expires_at === null) w.nul();
  else writeExpiration(w, expires_at);
  w.key("scopes");
  const scopes = m.scopes;
  if (scopes === null) w.nul();
  else writeArrayOfString(w, scopes);
  w.key("expired");
  w.bool(m.expired);
  w.endObject();
}

export function writeExpiration(w: JsonWriter, m: Expiration): void {
  w.beginObject();
  w.key("at_height");
  w.u64(<u64>m.at_height);
  w.endObject();
}

export function writeGrantsResponse(w: JsonWriter, m: GrantsResponse): void {
  w.beginObject();
  w.key("grants");
  writeArrayOfGrantResponse(w, m.grants);
  w.endObject();
}

export function writeHealthResponse(w: JsonWriter, m: HealthResponse): void {
  w.beginObject();
  w.key("id");
  w.str(m.id);
  w.key("state");
  w.str(m.state);
  w.key("height");
  w.u64(<u64>m.height);
  w.key("denoms");
  writeArrayOfDenomHealth(w, m.denoms);
  w.endObject();
}

export function writeDenomHealth(w: JsonWriter, m: DenomHealth): void {
  w.beginObject();
  w.key("denom");
  w.str(m.denom);
  w.key("balance");
  w.uint128(m.balance);
  w.key("burn_rate");
  w.decimal(m.burn_rate);
  w.key("blocks_left");
  const blocks_left = m.blocks_left;
  if (blocks_left === null) w.nul();
  else w.u64(<u64>blocks_left.value);
  w.key("seconds_left");
  const seconds_left = m.seconds_left;
  if (seconds_left === null) w.nul();
  else w.u64(<u64>seconds_left.value);
  w.key("peak");
  w.uint128(m.peak);
  w.key("debt");
  w.uint128(m.debt);
  w.endObject();
}

export function writeAlertsResponse(w: JsonWriter, m: AlertsResponse): void {
  w.beginObject();
  w.key("alerts");
  writeArrayOfAlertResponse(w, m.alerts);
  w.endObject();
}

export function writeAlertResponse(w: JsonWriter, m: AlertResponse): void {
  w.beginObject();
  w.key("registrant");
  w.str(m.registrant);
  w.key("denom");
  w.str(m.denom);
  w.key("kind");
  w.str(m.kind);
  w.key("threshold");
  w.uint128(m.threshold);
  w.key("percent");
  w.decimal(m.percent);
  w.key("armed");
  w.bool(m.armed);
  w.key("fired");
  w.u64(<u64>m.fired);
  w.endObject();
}
