/**
 * Governance on the embedded chain: the same operations as NodeGovernance, executed directly by the chain's gov
 * authority (there is no x/gov module to vote in, so there are no proposal ids).
 */
import type { ChainClient } from "../interface/client.js";
import {
  codeIdByChecksum,
  contractState,
  wasmChecksum,
  type ContractState,
  type Governance,
  type GovInstantiateOptions,
  type InstantiateOutcome,
  type MigrateOutcome,
  type StoreCodeOutcome,
} from "../interface/governance.js";
import type { JsonObject } from "../interface/client.js";

/** What EmbeddedGovernance needs from sim's EmbeddedChain (structural, so sim stays free to grow). */
export interface GovernedChain {
  readonly chainId: string;
  /** x/gov module address of the chain. */
  readonly govAddress: string;
  /** A client whose messages run with the gov module as signer/authority. */
  asGov(): ChainClient;
  /** Simulated block time (ns since the epoch); recorded as updated_at. */
  readonly timeNanos?: bigint;
}

export class EmbeddedGovernance implements Governance {
  readonly chainId: string;
  readonly govAddress: string;
  private readonly gov: ChainClient;

  constructor(private readonly chain: GovernedChain) {
    this.chainId = chain.chainId;
    this.govAddress = chain.govAddress;
    this.gov = chain.asGov();
  }

  async storeCode(wasm: Uint8Array): Promise<StoreCodeOutcome> {
    const checksum = wasmChecksum(wasm);
    const existing = codeIdByChecksum(await this.gov.getCodes(), checksum);
    if (existing !== undefined) return { codeId: existing, checksum, skipped: true };
    const res = await this.gov.upload(this.govAddress, wasm, "auto");
    return { codeId: res.codeId, checksum: res.checksum.toLowerCase(), skipped: false };
  }

  async instantiate(
    codeId: number,
    msg: JsonObject,
    label: string,
    opts: GovInstantiateOptions = {},
  ): Promise<InstantiateOutcome> {
    const res = await this.gov.instantiate(this.govAddress, codeId, msg, label, "auto", {
      admin: opts.admin ?? this.govAddress,
    });
    return { address: res.contractAddress };
  }

  async migrate(contract: string, codeId: number, msg: JsonObject): Promise<MigrateOutcome> {
    await this.gov.migrate(this.govAddress, contract, codeId, msg, "auto");
    return {};
  }

  async execute(contract: string, msg: JsonObject): Promise<MigrateOutcome> {
    await this.gov.execute(this.govAddress, contract, msg, "auto");
    return {};
  }

  contract(address: string): Promise<ContractState | undefined> {
    return contractState(this.gov, address);
  }

  /** The embedded chain's own (simulated) block time; never the wall clock. */
  chainTime(): Promise<string | undefined> {
    const ns = this.chain.timeNanos;
    return Promise.resolve(ns === undefined ? undefined : new Date(Number(ns / 1_000_000n)).toISOString());
  }
}
