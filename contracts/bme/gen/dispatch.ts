// Generated from contracts/bme/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
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
  parseVariant,
} from "../../std";
import { FUNDS_NOT_ACCEPTED } from "../error";
import {
  parseAllAccountsQuery,
  parseBalanceQuery,
  parseBurnMsg,
  parseConfigQuery,
  parseFundVaultMsg,
  parseInstantiateMsg,
  parseLedgerQuery,
  parseMigrateMsg,
  parseMintActMsg,
  parseMinterQuery,
  parsePauseMsg,
  parsePendingQuery,
  parseProcessEpochMsg,
  parseRedeemActMsg,
  parseSendMsg,
  parseSimulateMintQuery,
  parseSimulateRedeemQuery,
  parseStatusQuery,
  parseTokenInfoQuery,
  parseTransferMsg,
  parseUnpauseMsg,
  parseUpdateConfigMsg,
  parseVaultQuery,
  writeAllAccountsResponse,
  writeBalanceResponse,
  writeConfigResponse,
  writeMinterResponse,
  writeRecordsResponse,
  writeSimulateResponse,
  writeStatusResponse,
  writeTokenInfoResponse,
  writeVaultResponse,
} from "./messages";
import {
  executeBurn,
  executeFundVault,
  executeMintAct,
  executePause,
  executeProcessEpoch,
  executeRedeemAct,
  executeSend,
  executeTransfer,
  executeUnpause,
  executeUpdateConfig,
} from "../execute";
import { instantiateContract, migrateContract } from "../lifecycle";
import {
  queryAllAccounts,
  queryBalance,
  queryConfig,
  queryLedger,
  queryMinter,
  queryPending,
  querySimulateMint,
  querySimulateRedeem,
  queryStatus,
  queryTokenInfo,
  queryVault,
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
  "transfer",
  "send",
  "burn",
  "mint_act",
  "redeem_act",
  "process_epoch",
  "fund_vault",
  "update_config",
  "pause",
  "unpause",
];

/** Bit i set: EXECUTE_VARIANTS[i] is `@payable` (mint_act, fund_vault); every other one rejects funds. */
const PAYABLE_VARIANTS: u64 = 0x48;

export function dispatchExecute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", EXECUTE_VARIANTS, p);
  if (v === null) return err(p.message());
  if (ctx.messageInfo().funds.length > 0 && ((PAYABLE_VARIANTS >> (<u64>v.index)) & 1) == 0)
    return err(FUNDS_NOT_ACCEPTED);
  let res: Response | null = null;
  switch (v.index) {
    case 0: {
      const m = parseTransferMsg(v.body, p);
      if (!p.failed()) res = executeTransfer(ctx, m);
      break;
    }
    case 1: {
      const m = parseSendMsg(v.body, p);
      if (!p.failed()) res = executeSend(ctx, m);
      break;
    }
    case 2: {
      const m = parseBurnMsg(v.body, p);
      if (!p.failed()) res = executeBurn(ctx, m);
      break;
    }
    case 3: {
      const m = parseMintActMsg(v.body, p);
      if (!p.failed()) res = executeMintAct(ctx, m);
      break;
    }
    case 4: {
      const m = parseRedeemActMsg(v.body, p);
      if (!p.failed()) res = executeRedeemAct(ctx, m);
      break;
    }
    case 5: {
      const m = parseProcessEpochMsg(v.body, p);
      if (!p.failed()) res = executeProcessEpoch(ctx, m);
      break;
    }
    case 6: {
      const m = parseFundVaultMsg(v.body, p);
      if (!p.failed()) res = executeFundVault(ctx, m);
      break;
    }
    case 7: {
      const m = parseUpdateConfigMsg(v.body, p);
      if (!p.failed()) res = executeUpdateConfig(ctx, m);
      break;
    }
    case 8: {
      const m = parsePauseMsg(v.body, p);
      if (!p.failed()) res = executePause(ctx, m);
      break;
    }
    default: {
      const m = parseUnpauseMsg(v.body, p);
      if (!p.failed()) res = executeUnpause(ctx, m);
      break;
    }
  }
  if (p.failed()) return err(p.message());
  return changetype<Response>(res); // every branch sets it unless parsing failed
}

