// `akash-econ deploy`: store/instantiate/migrate the built contracts through governance, or emit the proposal file.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { AKASH_PREFIX, DEFAULT_DENOM, VALIDATOR, addressOf } from "../../scripts/localnode/accounts.js";
import { connectNodeClient, type NodeChainClient } from "../../scripts/localnode/node-client.js";
import { cliHome, nodeStatus } from "../../scripts/localnode/status.js";
import { deploy } from "../../scripts/deploy/deploy.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { wasmChecksum, type Governance } from "../../sim/interface/governance.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import { loadPlan, readChecksums, resolvePlan, defaultArtifactsDir } from "../../scripts/deploy/plan.js";
import { storeCodeProposal, writeProposal } from "../../scripts/deploy/proposal.js";
import { govAddress } from "../../sim/interface/addresses.js";
import { DENOM_PATTERN } from "../../sim/interface/coin.js";

const HELP = `usage: akash-econ deploy [options]

Stores every artifacts/*.wasm through an x/gov proposal (skipped when its checksum is already on chain),
instantiates it once with the gov module as admin, and records the result in deployments/<chain-id>.json.
Re-running is safe: unchanged code is not stored again and recorded contracts keep their address.

  --chain embedded|local|<rpc-url>
                        embedded: in-process EmbeddedChain (a dry run; its state ends with the process)
                        local:    the node of \`akash-econ localnode start\` (default)
                        <rpc-url>: any CometBFT 0.38 RPC endpoint; needs --mnemonic-env
  --contracts a,b       only these contracts (names of artifacts/<name>.wasm)
  --migrate             migrate recorded contracts whose code changed, through a proposal
  --emit-proposal FILE  do not deploy: write a MsgStoreCode proposal for \`akash tx gov submit-proposal FILE\`
  --mnemonic-env VAR    read the proposer's mnemonic from environment variable VAR (local default: the TEST
                        validator, which also votes; on <rpc-url> this key submits and votes)
  --plan FILE           JSON plan {"contracts":[{"name","wasm"?,"instantiate_msg"?,"migrate_msg"?,"label"?,"admin"?}]};
                        "$GOV" and "$DENOM" strings are replaced by the gov address and denom
  --artifacts DIR       default artifacts/
  --deployments DIR     default deployments/
  --deposit COINS       deposit written by --emit-proposal (default 50000000uakt)
  --prefix P            bech32 prefix for <rpc-url> and --emit-proposal (default akash)
  --denom D             fee denom for <rpc-url> (default uakt); gas price 0.025<denom>
  --no-expedited        regular instead of expedited proposals
  -h, --help

Exit codes: 0 ok, 1 failure (e.g. a proposal FAILED: its failed_reason is printed), 2 usage error.`;

function usageError(msg: string): number {
  console.error(`akash-econ deploy: ${msg} (see \`akash-econ deploy --help\`)`);
  return 2;
}

interface Target {
  governance: Governance;
  close(): void;
}

