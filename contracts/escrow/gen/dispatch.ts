// Generated from contracts/escrow/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
// then rebuild. docs/contracts.md describes the conventions.

import { Context, JsonValue, JsonWriter, Parser, QueryResponse, Response, err, parseVariant } from "../../std";
import { FUNDS_NOT_ACCEPTED } from "../error";
import {
  parseAccountHealthQuery,
  parseAccountQuery,
  parseAccountsByDepositorQuery,
  parseAccountsByOwnerQuery,
  parseAlertsQuery,
  parseCloseAccountMsg,
  parseClosePaymentMsg,
  parseConfigQuery,
  parseCreateAccountMsg,
  parseCreatePaymentMsg,
  parseDepositMsg,
  parseDepositsQuery,
  parseGrantMsg,
  parseGrantQuery,
  parseGrantsByGranteeQuery,
  parseGrantsBySponsorQuery,
  parseInstantiateMsg,
  parseMigrateMsg,
  parsePaymentQuery,
  parsePaymentsByProviderQuery,
  parsePaymentsQuery,
  parseRemoveAlertMsg,
  parseRevokeGrantMsg,
  parseSetAlertMsg,
  parseSettleMsg,
  parseUpdateConfigMsg,
  parseWithdrawMsg,
  writeAccountResponse,
  writeAccountsResponse,
  writeAlertsResponse,
  writeConfigResponse,
  writeDepositsResponse,
  writeGrantResponse,
  writeGrantsResponse,
  writeHealthResponse,
  writePaymentResponse,
  writePaymentsResponse,
} from "./messages";
import {
  executeCloseAccount,
  executeClosePayment,
  executeCreateAccount,
  executeCreatePayment,
  executeDeposit,
  executeGrant,
  executeRemoveAlert,
  executeRevokeGrant,
  executeSetAlert,
  executeSettle,
  executeUpdateConfig,
  executeWithdraw,
} from "../execute";
import { instantiateContract, migrateContract } from "../lifecycle";
import {
  queryAccount,
  queryAccountHealth,
  queryAccountsByDepositor,
  queryAccountsByOwner,
  queryAlerts,
  queryConfig,
  queryDeposits,
  queryGrant,
  queryGrantsByGrantee,
  queryGrantsBySponsor,
  queryPayment,
  queryPayments,
  queryPaymentsByProvider,
} from "../query";

export function dispatchInstantiate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("InstantiateMsg");
  const o = p.obj(msg);
  if (p.failed()) return err(p.message());
  const m = parseInstantiateMsg(o, p);
  if (p.failed()) return err(p.message());
  return instantiateContract(ctx, m);
}

export function dispatchMigrate(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("MigrateMsg");
  const o = p.obj(msg);
  if (p.failed()) return err(p.message());
  const m = parseMigrateMsg(o, p);
  if (p.failed()) return err(p.message());
  return migrateContract(ctx, m);
}

const EXECUTE_VARIANTS: Array<string> = [
  "create_account",
  "deposit",
  "grant",
  "revoke_grant",
  "create_payment",
  "withdraw",
  "close_payment",
  "settle",
  "close_account",
  "set_alert",
  "remove_alert",
  "update_config",
];

/** Variants tagged `@payable`; every other one rejects attached funds. */
const PAYABLE_VARIANTS: Array<string> = ["create_account", "deposit", "grant"];

export function dispatchExecute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", EXECUTE_VARIANTS, p);
  if (v === null) return err(p.message());
  const name = v.name;
  if (ctx.info!.funds.length > 0 && !PAYABLE_VARIANTS.includes(name)) return err(FUNDS_NOT_ACCEPTED);
  if (name == "create_account") {
    const m = parseCreateAccountMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeCreateAccount(ctx, m);
  }
  if (name == "deposit") {
    const m = parseDepositMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeDeposit(ctx, m);
  }
  if (name == "grant") {
    const m = parseGrantMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeGrant(ctx, m);
  }
  if (name == "revoke_grant") {
    const m = parseRevokeGrantMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeRevokeGrant(ctx, m);
  }
  if (name == "create_payment") {
    const m = parseCreatePaymentMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeCreatePayment(ctx, m);
  }
  if (name == "withdraw") {
    const m = parseWithdrawMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeWithdraw(ctx, m);
  }
  if (name == "close_payment") {
    const m = parseClosePaymentMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeClosePayment(ctx, m);
  }
  if (name == "settle") {
    const m = parseSettleMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeSettle(ctx, m);
  }
  if (name == "close_account") {
    const m = parseCloseAccountMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeCloseAccount(ctx, m);
  }
  if (name == "set_alert") {
    const m = parseSetAlertMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeSetAlert(ctx, m);
  }
  if (name == "remove_alert") {
    const m = parseRemoveAlertMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeRemoveAlert(ctx, m);
  }
  if (name == "update_config") {
    const m = parseUpdateConfigMsg(v.body, p);
    if (p.failed()) return err(p.message());
    return executeUpdateConfig(ctx, m);
  }
  return err("internal error: no branch for ExecuteMsg::" + name);
}

const QUERY_VARIANTS: Array<string> = [
  "config",
  "account",
  "payment",
  "payments",
  "deposits",
  "accounts_by_owner",
  "accounts_by_depositor",
  "payments_by_provider",
  "grant",
  "grants_by_sponsor",
  "grants_by_grantee",
  "account_health",
  "alerts",
];

export function dispatchQuery(ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser("QueryMsg");
  const v = parseVariant(msg, "QueryMsg", QUERY_VARIANTS, p);
  if (v === null) return QueryResponse.err(p.message());
  const name = v.name;
  const w = new JsonWriter();
  if (name == "config") {
    const m = parseConfigQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryConfig(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeConfigResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "account") {
    const m = parseAccountQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryAccount(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeAccountResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "payment") {
    const m = parsePaymentQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryPayment(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writePaymentResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "payments") {
    const m = parsePaymentsQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryPayments(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writePaymentsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "deposits") {
    const m = parseDepositsQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryDeposits(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeDepositsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "accounts_by_owner") {
    const m = parseAccountsByOwnerQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryAccountsByOwner(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeAccountsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "accounts_by_depositor") {
    const m = parseAccountsByDepositorQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryAccountsByDepositor(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeAccountsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "payments_by_provider") {
    const m = parsePaymentsByProviderQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryPaymentsByProvider(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writePaymentsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "grant") {
    const m = parseGrantQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryGrant(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeGrantResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "grants_by_sponsor") {
    const m = parseGrantsBySponsorQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryGrantsBySponsor(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeGrantsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "grants_by_grantee") {
    const m = parseGrantsByGranteeQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryGrantsByGrantee(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeGrantsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "account_health") {
    const m = parseAccountHealthQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryAccountHealth(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeHealthResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  if (name == "alerts") {
    const m = parseAlertsQuery(v.body, p);
    if (p.failed()) return QueryResponse.err(p.message());
    const a = queryAlerts(ctx, m);
    if (a.error !== null) return QueryResponse.err(a.error!);
    writeAlertsResponse(w, a.value!);
    return QueryResponse.ok(w.toString());
  }
  return QueryResponse.err("internal error: no branch for QueryMsg::" + name);
}
