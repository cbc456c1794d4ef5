import { join } from "node:path";
import { repoRoot } from "../lib/repo-root.js";

export const cacheDir = (): string => join(repoRoot(), ".cache");
export const localnetScript = (): string => join(repoRoot(), "scripts", "localnet.sh");
/** Home of the node started by `akash-econ localnode start`. */
export const cliNodeHome = (): string => join(cacheDir(), "localnode");
