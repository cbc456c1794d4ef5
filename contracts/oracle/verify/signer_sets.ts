// Signer sets: Wormhole guardian sets (2/3 + 1 quorum) and Pyth Pro router sets (explicit quorum), keyed by index.
import { JsonValue, Parser, fromHex } from "../../std";

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
}

/** The stored form (state.ts writes it as a SignerSetMsg; the sets were checked when a message set them). */
export function decodeSignerSet(v: JsonValue, p: Parser): SignerSet {
  const s = new SignerSet();
  const o = p.obj(v);
  if (p.failed()) return s;
  s.index = o.u32("index", p);
  const list = o.arr("addresses", p);
  for (let i = 0; i < list.length && !p.failed(); i++) {
    const b = fromHex(p.str(list[i]));
    if (b !== null) s.addresses.push(b);
  }
  s.quorum = o.optU32("quorum", p);
  s.expiresAt = o.optU64("expires_at", p);
  return s;
}
