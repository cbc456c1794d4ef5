// The chains a run can drive, behind SimChain. The embedded chain is warmed once per system-parameter set (contracts
// deployed through governance) and forked per run; a local wasmd node (`chain: local`) is started once, and each run
// deploys fresh contracts through real x/gov proposals on it, one run after another.
import { Bip39, sha256 } from "@cosmjs/crypto";
import { toUtf8 } from "@cosmjs/encoding";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddedBlocks, EmbeddedChain, EmbeddedGovernance } from "../chain/index.js";
import type { ChainBackend, Coin } from "../interface/index.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import type { Mechanism, Params, SimChain } from "./types.js";

export const artifactPath = (name: string): string => join(repoRoot(), "artifacts", `${name}.wasm`);

export function readArtifact(name: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(artifactPath(name)));
  } catch {
    throw new Error(`artifacts/${name}.wasm is missing: run \`npm run build\` first`);
  }
}

/** Deploys every mechanism in dependency order through the chain's governance; returns name → address. */
export async function deployMechanisms(
  chain: SimChain,
  mechanisms: readonly Mechanism[],
  params: Params,
): Promise<Record<string, string>> {
  const contracts: Record<string, string> = {};
  const pending = mechanisms.filter((m) => m.enabled?.(params) ?? true);
  while (pending.length > 0) {
    const i = pending.findIndex((m) =>
      (m.after ?? []).every((d) => contracts[d] !== undefined || !pending.some((p) => p.name === d)),
    );
    if (i < 0) throw new Error(`mechanisms depend on each other in a cycle: ${pending.map((m) => m.name).join(", ")}`);
    const m = pending.splice(i, 1)[0]!;
    contracts[m.name] = await m.deploy({ chain, params, contracts, wasm: readArtifact });
  }
  return contracts;
}

export class EmbeddedSimChain implements SimChain {
  readonly kind = "embedded" as const;
  readonly backend: ChainBackend;
  readonly fundable = ["uakt", "uusdc"] as const;
  private readonly blocks: EmbeddedBlocks;
  /** Wallet addresses by name: deriving one hashes and bech32-encodes, and agents ask for them on every tx. */
  private readonly wallets = new Map<string, string>();

  constructor(
    readonly chain: EmbeddedChain,
    private readonly blockTimeSeconds: number,
  ) {
    this.blocks = new EmbeddedBlocks(chain);
    const blocks = this.blocks;
    this.backend = {
      name: "embedded",
      client: chain.client(),
      governance: new EmbeddedGovernance(chain),
      denom: chain.denom,
      accounts: [],
      now: () => blocks.now(),
      advance: (n) => blocks.advance(n),
      close: () => Promise.resolve(),
    };
  }

  static create(start: string, blockTimeSeconds: number): EmbeddedSimChain {
    // Agents read each tx's result as it returns; no tx log is kept (docs/embedded-chain.md#tx-log).
    const chain = new EmbeddedChain({
      akash: true,
      blockTimeSeconds,
      startTime: new Date(start),
      chainId: "sim-1",
      txLogLimit: 0,
    });
    return new EmbeddedSimChain(chain, blockTimeSeconds);
  }

  fork(): EmbeddedSimChain {
    return new EmbeddedSimChain(this.chain.fork(), this.blockTimeSeconds);
  }

  wallet(role: string, index: number): string {
    const name = `${role}-${index}`;
    let address = this.wallets.get(name);
    if (address === undefined) this.wallets.set(name, (address = this.chain.addressFor(name)));
    return address;
  }

  fund(address: string, coins: readonly Coin[]): Promise<void> {
    this.chain.fund(address, coins);
    return Promise.resolve();
  }

  advance(seconds: number): Promise<void> {
    return this.backend.advance(Math.max(1, Math.round(seconds / this.blockTimeSeconds)));
  }
}