const QUERY_VARIANTS: Array<string> = [
  "token_info",
  "balance",
  "minter",
  "all_accounts",
  "config",
  "status",
  "vault",
  "pending",
  "ledger",
  "simulate_mint",
  "simulate_redeem",
];

export function dispatchQuery(ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser("QueryMsg");
  const v = parseVariant(msg, "QueryMsg", QUERY_VARIANTS, p);
  if (v === null) return QueryResponse.err(p.message());
  const w = new JsonWriter();
  let error: string | null = null;
  switch (v.index) {
    case 0: {
      const m = parseTokenInfoQuery(v.body, p);
      if (!p.failed()) {
        const a = queryTokenInfo(ctx, m);
        error = a.error;
        if (error === null) writeTokenInfoResponse(w, answerValue(a));
      }
      break;
    }
    case 1: {
      const m = parseBalanceQuery(v.body, p);
      if (!p.failed()) {
        const a = queryBalance(ctx, m);
        error = a.error;
        if (error === null) writeBalanceResponse(w, answerValue(a));
      }
      break;
    }
    case 2: {
      const m = parseMinterQuery(v.body, p);
      if (!p.failed()) {
        const a = queryMinter(ctx, m);
        error = a.error;
        if (error === null) writeMinterResponse(w, answerValue(a));
      }
      break;
    }
    case 3: {
      const m = parseAllAccountsQuery(v.body, p);
      if (!p.failed()) {
        const a = queryAllAccounts(ctx, m);
        error = a.error;
        if (error === null) writeAllAccountsResponse(w, answerValue(a));
      }
      break;
    }
    case 4: {
      const m = parseConfigQuery(v.body, p);
      if (!p.failed()) {
        const a = queryConfig(ctx, m);
        error = a.error;
        if (error === null) writeConfigResponse(w, answerValue(a));
      }
      break;
    }
    case 5: {
      const m = parseStatusQuery(v.body, p);
      if (!p.failed()) {
        const a = queryStatus(ctx, m);
        error = a.error;
        if (error === null) writeStatusResponse(w, answerValue(a));
      }
      break;
    }
    case 6: {
      const m = parseVaultQuery(v.body, p);
      if (!p.failed()) {
        const a = queryVault(ctx, m);
        error = a.error;
        if (error === null) writeVaultResponse(w, answerValue(a));
      }
      break;
    }
    case 7: {
      const m = parsePendingQuery(v.body, p);
      if (!p.failed()) {
        const a = queryPending(ctx, m);
        error = a.error;
        if (error === null) writeRecordsResponse(w, answerValue(a));
      }
      break;
    }
    case 8: {
      const m = parseLedgerQuery(v.body, p);
      if (!p.failed()) {
        const a = queryLedger(ctx, m);
        error = a.error;
        if (error === null) writeRecordsResponse(w, answerValue(a));
      }
      break;
    }
    case 9: {
      const m = parseSimulateMintQuery(v.body, p);
      if (!p.failed()) {
        const a = querySimulateMint(ctx, m);
        error = a.error;
        if (error === null) writeSimulateResponse(w, answerValue(a));
      }
      break;
    }
    default: {
      const m = parseSimulateRedeemQuery(v.body, p);
      if (!p.failed()) {
        const a = querySimulateRedeem(ctx, m);
        error = a.error;
        if (error === null) writeSimulateResponse(w, answerValue(a));
      }
      break;
    }
  }
  if (p.failed()) return QueryResponse.err(p.message());
  if (error !== null) return QueryResponse.err(changetype<string>(error));
  return QueryResponse.ok(w.toString());
}
