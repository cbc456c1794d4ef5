/** Runs scripts/localnet.sh with our wasmd build as a child process (the "binary" backend). */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AKASH_PREFIX, DEFAULT_DENOM, testAccounts, VALIDATOR } from "./accounts.js";
import { ensureWasmd } from "./build.js";
import { cacheDir, localnetScript } from "./paths.js";
import { DEFAULT_CHAIN_ID, type Localnode, type LocalnodeOptions } from "./types.js";
import { govAddress } from "../../sim/interface/addresses.js";

export { DEFAULT_CHAIN_ID, type Localnode, type LocalnodeOptions } from "./types.js";

export interface SpawnOptions extends LocalnodeOptions {
  /** wasmd binary (default: ensureWasmd()). */
  wasmd?: string;
  /**
   * Leave the node running when this process exits (CLI `localnode start`); stop() still works.
   * Attached nodes are killed with the test process.
   */
  detached?: boolean;
}

export interface SpawnedLocalnode extends Localnode {
  readonly pid: number;
  readonly ports: LocalnodePorts;
  readonly logFile: string;
}

export interface LocalnodePorts {
  rpc: number;
  p2p: number;
  api: number;
  grpc: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Distinct free loopback ports. All probes stay open until every port is chosen, so none is handed out twice. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.once("error", reject);
          s.listen(0, "127.0.0.1", () => {
            resolve(s);
          });
        }),
    ),
  );
  const ports = servers.map((s) => {
    const addr = s.address();
    if (addr === null || typeof addr === "string") throw new Error("unexpected server address");
    return addr.port;
  });
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

export async function portsFor(basePort?: number): Promise<LocalnodePorts> {
  if (basePort !== undefined) return { rpc: basePort, p2p: basePort + 1, api: basePort + 2, grpc: basePort + 3 };
  const [rpc, p2p, api, grpc] = (await freePorts(4)) as [number, number, number, number];
  return { rpc, p2p, api, grpc };
}

interface StatusResponse {
  result?: { node_info?: { network?: string }; sync_info?: { latest_block_height?: string } };
}

/** Latest block height from CometBFT RPC /status, or undefined if it does not answer. */
export async function rpcHeight(rpc: string, timeoutMs = 3000): Promise<number | undefined> {
  try {
    const res = await fetch(`${rpc}/status`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    const body = (await res.json()) as StatusResponse;
    const h = Number(body.result?.sync_info?.latest_block_height);
    return Number.isFinite(h) ? h : undefined;
  } catch {
    return undefined;
  }
}

export function logTail(file: string, chars = 3000): string {
  try {
    const text = readFileSync(file, "utf8");
    return text.slice(-chars);
  } catch {
    return "";
  }
}

/** True while any process of the group exists and is not a zombie (a zombie still answers kill(0)). */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (process.platform !== "linux") return true;
  try {
    const stat = readFileSync(`/proc/${pgid}/stat`, "utf8");
    // state is the field after the parenthesised command name
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    // the leader is gone but other members of the group still exist
    return true;
  }
}

/** SIGTERM the whole process group, SIGKILL after `graceMs`, and return only once nothing of it is left. */
export async function killProcessGroup(pgid: number, graceMs = 15_000): Promise<void> {
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (processGroupAlive(pgid)) {
    if (Date.now() > deadline) {
      signal("SIGKILL");
      await sleep(200);
      if (Date.now() > deadline + 10_000) throw new Error(`process group ${pgid} survives SIGKILL`);
      continue;
    }
    await sleep(100);
  }
}

export async function waitForHeight(
  rpc: string,
  minHeight: number,
  timeoutMs: number,
  alive: () => string | undefined,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = alive();
    if (dead !== undefined) throw new Error(dead);
    const h = await rpcHeight(rpc);
    if (h !== undefined && h >= minHeight) return h;
    if (Date.now() > deadline) throw new Error(`node at ${rpc} did not reach height ${minHeight} in ${timeoutMs} ms`);
    await sleep(250);
  }
}

/**
 * Initialising a home costs ~6 s (each wasmd CLI call starts a 170 MB binary). The result depends only on the
 * inputs hashed below, so it is built once into .cache/localnode-templates/<hash> and copied into new homes.
 */
