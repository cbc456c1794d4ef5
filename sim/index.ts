// The package's public API: the embedded chain and the chain interface it implements.

export * from "./chain/index.js";
export * from "./interface/index.js";