async function nodeTarget(
  endpoint: { rpc: string; prefix: string; denom: string },
  proposerMnemonic: string,
  voterMnemonic: string,
  expedited: boolean,
): Promise<Target> {
  const proposer = await addressOf(proposerMnemonic, endpoint.prefix);
  const voter = await addressOf(voterMnemonic, endpoint.prefix);
  const client: NodeChainClient = await connectNodeClient(endpoint, {
    extraMnemonics: [...new Set([proposerMnemonic, voterMnemonic])],
  });
  const governance = new NodeGovernance(client, {
    proposer,
    voters: [voter],
    prefix: endpoint.prefix,
    expedited,
    log: (l) => {
      console.log(`  ${l}`);
    },
  });
  return {
    governance,
    close: () => {
      client.disconnect();
    },
  };
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        chain: { type: "string" },
        contracts: { type: "string" },
        migrate: { type: "boolean" },
        "emit-proposal": { type: "string" },
        "mnemonic-env": { type: "string" },
        plan: { type: "string" },
        artifacts: { type: "string" },
        deployments: { type: "string" },
        deposit: { type: "string" },
        prefix: { type: "string" },
        denom: { type: "string" },
        "no-expedited": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  if (v.help) {
    console.log(HELP);
    return 0;
  }
  const chain = v.chain ?? "local";
  if (chain !== "embedded" && chain !== "local" && !/^(https?|wss?):\/\//.test(chain))
    return usageError(`--chain must be embedded, local or an http(s) RPC URL (got '${chain}')`);
  const contracts = v.contracts
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (contracts !== undefined && contracts.length === 0) return usageError("--contracts is empty");
  if (v.deposit !== undefined && !new RegExp(`^\\d+${DENOM_PATTERN}$`).test(v.deposit))
    return usageError(`bad --deposit '${v.deposit}' (want e.g. 50000000uakt)`);
  let mnemonic: string | undefined;
  if (v["mnemonic-env"] !== undefined) {
    mnemonic = process.env[v["mnemonic-env"]]?.trim();
    if (mnemonic === undefined || mnemonic === "")
      return usageError(`environment variable ${v["mnemonic-env"]} (from --mnemonic-env) is empty`);
  }
  const prefix = v.prefix ?? AKASH_PREFIX;
  const denom = v.denom ?? DEFAULT_DENOM;
  const artifactsDir = v.artifacts ?? defaultArtifactsDir();

  const plan = loadPlan({
    artifactsDir,
    ...(contracts !== undefined ? { contracts } : {}),
    ...(v.plan !== undefined ? { planFile: v.plan } : {}),
  });
  if (plan.length === 0) {
    console.error(`nothing to deploy: no ${artifactsDir}/*.wasm (run \`npm run build\`)`);
    return 1;
  }

  if (v["emit-proposal"] !== undefined) {
    const file = v["emit-proposal"];
    const known = readChecksums(artifactsDir);
    const items = plan.map((p) => ({ name: p.name, wasm: new Uint8Array(readFileSync(p.wasmPath)) }));
    for (const it of items) {
      const listed = known.get(`${it.name}.wasm`);
      if (listed !== undefined && listed !== wasmChecksum(it.wasm)) {
        console.error(`${it.name}.wasm does not match artifacts/checksums.txt (rebuild with \`npm run build\`)`);
        return 1;
      }
    }
    writeProposal(
      file,
      storeCodeProposal(items, {
        govAddress: govAddress(prefix),
        deposit: v.deposit ?? `50000000${denom}`,
        expedited: false,
      }),
    );
    for (const it of items) console.log(`${it.name}: sha256 ${wasmChecksum(it.wasm)} (${it.wasm.length} bytes)`);
    console.log(`wrote ${file}; submit with: akash tx gov submit-proposal ${basename(file)} --from <key>`);
    return 0;
  }

  const expedited = !(v["no-expedited"] ?? false);
  let target: Target;
  if (chain === "embedded") {
    const { EmbeddedChain } = await import("../../sim/index.js");
    const embedded = new EmbeddedChain({ akash: true });
    target = { governance: new EmbeddedGovernance(embedded), close: () => undefined };
  } else if (chain === "local") {
    const s = await nodeStatus();
    if (!s.running || s.info === undefined) {
      console.error(`no local node running (${cliHome()}); start one with \`akash-econ localnode start\``);
      return 1;
    }
    target = await nodeTarget(s.info, mnemonic ?? VALIDATOR.mnemonic, VALIDATOR.mnemonic, expedited);
  } else {
    if (mnemonic === undefined) return usageError("--chain <rpc-url> needs --mnemonic-env VAR (the proposer key)");
    target = await nodeTarget({ rpc: chain, prefix, denom }, mnemonic, mnemonic, expedited);
  }

  try {
    const gov = target.governance;
    console.log(`deploying ${plan.map((p) => p.name).join(", ")} to ${gov.chainId} (gov ${gov.govAddress})`);
    const result = await deploy(resolvePlan(plan, { govAddress: gov.govAddress, denom }), gov, {
      migrate: v.migrate ?? false,
      ...(v.deployments !== undefined ? { deploymentsDir: v.deployments } : {}),
      log: (l) => {
        console.log(l);
      },
    });
    const pending = result.actions.filter((a) => a.migrationPending).map((a) => a.name);
    if (pending.length > 0) console.log(`code changed for ${pending.join(", ")}: re-run with --migrate to upgrade`);
    console.log(`recorded ${result.recordFile}`);
    return 0;
  } finally {
    target.close();
  }
}
