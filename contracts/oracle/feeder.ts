// feed_price: an approved feeder's price as an extra aggregation source (x/oracle MsgAddPriceEntry).
import { Context, Event, Key, Response, err, intStr, toHex } from "../std";
import { FeedPriceMsg } from "./msg";
import { checkFeedId, checkI64 } from "./config";
import { checkPrice, normalize, observe } from "./prices";
import { CONFIG, FEEDS, LATEST, sourceKey } from "./state";
import * as E from "./error";

export function feedPrice(ctx: Context, m: FeedPriceMsg): Response {
  const checkedId = checkFeedId(m.id);
  if (checkedId.error !== null) return err(changetype<string>(checkedId.error));
  const checkedPrice = checkI64(m.price);
  if (checkedPrice.error !== null) return err(changetype<string>(checkedPrice.error));
  const id = checkedId.passed();
  const price = checkedPrice.passed().value;
  const expo = m.expo;
  const publishTime = m.publish_time;
  const info = ctx.messageInfo();
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
        .add("price", intStr(price))
        .add("expo", intStr(expo))
        .add("publish_time", intStr(publishTime))
        .add("value", value.toString()),
    );
}
