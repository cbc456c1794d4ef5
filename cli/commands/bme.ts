// `akash-econ bme …`: the burn-mint equilibrium contract (docs/bme.md) over a ChainClient.
import { CONSOLE_OUTPUT, UsageError, checkNodeChain, connectNode, runCommandFrame } from "../connect.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { ChainClient, ExecuteResult, JsonObject } from "../../sim/interface/client.js";
import { BmeClient, BmeQueryClient } from "../../clients/Bme.client.js";

const USAGE = `usage: akash-econ bme <command> [options]

commands:
  status                          status (with the collateral ratio), vault and totals
  mint --amount <uakt>            queue a mint of ACT for the attached AKT (micro-units, e.g. 100000000)
  redeem --amount <uact>          queue a redemption of ACT for AKT
  process [--limit <n>]           run the due epochs (anyone; at most max_endblocker_records records)
  simulate mint|redeem --amount <n>   what a mint or redemption would give at the current price

options:
  --chain <c>           embedded | local (http://127.0.0.1:26657, test accounts) | <rpc url>. Default local.
                        embedded deploys a fresh oracle and bme on a throwaway in-process chain, feeds the oracle a
                        signed test price (--price) and runs this one command; with --crank it then waits one epoch
                        and processes, so a mint or redemption shows its result.
  --contract <addr>     bme contract (not needed with --chain embedded)
  --price <usd>         embedded only: the AKT/USD price to feed (default 1.00)
  --crank               embedded only: process the epoch after the command
  --from <who>          sender: a test account name on local (default alice), or the address of --mnemonic-env
  --mnemonic-env <VAR>  environment variable holding the sender's mnemonic (transactions on an RPC URL)
  --prefix <p>          bech32 prefix for an RPC URL. Default akash
  --gas-price <p>       e.g. 0.025uakt

Exit status: 0 success, 1 chain or contract error, 2 usage error.`;

interface Options {
  chain: string;
  contract?: string;
  amount?: string;
  limit?: string;
  price: string;
  crank: boolean;
  from?: string;
  mnemonicEnv?: string;
  prefix: string;
  gasPrice?: string;
}

function parse(argv: string[]): { command: string; positionals: string[]; o: Options } | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        chain: { type: "string" },
        contract: { type: "string" },
        amount: { type: "string" },
        limit: { type: "string" },
        price: { type: "string" },
        crank: { type: "boolean" },
        from: { type: "string" },
        "mnemonic-env": { type: "string" },
        prefix: { type: "string" },
        "gas-price": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help === true) return "help";
  const [command, ...positionals] = parsed.positionals;
  if (command === undefined) return "help";
  return {
    command,
    positionals,
    o: {
      chain: v.chain ?? "local",
      contract: v.contract,
      amount: v.amount,
      limit: v.limit,
      price: v.price ?? "1.00",
      crank: v.crank === true,
      from: v.from,
      mnemonicEnv: v["mnemonic-env"],
      prefix: v.prefix ?? "akash",
      gasPrice: v["gas-price"],
    },
  };
}

function micro(flag: string, v: string | undefined): string {
  if (v === undefined) throw new UsageError(`missing --${flag}`);
  if (!/^\d+$/.test(v) || /^0+$/.test(v)) throw new UsageError(`--${flag} ${v}: expected a positive integer`);
  return BigInt(v).toString();
}

/** "1.14" → 114000000 (expo −8), as Pyth publishes AKT/USD. */
export function priceToPyth(text: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,8}))?$/.exec(text);
  if (m === null) throw new UsageError(`--price ${text}: expected a decimal with at most 8 fractional digits`);
  const p = BigInt(m[1]!) * 100_000_000n + BigInt((m[2] ?? "").padEnd(8, "0"));
  if (p === 0n) throw new UsageError("--price must be positive");
  return p;
}

interface Connected {
  client: ChainClient;
  sender: string;
  contract: string;
  /** Embedded only: lets the epoch pass. */
  advance?: (blocks: number) => void;
  close: () => void;
}

