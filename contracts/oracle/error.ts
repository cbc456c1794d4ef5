// Every error text the oracle returns. Tests and consumers match on these, so change them deliberately. Shapes
// shared with other contracts come from std.

import { intStr, invalidInput, unauthorized } from "../std";

function s<T>(n: T): string {
  return intStr(n);
}

// --- authorization, funds, lifecycle -----------------------------------------------------------------------------
export const UNAUTHORIZED = unauthorized("only the admin may do this");
export const PAUSED = "price updates are paused";
export const FUNDS_NOT_ACCEPTED = "this message accepts no funds";
export function unauthorizedFeeder(sender: string): string {
  return unauthorized(sender + " is not an approved feeder");
}
export function insufficientFee(sent: string, required: string, denom: string): string {
  return "insufficient fee: sent " + sent + denom + ", required " + required + denom;
}
export function wrongFeeDenom(denom: string, expected: string): string {
  return invalidInput("fee denom " + denom, "fees are paid in " + expected);
}
export function wrongContract(name: string): string {
  return "cannot migrate from contract " + name;
}

// --- configuration -----------------------------------------------------------------------------------------------
export const EMPTY_SIGNER_SET = "signer set has no addresses";
export const NO_SIGNER_SETS = "at least one signer set is required";
export const NO_DATA_SOURCES = "at least one data source is required";
export function tooManySigners(n: i32, max: i32): string {
  return "signer set has " + s(n) + " addresses, more than " + s(max);
}
export function badSignerAddress(text: string): string {
  return invalidInput("signer address " + text, "expected 40 hex digits");
}
export function zeroQuorum(index: u32): string {
  return "signer set " + s(index) + ": quorum must be at least 1";
}
export function quorumTooLarge(index: u32, quorum: u32, n: i32): string {
  return "signer set " + s(index) + ": quorum " + s(quorum) + " exceeds its " + s(n) + " signers";
}
export function duplicateSignerSet(index: u32): string {
  return "duplicate signer set index " + s(index);
}
export function badEmitter(text: string): string {
  return invalidInput("emitter " + text, "expected 32 bytes");
}
export function badExpoRange(min: i32, max: i32): string {
  return "invalid exponent range [" + s(min) + ", " + s(max) + "]: must satisfy -18 <= min_expo <= max_expo <= 0";
}
export function badParam(name: string, why: string): string {
  return invalidInput(name, why);
}
export function invalidAddress(addr: string, why: string): string {
  return invalidInput("address " + addr, why);
}

// --- feeds -------------------------------------------------------------------------------------------------------
export function badFeedId(text: string): string {
  return invalidInput("feed id " + text, "expected 64 hex digits");
}
export function feedNotConfigured(id: string): string {
  return "feed not configured: " + id;
}
export function feedExists(id: string): string {
  return "feed already configured: " + id;
}
export function priceFeedNotFound(id: string): string {
  return "price feed not found: " + id;
}

// --- update envelope (PNAU) --------------------------------------------------------------------------------------
export const NO_UPDATE_DATA = "no update data";
export function tooManyBlobs(n: i32, max: i32): string {
  return "too many updates in one message: " + s(n) + " > " + s(max);
}
export function badPnauMagic(blob: i32): string {
  return "update " + s(blob) + ": not an accumulator update (expected magic PNAU)";
}
export function badPnauVersion(blob: i32, major: u8, minor: u8): string {
  return "update " + s(blob) + ": unsupported accumulator version " + s(major) + "." + s(minor) + " (expected major 1)";
}
export function badProofType(blob: i32, t: u8): string {
  return "update " + s(blob) + ": unsupported proof type " + s(t) + " (expected 0 = WormholeMerkle)";
}
export function pnauTrailingBytes(blob: i32, n: i32): string {
  return "update " + s(blob) + ": " + s(n) + " unexpected bytes after the last message";
}
export function pnauNoUpdates(blob: i32): string {
  return "update " + s(blob) + ": contains no messages";
}

// --- VAA and signatures ------------------------------------------------------------------------------------------
export function badVaaVersion(what: string, v: u8): string {
  return what + ": unsupported VAA version " + s(v) + " (expected 1)";
}
export function unknownSignerSet(index: u32): string {
  return "unknown signer set " + s(index);
}
export function signerSetExpired(index: u32, expiresAt: u64, now: u64): string {
  return "signer set " + s(index) + " expired at " + s(expiresAt) + " (block time " + s(now) + ")";
}
export function noQuorum(n: u32, quorum: u32, index: u32): string {
  return "no quorum: " + s(n) + " signatures, signer set " + s(index) + " requires " + s(quorum);
}
export function signerIndexOrder(idx: i32, last: i32): string {
  return "signer indexes must be strictly increasing: " + s(idx) + " after " + s(last);
}
export function signerIndexOutOfRange(idx: i32, set: u32, n: i32): string {
  return "signer index " + s(idx) + " out of range: signer set " + s(set) + " has " + s(n) + " signers";
}
export function badRecoveryId(i: i32, v: u8): string {
  return "signature " + s(i) + ": invalid recovery id " + s(v);
}
export function signatureNotRecoverable(i: i32, idx: i32): string {
  return "signature " + s(i) + " (signer " + s(idx) + "): public key recovery failed";
}
export function wrongSigner(i: i32, idx: i32, got: string, want: string): string {
  return "signature " + s(i) + " (signer " + s(idx) + "): recovered " + got + ", expected " + want;
}
export function invalidEmitter(chain: u16, address: string): string {
  return "invalid update emitter: chain " + s(chain) + " address " + address + " is not a configured data source";
}