async function prepareHome(home: string, env: (home: string) => NodeJS.ProcessEnv, wasmd: string): Promise<void> {
  if (existsSync(join(home, "config", "genesis.json"))) return;
  const probe = env(home);
  const h = createHash("sha256");
  h.update(readFileSync(localnetScript()));
  const st = statSync(wasmd);
  h.update(`${wasmd}\0${st.size}\0${st.mtimeMs}`);
  for (const k of ["CHAIN_ID", "DENOM", "CODE_UPLOAD", "EXTRA_ACCOUNTS", "VALIDATOR_MNEMONIC"])
    h.update(`\0${probe[k] ?? ""}`);
  const root = join(cacheDir(), "localnode-templates");
  const template = join(root, h.digest("hex").slice(0, 24));
  if (!existsSync(join(template, "config", "genesis.json"))) {
    mkdirSync(root, { recursive: true });
    const tmp = mkdtempSync(join(root, ".tmp-"));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = "";
        const child = spawn("sh", [localnetScript()], { env: { ...env(tmp), INIT_ONLY: "1" } });
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("error", reject);
        child.on("exit", (code) => {
          if (code === 0) resolve();
          else reject(new Error(`localnet.sh init failed (exit ${code}):\n${out.slice(-3000)}`));
        });
      });
      try {
        renameSync(tmp, template);
      } catch {
        // another process built the same template first; theirs is identical
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  cpSync(template, home, { recursive: true });
  // Block 1 carries the genesis time: restart the chain's clock now rather than when the template was made.
  const genesisFile = join(home, "config", "genesis.json");
  const genesis = readFileSync(genesisFile, "utf8");
  writeFileSync(
    genesisFile,
    genesis.replace(/"genesis_time": "[^"]*"/, `"genesis_time": "${new Date().toISOString()}"`),
  );
}

/**
 * Starts a single-validator wasmd localnet (upload Nobody, gov periods 8s/4s, 300 ms blocks) and resolves once it
 * has produced block 2. stop() terminates the process group and waits until no process is left.
 */
export async function startLocalnode(opts: SpawnOptions = {}): Promise<SpawnedLocalnode> {
  const wasmd = opts.wasmd ?? (await ensureWasmd());
  const chainId = opts.chainId ?? DEFAULT_CHAIN_ID;
  const tempHome = opts.home === undefined;
  const home = opts.home ?? mkdtempSync(join(tmpdir(), "akash-localnode-"));
  mkdirSync(home, { recursive: true });
  const ports = await portsFor(opts.basePort);
  const accounts = await testAccounts(AKASH_PREFIX);
  const env = (wasmdHome: string): NodeJS.ProcessEnv => ({
    ...process.env,
    WASMD: wasmd,
    WASMD_HOME: wasmdHome,
    CHAIN_ID: chainId,
    DENOM: DEFAULT_DENOM,
    CODE_UPLOAD: opts.uploadAccess ?? "Nobody",
    VALIDATOR_MNEMONIC: VALIDATOR.mnemonic,
    EXTRA_ACCOUNTS: accounts
      .slice(1)
      .map((a) => a.address)
      .join(" "),
    LISTEN: "127.0.0.1",
    RPC_PORT: String(ports.rpc),
    P2P_PORT: String(ports.p2p),
    API_PORT: String(ports.api),
    GRPC_PORT: String(ports.grpc),
  });
  await prepareHome(home, env, wasmd);
  const logFile = join(home, "node.log");
  const logFd = openSync(logFile, "a");
  // Own process group (detached) so that stop() can signal the shell and wasmd together.
  const child = spawn("sh", [localnetScript()], { env: env(home), detached: true, stdio: ["ignore", logFd, logFd] });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn scripts/localnet.sh");
  let exited: string | undefined;
  child.on("exit", (code, sig) => {
    exited = `wasmd exited (${sig ?? `code ${code}`}) before the chain was ready; ${logFile}:\n${logTail(logFile)}`;
  });
  // The node has its own process group, so it would outlive a test process that exits without calling stop().
  const killOnExit = (): void => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
    if (tempHome) rmSync(home, { recursive: true, force: true });
  };
  if (opts.detached) child.unref();
  else process.once("exit", killOnExit);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", killOnExit);
    await killProcessGroup(pid);
    if (tempHome) rmSync(home, { recursive: true, force: true });
  };
  const rpc = `http://127.0.0.1:${ports.rpc}`;
  try {
    await waitForHeight(rpc, 2, opts.startTimeoutMs ?? 120_000, () => exited);
  } catch (e) {
    await stop().catch(() => undefined);
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(exited ?? `${msg}; ${logFile}:\n${existsSync(logFile) ? logTail(logFile) : ""}`);
  }
  return {
    backend: "binary",
    pid,
    ports,
    logFile,
    rpc,
    api: `http://127.0.0.1:${ports.api}`,
    grpc: `127.0.0.1:${ports.grpc}`,
    chainId,
    home,
    prefix: AKASH_PREFIX,
    denom: DEFAULT_DENOM,
    govAddress: govAddress(AKASH_PREFIX),
    accounts,
    stop,
  };
}
