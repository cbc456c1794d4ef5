// Addresses as the Cosmos SDK and wasmd derive them (x/wasm/keeper/addresses.go, types/address/hash.go).

import { fromBech32, toBech32 } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2";
import { utf8 } from "./json.js";

export { govAddress, moduleAddress } from "../interface/addresses.js";

function u64be(n: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n);
  return out;
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** SDK `address.Module(name, key)`: sha256(sha256("module") ‖ name ‖ 0x00 ‖ key), all 32 bytes. */
export function moduleDerivedAddress(moduleName: string, key: Uint8Array): Uint8Array {
  return sha256(concat(sha256(utf8("module")), utf8(moduleName), new Uint8Array([0]), key));
}

/** wasmd `BuildContractAddressClassic`: the module-derived address of codeId BE8 ‖ instanceId BE8. */
export function classicContractAddress(prefix: string, codeId: number | bigint, instanceId: number | bigint): string {
  const key = concat(u64be(BigInt(codeId)), u64be(BigInt(instanceId)));
  return toBech32(prefix, moduleDerivedAddress("wasm", key));
}

/** wasmd `BuildContractAddressPredictable` (instantiate2): every part prefixed with its u64 BE length. */
export function predictableContractAddress(
  prefix: string,
  checksum: Uint8Array,
  creator: Uint8Array,
  salt: Uint8Array,
  initMsg: Uint8Array,
): string {
  const lp = (b: Uint8Array): Uint8Array => concat(u64be(BigInt(b.length)), b);
  const key = concat(lp(checksum), lp(creator), lp(salt), lp(initMsg));
  return toBech32(prefix, moduleDerivedAddress("wasm", key));
}

/** A deterministic test account: bech32(prefix, sha256(name)[0..20]). */
export function accountAddress(prefix: string, name: string): string {
  return toBech32(prefix, sha256(utf8(name)).slice(0, 20));
}

/** Module accounts that wasmd's app blocks as bank receivers; Akash blocks every module account, gov included. */
export const BLOCKED_MODULES = [
  "fee_collector",
  "distribution",
  "mint",
  "bonded_tokens_pool",
  "not_bonded_tokens_pool",
  "transfer",
  "interchainaccounts",
  "wasm",
  "nft",
  "protocolpool",
  "protocolpool_escrow",
];

/**
 * `sdk.AccAddressFromBech32` with the chain's prefix: the canonical bytes, or the SDK's error text.
 * Go's decoder is case-insensitive on the whole string but rejects mixed case; so is this one.
 */
export function decodeAddress(prefix: string, address: string): Uint8Array | string {
  let byAddress = decodedAddresses.get(prefix);
  if (byAddress === undefined) {
    byAddress = new Map<string, Uint8Array | string>();
    decodedAddresses.set(prefix, byAddress);
  }
  let res = byAddress.get(address);
  if (res === undefined) {
    res = decodeAddressUncached(prefix, address);
    if (byAddress.size >= MAX_CACHED_ADDRESSES) byAddress.clear();
    byAddress.set(address, res);
  }
  return typeof res === "string" ? res : res.slice();
}

/** decodeAddress is a pure function of its arguments and runs for every sender and contract of every tx. */
const decodedAddresses = new Map<string, Map<string, Uint8Array | string>>();
const MAX_CACHED_ADDRESSES = 4096;

function decodeAddressUncached(prefix: string, address: string): Uint8Array | string {
  if (address.trim().length === 0) return "empty address string is not allowed";
  let decoded: { prefix: string; data: Uint8Array };
  try {
    decoded = fromBech32(address, 1023);
  } catch (e) {
    return `decoding bech32 failed: ${(e as Error).message}`;
  }
  if (decoded.prefix !== prefix) return `invalid Bech32 prefix; expected ${prefix}, got ${decoded.prefix}`;
  if (decoded.data.length === 0) return "addresses cannot be empty: unknown address";
  if (decoded.data.length > 255) return `address max length is 255, got ${decoded.data.length}: unknown address`;
  return decoded.data;
}