// --- accumulator payload and messages ----------------------------------------------------------------------------
export const BAD_AUWV_MAGIC = "invalid accumulator payload: expected magic AUWV";
export function badAuwvType(t: u8): string {
  return "invalid accumulator payload: unsupported payload type " + s(t);
}
export function invalidMerkleProof(blob: i32, msg: i32): string {
  return "update " + s(blob) + " message " + s(msg) + ": invalid merkle proof";
}
export function priceMessageTooShort(what: string, n: i32): string {
  return what + ": price message too short: " + s(n) + " bytes (need 85)";
}
export function unsupportedMessageType(what: string, t: u8): string {
  return what + ": unsupported message type " + s(t) + " (only 0 = price feed)";
}

// --- price rules -------------------------------------------------------------------------------------------------
export function nonPositivePrice(id: string, price: string): string {
  return "price must be positive: feed " + id + " price " + price;
}
export function expoOutOfRange(id: string, expo: i32, min: i32, max: i32): string {
  return "exponent " + s(expo) + " out of range [" + s(min) + ", " + s(max) + "]: feed " + id;
}
export function confTooWide(id: string, conf: string, price: string, maxBps: u64): string {
  return "confidence too wide: feed " + id + " conf " + conf + " > " + s(maxBps) + " bps of price " + price;
}
export function emaDeviationTooLarge(id: string, price: string, ema: string, maxBps: u64): string {
  return (
    "price too far from its EMA: feed " +
    id +
    " price " +
    price +
    " deviates more than " +
    s(maxBps) +
    " bps from ema_price " +
    ema
  );
}
export function futurePublishTime(id: string, t: i64, now: u64, drift: u64): string {
  return (
    "publish time in the future: feed " +
    id +
    " publish_time " +
    s(t) +
    " > block time " +
    s(now) +
    " + " +
    s(drift) +
    " s"
  );
}
export function badPublishTime(id: string, t: i64): string {
  return invalidInput("publish time " + s(t), "feed " + id);
}
export function badPrice(text: string): string {
  return invalidInput("price " + text, "expected an i64 decimal string");
}

// --- signer-set rotation -----------------------------------------------------------------------------------------
export const BAD_GOVERNANCE_MODULE = "invalid governance payload: module is not Core";
export const UPGRADE_ALREADY_APPLIED = "signer set upgrade already applied";
export function badGovernanceAction(a: u8): string {
  return "invalid governance payload: unsupported action " + s(a) + " (expected 2 = signer set upgrade)";
}
export function governanceTrailingBytes(n: i32): string {
  return "invalid governance payload: " + s(n) + " unexpected trailing bytes";
}
export function notGovernanceEmitter(chain: u16, address: string): string {
  return "not a governance VAA: emitter chain " + s(chain) + " address " + address;
}
export function wrongTargetChain(target: u16, chainId: u16): string {
  return "governance VAA targets chain " + s(target) + ", this chain is " + s(chainId);
}
export function notCurrentSet(got: u32, current: u32): string {
  return "signer set upgrade must be signed by the current signer set " + s(current) + ", not " + s(got);
}
export function wrongNewIndex(got: u32, want: u32): string {
  return "new signer set index " + s(got) + " must be " + s(want);
}
export function inheritedQuorumTooLarge(quorum: u32, n: i32): string {
  return "inherited quorum " + s(quorum) + " exceeds the new set's " + s(n) + " signers";
}

// --- aggregation -------------------------------------------------------------------------------------------------
export function unhealthy(reasons: string): string {
  return "price unhealthy: " + reasons;
}
export const REASON_NO_FRESH = "no fresh source";
export function reasonStale(source: string, age: u64, max: u64): string {
  return "stale: last publish " + s(age) + " s ago > " + s(max) + " s (source " + source + ")";
}
export function reasonMinSources(fresh: i32, min: u32): string {
  return "fresh sources " + s(fresh) + " < min " + s(min);
}
export function reasonDeviation(bps: u64, max: u64): string {
  return "deviation " + s(bps) + " bps > " + s(max) + " bps";
}
export const REASON_NO_DATA = "no price data";
