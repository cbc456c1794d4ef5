import { join } from "node:path";
import { repoRoot } from "../lib/repo-root.js";

/** The built escrow contract (from the source tree or from dist). */
export const escrowWasmPath = (): string => join(repoRoot(), "artifacts", "escrow.wasm");
