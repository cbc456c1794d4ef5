// Every error text the escrow contract returns. Tests assert these strings exactly, and clients may match on them,
// so a change here is a breaking change of the contract's interface. Shapes shared with other contracts come from std.

import { intStr, invalidInput, unauthorized } from "../std";

export const UNAUTHORIZED_ADMIN = unauthorized("only the admin can do this");
export const UNAUTHORIZED_OWNER = unauthorized("only the account owner can do this");
export const UNAUTHORIZED_CLOSE_PAYMENT = unauthorized("only the account owner or the provider can close a payment");
export const UNAUTHORIZED_WITHDRAW = unauthorized("only the provider can withdraw");
export const UNAUTHORIZED_ALERT = unauthorized("only the account owner or a depositor can set alerts");

export const ACCOUNT_CLOSED = "account is closed";
export const ACCOUNT_OVERDRAWN = "account is overdrawn";
export const PAYMENT_NOT_OPEN = "payment is not open";
export const NO_FUNDS = "no funds attached";
export const AMOUNT_ZERO = "amount must be greater than zero";
export const RATE_ZERO = "rate must be greater than zero";
export const GRANT_EMPTY = "grant must attach funds";
export const DUPLICATE_SOURCE = "duplicate deposit source";
export const EMPTY_SOURCES = "sources must not be empty";
export const SELF_GRANT = "cannot grant to yourself";
export const FUNDS_NOT_ACCEPTED = "this message does not accept funds";
export const ALERT_BELOW_ONE = "below must set exactly one of `amount`, `blocks_left`, `percent_of_peak`";
export const ALERT_PERCENT = "percent_of_peak must be greater than 0 and at most 100";
export const NO_DENOMS = "at least one denom must be configured";
export const BLOCK_TIME_ZERO = "block_time must be greater than zero";
export const LIMITS_ZERO = "limits must be greater than zero";

export function accountExists(id: string): string {
  return "account `" + id + "` already exists";
}
export function accountNotFound(id: string): string {
  return "account `" + id + "` not found";
}
export function paymentExists(id: string, paymentId: string): string {
  return "payment `" + paymentId + "` already exists in account `" + id + "`";
}
export function paymentNotFound(id: string, paymentId: string): string {
  return "payment `" + paymentId + "` not found in account `" + id + "`";
}
export function grantNotFound(sponsor: string, grantee: string): string {
  return "no grant from " + sponsor + " to " + grantee;
}
export function alertNotFound(kind: string, denom: string): string {
  return "no `" + kind + "` alert for " + denom;
}
export function invalidDenom(denom: string): string {
  return "denom `" + denom + "` is not accepted";
}
export function denomMismatch(expected: string, got: string): string {
  return "funds must be in `" + expected + "`, got `" + got + "`";
}
export function multipleDenoms(): string {
  return "attach exactly one coin";
}
export function belowMinimum(min: string, denom: string): string {
  return "opening deposit must be at least " + min + denom;
}
export function belowMinimumNewEntry(min: string, denom: string): string {
  return (
    "a deposit from someone other than the owner must be at least " + min + denom + " unless it tops up its own entry"
  );
}
export function insufficientFunds(missing: string, denom: string): string {
  return "insufficient funds: " + missing + denom + " not covered by the listed sources";
}
export function excessFunds(): string {
  return "attached funds exceed the deposit amount";
}
export function tooManyDeposits(max: u32): string {
  return "account has too many deposit entries (max " + intStr(max) + ")";
}
export function tooManyPayments(max: u32): string {
  return "account has too many open payments (max " + intStr(max) + ")";
}
export function tooManyAlerts(max: u32): string {
  return "account has too many alerts (max " + intStr(max) + ")";
}
export function tooManyScopes(max: u32): string {
  return invalidInput("scopes", "at most " + intStr(max) + " account ids");
}
export function tooManySponsors(max: i32): string {
  return invalidInput("sponsors", "at most " + intStr(max) + " addresses");
}
export function maxScopesTooLarge(max: u32): string {
  return invalidInput("limits.max_scopes", "at most " + intStr(max));
}
export const DUPLICATE_SPONSOR = "duplicate sponsor";
export function overdrawnForeignDenom(denom: string): string {
  return "account is overdrawn and owes no `" + denom + "`: deposit the owed denom";
}
export function rateTooLarge(max: string): string {
  return "rate must be at most " + max + " per block";
}
export function invalidId(field: string): string {
  return invalidInput(field, "1 to 128 characters of [A-Za-z0-9._:/-]");
}
export function invalidAddress(field: string, reason: string): string {
  return invalidInput(field, reason);
}
export function amountOverflow(): string {
  return "amount overflow";
}
export function denomNotFunded(denom: string): string {
  return "account holds no `" + denom + "` deposits";
}
export function grantExpired(): string {
  return "expires_at must be in the future";
}
export function tooManyDenoms(max: i32): string {
  return invalidInput("denoms", "at most " + max.toString());
}
export function duplicateDenom(denom: string): string {
  return "denom `" + denom + "` listed twice";
}
