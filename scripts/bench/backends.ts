// The two chains a bench runs on, behind one shape: contracts are deployed through governance and driven through
// the same ChainClient calls, so a figure on one backend is comparable with the same figure on the other.
import { Bip39, sha256 } from "@cosmjs/crypto";
import { toUtf8 } from "@cosmjs/encoding";
import { EmbeddedBlocks, EmbeddedChain, EmbeddedGovernance, type EmbeddedChainOptions } from "../../sim/index.js";
import type { ChainBackend, Coin } from "../../sim/interface/index.js";
import { NodeGovernance } from "../localnode/governance.js";
import { addressOf } from "../localnode/accounts.js";
import { NodeBlocks } from "../localnode/blocks.js";
import { startAnyLocalnode } from "../localnode/backend.js";
import { connectNodeClient } from "../localnode/node-client.js";
import type { Localnode } from "../localnode/types.js";

/** Accounts beyond the localnet's few test keys: the escrow figures need 50 distinct depositors. */
const EXTRA_ACCOUNTS = 60;
const ACCOUNT_FUNDS = 10_000_000_000n;

function benchMnemonic(i: number): string {
  // Deterministic, test-only: entropy = sha256 of a label. Never use such keys for real funds.
  return Bip39.encode(sha256(toUtf8(`akash-econ bench account ${i}`)).slice(0, 16)).toString();
}

export function embeddedBackend(options: EmbeddedChainOptions = {}): ChainBackend {
  const chain = new EmbeddedChain(options);
  const accounts = Array.from({ length: EXTRA_ACCOUNTS + 1 }, (_, i) => chain.addressFor(`bench-${i}`));
  for (const a of accounts) chain.fund(a, [{ denom: chain.denom, amount: ACCOUNT_FUNDS.toString() }]);
  const blocks = new EmbeddedBlocks(chain);
  return {
    name: "embedded",
    client: chain.client(),
    governance: new EmbeddedGovernance(chain),
    denom: chain.denom,
    accounts,
    now: () => blocks.now(),
    advance: (n) => blocks.advance(n),
    close: () => Promise.resolve(),
  };
}

export async function wasmdBackend(): Promise<ChainBackend> {
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
    const blocks = new NodeBlocks(client);
    return {
      name: "wasmd",
      client,
      governance,
      denom: node.denom,
      accounts: [funder, ...extra],
      now: () => blocks.now(),
      advance: (n) => blocks.advance(n),
      close: () => node.stop(),
    };
  } catch (error) {
    await node.stop();
    throw error;
  }
}
