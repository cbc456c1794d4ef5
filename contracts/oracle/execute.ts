// ExecuteMsg dispatch.
import { Context, JsonValue, Parser, Response, err, parseVariant } from "../std";
import { updatePriceFeeds } from "./update";
import { submitSignerSetUpgrade } from "./rotation";
import { feedPrice } from "./feeder";
import { addFeed, removeFeed, setPaused, updateConfig } from "./admin";

const VARIANTS: Array<string> = [
  "update_price_feeds",
  "submit_signer_set_upgrade",
  "feed_price",
  "update_config",
  "add_feed",
  "remove_feed",
  "pause",
  "unpause",
];

export function execute(ctx: Context, msg: JsonValue): Response {
  const p = new Parser("ExecuteMsg");
  const v = parseVariant(msg, "ExecuteMsg", VARIANTS, p);
  if (v === null) return err(p.message());
  const body = v.body;
  if (v.name == "update_price_feeds") return updatePriceFeeds(ctx, body, p);
  if (v.name == "submit_signer_set_upgrade") return submitSignerSetUpgrade(ctx, body, p);
  if (v.name == "feed_price") return feedPrice(ctx, body, p);
  if (v.name == "update_config") return updateConfig(ctx, body, p);
  if (v.name == "add_feed") return addFeed(ctx, body, p);
  if (v.name == "remove_feed") return removeFeed(ctx, body, p);
  if (v.name == "pause") return setPaused(ctx, body, p, true);
  return setPaused(ctx, body, p, false);
}
