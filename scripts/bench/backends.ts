// The two chains a bench runs on, behind one shape: contracts are deployed through governance and driven through
// the same ChainClient calls, so a figure on one backend is comparable with the same figure on the other.
import { Bip39, sha256 } from "@cosmjs/crypto";
import { toUtf8 } from "@cosmjs/encoding";
import { EmbeddedChain } from "../../sim/index.js";
import type { ChainClient, Coin } from "../../sim/client-types.js";
import { EmbeddedGovernance } from "../deploy/embedded-governance.js";
import type { Governance } from "../deploy/governance.js";
import { NodeGovernance } from "../deploy/node-governance.js";
import { addressOf } from "../localnode/accounts.js";
import { startAnyLocalnode } from "../localnode/backend.js";
import { connectNodeClient } from "../localnode/node-client.js";
import type { Localnode } from "../localnode/types.js";

export interface Backend {
  readonly name: "embedded" | "wasmd";
  readonly client: ChainClient;
  readonly governance: Governance;
  readonly denom: string;
  /** Funded accounts the client can sign for; [0] deploys and pays. */
  readonly accounts: readonly string[];
  /** Latest block time in unix seconds. */
  now(): Promise<number>;
  /** Let `n` blocks pass. */
  advance(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Accounts beyond the localnet's few test keys: the escrow figures need 50 distinct depositors. */
const EXTRA_ACCOUNTS = 60;
const ACCOUNT_FUNDS = 10_000_000_000n;

function benchMnemonic(i: number): string {
  // Deterministic, test-only: entropy = sha256 of a label. Never use such keys for real funds.
  return Bip39.encode(sha256(toUtf8(`akash-econ bench account ${i}`)).slice(0, 16)).toString();
}

export function embeddedBackend(): Backend {
  const chain = new EmbeddedChain();
  const accounts = Array.from({ length: EXTRA_ACCOUNTS + 1 }, (_, i) => chain.addressFor(`bench-${i}`));
  for (const a of accounts) chain.fund(a, [{ denom: chain.denom, amount: ACCOUNT_FUNDS.toString() }]);
  return {
    name: "embedded",
    client: chain.client(),
    governance: new EmbeddedGovernance(chain),
    denom: chain.denom,
    accounts,
    now: () => Promise.resolve(Number(chain.timeNanos / 1_000_000_000n)),
    advance: (n) => {
      chain.advanceBlocks(n);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

export async function wasmdBackend(): Promise<Backend> {
  const node: Localnode = await startAnyLocalnode();
  try {
    const mnemonics = Array.from({ length: EXTRA_ACCOUNTS }, (_, i) => benchMnemonic(i));
    const client = await connectNodeClient(node, { extraMnemonics: mnemonics });
    const funder = node.accounts[0]!.address;
    const extra = await Promise.all(mnemonics.map((m) => addressOf(m, node.prefix)));
    const amount: Coin[] = [{ denom: node.denom, amount: ACCOUNT_FUNDS.toString() }];
    // One tx with a MsgSend per account: 60 sequential txs would cost a block each.
    const sends = extra.map((toAddress) => ({
      typeUrl: "/cosmos.bank.v1beta1.MsgSend",
      value: { fromAddress: funder, toAddress, amount },
    }));
    const funded = await client.signing.signAndBroadcast(funder, sends, "auto");
    if (funded.code !== 0) throw new Error(`funding the bench accounts failed: code ${funded.code}`);
    const governance = new NodeGovernance(client, { proposer: funder, prefix: node.prefix });
    const blockTime = async (): Promise<number> => {
      const block = await client.comet.block();
      return Math.floor(block.block.header.time.getTime() / 1000);
    };
    return {
      name: "wasmd",
      client,
      governance,
      denom: node.denom,
      accounts: [funder, ...extra],
      now: blockTime,
      advance: async (n) => {
        const target = (await client.getHeight()) + n;
        while ((await client.getHeight()) < target) await new Promise((r) => setTimeout(r, 200));
      },
      close: () => node.stop(),
    };
  } catch (error) {
    await node.stop();
    throw error;
  }
}
