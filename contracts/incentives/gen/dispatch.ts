// Generated from contracts/incentives/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
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
  parseBudgetQuery,
  parseClaimMsg,
  parseCloseEpochMsg,
  parseConfigQuery,
  parseCreateProgramMsg,
  parseDepositRevenueMsg,
  parseEpochQuery,
  parseFundProgramMsg,
  parseGrantMsg,
  parseInstantiateMsg,
  parseMigrateMsg,
  parsePoolsQuery,
  parseProgramQuery,
  parseProviderQuery,
  parseReportMsg,
  parseSweepMsg,
  parseUpdateConfigMsg,
  writeBudgetResponse,
  writeConfigResponse,
  writeEpochResponse,
  writePoolsResponse,
  writeProgramResponse,
  writeProviderResponse,
} from "./messages";
import {
  executeClaim,
  executeCloseEpoch,
  executeCreateProgram,
  executeDepositRevenue,
  executeFundProgram,
  executeGrant,
  executeReport,
  executeSweep,
  executeUpdateConfig,
} from "../execute";
import { instantiateContract, migrateContract } from "../lifecycle";
import { queryBudget, queryConfig, queryEpoch, queryPools, queryProgram, queryProvider } from "../query";

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
  "create_program",
  "fund_program",
  "report",
  "close_epoch",
  "claim",
  "grant",
  "sweep",
  "deposit_revenue",
  "update_config",
];

/** Bit i set: EXECUTE_VARIANTS[i] is `@payable` (create_program, fund_program, deposit_revenue); every other one rejects funds. */
const PAYABLE_VARIANTS: u64 = 0x83;

export function dispatchExecute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", EXECUTE_VARIANTS, p);
  if (v === null) return err(p.message());
  if (ctx.messageInfo().funds.length > 0 && ((PAYABLE_VARIANTS >> (<u64>v.index)) & 1) == 0)
    return err(FUNDS_NOT_ACCEPTED);
  let res: Response | null = null;
  switch (v.index) {
    case 0: {
      const m = parseCreateProgramMsg(v.body, p);
      if (!p.failed()) res = executeCreateProgram(ctx, m);
      break;
    }
    case 1: {
      const m = parseFundProgramMsg(v.body, p);
      if (!p.failed()) res = executeFundProgram(ctx, m);
      break;
    }
    case 2: {
      const m = parseReportMsg(v.body, p);
      if (!p.failed()) res = executeReport(ctx, m);
      break;
    }
    case 3: {
      const m = parseCloseEpochMsg(v.body, p);
      if (!p.failed()) res = executeCloseEpoch(ctx, m);
      break;
    }
    case 4: {
      const m = parseClaimMsg(v.body, p);
      if (!p.failed()) res = executeClaim(ctx, m);
      break;
    }
    case 5: {
      const m = parseGrantMsg(v.body, p);
      if (!p.failed()) res = executeGrant(ctx, m);
      break;
    }
    case 6: {
      const m = parseSweepMsg(v.body, p);
      if (!p.failed()) res = executeSweep(ctx, m);
      break;
    }
    case 7: {
      const m = parseDepositRevenueMsg(v.body, p);
      if (!p.failed()) res = executeDepositRevenue(ctx, m);
      break;
    }
    default: {
      const m = parseUpdateConfigMsg(v.body, p);
      if (!p.failed()) res = executeUpdateConfig(ctx, m);
      break;
    }
  }
  if (p.failed()) return err(p.message());
  return changetype<Response>(res); // every branch sets it unless parsing failed
}

const QUERY_VARIANTS: Array<string> = ["config", "program", "pools", "epoch", "provider", "budget"];

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
      const m = parseProgramQuery(v.body, p);
      if (!p.failed()) {
        const a = queryProgram(ctx, m);
        error = a.error;
        if (error === null) writeProgramResponse(w, answerValue(a));
      }
      break;
    }
    case 2: {
      const m = parsePoolsQuery(v.body, p);
      if (!p.failed()) {
        const a = queryPools(ctx, m);
        error = a.error;
        if (error === null) writePoolsResponse(w, answerValue(a));
      }
      break;
    }
    case 3: {
      const m = parseEpochQuery(v.body, p);
      if (!p.failed()) {
        const a = queryEpoch(ctx, m);
        error = a.error;
        if (error === null) writeEpochResponse(w, answerValue(a));
      }
      break;
    }
    case 4: {
      const m = parseProviderQuery(v.body, p);
      if (!p.failed()) {
        const a = queryProvider(ctx, m);
        error = a.error;
        if (error === null) writeProviderResponse(w, answerValue(a));
      }
      break;
    }
    default: {
      const m = parseBudgetQuery(v.body, p);
      if (!p.failed()) {
        const a = queryBudget(ctx, m);
        error = a.error;
        if (error === null) writeBudgetResponse(w, answerValue(a));
      }
      break;
    }
  }
  if (p.failed()) return QueryResponse.err(p.message());
  if (error !== null) return QueryResponse.err(changetype<string>(error));
  return QueryResponse.ok(w.toString());
}
