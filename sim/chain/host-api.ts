// The address and crypto imports: wasmd's GoAPI (x/wasm/keeper/api.go) and cosmwasm-crypto's return codes.

import { toBech32 } from "@cosmjs/encoding";
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { decodeAddress } from "./addresses.js";
import type { VmError } from "./errors.js";
import { fromUtf8 } from "./json.js";
import { VmGas } from "./gas.js";

export interface HostApi {
  prefix: string;
}

function decodeHuman(bytes: Uint8Array): string | { error: string } {
  if (bytes.length === 0) return { error: "Input is empty" };
  try {
    return fromUtf8(bytes);
  } catch {
    return { error: "Input is not valid UTF-8" };
  }
}

/** undefined = valid; otherwise the error text handed to the contract. */
export function addrValidate(api: HostApi, bytes: Uint8Array): string | undefined {
  const human = decodeHuman(bytes);
  if (typeof human !== "string") return human.error;
  const res = decodeAddress(api.prefix, human);
  if (typeof res === "string") return res;
  return toBech32(api.prefix, res) === human ? undefined : "address not normalized";
}

export function addrCanonicalize(api: HostApi, bytes: Uint8Array): Uint8Array | string {
  const human = decodeHuman(bytes);
  if (typeof human !== "string") return human.error;
  return decodeAddress(api.prefix, human);
}

export function addrHumanize(
  api: HostApi,
  canonical: Uint8Array,
): { address: string; error?: undefined } | { error: string } {
  if (canonical.length === 0) return { error: "addresses cannot be empty: unknown address" };
  if (canonical.length > 255) return { error: `address max length is 255, got ${canonical.length}: unknown address` };
  return { address: toBech32(api.prefix, canonical) };
}

interface RegionIo {
  readRegion(ptr: number, maxLength: number): Uint8Array;
  toContract(data: Uint8Array): number;
  /** Charges CosmWasm gas (cosmwasm-vm `process_gas_info` with a cost); without an amount, the host-call cost. */
  charge(cost?: number): void;
  hostError(message: string): VmError;
}

// cosmwasm-crypto CryptoError codes as the imports return them.
const INVALID_HASH_FORMAT = 3;
const INVALID_SIGNATURE_FORMAT = 4;
const INVALID_PUBKEY_FORMAT = 5;
const INVALID_RECOVERY_PARAM = 6;
const GENERIC_ERR = 10;

const MAX_LENGTH_MESSAGE_HASH = 32;
const MAX_LENGTH_SIGNATURE = 64;
const MAX_LENGTH_PUBKEY = 65;
const MAX_LENGTH_ED25519_MESSAGE = 128 * 1024;
const MAX_LENGTH_ED25519_PUBKEY = 32;

type Curve = typeof secp256k1;

function ecdsaVerify(curve: Curve, hash: Uint8Array, sig: Uint8Array, pubkey: Uint8Array): number {
  if (hash.length !== 32) return INVALID_HASH_FORMAT;
  if (sig.length !== 64) return INVALID_SIGNATURE_FORMAT;
  if (!((pubkey.length === 33 && (pubkey[0] === 2 || pubkey[0] === 3)) || (pubkey.length === 65 && pubkey[0] === 4))) {
    return INVALID_PUBKEY_FORMAT;
  }
  try {
    // cosmwasm-crypto normalizes high-S signatures before verifying.
    return curve.verify(sig, hash, pubkey, { prehash: false, lowS: false }) ? 0 : 1;
  } catch {
    return GENERIC_ERR;
  }
}

function ecdsaRecover(curve: Curve, hash: Uint8Array, sig: Uint8Array, param: number): Uint8Array | number {
  if (hash.length !== 32) return INVALID_HASH_FORMAT;
  if (sig.length !== 64) return INVALID_SIGNATURE_FORMAT;
  if (param !== 0 && param !== 1) return INVALID_RECOVERY_PARAM;
  try {
    const signature = curve.Signature.fromBytes(sig, "compact").addRecoveryBit(param);
    // noble 1.9's curve objects lack the standalone replacement the deprecation points to.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return signature.recoverPublicKey(hash).toBytes(false);
  } catch {
    return GENERIC_ERR;
  }
}

function decodeSections(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let end = data.length;
  while (end > 0) {
    if (end < 4) throw new Error("section length missing");
    const len = new DataView(data.buffer, data.byteOffset).getUint32(end - 4);
    const start = end - 4 - len;
    if (start < 0) throw new Error("section too long");
    out.unshift(data.slice(start, end - 4));
    end = start;
  }
  return out;
}

