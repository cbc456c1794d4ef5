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
// Only the three number classes: the math modules' limb helpers stay internal.
export * from "./math";
export { keccak256 } from "./crypto/keccak";
export * from "./strings";
export * from "./errors";
export { decodeUtf8Lossy, decodeUtf8Strict, invalidUtf8Offset } from "./utf8";
// Used by the code scripts/codegen generates from msg.ts.
export * from "./fields";
export * from "./some";
export * from "./answer";
