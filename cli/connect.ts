// What the contract commands share: their usage error, and connecting to wasmd (the localnet or an RPC URL) with the
// sender key the command needs. The commands differ only in when they may run without a sender: `noSender`.

import type { NodeChainClient } from "../scripts/localnode/node-client.js";

/** A bad flag or missing input: the commands print it with their usage and exit with status 2. */
export class UsageError extends Error {}

/** The flags every contract command takes to reach a chain. */
export interface NodeFlags {
  /** `local` (the localnet at 127.0.0.1:26657, test accounts loaded) or an RPC URL. */
  chain: string;
  prefix: string;
  /** A test account's name on the localnet; default alice. */
  from?: string;
  /** The environment variable holding the sender's mnemonic. */
  mnemonicEnv?: string;
  gasPrice?: string;
}

/**
 * When a command may go without a sender key: `never` (it signs), `remote` (it only queries, but on the localnet it
 * still acts as a test account), `always` (it only queries).
 */
export type NoSender = "never" | "remote" | "always";

export interface NodeConnection {
  client: NodeChainClient;
  /** "" when the command runs without a sender. */
  sender: string;
  close: () => void;
}

const RPC_URL = /^(https?|wss?):\/\//;

/** Refuses a `--chain` that is neither `local` nor an RPC URL (`expected` names what the command accepts). */
export function checkNodeChain(chain: string, expected = "local or an RPC URL"): void {
  if (chain !== "local" && !RPC_URL.test(chain)) throw new UsageError(`--chain ${chain}: expected ${expected}`);
}

/** Connects to wasmd: the mnemonic from `--mnemonic-env`, else (on the localnet) the `--from` test account. */
export async function connectNode(o: NodeFlags, env: NodeJS.ProcessEnv, noSender: NoSender): Promise<NodeConnection> {
  const [{ connectNodeClient }, { TEST_ACCOUNTS, addressOf }] = await Promise.all([
    import("../scripts/localnode/node-client.js"),
    import("../scripts/localnode/accounts.js"),
  ]);
  const local = o.chain === "local";
  const mnemonic = o.mnemonicEnv === undefined ? undefined : env[o.mnemonicEnv];
  if (o.mnemonicEnv !== undefined && mnemonic === undefined) throw new UsageError(`$${o.mnemonicEnv} is not set`);
  let senderMnemonic = mnemonic;
  const keyless = noSender === "always" || (noSender === "remote" && !local);
  if (senderMnemonic === undefined && !keyless) {
    if (!local) throw new UsageError("no sender: give --mnemonic-env");
    const name = o.from ?? "alice";
    senderMnemonic = TEST_ACCOUNTS.find((a) => a.name === name)?.mnemonic;
    if (senderMnemonic === undefined) throw new UsageError(`--from ${name}: not a test account`);
  }
  const client = await connectNodeClient(
    {
      rpc: local ? "http://127.0.0.1:26657" : o.chain,
      prefix: o.prefix,
      denom: "uakt",
      accounts: local ? TEST_ACCOUNTS : [],
    },
    { extraMnemonics: mnemonic === undefined ? [] : [mnemonic], ...(o.gasPrice ? { gasPrice: o.gasPrice } : {}) },
  );
  return {
    client,
    sender: senderMnemonic === undefined ? "" : await addressOf(senderMnemonic, o.prefix),
    close: () => {
      client.disconnect();
    },
  };
}
