// A chain as benches, deployments and cross-chain test suites use it: the client surface, governance and block
// control of one running chain, with accounts the client can sign for.

import type { BlockControl } from "./blocks.js";
import type { ChainClient } from "./client.js";
import type { Governance } from "./governance.js";

export interface ChainBackend extends BlockControl {
  readonly name: "embedded" | "wasmd";
  readonly client: ChainClient;
  readonly governance: Governance;
  readonly denom: string;
  /** Funded accounts the client can sign for; [0] deploys and pays. */
  readonly accounts: readonly string[];
  close(): Promise<void>;
}
