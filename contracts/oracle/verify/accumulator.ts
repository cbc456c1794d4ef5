// The signed AUWV payload and the price messages it commits to (docs/oracle.md#update-format).
import { intStr } from "../../std";
import { Reader } from "./reader";
import { hasAuwvMagic } from "./pnau";
import * as E from "../error";

export const PRICE_MESSAGE_LEN: i32 = 85;
export const FEED_ID_LEN: i32 = 32;

export class WormholeMerkleRoot {
  error: string | null = null;
  slot: u64 = 0;
  ringSize: u32 = 0;
  root: Uint8Array = new Uint8Array(0);
}

/** Extra bytes after the root are ignored: the payload is signed, and later versions may append fields. */
export function parseAuwv(payload: Uint8Array): WormholeMerkleRoot {
  const out = new WormholeMerkleRoot();
  if (!hasAuwvMagic(payload)) {
    out.error = E.BAD_AUWV_MAGIC;
    return out;
  }
  const r = new Reader(payload, "AUWV payload");
  r.pos = 4;
  const kind = r.u8("payload type");
  if (!r.failed() && kind != 0) {
    out.error = E.badAuwvType(kind);
    return out;
  }
  out.slot = r.u64("slot");
  out.ringSize = r.u32("ring size");
  out.root = r.bytes(20, "root");
  if (r.failed()) out.error = r.error;
  return out;
}

export class PriceMessage {
  error: string | null = null;
  feedId: Uint8Array = new Uint8Array(0);
  price: i64 = 0;
  conf: u64 = 0;
  expo: i32 = 0;
  publishTime: i64 = 0;
  prevPublishTime: i64 = 0;
  emaPrice: i64 = 0;
  emaConf: u64 = 0;
}

/** "update 2 message 7": the name of a message in error texts, built only when one is needed. */
function messageName(blob: i32, index: i32): string {
  return "update " + intStr(blob) + " message " + intStr(index);
}

/**
 * Variant 0 only; bytes past the 85 known ones are ignored (messages are forward compatible). `blob` and `index` name
 * the message in error texts.
 */
export function parsePriceMessage(msg: Uint8Array, blob: i32, index: i32): PriceMessage {
  const out = new PriceMessage();
  if (msg.length < 1) {
    out.error = E.priceMessageTooShort(messageName(blob, index), msg.length);
    return out;
  }
  if (msg[0] != 0) {
    out.error = E.unsupportedMessageType(messageName(blob, index), msg[0]);
    return out;
  }
  if (msg.length < PRICE_MESSAGE_LEN) {
    out.error = E.priceMessageTooShort(messageName(blob, index), msg.length);
    return out;
  }
  // The length was checked above, so these reads cannot fail; the reader's error would start with its (empty) name.
  const r = new Reader(msg, "");
  r.pos = 1;
  out.feedId = r.bytes(FEED_ID_LEN, "feed id");
  out.price = r.i64("price");
  out.conf = r.u64("conf");
  out.expo = r.i32("exponent");
  out.publishTime = r.i64("publish time");
  out.prevPublishTime = r.i64("previous publish time");
  out.emaPrice = r.i64("EMA price");
  out.emaConf = r.u64("EMA conf");
  if (r.failed()) out.error = messageName(blob, index) + r.error!;
  return out;
}
