/**
 * Plumbing shared by the per-contract suite builders (test/contracts/<name>/suite.ts). A builder sees only the chain
 * interface (client, governance, block control), so the same checks run on the embedded chain and on wasmd; the file
 * that calls it owns the backend's lifecycle (`withBackend`), so one localnet can serve several suites.
 */
import { toBech32 } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2";
import { afterAll, beforeAll } from "vitest";
import type { ChainBackend, JsonObject } from "../../sim/interface/index.js";
import { FIXED_FEE } from "./equivalence.js";

export type BackendFactory = () => ChainBackend | Promise<ChainBackend>;

/** A backend started before the enclosing describe block and closed after it; read `backend` inside tests only. */
export function withBackend(factory: BackendFactory): { readonly backend: ChainBackend } {
  let started: ChainBackend | undefined;
  beforeAll(async () => {
    started = await factory();
  }, 900_000); // a cold wasmd build is part of the first localnet start
  afterAll(async () => {
    await started?.close();
  });
  return {
    get backend(): ChainBackend {
      if (started === undefined) throw new Error("backend not started (use inside tests)");
      return started;
    },
  };
}

/** Stores `wasm` and instantiates it through governance, with the gov module as the contract's admin. */
export async function deployThroughGovernance(
  backend: ChainBackend,
  wasm: Uint8Array,
  msg: JsonObject,
  label: string,
): Promise<{ codeId: number; address: string }> {
  const { codeId } = await backend.governance.storeCode(wasm);
  const { address } = await backend.governance.instantiate(codeId, msg, label);
  return { codeId, address };
}

/** An address nobody holds a key for, so no fee ever touches its balance: balance checks on it are exact on wasmd. */
export function neverSigns(backend: ChainBackend, label: string): string {
  const account = backend.accounts[0]!;
  const prefix = account.slice(0, account.lastIndexOf("1")); // bech32: the separator is the last "1"
  return toBech32(prefix, sha256(new TextEncoder().encode(label)).slice(0, 20));
}

/**
 * What one tx costs its signer: every suite tx pays FIXED_FEE, which wasmd charges (even when the tx fails in the
 * block) and the embedded chain does not.
 */
export function feePerTx(backend: ChainBackend): bigint {
  return backend.name === "wasmd" ? BigInt(FIXED_FEE.amount[0]!.amount) : 0n;
}
