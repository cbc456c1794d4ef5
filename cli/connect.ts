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

/** Where a command writes: its result lines and its diagnostics. Tests pass collectors; the CLI passes the console. */
export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const CONSOLE_OUTPUT: CommandOutput = {
  out: (l) => {
    console.log(l);
  },
  err: (l) => {
    console.error(l);
  },
};

/** How one contract command is parsed and described; `isUsageError` widens what counts as a bad invocation. */
export interface CommandSpec<P> {
  name: string;
  usage: string;
  parse: (argv: string[]) => P | "help";
  isUsageError?: (e: unknown) => boolean;
}

/**
 * The frame the contract commands share: `--help` prints the usage, a usage error is printed with the usage and
 * exits 2, any other failure exits 1, and a result object is printed as JSON. `body` returns either that object or,
 * when it printed its own output (a long-running watch), the exit status.
 */
export async function runCommandFrame<P>(
  spec: CommandSpec<P>,
  argv: string[],
  io: CommandOutput,
  body: (parsed: P) => Promise<object | number>,
): Promise<number> {
  const isUsage = (e: unknown): boolean => e instanceof UsageError || (spec.isUsageError?.(e) ?? false);
  const prefix = `akash-econ ${spec.name}`;
  let parsed: P | "help";
  try {
    parsed = spec.parse(argv);
  } catch (e) {
    io.err(`${prefix}: ${(e as Error).message}\n\n${spec.usage}`);
    return 2;
  }
  if (parsed === "help") {
    io.out(spec.usage);
    return 0;
  }
  try {
    const result = await body(parsed);
    if (typeof result === "number") return result;
    io.out(JSON.stringify(result, null, 2));
    return 0;
  } catch (e) {
    if (isUsage(e)) {
      io.err(`${prefix}: ${(e as Error).message}\n\n${spec.usage}`);
      return 2;
    }
    io.err(`${prefix}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
