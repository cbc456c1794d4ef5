// The chain interface: what every backend (the embedded chain in sim/chain, a wasmd node through
// scripts/localnode) offers, so deployments, benches and test suites are written once for both.

export type { Amount, Coin } from "./coin.js";
export { DENOM_PATTERN, isDenom } from "./coin.js";
export { govAddress, moduleAddress } from "./addresses.js";
export type {
  ChainClient,
  Code,
  Contract,
  DeliverTxResponse,
  ExecuteResult,
  Fee,
  InstantiateOptions,
  InstantiateResult,
  JsonObject,
  MigrateResult,
  StdFee,
  UploadResult,
} from "./client.js";
export type {
  ContractState,
  Governance,
  GovInstantiateOptions,
  InstantiateOutcome,
  MigrateOptions,
  MigrateOutcome,
  StoreCodeOptions,
  StoreCodeOutcome,
} from "./governance.js";
export { codeIdByChecksum, contractState, isNotFound, wasmChecksum } from "./governance.js";
export type { BlockControl } from "./blocks.js";
export type { ChainBackend } from "./backend.js";
