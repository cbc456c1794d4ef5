/**
 * What a deployment needs from a chain's governance: store, instantiate and migrate as the x/gov authority.
 * NodeGovernance goes through real x/gov v1 proposals; EmbeddedGovernance runs the same operations directly as the
 * gov authority of the embedded chain. deploy() is written against this interface only.
 */
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import type { ChainClient, JsonObject } from "./client.js";

export interface StoreCodeOptions {
  /** Proposal title/summary (NodeGovernance); defaults mention the checksum. */
  title?: string;
  summary?: string;
}

export interface StoreCodeOutcome {
  codeId: number;
  /** Lowercase hex sha256 of the (uncompressed) wasm, as the chain reports it. */
  checksum: string;
  /** Proposal that stored the code; absent when skipped or when the chain has no proposals (embedded). */
  proposalId?: number;
  /** True when code with this checksum was already on chain, so nothing was submitted. */
  skipped: boolean;
}

export interface GovInstantiateOptions {
  /** Contract admin (who may migrate). Default: the gov module address. */
  admin?: string;
  title?: string;
  summary?: string;
}

export interface InstantiateOutcome {
  address: string;
  proposalId?: number;
}

export interface MigrateOptions {
  title?: string;
  summary?: string;
}

export interface MigrateOutcome {
  proposalId?: number;
}

export interface ContractState {
  address: string;
  codeId: number;
  label: string;
  admin?: string;
}

export interface Governance {
  readonly chainId: string;
  /** x/gov module account, the authority that signs every proposal message. */
  readonly govAddress: string;
  storeCode(wasm: Uint8Array, opts?: StoreCodeOptions): Promise<StoreCodeOutcome>;
  instantiate(
    codeId: number,
    msg: JsonObject,
    label: string,
    opts?: GovInstantiateOptions,
  ): Promise<InstantiateOutcome>;
  migrate(contract: string, codeId: number, msg: JsonObject, opts?: MigrateOptions): Promise<MigrateOutcome>;
  /** Executes `msg` on `contract` as the gov authority (a contract's admin-only messages: parameter changes). */
  execute(contract: string, msg: JsonObject, opts?: MigrateOptions): Promise<MigrateOutcome>;
  /** Current state of a contract, or undefined if no contract exists at that address. */
  contract(address: string): Promise<ContractState | undefined>;
  /** Latest block time (RFC 3339), if the chain has one; recorded instead of the wall clock. */
  chainTime(): Promise<string | undefined>;
}

export const wasmChecksum = (wasm: Uint8Array): string => toHex(sha256(wasm));

/** Highest code id with this checksum (a checksum may have been stored twice; the newest is the one we made). */
export function codeIdByChecksum(
  codes: readonly { id: number; checksum: string }[],
  checksum: string,
): number | undefined {
  let found: number | undefined;
  for (const c of codes)
    if (c.checksum.toLowerCase() === checksum && (found === undefined || c.id > found)) found = c.id;
  return found;
}

/** "not found" from either backend, as opposed to a transport failure that must propagate. */
export function isNotFound(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /not found|no contract found|no such contract|does not exist|unknown address/i.test(msg);
}

/** A contract's state as either backend's client reports it, or undefined if no contract exists at that address. */
export async function contractState(
  client: Pick<ChainClient, "getContract">,
  address: string,
): Promise<ContractState | undefined> {
  try {
    const c = await client.getContract(address);
    return { address, codeId: c.codeId, label: c.label, ...(c.admin ? { admin: c.admin } : {}) };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}
