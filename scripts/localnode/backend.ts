/** Chooses how to get a real chain: our wasmd build, the official Docker image, or none. */
import { checkToolchain, usableCachedBinary } from "./build.js";
import { dockerEngineAvailable, startDockerLocalnode } from "./docker.js";
import { startLocalnode } from "./spawn.js";
import type { Localnode, LocalnodeOptions } from "./types.js";

export type BackendChoice = "binary" | "docker" | "off";

export interface BackendSelection {
  backend: BackendChoice;
  /** Why this backend (or, for "off", what would enable one). */
  reason: string;
}

export const ENABLE_HINT = "needs Go >= 1.24 + gcc, or Docker; set LOCALNODE=binary";

/**
 * `LOCALNODE=binary|docker|off` forces a backend. Otherwise: binary if WASMD_BIN or a working cached build exists or
 * Go + gcc can build one, else docker if an engine answers, else off.
 */
export async function selectBackend(env: NodeJS.ProcessEnv = process.env): Promise<BackendSelection> {
  const forced = env.LOCALNODE;
  if (forced !== undefined && forced !== "") {
    if (forced === "binary" || forced === "docker" || forced === "off")
      return { backend: forced, reason: `LOCALNODE=${forced}` };
    throw new Error(`LOCALNODE must be binary, docker or off (got '${forced}')`);
  }
  const cached = await usableCachedBinary();
  if (cached !== undefined) return { backend: "binary", reason: `wasmd binary ${cached}` };
  const tc = await checkToolchain();
  if (tc.ok) return { backend: "binary", reason: "Go and gcc available to build wasmd" };
  if (await dockerEngineAvailable()) return { backend: "docker", reason: "Docker engine answers" };
  return { backend: "off", reason: `no real chain: ${tc.missing.join("; ")}; no Docker engine (${ENABLE_HINT})` };
}

/** Starts a localnet on the selected backend; throws if the selection is "off". */
export async function startAnyLocalnode(opts: LocalnodeOptions = {}): Promise<Localnode> {
  const { backend, reason } = await selectBackend();
  if (backend === "binary") return startLocalnode(opts);
  if (backend === "docker") return startDockerLocalnode(opts);
  throw new Error(reason);
}
