// Generated from contracts/escrow/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
// then rebuild. docs/contracts.md describes the conventions.

import {
  Context,
  JsonValue,
  JsonWriter,
  Parser,
  QueryResponse,
  Response,
  answerValue,
  err,
  parseJsonBytes,
  parseVariant,
} from "../../std";
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
  parseCw20ReceiveMsg,
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
  executeReceive,
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
  "receive",
];

/** Bit i set: EXECUTE_VARIANTS[i] is `@payable` (create_account, deposit, grant); every other one rejects funds. */
const PAYABLE_VARIANTS: u64 = 0x7;

const RECEIVE_VARIANTS: Array<string> = ["create_account", "deposit", "grant"];

/** The `receive` hook's message: create_account, deposit, grant. */
export function dispatchReceiveMsg(ctx: Context, msg: Uint8Array): Response {
  const p = new Parser("ReceiveMsg");
  const j = parseJsonBytes(msg, p);
  const v = j !== null ? parseVariant(j, "ReceiveMsg", RECEIVE_VARIANTS, p) : null;
  if (v === null) return err(p.message());
  let res: Response | null = null;
  switch (v.index) {
    case 0: {
      const m = parseCreateAccountMsg(v.body, p);
      if (!p.failed()) res = executeCreateAccount(ctx, m);
      break;
    }
    case 1: {
      const m = parseDepositMsg(v.body, p);
      if (!p.failed()) res = executeDeposit(ctx, m);
      break;
    }
    default: {
      const m = parseGrantMsg(v.body, p);
      if (!p.failed()) res = executeGrant(ctx, m);
      break;
    }
  }
  if (p.failed()) return err(p.message());
  return changetype<Response>(res); // every branch sets it unless parsing failed
}

