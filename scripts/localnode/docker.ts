/**
 * The "docker" backend: the same localnet.sh inside the official cosmwasm/wasmd image, via testcontainers.
 *
 * Difference to the binary backend: the official image is compiled with bech32 prefix "wasm" (a compile-time
 * setting), so addresses are wasm1… and the gov module is wasm10d07y265gmmuvt4z0w9aw880jnsr700js7zslc. Denom
 * (uakt), chain id, upload permission and gov periods are genesis settings and match the binary backend.
 */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { homedir } from "node:os";
import { join } from "node:path";
import type { StartedTestContainer } from "testcontainers";
import { DEFAULT_DENOM, testAccounts, VALIDATOR, WASM_PREFIX } from "./accounts.js";
import { localnetScript } from "./paths.js";
import { DEFAULT_CHAIN_ID, type Localnode, type LocalnodeOptions } from "./types.js";
import { govAddress } from "../../sim/interface/addresses.js";

export const WASMD_IMAGE = "cosmwasm/wasmd:v0.61.14";

function candidateSockets(): { socketPath?: string; host?: string; port?: number }[] {
  const dockerHost = process.env.DOCKER_HOST;
  if (dockerHost !== undefined && dockerHost !== "") {
    if (dockerHost.startsWith("unix://")) return [{ socketPath: dockerHost.slice("unix://".length) }];
    const url = new URL(dockerHost.replace(/^tcp:/, "http:"));
    return [{ host: url.hostname, port: Number(url.port || 2375) }];
  }
  const sockets = ["/var/run/docker.sock", join(homedir(), ".docker", "run", "docker.sock")];
  const runtime = process.env.XDG_RUNTIME_DIR;
  if (runtime !== undefined) sockets.push(join(runtime, "docker.sock"));
  return sockets.map((socketPath) => ({ socketPath }));
}

function ping(target: { socketPath?: string; host?: string; port?: number }, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ ...target, path: "/_ping", method: "GET", timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => {
      resolve(false);
    });
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/** True if a Docker engine answers /_ping (DOCKER_HOST, the default socket, Docker Desktop or rootless socket). */
export async function dockerEngineAvailable(timeoutMs = 2000): Promise<boolean> {
  for (const target of candidateSockets()) if (await ping(target, timeoutMs)) return true;
  return false;
}

export interface DockerLocalnode extends Localnode {
  readonly container: StartedTestContainer;
}

/** Starts localnet.sh in cosmwasm/wasmd:v0.61.14; resolves once the chain is at height ≥ 2. */
export async function startDockerLocalnode(opts: LocalnodeOptions & { image?: string } = {}): Promise<DockerLocalnode> {
  // testcontainers is a devDependency: load it only on this path so the built CLI works without it.
  const { GenericContainer, Wait } = await import("testcontainers");
  const chainId = opts.chainId ?? DEFAULT_CHAIN_ID;
  const accounts = await testAccounts(WASM_PREFIX);
  const home = "/root/.wasmd";
  const container = await new GenericContainer(opts.image ?? WASMD_IMAGE)
    .withCopyContentToContainer([
      { content: readFileSync(localnetScript(), "utf8"), target: "/opt/localnet.sh", mode: 0o755 },
    ])
    .withEnvironment({
      WASMD: "wasmd",
      WASMD_HOME: home,
      CHAIN_ID: chainId,
      DENOM: DEFAULT_DENOM,
      CODE_UPLOAD: opts.uploadAccess ?? "Nobody",
      VALIDATOR_MNEMONIC: VALIDATOR.mnemonic,
      EXTRA_ACCOUNTS: accounts
        .slice(1)
        .map((a) => a.address)
        .join(" "),
      LISTEN: "0.0.0.0",
    })
    .withEntrypoint(["/bin/sh", "/opt/localnet.sh"])
    .withExposedPorts(26657, 1317, 9090)
    .withWaitStrategy(
      Wait.forHttp("/status", 26657)
        .forStatusCode(200)
        .forResponsePredicate((body) => {
          try {
            const s = JSON.parse(body) as { result?: { sync_info?: { latest_block_height?: string } } };
            return Number(s.result?.sync_info?.latest_block_height ?? 0) >= 2;
          } catch {
            return false;
          }
        }),
    )
    .withStartupTimeout(opts.startTimeoutMs ?? 120_000)
    .start();
  const host = container.getHost();
  return {
    backend: "docker",
    container,
    rpc: `http://${host}:${container.getMappedPort(26657)}`,
    api: `http://${host}:${container.getMappedPort(1317)}`,
    grpc: `${host}:${container.getMappedPort(9090)}`,
    chainId,
    home,
    prefix: WASM_PREFIX,
    denom: DEFAULT_DENOM,
    govAddress: govAddress(WASM_PREFIX),
    accounts,
    stop: async () => {
      await container.stop();
    },
  };
}
