// Governance messages. Each validates the whole message before writing anything.
import { Context, Key, Order, Response, err, joinWith, toHex } from "../std";
import { AddFeedMsg, RemoveFeedMsg, UpdateConfigMsg } from "./msg";
import { applyConfig, checkFeed, checkFeedId } from "./config";
import { SignerSet } from "./verify/signer_sets";
import { CONFIG, Config, FEEDS, LATEST, PYTH_PRICES, PYTH_SOURCE, SIGNER_SETS, sourceKey } from "./state";
import * as E from "./error";

/** Replacing the sets removes every stored one; rotations add one per upgrade, so this stays small. */
const MAX_STORED_SETS: i32 = 1000;

/** The stored config when the sender is its admin. */
function adminConfig(ctx: Context): Config | null {
  const c = CONFIG().mustLoad();
  return ctx.messageInfo().sender == c.admin ? c : null;
}

export function replaceSignerSets(sets: Array<SignerSet>): void {
  const store = SIGNER_SETS();
  const old = store.keys(null, null, MAX_STORED_SETS, Order.Ascending);
  for (let i = 0; i < old.length; i++) store.remove(Key.bytes(old[i]));
  for (let i = 0; i < sets.length; i++) store.save(Key.u32(sets[i].index), sets[i]);
}

/** The names of the fields a message sets, in declaration order (the `fields` attribute). */
function givenFields(m: UpdateConfigMsg): string {
  const out = new Array<string>();
  if (m.admin !== null) out.push("admin");
  if (m.chain_id !== null) out.push("chain_id");
  if (m.data_sources !== null) out.push("data_sources");
  if (m.governance_source !== null) out.push("governance_source");
  if (m.signer_sets !== null) out.push("signer_sets");
  if (m.update_fee !== null) out.push("update_fee");
  if (m.fee_recipient !== null) out.push("fee_recipient");
  if (m.feeders !== null) out.push("feeders");
  if (m.max_conf_bps !== null) out.push("max_conf_bps");
  if (m.min_expo !== null) out.push("min_expo");
  if (m.max_expo !== null) out.push("max_expo");
  if (m.max_future_drift !== null) out.push("max_future_drift");
  if (m.max_price_staleness !== null) out.push("max_price_staleness");
  if (m.twap_window !== null) out.push("twap_window");
  if (m.max_deviation_bps !== null) out.push("max_deviation_bps");
  if (m.min_price_sources !== null) out.push("min_price_sources");
  if (m.price_retention !== null) out.push("price_retention");
  if (m.signer_set_expiry_secs !== null) out.push("signer_set_expiry_secs");
  if (m.max_ema_deviation_bps !== null) out.push("max_ema_deviation_bps");
  return joinWith(out, ",");
}

export function updateConfig(ctx: Context, m: UpdateConfigMsg): Response {
  const c = adminConfig(ctx);
  if (c === null) return err(E.UNAUTHORIZED);
  const change = applyConfig(c, m);
  if (change.error !== null) return err(changetype<string>(change.error));
  const sets = change.sets;
  if (sets !== null) replaceSignerSets(sets);
  CONFIG().save(c);
  return new Response().addAttribute("action", "update_config").addAttribute("fields", givenFields(m));
}

export function addFeed(ctx: Context, m: AddFeedMsg): Response {
  if (adminConfig(ctx) === null) return err(E.UNAUTHORIZED);
  const f = checkFeed(m.id, m.symbol);
  if (f.error !== null) return err(changetype<string>(f.error));
  const feed = f.passed();
  const idHex = toHex(feed.id);
  if (FEEDS().has(Key.bytes(feed.id))) return err(E.feedExists(idHex));
  FEEDS().save(Key.bytes(feed.id), feed);
  return new Response()
    .addAttribute("action", "add_feed")
    .addAttribute("id", idHex)
    .addAttribute("symbol", feed.symbol);
}

export function removeFeed(ctx: Context, m: RemoveFeedMsg): Response {
  const c = adminConfig(ctx);
  if (c === null) return err(E.UNAUTHORIZED);
  const checked = checkFeedId(m.id);
  if (checked.error !== null) return err(changetype<string>(checked.error));
  const id = checked.passed();
  const idHex = toHex(id);
  if (!FEEDS().has(Key.bytes(id))) return err(E.feedNotConfigured(idHex));
  FEEDS().remove(Key.bytes(id));
  PYTH_PRICES().remove(Key.bytes(id));
  // Observations are left to age out: deleting a day of history here would make the call's work unbounded, and
  // without a latest entry a source no longer counts.
  LATEST().remove(sourceKey(id, PYTH_SOURCE));
  for (let i = 0; i < c.feeders.length; i++) LATEST().remove(sourceKey(id, c.feeders[i]));
  return new Response().addAttribute("action", "remove_feed").addAttribute("id", idHex);
}

export function setPaused(ctx: Context, paused: bool): Response {
  const c = adminConfig(ctx);
  if (c === null) return err(E.UNAUTHORIZED);
  c.paused = paused;
  CONFIG().save(c);
  return new Response().addAttribute("action", paused ? "pause" : "unpause");
}