export function dispatchExecute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", EXECUTE_VARIANTS, p);
  if (v === null) return err(p.message());
  if (ctx.messageInfo().funds.length > 0 && ((PAYABLE_VARIANTS >> (<u64>v.index)) & 1) == 0)
    return err(FUNDS_NOT_ACCEPTED);
  let res: Response | null = null;
  switch (v.index) {
    case 0: {
      const m = parseCreateAccountMsg(v.body, p);
      if (!p.failed()) res = executeCreateAccount(ctx, m);
      break;
    }
    case 1: {
      const m = parseDepositMsg(v.body, p);
      if (!p.failed()) res = executeDeposit(ctx, m);
      break;
    }
    case 2: {
      const m = parseGrantMsg(v.body, p);
      if (!p.failed()) res = executeGrant(ctx, m);
      break;
    }
    case 3: {
      const m = parseRevokeGrantMsg(v.body, p);
      if (!p.failed()) res = executeRevokeGrant(ctx, m);
      break;
    }
    case 4: {
      const m = parseCreatePaymentMsg(v.body, p);
      if (!p.failed()) res = executeCreatePayment(ctx, m);
      break;
    }
    case 5: {
      const m = parseWithdrawMsg(v.body, p);
      if (!p.failed()) res = executeWithdraw(ctx, m);
      break;
    }
    case 6: {
      const m = parseClosePaymentMsg(v.body, p);
      if (!p.failed()) res = executeClosePayment(ctx, m);
      break;
    }
    case 7: {
      const m = parseSettleMsg(v.body, p);
      if (!p.failed()) res = executeSettle(ctx, m);
      break;
    }
    case 8: {
      const m = parseCloseAccountMsg(v.body, p);
      if (!p.failed()) res = executeCloseAccount(ctx, m);
      break;
    }
    case 9: {
      const m = parseSetAlertMsg(v.body, p);
      if (!p.failed()) res = executeSetAlert(ctx, m);
      break;
    }
    case 10: {
      const m = parseRemoveAlertMsg(v.body, p);
      if (!p.failed()) res = executeRemoveAlert(ctx, m);
      break;
    }
    case 11: {
      const m = parseUpdateConfigMsg(v.body, p);
      if (!p.failed()) res = executeUpdateConfig(ctx, m);
      break;
    }
    default: {
      const m = parseCw20ReceiveMsg(v.body, p);
      if (!p.failed()) res = executeReceive(ctx, m, dispatchReceiveMsg);
      break;
    }
  }
  if (p.failed()) return err(p.message());
  return changetype<Response>(res); // every branch sets it unless parsing failed
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
  const w = new JsonWriter();
  let error: string | null = null;
  switch (v.index) {
    case 0: {
      const m = parseConfigQuery(v.body, p);
      if (!p.failed()) {
        const a = queryConfig(ctx, m);
        error = a.error;
        if (error === null) writeConfigResponse(w, answerValue(a));
      }
      break;
    }
    case 1: {
      const m = parseAccountQuery(v.body, p);
      if (!p.failed()) {
        const a = queryAccount(ctx, m);
        error = a.error;
        if (error === null) writeAccountResponse(w, answerValue(a));
      }
      break;
    }
    case 2: {
      const m = parsePaymentQuery(v.body, p);
      if (!p.failed()) {
        const a = queryPayment(ctx, m);
        error = a.error;
        if (error === null) writePaymentResponse(w, answerValue(a));
      }
      break;
    }
    case 3: {
      const m = parsePaymentsQuery(v.body, p);
      if (!p.failed()) {
        const a = queryPayments(ctx, m);
        error = a.error;
        if (error === null) writePaymentsResponse(w, answerValue(a));
      }
      break;
    }
    case 4: {
      const m = parseDepositsQuery(v.body, p);
      if (!p.failed()) {
        const a = queryDeposits(ctx, m);
        error = a.error;
        if (error === null) writeDepositsResponse(w, answerValue(a));
      }
      break;
    }
    case 5: {
      const m = parseAccountsByOwnerQuery(v.body, p);
      if (!p.failed()) {
        const a = queryAccountsByOwner(ctx, m);
        error = a.error;
        if (error === null) writeAccountsResponse(w, answerValue(a));
      }
      break;
    }
    case 6: {
      const m = parseAccountsByDepositorQuery(v.body, p);
      if (!p.failed()) {
        const a = queryAccountsByDepositor(ctx, m);
        error = a.error;
        if (error === null) writeAccountsResponse(w, answerValue(a));
      }
      break;
    }
    case 7: {
      const m = parsePaymentsByProviderQuery(v.body, p);
      if (!p.failed()) {
        const a = queryPaymentsByProvider(ctx, m);
        error = a.error;
        if (error === null) writePaymentsResponse(w, answerValue(a));
      }
      break;
    }
    case 8: {
      const m = parseGrantQuery(v.body, p);
      if (!p.failed()) {
        const a = queryGrant(ctx, m);
        error = a.error;
        if (error === null) writeGrantResponse(w, answerValue(a));
      }
      break;
    }
    case 9: {
      const m = parseGrantsBySponsorQuery(v.body, p);
      if (!p.failed()) {
        const a = queryGrantsBySponsor(ctx, m);
        error = a.error;
        if (error === null) writeGrantsResponse(w, answerValue(a));
      }
      break;
    }
    case 10: {
      const m = parseGrantsByGranteeQuery(v.body, p);
      if (!p.failed()) {
        const a = queryGrantsByGrantee(ctx, m);
        error = a.error;
        if (error === null) writeGrantsResponse(w, answerValue(a));
      }
      break;
    }
    case 11: {
      const m = parseAccountHealthQuery(v.body, p);
      if (!p.failed()) {
        const a = queryAccountHealth(ctx, m);
        error = a.error;
        if (error === null) writeHealthResponse(w, answerValue(a));
      }
      break;
    }
    default: {
      const m = parseAlertsQuery(v.body, p);
      if (!p.failed()) {
        const a = queryAlerts(ctx, m);
        error = a.error;
        if (error === null) writeAlertsResponse(w, answerValue(a));
      }
      break;
    }
  }
  if (p.failed()) return QueryResponse.err(p.message());
  if (error !== null) return QueryResponse.err(changetype<string>(error));
  return QueryResponse.ok(w.toString());
}
