// Every error text the incentives contract returns. Tests compare them byte for byte.

import { intStr, invalidInput, unauthorized } from "../std";

export const UNAUTHORIZED_ADMIN = unauthorized("only the admin can do this");
export const UNAUTHORIZED_ATTESTOR = unauthorized("only an attestor of the program can report");
export const FUNDS_NOT_ACCEPTED = "this message does not accept funds";
export const NOTHING_TO_CLAIM = "nothing to claim";
export const NO_FUNDS = "no funds attached";
export const ALL_CLOSED = "every epoch of the program is closed";
export const NO_REVENUE = "the program takes no revenue";

export function bad(field: string, why: string): string {
  return invalidInput(field, why);
}
export function programNotFound(id: u64): string {
  return "program " + intStr(id) + " not found";
}
export function swept(id: u64): string {
  return "program " + intStr(id) + " was swept: its unclaimed balances went to the treasury";
}
export function ended(end: u64): string {
  return "the program ended at " + intStr(end);
}
export function poolNotFound(name: string): string {
  return "pool `" + name + "` not found";
}
export function wrongPoolKind(name: string, kind: string): string {
  return "pool `" + name + "` is not a " + kind + " pool";
}
export function epochNotFound(epoch: u32, n: u32): string {
  return "epoch " + intStr(epoch) + " does not exist (the program has " + intStr(n) + ")";
}
export function epochClosed(epoch: u32): string {
  return "epoch " + intStr(epoch) + " is closed";
}
export function epochNotStarted(epoch: u32, start: u64): string {
  return "epoch " + intStr(epoch) + " starts at " + intStr(start);
}
export function beyondTerm(epoch: u32, pool: string): string {
  return "epoch " + intStr(epoch) + " is beyond the term of pool `" + pool + "`";
}
export function epochNotEnded(epoch: u32, end: u64): string {
  return "epoch " + intStr(epoch) + " ends at " + intStr(end);
}
export function attestorsOnlyUntil(t: u64): string {
  return "only an attestor can close before " + intStr(t);
}
export function sweepNotYet(t: u64): string {
  return "sweep is allowed from " + intStr(t);
}
export function unknownModel(model: string, pool: string): string {
  return "unknown gpu model `" + model + "` in pool `" + pool + "`";
}
export function notEligible(model: string, vram: u32, min: u32): string {
  return "gpu model `" + model + "` is not eligible: " + intStr(vram) + " GB < " + intStr(min) + " GB";
}
export function notCommitted(provider: string, pool: string): string {
  return "provider " + provider + " is not in committed pool `" + pool + "`";
}
export function duplicateProvider(provider: string): string {
  return "duplicate provider " + provider + " in the batch";
}
export function tooManyProviders(pool: string, max: u32): string {
  return "pool `" + pool + "` already has " + intStr(max) + " providers in this epoch (max_providers)";
}
export function priceUnavailable(why: string): string {
  return "price unavailable, payouts wait: " + why;
}
export function priceStale(published: u64, maxAge: u64): string {
  return "price unavailable, payouts wait: published at " + intStr(published) + ", older than " + intStr(maxAge) + " s";
}
export function grantTooLarge(left: string): string {
  return "grant exceeds what the pool has left (" + left + ")";
}
export function insufficientAvailable(left: string): string {
  return "grant exceeds the program's uncredited balance (" + left + ")";
}
export function unassignedShort(have: string): string {
  return "from_balance exceeds the contract's unassigned balance (" + have + ")";
}
export function wrongDenom(denom: string): string {
  return "attach exactly one coin, in " + denom;
}