export function cryptoImports(io: RegionIo): Record<string, (...a: number[]) => number | bigint> {
  const recover = (curve: Curve) => (hashPtr: number, sigPtr: number, param: number) => {
    io.charge();
    const hash = io.readRegion(hashPtr, MAX_LENGTH_MESSAGE_HASH);
    const sig = io.readRegion(sigPtr, MAX_LENGTH_SIGNATURE);
    io.charge(curve === secp256k1 ? VmGas.secp256k1RecoverPubkey : VmGas.secp256r1RecoverPubkey);
    const res = ecdsaRecover(curve, hash, sig, param);
    if (typeof res === "number") return BigInt(res) << 32n;
    return BigInt(io.toContract(res));
  };
  const verify = (curve: Curve) => (hashPtr: number, sigPtr: number, pubPtr: number) => {
    io.charge();
    const hash = io.readRegion(hashPtr, MAX_LENGTH_MESSAGE_HASH);
    const sig = io.readRegion(sigPtr, MAX_LENGTH_SIGNATURE);
    const pub = io.readRegion(pubPtr, MAX_LENGTH_PUBKEY);
    io.charge(curve === secp256k1 ? VmGas.secp256k1Verify : VmGas.secp256r1Verify);
    return ecdsaVerify(curve, hash, sig, pub);
  };
  const edVerify = (msg: Uint8Array, sig: Uint8Array, pub: Uint8Array): boolean => {
    try {
      return ed25519.verify(sig, msg, pub, { zip215: true });
    } catch {
      return false;
    }
  };
  const bls = (name: string) => (): number => {
    io.charge();
    throw io.hostError(`Generic error: ${name} is not implemented by the embedded chain`);
  };
  return {
    secp256k1_verify: verify(secp256k1),
    secp256k1_recover_pubkey: recover(secp256k1),
    secp256r1_verify: verify(p256),
    secp256r1_recover_pubkey: recover(p256),
    ed25519_verify: (msgPtr, sigPtr, pubPtr) => {
      io.charge();
      const msg = io.readRegion(msgPtr, MAX_LENGTH_ED25519_MESSAGE);
      const sig = io.readRegion(sigPtr, MAX_LENGTH_SIGNATURE);
      const pub = io.readRegion(pubPtr, MAX_LENGTH_ED25519_PUBKEY);
      io.charge(VmGas.ed25519Verify);
      if (sig.length !== 64) return INVALID_SIGNATURE_FORMAT;
      if (pub.length !== 32) return INVALID_PUBKEY_FORMAT;
      return edVerify(msg, sig, pub) ? 0 : 1;
    },
    ed25519_batch_verify: (msgsPtr, sigsPtr, pubsPtr) => {
      io.charge();
      const limit = 256 * (MAX_LENGTH_ED25519_MESSAGE + 4);
      let msgs: Uint8Array[], sigs: Uint8Array[], pubs: Uint8Array[];
      try {
        msgs = decodeSections(io.readRegion(msgsPtr, limit));
        sigs = decodeSections(io.readRegion(sigsPtr, 256 * 68));
        pubs = decodeSections(io.readRegion(pubsPtr, 256 * 36));
      } catch {
        return GENERIC_ERR;
      }
      io.charge(
        pubs.length === 1
          ? VmGas.ed25519BatchOnePubkeyBase + VmGas.ed25519BatchOnePubkeyPerItem * sigs.length
          : VmGas.ed25519BatchBase + VmGas.ed25519BatchPerItem * sigs.length,
      );
      // cosmwasm-crypto: one message may be checked against many (sig, key) pairs, one key against many messages.
      const n = sigs.length;
      if (msgs.length === 1 && n > 1) msgs = Array.from({ length: n }, () => msgs[0]!);
      if (pubs.length === 1 && n > 1) pubs = Array.from({ length: n }, () => pubs[0]!);
      if (msgs.length !== n || pubs.length !== n) return GENERIC_ERR;
      for (let i = 0; i < n; i++) {
        if (sigs[i]!.length !== 64) return INVALID_SIGNATURE_FORMAT;
        if (pubs[i]!.length !== 32) return INVALID_PUBKEY_FORMAT;
        if (!edVerify(msgs[i]!, sigs[i]!, pubs[i]!)) return 1;
      }
      return 0;
    },
    bls12_381_aggregate_g1: bls("bls12_381_aggregate_g1"),
    bls12_381_aggregate_g2: bls("bls12_381_aggregate_g2"),
    bls12_381_pairing_equality: bls("bls12_381_pairing_equality"),
    bls12_381_hash_to_g1: bls("bls12_381_hash_to_g1"),
    bls12_381_hash_to_g2: bls("bls12_381_hash_to_g2"),
  };
}