async function embedded(o: Options, log: (l: string) => void): Promise<Connected> {
  const [{ EmbeddedChain }, gen, deploy, { repoRoot }] = await Promise.all([
    import("../../sim/index.js"),
    import("../../scripts/pyth/generator.js"),
    import("../../scripts/pyth/oracle-deploy.js"),
    import("../../scripts/lib/repo-root.js"),
  ]);
  const price = priceToPyth(o.price);
  const chain = new EmbeddedChain({ blockTimeSeconds: 1 });
  const client = chain.client();
  const sender =
    o.from !== undefined && o.from.startsWith(`${chain.prefix}1`) ? o.from : chain.addressFor(o.from ?? "alice");
  chain.fund(sender, [{ denom: chain.denom, amount: "1000000000000" }]);
  const feed = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";
  const oracleCode = (await client.upload(sender, await readFile(deploy.oracleWasmPath()), "auto")).codeId;
  const oracleMsg = deploy.oracleInstantiateMsg({
    admin: chain.govAddress,
    signerSets: [gen.testSignerSet("legacy")],
    feeds: [feed],
  });
  const oracle = (
    await client.instantiate(sender, oracleCode, oracleMsg, "oracle", "auto", { admin: chain.govAddress })
  ).contractAddress;
  const bmeCode = (await client.upload(sender, await readFile(join(repoRoot(), "artifacts", "bme.wasm")), "auto"))
    .codeId;
  const bme = (
    await client.instantiate(sender, bmeCode, { admin: sender, oracle }, "bme", "auto", { admin: chain.govAddress })
  ).contractAddress;
  const feedPrice = async (): Promise<void> => {
    // Published 6 s back, past the oracle's 5 s TWAP window, so the TWAP is exactly this price.
    const publishTime = Number(chain.timeNanos / 1_000_000_000n) - 6;
    const u = gen.buildPriceUpdate([{ feedId: feed, price, conf: price / 1000n, expo: -8, publishTime }]);
    await client.execute(sender, oracle, { update_price_feeds: { data: [u.base64] } }, "auto");
  };
  // So that the sender holds ACT to redeem: a first mint of 100 AKT, processed one epoch (10 blocks) later.
  await feedPrice();
  await client.execute(sender, bme, { mint_act: {} }, "auto", "", [{ denom: "uakt", amount: "100000000" }]);
  chain.advanceBlocks(10);
  await client.execute(sender, bme, { process_epoch: {} }, "auto");
  await feedPrice();
  log(
    `embedded chain: oracle ${oracle} at $${o.price}, bme ${bme}; sender ${sender} funded with 1000000000000${chain.denom}`,
  );
  return {
    client,
    sender,
    contract: bme,
    advance: (n) => {
      chain.advanceBlocks(n);
    },
    close: () => undefined,
  };
}

async function connect(o: Options, env: NodeJS.ProcessEnv, log: (l: string) => void, readOnly: boolean) {
  if (o.chain === "embedded") return embedded(o, log);
  checkNodeChain(o.chain, "embedded, local or an RPC URL");
  if (o.contract === undefined) throw new UsageError("missing --contract");
  const node = await connectNode(o, env, readOnly ? "remote" : "never");
  return { ...node, contract: o.contract } satisfies Connected;
}

/** The bme events of a tx, with the `wasm-` prefix kept. */
function summarize(r: ExecuteResult): object {
  const events = r.events
    .filter((e) => e.type.startsWith("wasm-bme"))
    .map((e) => ({
      type: e.type,
      attributes: Object.fromEntries(
        e.attributes.filter((a) => a.key !== "_contract_address" && a.key !== "msg_index").map((a) => [a.key, a.value]),
      ),
    }));
  return { tx: r.transactionHash, height: r.height, gas_used: Number(r.gasUsed), events };
}

async function runCommand(command: string, pos: string[], o: Options, c: Connected): Promise<object> {
  const q = new BmeQueryClient(c.client, c.contract);
  const exec = new BmeClient(c.client, c.sender, c.contract);
  const withCrank = async (r: ExecuteResult): Promise<object> => {
    if (!o.crank || c.advance === undefined) return summarize(r);
    const st = await q.status();
    c.advance(Math.max(st.next_mint_epoch, st.next_redeem_epoch) - r.height);
    return { request: summarize(r), process: summarize(await exec.processEpoch({})) };
  };
  switch (command) {
    case "status":
      return { status: await q.status(), vault: await q.vault(), token: await q.tokenInfo() };
    case "mint":
      return withCrank(await exec.mintAct("auto", "", [{ denom: "uakt", amount: micro("amount", o.amount) }]));
    case "redeem":
      return withCrank(await exec.redeemAct({ amount: micro("amount", o.amount) }));
    case "process": {
      const msg: JsonObject = o.limit === undefined ? {} : { limit: Number(micro("limit", o.limit)) };
      return summarize(await c.client.execute(c.sender, c.contract, { process_epoch: msg }, "auto"));
    }
    case "simulate": {
      const amount = micro("amount", o.amount);
      if (pos[0] === "mint") return q.simulateMint({ amount });
      if (pos[0] === "redeem") return q.simulateRedeem({ amount });
      throw new UsageError("simulate needs mint or redeem");
    }
    default:
      throw new UsageError(`unknown bme command '${command}'`);
  }
}

const READ_ONLY = new Set(["status", "simulate"]);

export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = CONSOLE_OUTPUT.out,
  err: (line: string) => void = CONSOLE_OUTPUT.err,
): Promise<number> {
  return runCommandFrame(
    { name: "bme", usage: USAGE, parse },
    argv,
    { out, err },
    async ({ command, positionals, o }) => {
      const conn = await connect(o, env, err, READ_ONLY.has(command));
      try {
        return await runCommand(command, positionals, o, conn);
      } finally {
        conn.close();
      }
    },
  );
}
