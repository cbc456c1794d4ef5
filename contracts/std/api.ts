// Address and signature host functions (docs/abi.md#imports). Buffer capacities match cosmwasm-std's.

import {
  env_addr_canonicalize,
  env_addr_humanize,
  env_addr_validate,
  env_debug,
  env_secp256k1_recover_pubkey,
  env_secp256k1_verify,
} from "./imports";
import { allocateRegion, readRegion, readRegionString, regionFromBytes, regionFromString } from "./region";

const CANONICAL_CAPACITY: u32 = 64;
const HUMAN_CAPACITY: u32 = 90;

/** The VM refuses longer inputs to the address functions with a VM error rather than a contract error. */
const MAX_HUMAN_INPUT: i32 = 256;

/** null when valid, else the chain's error message (cosmwasm-std's own text when the input is too long). */
export function addrValidate(human: string): string | null {
  if (String.UTF8.byteLength(human) > MAX_HUMAN_INPUT) return "Input too long for addr_validate";
  const r = env_addr_validate(regionFromString(human));
  return r == 0 ? null : readRegionString(r);
}

export class AddrResult<T> {
  constructor(
    public value: T | null,
    public error: string | null,
  ) {}
}

export function addrCanonicalizeResult(human: string): AddrResult<Uint8Array> {
  const dest = allocateRegion(CANONICAL_CAPACITY);
  const r = env_addr_canonicalize(regionFromString(human), dest);
  if (r != 0) return new AddrResult<Uint8Array>(null, readRegionString(r));
  return new AddrResult<Uint8Array>(readRegion(dest), null);
}

export function addrHumanizeResult(canonical: Uint8Array): AddrResult<string> {
  const dest = allocateRegion(HUMAN_CAPACITY);
  const r = env_addr_humanize(regionFromBytes(canonical), dest);
  if (r != 0) return new AddrResult<string>(null, readRegionString(r));
  return new AddrResult<string>(readRegionString(dest), null);
}

export function addrCanonicalize(human: string): Uint8Array | null {
  return addrCanonicalizeResult(human).value;
}

export function addrHumanize(canonical: Uint8Array): string | null {
  return addrHumanizeResult(canonical).value;
}

/** The VM's code: 0 valid, 1 invalid, 3 hash format, 4 signature format, 5 pubkey format, 10 generic error. */
export function secp256k1VerifyCode(hash: Uint8Array, sig: Uint8Array, pubkey: Uint8Array): u32 {
  return env_secp256k1_verify(regionFromBytes(hash), regionFromBytes(sig), regionFromBytes(pubkey));
}

export function secp256k1Verify(hash: Uint8Array, sig: Uint8Array, pubkey: Uint8Array): bool {
  return secp256k1VerifyCode(hash, sig, pubkey) == 0;
}

/** 65-byte uncompressed pubkey, or null on any error (see secp256k1RecoverPubkeyCode for the reason). */
export function secp256k1RecoverPubkey(hash: Uint8Array, sig: Uint8Array, recoveryParam: u8): Uint8Array | null {
  const r = env_secp256k1_recover_pubkey(regionFromBytes(hash), regionFromBytes(sig), <u32>recoveryParam);
  if (<u32>(r >> 32) != 0) return null;
  return readRegion(<u32>(r & 0xffffffff));
}

/** The VM's error code (high half of the i64) for a recovery; 0 on success. */
export function secp256k1RecoverPubkeyCode(hash: Uint8Array, sig: Uint8Array, recoveryParam: u8): u32 {
  const r = env_secp256k1_recover_pubkey(regionFromBytes(hash), regionFromBytes(sig), <u32>recoveryParam);
  return <u32>(r >> 32);
}

/** Host debug output (dropped in production; the embedded chain may log it). */
export function debug(msg: string): void {
  env_debug(regionFromString(msg));
}
