// feed_price: an approved feeder's price as an extra aggregation source (x/oracle MsgAddPriceEntry).
import { Context, Event, JsonObject, Key, Parser, Response, err, toHex } from "../std";
import { parseI64, readFeedId } from "./msg";
import { checkPrice, normalize, observe } from "./prices";
import { CONFIG, FEEDS, LATEST, sourceKey } from "./state";
import * as E from "./error";

export function feedPrice(ctx: Context, body: JsonObject, p: Parser): Response {
  p.denyUnknown(body, ["id", "price", "expo", "publish_time"]);
  const id = readFeedId(body, "id", p);
  const priceText = body.str("price", p);
  const expo = body.i32("expo", p);
  const publishTime = body.i64("publish_time", p);
  const price = p.failed() ? 0 : parseI64(priceText, p);
  if (p.failed()) return err(p.message());
  const info = ctx.info!;
  if (info.funds.length > 0) return err(E.NO_FUNDS_ACCEPTED);
  const c = CONFIG().mustLoad();
  if (!c.isFeeder(info.sender)) return err(E.unauthorizedFeeder(info.sender));
  if (c.paused) return err(E.PAUSED);
  const idHex = toHex(id);
  if (!FEEDS().has(Key.bytes(id))) return err(E.feedNotConfigured(idHex));

  const res = new Response().addAttribute("action", "feed_price").addAttribute("id", idHex);
  const latest = LATEST().load(sourceKey(id, info.sender));
  if (latest !== null && publishTime <= <i64>latest.publishTime) return res.addAttribute("num_updated", "0");
  const now = ctx.env.block.timeSeconds();
  const ruleErr = checkPrice(c, idHex, price, 0, false, expo, publishTime, now);
  if (ruleErr !== null) return err(ruleErr);
  const value = normalize(price, expo);
  observe(c, id, info.sender, value, <u64>publishTime, now);
  return res
    .addAttribute("num_updated", "1")
    .addEvent(
      new Event("price_update")
        .add("id", idHex)
        .add("source", info.sender)
        .add("price", price.toString())
        .add("expo", expo.toString())
        .add("publish_time", publishTime.toString())
        .add("value", value.toString()),
    );
}
