// Signer sets: Wormhole guardian sets (2/3 + 1 quorum) and Pyth Pro router sets (explicit quorum), keyed by index.
import { JsonValue, JsonWriter, Parser, fromHex, toHex } from "../../std";
import { ADDRESS_LEN } from "./governance";
import * as E from "../error";

/** Enough for any real set (19 guardians) while keeping one VAA's signature loop bounded. */
export const MAX_SIGNERS: i32 = 64;

/** Wormhole's rule, `((n*10/3)*2)/10 + 1`: 19 → 13, 5 → 4, 1 → 1, 0 → 0 (an empty set verifies nothing). */
export function wormholeQuorum(n: u32): u32 {
  if (n == 0) return 0;
  return (((n * 10) / 3) * 2) / 10 + 1;
}

export class SignerSet {
  index: u32 = 0;
  addresses: Array<Uint8Array> = new Array<Uint8Array>();
  /** 0 = Wormhole's rule. */
  quorum: u32 = 0;
  /** Unix seconds; 0 = never. */
  expiresAt: u64 = 0;

  effectiveQuorum(): u32 {
    return this.quorum != 0 ? this.quorum : wormholeQuorum(<u32>this.addresses.length);
  }

  /** As stored and as accepted in messages: `{index, addresses, quorum, expires_at}` (nulls when unset). */
  write(w: JsonWriter): void {
    w.beginObject().key("index").u64(this.index).key("addresses").beginArray();
    for (let i = 0; i < this.addresses.length; i++) w.str(toHex(this.addresses[i]));
    w.endArray().key("quorum");
    if (this.quorum != 0) w.u64(this.quorum);
    else w.nul();
    w.key("expires_at");
    if (this.expiresAt != 0) w.u64(this.expiresAt);
    else w.nul();
    w.endObject();
  }
}

export function encodeSignerSet(s: SignerSet, w: JsonWriter): void {
  s.write(w);
}

/** Reads and validates one set; errors go to `p`. */
export function readSignerSet(v: JsonValue, p: Parser): SignerSet {
  const s = new SignerSet();
  const o = p.obj(v);
  if (p.failed()) return s;
  p.denyUnknown(o, ["index", "addresses", "quorum", "expires_at"]);
  s.index = o.u32("index", p);
  const list = o.arr("addresses", p);
  if (p.failed()) return s;
  if (list.length == 0) p.fail(E.EMPTY_SIGNER_SET);
  if (list.length > MAX_SIGNERS) p.fail(E.tooManySigners(list.length, MAX_SIGNERS));
  for (let i = 0; i < list.length && !p.failed(); i++) {
    const text = p.str(list[i]);
    const b = fromHex(text);
    if (b === null || b.length != ADDRESS_LEN) p.fail(E.badSignerAddress(text));
    else s.addresses.push(b);
  }
  s.quorum = o.optU32("quorum", p);
  if (o.has("quorum") && s.quorum == 0 && !p.failed()) p.fail(E.zeroQuorum(s.index));
  s.expiresAt = o.optU64("expires_at", p);
  if (!p.failed()) validateQuorum(s, p);
  return s;
}

function validateQuorum(s: SignerSet, p: Parser): void {
  if (s.quorum > <u32>s.addresses.length) p.fail(E.quorumTooLarge(s.index, s.quorum, s.addresses.length));
}

export function readSignerSets(list: Array<JsonValue>, p: Parser): Array<SignerSet> {
  const out = new Array<SignerSet>();
  for (let i = 0; i < list.length && !p.failed(); i++) {
    const s = readSignerSet(list[i], p);
    for (let j = 0; j < out.length; j++) if (out[j].index == s.index) p.fail(E.duplicateSignerSet(s.index));
    out.push(s);
  }
  if (!p.failed() && out.length == 0) p.fail(E.NO_SIGNER_SETS);
  return out;
}

/** Stored form is the message form. */
export function decodeSignerSet(v: JsonValue, p: Parser): SignerSet {
  return readSignerSet(v, p);
}