/** Wallet slots on a local node: a fixed pool of keys, a range per role (indexes wrap within the range). */
const LOCAL_ROLES: Record<string, [number, number]> = {
  relayer: [0, 1],
  keeper: [1, 1],
  treasury: [2, 1],
  provider: [3, 5],
  sponsor: [8, 2],
  tenant: [10, 20],
  arbitrageur: [30, 1],
};
export const LOCAL_WALLETS = 31;

export function localMnemonic(i: number): string {
  // Deterministic, test-only keys: entropy = sha256 of a label. Never use them for real funds.
  return Bip39.encode(sha256(toUtf8(`akash-econ sim wallet ${i}`)).slice(0, 16)).toString();
}

export class LocalSimChain implements SimChain {
  readonly kind = "local" as const;
  readonly fundable: readonly string[];

  constructor(
    readonly backend: ChainBackend,
    private readonly pool: readonly string[],
    private readonly faucet: string,
  ) {
    this.fundable = [backend.denom];
  }

  wallet(role: string, index: number): string {
    const [first, size] = LOCAL_ROLES[role] ?? [0, 1];
    return this.pool[first + (index % size)]!;
  }

  async fund(address: string, coins: readonly Coin[]): Promise<void> {
    const send = coins.filter((c) => this.fundable.includes(c.denom));
    // A local node's faucet is finite: cap what one wallet gets (the scenario's figures are far below it).
    const capped = send.map((c) => ({
      denom: c.denom,
      amount: (BigInt(c.amount) > 5_000_000_000n ? 5_000_000_000n : BigInt(c.amount)).toString(),
    }));
    if (capped.length > 0) await this.backend.client.sendTokens(this.faucet, address, capped, "auto");
  }

  /** A real node makes its own blocks: a step lets one block pass (its length cannot be chosen). */
  advance(): Promise<void> {
    return this.backend.advance(1);
  }
}

/** Starts a wasmd localnet (or throws saying why none can run) with the simulation's wallet pool. */
export async function startLocalChain(): Promise<LocalSimChain> {
  const { startAnyLocalnode, selectBackend } = await import("../../scripts/localnode/backend.js");
  const sel = await selectBackend();
  if (sel.backend === "off") throw new Error(`chain: local is unreachable: ${sel.reason}`);
  const { connectNodeClient } = await import("../../scripts/localnode/node-client.js");
  const { NodeGovernance } = await import("../../scripts/localnode/governance.js");
  const { NodeBlocks } = await import("../../scripts/localnode/blocks.js");
  const { addressOf } = await import("../../scripts/localnode/accounts.js");
  const node = await startAnyLocalnode();
  try {
    const mnemonics = Array.from({ length: LOCAL_WALLETS }, (_, i) => localMnemonic(i));
    const client = await connectNodeClient(node, { extraMnemonics: mnemonics });
    const faucet = node.accounts[0]!.address;
    const pool = await Promise.all(mnemonics.map((m) => addressOf(m, node.prefix)));
    const blocks = new NodeBlocks(client);
    const backend: ChainBackend = {
      name: "wasmd",
      client,
      governance: new NodeGovernance(client, { proposer: faucet, prefix: node.prefix }),
      denom: node.denom,
      accounts: [faucet, ...pool],
      now: () => blocks.now(),
      advance: (n) => blocks.advance(n),
      close: () => node.stop(),
    };
    // Gas money for every wallet, one multi-send tx.
    const amount: Coin[] = [{ denom: node.denom, amount: "2000000000" }];
    const sends = pool.map((toAddress) => ({
      typeUrl: "/cosmos.bank.v1beta1.MsgSend",
      value: { fromAddress: faucet, toAddress, amount },
    }));
    const funded = await client.signing.signAndBroadcast(faucet, sends, "auto");
    if (funded.code !== 0) throw new Error(`funding the simulation wallets failed: code ${funded.code}`);
    return new LocalSimChain(backend, pool, faucet);
  } catch (e) {
    await node.stop();
    throw e;
  }
}
