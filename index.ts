// Package entry: `import { EmbeddedChain } from "akash-econ"`.
export * from "./sim/index.js";
