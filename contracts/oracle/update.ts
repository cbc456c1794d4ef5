// update_price_feeds: verify every blob completely, then store. Nothing is written before all checks pass, so a
// rejected update leaves state untouched even before the chain's rollback.
import { BankMsg, Coin, Context, Event, Key, Response, bytesEqual, err, intStr, toHex } from "../std";
import { Pnau, parsePnau } from "./verify/pnau";
import { parseVaa, verifyVaaSignatures } from "./verify/vaa";
import { PriceMessage, parseAuwv, parsePriceMessage } from "./verify/accumulator";
import { verifyProof } from "./verify/merkle";
import { checkFee } from "./fees";
import { checkEmaDeviation, checkPrice, normalize, observe } from "./prices";
import { CONFIG, Config, FEEDS, PYTH_PRICES, PYTH_SOURCE, PythPrice, SIGNER_SETS } from "./state";
import * as E from "./error";

/** Each blob costs up to one signature recovery per signer: bound the work of one message. */
export const MAX_BLOBS: i32 = 16;

/** Checks the number of blobs in `data` (shared with the `get_update_fee` query). */
export function checkBlobCount(blobs: Array<Uint8Array>): string | null {
  if (blobs.length == 0) return E.NO_UPDATE_DATA;
  if (blobs.length > MAX_BLOBS) return E.tooManyBlobs(blobs.length, MAX_BLOBS);
  return null;
}

export class ParsedBlobs {
  error: string | null = null;
  pnaus: Array<Pnau> = new Array<Pnau>();
  messages: i32 = 0;
}

export function parseBlobs(blobs: Array<Uint8Array>): ParsedBlobs {
  const out = new ParsedBlobs();
  for (let b = 0; b < blobs.length; b++) {
    const pn = parsePnau(blobs[b], b);
    if (pn.error !== null) {
      out.error = pn.error;
      return out;
    }
    out.pnaus.push(pn);
    out.messages += pn.updates.length;
  }
  return out;
}

function emitterConfigured(c: Config, chain: u16, address: Uint8Array): bool {
  for (let i = 0; i < c.dataSources.length; i++) if (c.dataSources[i].matches(chain, address)) return true;
  return false;
}

/** Verifies one blob's VAA, emitter and proofs; appends its messages for configured feeds to `out`. */
function verifyBlob(c: Config, pn: Pnau, b: i32, now: u64, out: Array<PriceMessage>): string | null {
  const vaa = parseVaa(pn.vaa, "update " + intStr(b) + " VAA");
  if (vaa.error !== null) return vaa.error;
  const set = SIGNER_SETS().load(Key.u32(vaa.setIndex));
  if (set === null) return E.unknownSignerSet(vaa.setIndex);
  const sigErr = verifyVaaSignatures(vaa, set, now);
  if (sigErr !== null) return sigErr;
  if (!emitterConfigured(c, vaa.emitterChain, vaa.emitterAddress))
    return E.invalidEmitter(vaa.emitterChain, toHex(vaa.emitterAddress));
  const root = parseAuwv(vaa.payload);
  if (root.error !== null) return root.error;
  for (let i = 0; i < pn.updates.length; i++) {
    const u = pn.updates[i];
    if (!verifyProof(root.root, u.message, u.proof)) return E.invalidMerkleProof(b, i);
    const m = parsePriceMessage(u.message, b, i);
    if (m.error !== null) return m.error;
    if (FEEDS().has(Key.bytes(m.feedId))) out.push(m);
  }
  return null;
}

function storedPublishTime(id: Uint8Array): i64 {
  const s = PYTH_PRICES().load(Key.bytes(id));
  return s === null ? I64.MIN_VALUE : s.publishTime;
}

function toPythPrice(m: PriceMessage): PythPrice {
  const x = new PythPrice();
  x.price = m.price;
  x.conf = m.conf;
  x.expo = m.expo;
  x.publishTime = m.publishTime;
  x.prevPublishTime = m.prevPublishTime;
  x.emaPrice = m.emaPrice;
  x.emaConf = m.emaConf;
  return x;
}

/** Index of the feed's entry in `accepted` (at most one per feed), or -1. */
function indexOfFeed(id: Uint8Array, accepted: Array<PriceMessage>): i32 {
  for (let i = 0; i < accepted.length; i++) if (bytesEqual(accepted[i].feedId, id)) return i;
  return -1;
}

export function updatePriceFeeds(ctx: Context, blobs: Array<Uint8Array>): Response {
  const countErr = checkBlobCount(blobs);
  if (countErr !== null) return err(countErr);
  const c = CONFIG().mustLoad();
  if (c.paused) return err(E.PAUSED);
  const parsed = parseBlobs(blobs);
  if (parsed.error !== null) return err(changetype<string>(parsed.error));
  const fee = checkFee(c, ctx.messageInfo().funds, parsed.messages);
  if (fee.error !== null) return err(changetype<string>(fee.error));

  const now = ctx.env.block.timeSeconds();
  const candidates = new Array<PriceMessage>();
  for (let b = 0; b < parsed.pnaus.length; b++) {
    const e = verifyBlob(c, parsed.pnaus[b], b, now, candidates);
    if (e !== null) return err(e);
  }
  // Older or equal publish times are skipped silently (Pyth); only newer prices must pass the rules. One entry per
  // feed (the newest) keeps the work linear in the number of distinct configured feeds.
  const accepted = new Array<PriceMessage>();
  for (let i = 0; i < candidates.length; i++) {
    const m = candidates[i];
    const at = indexOfFeed(m.feedId, accepted);
    const known = at >= 0 ? accepted[at].publishTime : storedPublishTime(m.feedId);
    if (m.publishTime <= known) continue;
    const idHex = toHex(m.feedId);
    const ruleErr = checkPrice(c, idHex, m.price, m.conf, true, m.expo, m.publishTime, now);
    if (ruleErr !== null) return err(ruleErr);
    const emaErr = checkEmaDeviation(c, idHex, m.price, m.emaPrice);
    if (emaErr !== null) return err(emaErr);
    if (at >= 0) accepted[at] = m;
    else accepted.push(m);
  }

  const res = new Response().addAttribute("action", "update_price_feeds");
  for (let i = 0; i < accepted.length; i++) {
    const m = accepted[i];
    const value = normalize(m.price, m.expo);
    PYTH_PRICES().save(Key.bytes(m.feedId), toPythPrice(m));
    observe(c, m.feedId, PYTH_SOURCE, value, <u64>m.publishTime, now);
    res.addEvent(
      new Event("price_update")
        .add("id", toHex(m.feedId))
        .add("source", PYTH_SOURCE)
        .add("price", intStr(m.price))
        .add("conf", intStr(m.conf))
        .add("expo", intStr(m.expo))
        .add("publish_time", intStr(m.publishTime))
        .add("value", value.toString()),
    );
  }
  res.addAttribute("num_attestations", intStr(parsed.messages));
  res.addAttribute("num_updated", intStr(accepted.length));
  res.addAttribute("fee", fee.required.toString() + c.updateFee.denom);
  if (!fee.paid.isZero()) {
    const coins = new Array<Coin>();
    coins.push(new Coin(c.updateFee.denom, fee.paid));
    res.addMessage(BankMsg.send(c.feeRecipient, coins));
  }
  return res;
}
