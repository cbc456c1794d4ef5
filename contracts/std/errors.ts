// Error shapes every contract shares, so a client sees the same wording whichever contract it calls. Contracts
// keep their own error.ts with the full texts; these builders only fix the common part.

/** `unauthorized: <who may do this>`. */
export function unauthorized(rule: string): string {
  return "unauthorized: " + rule;
}

/** `invalid <what>: <why>`, for an input that parsed but breaks a rule. */
export function invalidInput(what: string, why: string): string {
  return "invalid " + what + ": " + why;
}
