// Wormhole VAA v1 (docs/oracle.md#update-format, #verification): parsing and signature verification against one signer
// set.
import { bytesEqual, keccak256, secp256k1RecoverPubkey, toHex } from "../../std";
import { Reader } from "./reader";
import { SignerSet } from "./signer_sets";
import * as E from "../error";

export class VaaSignature {
  constructor(
    public signerIndex: u8,
    public rs: Uint8Array,
    public v: u8,
  ) {}
}

export class Vaa {
  error: string | null = null;
  setIndex: u32 = 0;
  signatures: Array<VaaSignature> = new Array<VaaSignature>();
  body: Uint8Array = new Uint8Array(0);
  timestamp: u32 = 0;
  nonce: u32 = 0;
  emitterChain: u16 = 0;
  emitterAddress: Uint8Array = new Uint8Array(0);
  sequence: u64 = 0;
  consistency: u8 = 0;
  payload: Uint8Array = new Uint8Array(0);
}

export function parseVaa(data: Uint8Array, what: string): Vaa {
  const out = new Vaa();
  const r = new Reader(data, what);
  const version = r.u8("version");
  if (!r.failed() && version != 1) {
    out.error = E.badVaaVersion(what, version);
    return out;
  }
  out.setIndex = r.u32("signer set index");
  const n = r.u8("number of signatures");
  for (let i: i32 = 0; i < <i32>n && !r.failed(); i++) {
    r.at("signature ", i);
    const idx = r.u8("");
    const rs = r.bytes(64, "");
    const v = r.u8("");
    out.signatures.push(new VaaSignature(idx, rs, v));
  }
  r.index = -1;
  const bodyStart = r.pos;
  out.timestamp = r.u32("body timestamp");
  out.nonce = r.u32("body nonce");
  out.emitterChain = r.u16("emitter chain");
  out.emitterAddress = r.bytes(32, "emitter address");
  out.sequence = r.u64("sequence");
  out.consistency = r.u8("consistency level");
  if (r.failed()) {
    out.error = r.error;
    return out;
  }
  out.body = data.subarray(bodyStart, data.length);
  out.payload = r.rest();
  return out;
}

/** keccak256(keccak256(body)): what guardians and routers sign. */
export function vaaDigest(body: Uint8Array): Uint8Array {
  return keccak256(keccak256(body));
}

/** Ethereum-style address of an uncompressed (65-byte) public key. */
export function pubkeyAddress(pubkey: Uint8Array): Uint8Array {
  return keccak256(pubkey.subarray(1, pubkey.length)).subarray(12, 32);
}

/**
 * Wormhole's VerifyVAA: set not expired, quorum, strictly increasing signer indexes, and every signature (not just a
 * quorum of them) recovering to its signer's address. The caller picks `set` by `vaa.setIndex`.
 */
export function verifyVaaSignatures(vaa: Vaa, set: SignerSet, now: u64): string | null {
  if (set.expiresAt != 0 && set.expiresAt < now) return E.signerSetExpired(set.index, set.expiresAt, now);
  const quorum = set.effectiveQuorum();
  const n = vaa.signatures.length;
  if (quorum == 0 || <u32>n < quorum) return E.noQuorum(<u32>n, quorum, set.index);
  const digest = vaaDigest(vaa.body);
  let last: i32 = -1;
  for (let i = 0; i < n; i++) {
    const sig = vaa.signatures[i];
    const idx = <i32>sig.signerIndex;
    if (idx <= last) return E.signerIndexOrder(idx, last);
    last = idx;
    if (idx >= set.addresses.length) return E.signerIndexOutOfRange(idx, set.index, set.addresses.length);
    if (sig.v > 3) return E.badRecoveryId(i, sig.v);
    const pubkey = secp256k1RecoverPubkey(digest, sig.rs, sig.v);
    if (pubkey === null || pubkey.length != 65) return E.signatureNotRecoverable(i, idx);
    const addr = pubkeyAddress(pubkey);
    if (!bytesEqual(addr, set.addresses[idx])) return E.wrongSigner(i, idx, toHex(addr), toHex(set.addresses[idx]));
  }
  return null;
}
