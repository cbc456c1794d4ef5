// `akash-econ localnode build|start|stop|status`: the real local chain (wasmd v0.61.14, prefix akash, denom uakt).
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { selectBackend } from "../../scripts/localnode/backend.js";
import { ensureWasmd, ToolchainMissingError } from "../../scripts/localnode/build.js";
import { startLocalnode } from "../../scripts/localnode/spawn.js";
import { cliHome, nodeStatus, processesUsingHome, stopNode, writeNodeInfo } from "../../scripts/localnode/status.js";
import { DEFAULT_CHAIN_ID } from "../../scripts/localnode/types.js";

const HELP = `usage: akash-econ localnode <build|start|stop|status> [options]

  build    build wasmd v0.61.14 (prefix akash) into .cache/bin/wasmd; fast no-op when up to date
           --force             rebuild even if the cached binary is current
  start    start a single-validator localnet in the background; returns once it has made block 2
           --reset             wipe the chain state first (otherwise an existing chain continues)
           --chain-id ID       default ${DEFAULT_CHAIN_ID} (only for a new chain)
           --port N            RPC port; P2P, API, gRPC use N+1..N+3 (default: free ports)
           --upload Nobody|Everybody   code upload permission (default Nobody: governance only)
  status   running or not, chain id, endpoints, height and the funded TEST accounts
           --json              machine-readable
  stop     stop the node and check that no wasmd process is left

The chain: denom uakt, gov voting 8 s (expedited 4 s), 300 ms blocks, upload by governance only (as on Akash).
Home: .cache/localnode (AKASH_ECON_LOCALNODE_HOME overrides); log in <home>/node.log.
Environment: WASMD_BIN=<path> uses an existing wasmd binary; GO, CC pick the toolchain for the build.
Exit codes: 0 ok, 1 failure, 2 usage error, 3 status: not running.`;

function usageError(msg: string): number {
  console.error(`akash-econ localnode: ${msg} (see \`akash-econ localnode --help\`)`);
  return 2;
}

async function build(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { force: { type: "boolean" } }, strict: true });
  try {
    const bin = await ensureWasmd({ force: values.force ?? false });
    console.log(bin);
    return 0;
  } catch (e) {
    if (e instanceof ToolchainMissingError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

async function start(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      reset: { type: "boolean" },
      "chain-id": { type: "string" },
      port: { type: "string" },
      upload: { type: "string" },
    },
    strict: true,
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65533))
    return usageError(`bad --port ${values.port ?? ""}`);
  const upload = values.upload ?? "Nobody";
  if (upload !== "Nobody" && upload !== "Everybody") return usageError("--upload must be Nobody or Everybody");

  const { backend, reason } = await selectBackend();
  if (backend !== "binary") {
    console.error(
      backend === "docker"
        ? "localnode start runs the native wasmd build; the docker backend is used by tests only (testcontainers " +
            "removes its containers when the process exits). Install Go >= 1.24 + gcc, or set WASMD_BIN."
        : `cannot start a local chain: ${reason}`,
    );
    return 1;
  }
  const home = cliHome();
  const current = await nodeStatus(home);
  if (current.running) {
    console.log(`localnode already running (pid ${current.info?.pid ?? "?"}, rpc ${current.info?.rpc ?? "?"})`);
    return 0;
  }
  const stray = processesUsingHome(home);
  if (stray.length > 0) {
    console.error(`a wasmd process (pid ${stray.join(", ")}) already uses ${home}; stop it first`);
    return 1;
  }
  if (values.reset) rmSync(home, { recursive: true, force: true });
  const bin = await ensureWasmd();
  const node = await startLocalnode({
    wasmd: bin,
    home,
    detached: true,
    uploadAccess: upload,
    ...(values["chain-id"] !== undefined ? { chainId: values["chain-id"] } : {}),
    ...(port !== undefined ? { basePort: port } : {}),
  });
  writeNodeInfo({
    pid: node.pid,
    backend: "binary",
    chainId: node.chainId,
    rpc: node.rpc,
    api: node.api,
    grpc: node.grpc,
    ports: node.ports,
    home: node.home,
    logFile: node.logFile,
    prefix: node.prefix,
    denom: node.denom,
    accounts: [...node.accounts],
  });
  console.log(`localnode started: chain ${node.chainId}, rpc ${node.rpc}, pid ${node.pid} (log ${node.logFile})`);
  return 0;
}

async function status(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } }, strict: true });
  const s = await nodeStatus();
  if (values.json) {
    console.log(JSON.stringify(s, null, 2));
    return s.running ? 0 : 3;
  }
  if (!s.running || s.info === undefined) {
    console.log(`localnode: not running${s.info ? ` (stale ${cliHome()}/node.json)` : ""}`);
    return 3;
  }
  const i = s.info;
  const rows: [string, string][] = [
    ["localnode", `running (pid ${i.pid})`],
    ["chain id", i.chainId],
    ["rpc", i.rpc],
    ["api", i.api],
    ["grpc", i.grpc],
    ["height", s.height === undefined ? "(rpc not answering)" : String(s.height)],
    ["denom", i.denom],
    ["gov module", s.govAddress ?? ""],
    ["home", i.home],
  ];
  for (const [k, v] of rows) console.log(`${`${k}:`.padEnd(12)}${v}`);
  console.log("test accounts (well-known TEST mnemonics — public, never use them on a real network):");
  const w = Math.max(...i.accounts.map((a) => a.name.length));
  for (const a of i.accounts) console.log(`  ${a.name.padEnd(w)}  ${a.address}  ${a.mnemonic}`);
  return 0;
}

async function stop(args: string[]): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const { wasRunning } = await stopNode();
  console.log(wasRunning ? "localnode stopped; no wasmd process left" : "localnode: not running");
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) return usageError("missing subcommand");
  if (sub === "--help" || sub === "-h" || sub === "help" || rest.includes("--help") || rest.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const subs: Record<string, (a: string[]) => Promise<number>> = { build, start, stop, status };
  const fn = subs[sub];
  if (fn === undefined) return usageError(`unknown subcommand '${sub}'`);
  try {
    return await fn(rest);
  } catch (e) {
    if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      return usageError(e.message);
    }
    throw e;
  }
}
