// Off-chain reference verifier for Pyth accumulator updates (docs/oracle.md#verification): the same checks the oracle
// contract makes, in the same order, so tests and the relayer can tell *why* an update is bad without running the
// contract.
import { secp256k1 } from "@noble/curves/secp256k1";
import {
  decodePriceMessage,
  foldMerkleProof,
  parseAuwv,
  parsePnau,
  parseVaa,
  type Auwv,
  type PriceMessage,
  type Vaa,
} from "./messages.js";
import { DEFAULT_DATA_SOURCES, WireError, keccak256, type DataSource } from "./wire.js";

export interface SignerSet {
  index: number;
  /** 20-byte addresses, lower-case hex without 0x */
  addresses: string[];
  /** Required number of valid signatures; defaults to the Wormhole rule. */
  quorum?: number;
  /** Unix seconds after which the set is no longer accepted; absent = never expires. */
  expires_at?: number;
}

/** Wormhole guardian rule ((n*10/3)*2)/10 + 1: 19 → 13, 5 → 4, 1 → 1, 0 → 0 (an empty set verifies nothing). */
export function wormholeQuorum(n: number): number {
  if (n === 0) return 0;
  return Math.floor((Math.floor((n * 10) / 3) * 2) / 10) + 1;
}

/** Pyth Pro router rule ("half"): floor(n/2) + 1, 5 → 3. */
export function halfPlusOneQuorum(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** The digest guardians/routers sign: keccak256(keccak256(body)). */
export function vaaDigest(body: Uint8Array): Buffer {
  return keccak256(keccak256(body));
}

/** Ethereum-style address of a secp256k1 public key (33 or 65 bytes): last 20 bytes of keccak256(x‖y). */
export function publicKeyToAddress(pubkey: Uint8Array): string {
  const uncompressed = secp256k1.Point.fromBytes(pubkey).toBytes(false);
  return keccak256(uncompressed.subarray(1)).subarray(12).toString("hex");
}

/** Recovers the signer address of one VAA signature, or null when the signature does not recover at all. */
export function recoverSignerAddress(digest: Uint8Array, signature: Uint8Array, v: number): string | null {
  if (v > 3) return null;
  try {
    const sig = secp256k1.Signature.fromBytes(signature, "compact").addRecoveryBit(v);
    // The suggested replacement (standalone curve.recoverPublicKey) is missing from the 1.9.7 `secp256k1` type, and
    // this method takes the digest as is (no extra hashing), which is what a pre-hashed VAA digest needs.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return publicKeyToAddress(sig.recoverPublicKey(digest).toBytes(false));
  } catch {
    return null;
  }
}

/** Error names follow the upstream Wormhole/Pyth contracts (their `error.rs`) so logs read the same either way. */
export type VerifyErrorCode =
  | "InvalidUpdateData" // undecodable envelope / VAA / payload
  | "InvalidVaaVersion"
  | "InvalidGuardianSetIndex"
  | "GuardianSetExpired"
  | "NoQuorum"
  | "WrongGuardianIndexOrder"
  | "GuardianSignatureError"
  | "InvalidUpdateEmitter"
  | "InvalidAccumulatorPayload"
  | "InvalidMerkleProof"
  | "InvalidAccumulatorMessage";

export class VerifyError extends Error {
  override name = "VerifyError";
  constructor(
    readonly code: VerifyErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface RecoveredSignature {
  signerIndex: number;
  address: string | null;
  matches: boolean;
}

export interface VerifiedVaa {
  vaa: Vaa;
  digest: Buffer;
  signerSet: SignerSet;
  quorum: number;
  recovered: RecoveredSignature[];
}

export interface VaaVerifyOptions {
  signerSets: readonly SignerSet[];
  /** Unix seconds; needed only to evaluate `expires_at`. */
  blockTime?: number;
}

/**
 * Wormhole's `VerifyVAA` checks except the archive (docs/oracle.md#verification). Throws VerifyError on the first
 * failed check.
 */
export function verifyVaa(vaaBytes: Uint8Array, o: VaaVerifyOptions): VerifiedVaa {
  let vaa: Vaa;
  try {
    vaa = parseVaa(vaaBytes);
  } catch (e) {
    throw new VerifyError("InvalidUpdateData", errorMessage(e));
  }
  if (vaa.version !== 1) throw new VerifyError("InvalidVaaVersion", `version ${vaa.version}`);
  const set = o.signerSets.find((s) => s.index === vaa.setIndex);
  if (set === undefined) throw new VerifyError("InvalidGuardianSetIndex", `no signer set ${vaa.setIndex}`);
  if (set.expires_at !== undefined && o.blockTime !== undefined && set.expires_at < o.blockTime) {
    throw new VerifyError("GuardianSetExpired", `signer set ${set.index} expired at ${set.expires_at}`);
  }
  const quorum = set.quorum ?? wormholeQuorum(set.addresses.length);
  if (vaa.signatures.length < quorum) {
    throw new VerifyError("NoQuorum", `${vaa.signatures.length} signatures < quorum ${quorum}`);
  }
  const digest = vaaDigest(vaa.body);
  const recovered: RecoveredSignature[] = [];
  let last = -1;
  for (const sig of vaa.signatures) {
    if (sig.signerIndex <= last) {
      throw new VerifyError("WrongGuardianIndexOrder", `signer index ${sig.signerIndex} after ${last}`);
    }
    last = sig.signerIndex;
    const expected = set.addresses[sig.signerIndex];
    if (expected === undefined) {
      throw new VerifyError("GuardianSignatureError", `signer index ${sig.signerIndex} outside set ${set.index}`);
    }
    const address = recoverSignerAddress(digest, sig.signature, sig.v);
    if (address !== expected.toLowerCase()) {
      throw new VerifyError(
        "GuardianSignatureError",
        `signature of index ${sig.signerIndex} recovers to ${address ?? "nothing"}, expected ${expected}`,
      );
    }
    recovered.push({ signerIndex: sig.signerIndex, address, matches: true });
  }
  return { vaa, digest, signerSet: set, quorum, recovered };
}

export interface VerifiedUpdate extends VerifiedVaa {
  auwv: Auwv;
  prices: PriceMessage[];
}

export interface UpdateVerifyOptions extends VaaVerifyOptions {
  /** Accepted emitters; defaults to both Pyth emitters on chain 26. */
  dataSources?: readonly DataSource[];
}

/** Full PNAU verification: VAA, emitter, AUWV root, every Merkle proof, every message. */
export function verifyPriceUpdate(data: Uint8Array, o: UpdateVerifyOptions): VerifiedUpdate {
  let pnau;
  try {
    pnau = parsePnau(data);
  } catch (e) {
    throw new VerifyError("InvalidUpdateData", errorMessage(e));
  }
  const verified = verifyVaa(pnau.vaa, o);
  const { vaa } = verified;
  const sources = o.dataSources ?? DEFAULT_DATA_SOURCES;
  if (!sources.some((s) => s.chain_id === vaa.emitterChain && s.emitter.toLowerCase() === vaa.emitterAddress)) {
    throw new VerifyError("InvalidUpdateEmitter", `emitter ${vaa.emitterChain}:${vaa.emitterAddress}`);
  }
  let auwv: Auwv;
  try {
    auwv = parseAuwv(vaa.payload);
  } catch (e) {
    throw new VerifyError("InvalidAccumulatorPayload", errorMessage(e));
  }
  const prices = pnau.updates.map((u, i) => {
    if (!foldMerkleProof(u.message, u.proof).equals(auwv.root)) {
      throw new VerifyError("InvalidMerkleProof", `update ${i}`);
    }
    try {
      return decodePriceMessage(u.message);
    } catch (e) {
      throw new VerifyError("InvalidAccumulatorMessage", `update ${i}: ${errorMessage(e)}`);
    }
  });
  return { ...verified, auwv, prices };
}

/** Non-throwing wrapper for logging and CLIs. */
export function checkPriceUpdate(
  data: Uint8Array,
  o: UpdateVerifyOptions,
): { ok: true; result: VerifiedUpdate } | { ok: false; code: VerifyErrorCode; error: string } {
  try {
    return { ok: true, result: verifyPriceUpdate(data, o) };
  } catch (e) {
    if (e instanceof VerifyError) return { ok: false, code: e.code, error: e.message };
    throw e;
  }
}

function errorMessage(e: unknown): string {
  if (e instanceof WireError || e instanceof Error) return e.message;
  return String(e);
}
