// Generated from contracts/oracle/msg.ts by scripts/codegen (run by `npm run build`). Do not edit: change msg.ts,
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
  parseAddFeedMsg,
  parseConfigQuery,
  parseFeedPriceMsg,
  parseFeedsQuery,
  parseGetUpdateFeeQuery,
  parseHealthQuery,
  parseInstantiateMsg,
  parseMigrateMsg,
  parsePauseMsg,
  parsePriceFeedQuery,
  parsePriceQuery,
  parseRemoveFeedMsg,
  parseSignerSetsQuery,
  parseSubmitSignerSetUpgradeMsg,
  parseUnpauseMsg,
  parseUpdateConfigMsg,
  parseUpdatePriceFeedsMsg,
  writeConfigResponse,
  writeFeedsResponse,
  writeHealthResponse,
  writePriceFeedResponse,
  writePriceResponse,
  writeSignerSetsResponse,
  writeUpdateFeeResponse,
} from "./messages";
import {
  executeAddFeed,
  executeFeedPrice,
  executePause,
  executeRemoveFeed,
  executeSubmitSignerSetUpgrade,
  executeUnpause,
  executeUpdateConfig,
  executeUpdatePriceFeeds,
} from "../execute";
import { instantiateContract, migrateContract } from "../lifecycle";
import {
  queryConfig,
  queryFeeds,
  queryGetUpdateFee,
  queryHealth,
  queryPrice,
  queryPriceFeed,
  querySignerSets,
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
  "update_price_feeds",
  "submit_signer_set_upgrade",
  "feed_price",
  "update_config",
  "add_feed",
  "remove_feed",
  "pause",
  "unpause",
];

/** Bit i set: EXECUTE_VARIANTS[i] is `@payable` (update_price_feeds); every other one rejects funds. */
const PAYABLE_VARIANTS: u64 = 0x1;

export function dispatchExecute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", EXECUTE_VARIANTS, p);
  if (v === null) return err(p.message());
  if (ctx.messageInfo().funds.length > 0 && ((PAYABLE_VARIANTS >> (<u64>v.index)) & 1) == 0)
    return err(FUNDS_NOT_ACCEPTED);
  let res: Response | null = null;
  switch (v.index) {
    case 0: {
      const m = parseUpdatePriceFeedsMsg(v.body, p);
      if (!p.failed()) res = executeUpdatePriceFeeds(ctx, m);
      break;
    }
    case 1: {
      const m = parseSubmitSignerSetUpgradeMsg(v.body, p);
      if (!p.failed()) res = executeSubmitSignerSetUpgrade(ctx, m);
      break;
    }
    case 2: {
      const m = parseFeedPriceMsg(v.body, p);
      if (!p.failed()) res = executeFeedPrice(ctx, m);
      break;
    }
    case 3: {
      const m = parseUpdateConfigMsg(v.body, p);
      if (!p.failed()) res = executeUpdateConfig(ctx, m);
      break;
    }
    case 4: {
      const m = parseAddFeedMsg(v.body, p);
      if (!p.failed()) res = executeAddFeed(ctx, m);
      break;
    }
    case 5: {
      const m = parseRemoveFeedMsg(v.body, p);
      if (!p.failed()) res = executeRemoveFeed(ctx, m);
      break;
    }
    case 6: {
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
  "price_feed",
  "price",
  "health",
  "feeds",
  "signer_sets",
  "config",
  "get_update_fee",
];

export function dispatchQuery(ctx: Context, msg: JsonValue): QueryResponse {
  const p = new Parser("QueryMsg");
  const v = parseVariant(msg, "QueryMsg", QUERY_VARIANTS, p);
  if (v === null) return QueryResponse.err(p.message());
  const w = new JsonWriter();
  let error: string | null = null;
  switch (v.index) {
    case 0: {
      const m = parsePriceFeedQuery(v.body, p);
      if (!p.failed()) {
        const a = queryPriceFeed(ctx, m);
        error = a.error;
        if (error === null) writePriceFeedResponse(w, answerValue(a));
      }
      break;
    }
    case 1: {
      const m = parsePriceQuery(v.body, p);
      if (!p.failed()) {
        const a = queryPrice(ctx, m);
        error = a.error;
        if (error === null) writePriceResponse(w, answerValue(a));
      }
      break;
    }
    case 2: {
      const m = parseHealthQuery(v.body, p);
      if (!p.failed()) {
        const a = queryHealth(ctx, m);
        error = a.error;
        if (error === null) writeHealthResponse(w, answerValue(a));
      }
      break;
    }
    case 3: {
      const m = parseFeedsQuery(v.body, p);
      if (!p.failed()) {
        const a = queryFeeds(ctx, m);
        error = a.error;
        if (error === null) writeFeedsResponse(w, answerValue(a));
      }
      break;
    }
    case 4: {
      const m = parseSignerSetsQuery(v.body, p);
      if (!p.failed()) {
        const a = querySignerSets(ctx, m);
        error = a.error;
        if (error === null) writeSignerSetsResponse(w, answerValue(a));
      }
      break;
    }
    case 5: {
      const m = parseConfigQuery(v.body, p);
      if (!p.failed()) {
        const a = queryConfig(ctx, m);
        error = a.error;
        if (error === null) writeConfigResponse(w, answerValue(a));
      }
      break;
    }
    default: {
      const m = parseGetUpdateFeeQuery(v.body, p);
      if (!p.failed()) {
        const a = queryGetUpdateFee(ctx, m);
        error = a.error;
        if (error === null) writeUpdateFeeResponse(w, answerValue(a));
      }
      break;
    }
  }
  if (p.failed()) return QueryResponse.err(p.message());
  if (error !== null) return QueryResponse.err(changetype<string>(error));
  return QueryResponse.ok(w.toString());
}
