// Errors with the Cosmos SDK's shape: a registered (codespace, code, description) at the root, wrapped with context
// as `errorsmod.Wrap` does ("context: cause"). The code survives wrapping, which is what wasmd's redaction exposes.

import type { JsonMap } from "./json.js";

export class ChainError extends Error {
  constructor(
    message: string,
    readonly codespace: string,
    readonly code: number,
    /** wasmd `DeterministicError` at the top level: delivered to `reply` unredacted. */
    readonly deterministic = false,
    /** The wasmvm SystemError this maps to when a contract's query hits it (`no_such_contract`, …). */
    readonly system?: JsonMap,
  ) {
    super(message);
    this.name = "ChainError";
  }
}

export class RegisteredError {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly description: string,
  ) {}

  /** The bare registered error. */
  make(system?: JsonMap): ChainError {
    return new ChainError(this.description, this.codespace, this.code, false, system);
  }

  wrap(context: string, system?: JsonMap): ChainError {
    return new ChainError(`${context}: ${this.description}`, this.codespace, this.code, false, system);
  }
}

export function wrap(err: ChainError, context: string): ChainError {
  return new ChainError(`${context}: ${err.message}`, err.codespace, err.code, false, err.system);
}

export function markDeterministic(err: ChainError): ChainError {
  return new ChainError(err.message, err.codespace, err.code, true, err.system);
}

/** wasmd `redactError`: deterministic errors pass, everything else becomes its codespace and code. */
export function redact(err: ChainError): string {
  return err.deterministic ? err.message : `codespace: ${err.codespace}, code: ${err.code}`;
}

const wasm = (code: number, desc: string): RegisteredError => new RegisteredError("wasm", code, desc);
const sdk = (code: number, desc: string): RegisteredError => new RegisteredError("sdk", code, desc);

// x/wasm/types/errors.go and cosmos-sdk types/errors/errors.go.
export const Err = {
  createFailed: wasm(2, "create wasm contract failed"),
  instantiateFailed: wasm(4, "instantiate wasm contract failed"),
  executeFailed: wasm(5, "execute wasm contract failed"),
  queryFailed: wasm(9, "query wasm contract failed"),
  invalidMsg: wasm(10, "invalid CosmosMsg from the contract"),
  migrationFailed: wasm(11, "migrate wasm contract failed"),
  empty: wasm(12, "empty"),
  limit: wasm(13, "exceeds limit"),
  invalid: wasm(14, "invalid"),
  duplicate: wasm(15, "duplicate"),
  unsupportedForContract: wasm(17, "unsupported for this contract"),
  unknownMsg: wasm(20, "unknown message from the contract"),
  invalidEvent: wasm(21, "invalid event"),
  noSuchContract: wasm(22, "no such contract"),
  maxQueryStackSize: wasm(27, "max query stack size exceeded"),
  noSuchCode: wasm(28, "no such code"),
  vmError: wasm(29, "wasmvm error"),
  maxCallDepth: wasm(30, "max call depth exceeded"),
  unauthorized: sdk(4, "unauthorized"),
  insufficientFunds: sdk(5, "insufficient funds"),
  unknownRequest: sdk(6, "unknown request"),
  invalidAddress: sdk(7, "invalid address"),
  invalidCoins: sdk(10, "invalid coins"),
  outOfGas: sdk(11, "out of gas"),
  invalidRequest: sdk(18, "invalid request"),
  notFound: sdk(38, "not found"),
  sendDisabled: new RegisteredError("bank", 5, "send transactions are disabled"),
};

/** A failure inside the VM (abort, trap, bad region): wasmvm's text, before wasmd wraps it. */
export class VmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VmError";
  }
}
