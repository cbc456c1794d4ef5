// Governance messages. Each validates the whole message before writing anything.
import { Context, JsonObject, Key, Order, Parser, Response, err, toHex } from "../std";
import { UPDATE_CONFIG_FIELDS, readConfigFields, readFeedId, readSymbol, withParams } from "./msg";
import { SignerSet } from "./verify/signer_sets";
import { CONFIG, Config, FEEDS, Feed, LATEST, PYTH_PRICES, PYTH_SOURCE, SIGNER_SETS, sourceKey } from "./state";
import * as E from "./error";

/** Replacing the sets removes every stored one; rotations add one per upgrade, so this stays small. */
const MAX_STORED_SETS: i32 = 1000;

function adminConfig(ctx: Context): Config | null {
  const c = CONFIG().mustLoad();
  return ctx.info!.sender == c.admin ? c : null;
}

function guard(ctx: Context, body: JsonObject, fields: Array<string>, p: Parser): string | null {
  p.denyUnknown(body, fields);
  if (p.failed()) return p.message();
  if (adminConfig(ctx) === null) return E.UNAUTHORIZED;
  if (ctx.info!.funds.length > 0) return E.NO_FUNDS_ACCEPTED;
  return null;
}

export function replaceSignerSets(sets: Array<SignerSet>): void {
  const store = SIGNER_SETS();
  const old = store.keys(null, null, MAX_STORED_SETS, Order.Ascending);
  for (let i = 0; i < old.length; i++) store.remove(Key.bytes(old[i]));
  for (let i = 0; i < sets.length; i++) store.save(Key.u32(sets[i].index), sets[i]);
}

export function updateConfig(ctx: Context, body: JsonObject, p: Parser): Response {
  const g = guard(ctx, body, withParams(UPDATE_CONFIG_FIELDS), p);
  if (g !== null) return err(g);
  const c = CONFIG().mustLoad();
  const sets = readConfigFields(c, body, p);
  if (p.failed()) return err(p.message());
  if (sets !== null) replaceSignerSets(sets);
  CONFIG().save(c);
  return new Response().addAttribute("action", "update_config").addAttribute("fields", body.keys.join(","));
}

export function addFeed(ctx: Context, body: JsonObject, p: Parser): Response {
  const g = guard(ctx, body, ["id", "symbol"], p);
  if (g !== null) return err(g);
  const id = readFeedId(body, "id", p);
  const symbol = readSymbol(body, p);
  if (p.failed()) return err(p.message());
  const idHex = toHex(id);
  if (FEEDS().has(Key.bytes(id))) return err(E.feedExists(idHex));
  FEEDS().save(Key.bytes(id), new Feed(id, symbol));
  return new Response().addAttribute("action", "add_feed").addAttribute("id", idHex).addAttribute("symbol", symbol);
}

export function removeFeed(ctx: Context, body: JsonObject, p: Parser): Response {
  const g = guard(ctx, body, ["id"], p);
  if (g !== null) return err(g);
  const id = readFeedId(body, "id", p);
  if (p.failed()) return err(p.message());
  const idHex = toHex(id);
  if (!FEEDS().has(Key.bytes(id))) return err(E.feedNotConfigured(idHex));
  const c = CONFIG().mustLoad();
  FEEDS().remove(Key.bytes(id));
  PYTH_PRICES().remove(Key.bytes(id));
  // Observations are left to age out: deleting a day of history here would make the call's work unbounded, and
  // without a latest entry a source no longer counts.
  LATEST().remove(sourceKey(id, PYTH_SOURCE));
  for (let i = 0; i < c.feeders.length; i++) LATEST().remove(sourceKey(id, c.feeders[i]));
  return new Response().addAttribute("action", "remove_feed").addAttribute("id", idHex);
}

export function setPaused(ctx: Context, body: JsonObject, p: Parser, paused: bool): Response {
  const g = guard(ctx, body, [], p);
  if (g !== null) return err(g);
  const c = CONFIG().mustLoad();
  c.paused = paused;
  CONFIG().save(c);
  return new Response().addAttribute("action", paused ? "pause" : "unpause");
}
