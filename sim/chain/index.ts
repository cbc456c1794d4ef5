// The embedded chain's public API.

export { EmbeddedChain, TxError } from "./chain.js";
export type { ChainSnapshot, EmbeddedChainOptions, TxRecord } from "./chain.js";
export { EmbeddedClient } from "./client.js";
export { EmbeddedGovernance, type GovernedChain } from "./governance.js";
export { EmbeddedBlocks } from "./blocks.js";
export { accountAddress, classicContractAddress, predictableContractAddress } from "./addresses.js";
export { AKASH_ALLOWED_ANY } from "./akash-filter.js";
export { ChainError } from "./errors.js";
export { MEMORY_LIMIT_PAGES } from "./memory-limit.js";
