/** State of the CLI-managed node (`akash-econ localnode start`), kept in <home>/node.json. */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type TestAccount } from "./accounts.js";
import { cliNodeHome } from "./paths.js";
import { killProcessGroup, processGroupAlive, rpcHeight, type LocalnodePorts } from "./spawn.js";
import { govAddress } from "../../sim/interface/addresses.js";

export interface NodeInfo {
  pid: number;
  backend: "binary";
  chainId: string;
  rpc: string;
  api: string;
  grpc: string;
  ports: LocalnodePorts;
  home: string;
  logFile: string;
  prefix: string;
  denom: string;
  accounts: TestAccount[];
}

/** `AKASH_ECON_LOCALNODE_HOME` moves the CLI node's home away from .cache/localnode (tests use a temp dir). */
export function cliHome(): string {
  const env = process.env.AKASH_ECON_LOCALNODE_HOME;
  return env !== undefined && env !== "" ? env : cliNodeHome();
}

const infoFile = (home: string): string => join(home, "node.json");

export function readNodeInfo(home: string = cliHome()): NodeInfo | undefined {
  const file = infoFile(home);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as NodeInfo;
}

export function writeNodeInfo(info: NodeInfo): void {
  writeFileSync(infoFile(info.home), `${JSON.stringify(info, null, 2)}\n`);
}

export interface NodeStatus {
  running: boolean;
  info?: NodeInfo;
  height?: number;
  govAddress?: string;
}

export async function nodeStatus(home: string = cliHome()): Promise<NodeStatus> {
  const info = readNodeInfo(home);
  if (info === undefined) return { running: false };
  const running = processGroupAlive(info.pid);
  const height = running ? await rpcHeight(info.rpc) : undefined;
  return {
    running,
    info,
    ...(height !== undefined ? { height } : {}),
    govAddress: govAddress(info.prefix),
  };
}

/** PIDs whose command line mentions `home` (wasmd started with --home <home>), found through /proc. */
export function processesUsingHome(home: string): number[] {
  if (process.platform !== "linux") return [];
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const zombie = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
      if (!zombie && args.includes("--home") && args.includes(home)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Stops the CLI node; resolves only when neither its process group nor any wasmd on its home is left. */
export async function stopNode(home: string = cliHome()): Promise<{ wasRunning: boolean }> {
  const info = readNodeInfo(home);
  const wasRunning = info !== undefined && processGroupAlive(info.pid);
  if (info !== undefined) await killProcessGroup(info.pid);
  const stray = processesUsingHome(home);
  if (stray.length > 0) throw new Error(`wasmd still running on ${home}: pid ${stray.join(", ")}`);
  rmSync(infoFile(home), { force: true });
  return { wasRunning };
}
