// Every error text the bme contract returns. Tests compare them byte for byte, and clients may match on them, so a
// change here is a breaking change of the contract's interface. Shapes shared with other contracts come from std.

import { intStr, invalidInput, unauthorized } from "../std";

export const UNAUTHORIZED_ADMIN = unauthorized("only the admin can do this");
export const FUNDS_NOT_ACCEPTED = "this message does not accept funds";
export const PAUSED = "bme is paused";
export const AMOUNT_ZERO = "invalid zero amount";
export const NOT_TRANSFERABLE = "ACT is not transferable: sender or recipient must be an allow-listed contract";
export const NO_ORACLE = "no oracle configured";
export const ZERO_PRICE = "zero price";
export const ONE_COIN = "attach exactly one coin of uakt";
export const PENDING_LIMIT = "too many pending records for this owner (max 10)";

export function wrongDenom(got: string): string {
  return "funds must be in `uakt`, got `" + got + "`";
}
export function insufficientAct(have: string, need: string): string {
  return "insufficient ACT balance: " + have + "uact < " + need + "uact";
}
export function breaker(status: string): string {
  return "circuit breaker active: " + status;
}
export function priceUnavailable(why: string): string {
  return "price unavailable: " + why;
}
export function belowMinMint(out: string, min: string): string {
  return "mint below minimum: " + out + "uact < " + min + "uact";
}
export function epsilon(): string {
  return "amount too small: it converts to zero";
}
export function invalidAddress(field: string, why: string): string {
  return invalidInput(field, why);
}
export function invalidParam(name: string, rule: string): string {
  return invalidInput("params." + name, rule);
}
export function tooManyAllowed(max: i32): string {
  return invalidInput("allowed", "at most " + intStr(max) + " addresses");
}
export function invalidFeed(): string {
  return invalidInput("akt_feed", "expected 64 hex digits");
}
export function invalidLimit(max: u32): string {
  return invalidInput("limit", "1 to " + intStr(max));
}
