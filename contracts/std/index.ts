// Everything a contract needs, from one import: `import { … } from "../std"`.

export * from "./imports";
export * from "./region";
export * from "./abort";
export * from "./exports";
export * from "./encoding";
export * from "./json";
export * from "./types";
export * from "./response";
export * from "./storage";
export * from "./querier";
export * from "./api";
export * from "./entry";
export * from "./math/uint128";
export * from "./math/uint256";
export * from "./math/decimal";
export * from "./crypto/keccak";
