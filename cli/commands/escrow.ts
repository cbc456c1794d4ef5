// `akash-econ escrow …`: escrow operations over a ChainClient, and the balance-alert watcher.
import { CONSOLE_OUTPUT, UsageError, checkNodeChain, connectNode, runCommandFrame } from "../connect.js";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { ChainClient, Coin, ExecuteResult } from "../../sim/interface/client.js";
import { EscrowClient, EscrowQueryClient } from "../../clients/Escrow.client.js";
import type { InstantiateMsg } from "../../clients/Escrow.types.js";
import {
  EscrowArgError,
  fundsFor,
  parseCoins,
  parseRate,
  parseSources,
  showAccount,
} from "../../scripts/escrow/client.js";

const USAGE = `usage: akash-econ escrow <command> [arguments] [options]

commands:
  create <id> --amount <coin> [--sources balance,grant] [--sponsors <addrs>] [--attach <coins>] [--cw20 <token>]
                                                    open an account
  deposit <id> --amount <coin> [--sources balance,grant] [--sponsors <addrs>] [--attach <coins>] [--cw20 <token>]
                                                    fund any account
  grant <grantee> --amount <coins> [--expires-at <height>] [--scope <id>]... [--cw20 <token>]
                                                    fund a sponsor grant
  revoke <grantee>                                  return the unused grant balance
  pay <id> <payment_id> --provider <addr> --rate <decimal><denom>   open a payment (rate per block)
  withdraw <id> <payment_id>                        provider: collect the accrued balance
  settle <id>                                       settle an account (anyone)
  close <id> [<payment_id>]                         close the account, or only the payment
  show <id>                                         account, deposits and payments
  health <id>                                       balance, burn rate and time to depletion per denom
  watch --rpc <url> --contract <addr> [--webhook <url>] [--from-height <h>] [--interval <s>] [--once]
                                                    follow wasm-escrow_alert events; print them or POST them as JSON
                                                    (--once: read up to the latest block, then exit)

options:
  --chain <c>           embedded | local (http://127.0.0.1:26657, test accounts) | <rpc url>. Default local.
                        embedded deploys a fresh escrow on a throwaway in-process chain for this one command.
  --contract <addr>     escrow contract (not needed with --chain embedded)
  --from <who>          sender: a test account name on local (default alice), or the address of --mnemonic-env
  --mnemonic-env <VAR>  environment variable holding the sender's mnemonic (transactions on an RPC URL)
  --prefix <p>          bech32 prefix for an RPC URL. Default akash
  --gas-price <p>       e.g. 0.025uakt

--sources lists where the amount comes from, in order: balance = the attached funds, grant = the sender's sponsor
grants. Without --attach, the whole amount is attached when the only source is balance, nothing otherwise.
--sponsors (comma-separated addresses, at most 30) draws only the grants of these sponsors, in this order; without
it the sender's grants are drawn by sponsor address (see docs/escrow.md, "Bounds and anti-griefing rules").
--cw20 <token> pays in a CW20 token the escrow accepts (e.g. bme's ACT): --amount and --attach are then plain
integers in that token, whose escrow denom is cw20:<token>. Attached tokens go through the token's \`send\` to the
escrow's receive hook; a grant-only deposit is a plain execute naming that denom. An amount written
<n>cw20:<token> does the same without --cw20.

Exit status: 0 success, 1 chain or contract error, 2 usage error.`;

interface Options {
  chain: string;
  contract?: string;
  from?: string;
  mnemonicEnv?: string;
  prefix: string;
  gasPrice?: string;
  amount?: string;
  sources?: string;
  sponsors?: string;
  attach?: string;
  cw20?: string;
  expiresAt?: string;
  scope?: string[];
  provider?: string;
  rate?: string;
  rpc?: string;
  webhook?: string;
  fromHeight?: string;
  interval?: string;
  once: boolean;
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
        from: { type: "string" },
        "mnemonic-env": { type: "string" },
        prefix: { type: "string" },
        "gas-price": { type: "string" },
        amount: { type: "string" },
        sources: { type: "string" },
        sponsors: { type: "string" },
        attach: { type: "string" },
        cw20: { type: "string" },
        "expires-at": { type: "string" },
        scope: { type: "string", multiple: true },
        provider: { type: "string" },
        rate: { type: "string" },
        rpc: { type: "string" },
        webhook: { type: "string" },
        "from-height": { type: "string" },
        interval: { type: "string" },
        once: { type: "boolean" },
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
      from: v.from,
      mnemonicEnv: v["mnemonic-env"],
      prefix: v.prefix ?? "akash",
      gasPrice: v["gas-price"],
      amount: v.amount,
      sources: v.sources,
      sponsors: v.sponsors,
      attach: v.attach,
      cw20: v.cw20,
      expiresAt: v["expires-at"],
      scope: v.scope,
      provider: v.provider,
      rate: v.rate,
      rpc: v.rpc,
      webhook: v.webhook,
      fromHeight: v["from-height"],
      interval: v.interval,
      once: v.once === true,
    },
  };
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
}

function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${flag} ${v}: expected a non-negative integer`);
  return n;
}

interface Connected {
  client: ChainClient;
  sender: string;
  contract: string;
  close: () => void;
}

/** Commands that only query: they need no sender key. */
const READ_ONLY = new Set(["show", "health"]);

async function connect(
  o: Options,
  env: NodeJS.ProcessEnv,
  log: (l: string) => void,
  readOnly: boolean,
): Promise<Connected> {
  if (o.chain === "embedded") {
    const [{ EmbeddedChain }, { escrowWasmPath }] = await Promise.all([
      import("../../sim/index.js"),
      import("../../scripts/escrow/paths.js"),
    ]);
    const chain = new EmbeddedChain();
    const client = chain.client();
    const sender =
      o.from !== undefined && o.from.startsWith(`${chain.prefix}1`) ? o.from : chain.addressFor(o.from ?? "alice");
    chain.fund(sender, [{ denom: chain.denom, amount: "1000000000000" }]);
    const { codeId } = await client.upload(sender, await readFile(escrowWasmPath()), "auto");
    const instantiate = { admin: chain.govAddress } satisfies InstantiateMsg;
    const { contractAddress } = await client.instantiate(sender, codeId, instantiate, "escrow", "auto", {
      admin: chain.govAddress,
    });
    log(
      `embedded chain: escrow deployed at ${contractAddress}, sender ${sender} funded with 1000000000000${chain.denom}`,
    );
    return { client, sender, contract: contractAddress, close: () => undefined };
  }
  checkNodeChain(o.chain, "embedded, local or an RPC URL");
  const contract = need(o.contract, "--contract");
  const node = await connectNode(o, env, readOnly ? "remote" : "never");
  return { ...node, contract };
}

/** The escrow events of a tx, as {type, attributes} with the `wasm-` prefix kept. */
function summarize(r: ExecuteResult): object {
  const events = r.events
    .filter((e) => e.type.startsWith("wasm-escrow"))
    .map((e) => ({
      type: e.type,
      attributes: Object.fromEntries(
        e.attributes.filter((a) => a.key !== "_contract_address" && a.key !== "msg_index").map((a) => [a.key, a.value]),
      ),
    }));
  return { tx: r.transactionHash, height: r.height, gas_used: Number(r.gasUsed), events };
}

interface Funding {
  amount: Coin;
  sources: ReturnType<typeof parseSources> | undefined;
  sponsors: string[] | undefined;
  funds: Coin[];
}

const CW20_PREFIX = "cw20:";

/** With --cw20, "<n>" means n of the token (denom cw20:<token>); otherwise a coin as usual. */
function coinsArg(o: Options, flag: string, text: string): Coin[] {
  if (o.cw20 === undefined) return parseCoins(text);
  return text
    .split(",")
    .filter((x) => x.trim() !== "")
    .map((x) => {
      if (!/^\d+$/.test(x.trim())) throw new UsageError(`--${flag} ${x}: with --cw20, expected an integer amount`);
      return { denom: CW20_PREFIX + o.cw20!, amount: BigInt(x.trim()).toString() };
    });
}

function funding(o: Options): Funding {
  const amounts = coinsArg(o, "amount", need(o.amount, "--amount"));
  if (amounts.length !== 1) throw new UsageError("--amount: expected one coin");
  const amount = amounts[0]!;
  const sources = o.sources === undefined ? undefined : parseSources(o.sources);
  const attach = o.attach === undefined ? undefined : coinsArg(o, "attach", o.attach);
  const sponsors = o.sponsors
    ?.split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
  if (sponsors !== undefined && !(sources ?? []).includes("grant"))
    throw new UsageError("--sponsors names grants to draw from: it needs --sources with grant");
  return { amount, sources, sponsors, funds: fundsFor(amount, sources, attach) };
}

/**
 * Funds in a CW20 token leave through the token: `send { contract: escrow, amount, msg }` with the escrow message as
 * the hook's ReceiveMsg (docs/escrow.md#cw20-tokens-act); null when the funds are bank coins (or none).
 */
async function viaToken(conn: Connected, funds: Coin[], msg: Record<string, unknown>): Promise<ExecuteResult | null> {
  const tokens = funds.filter((c) => c.denom.startsWith(CW20_PREFIX));
  if (tokens.length === 0) return null;
  if (funds.length !== 1) throw new UsageError("a CW20 token is sent alone: one coin, no bank coins beside it");
  const token = tokens[0]!.denom.slice(CW20_PREFIX.length);
  const hook = Buffer.from(JSON.stringify(msg)).toString("base64");
  const send = { send: { contract: conn.contract, amount: tokens[0]!.amount, msg: hook } };
  return conn.client.execute(conn.sender, token, send, "auto");
}

/** A create_account/deposit body in the contract's snake_case, without absent fields. */
function fundingBody(id: string, amount: Coin | undefined, f: Funding): Record<string, unknown> {
  return {
    id,
    ...(amount !== undefined ? { amount } : {}),
    ...(f.sources !== undefined ? { sources: f.sources } : {}),
    ...(f.sponsors !== undefined ? { sponsors: f.sponsors } : {}),
  };
}

async function runCommand(command: string, pos: string[], o: Options, conn: Connected): Promise<object> {
  const arg = (i: number, what: string): string => need(pos[i], what);
  const esc = new EscrowClient(conn.client, conn.sender, conn.contract);
  switch (command) {
    case "create": {
      const f = funding(o);
      const amount = o.sources === undefined ? undefined : f.amount;
      const id = arg(0, "<id>");
      const sent = await viaToken(conn, f.funds, { create_account: fundingBody(id, amount, f) });
      if (sent !== null) return summarize(sent);
      return summarize(
        await esc.createAccount({ id, amount, sources: f.sources, sponsors: f.sponsors }, "auto", "", f.funds),
      );
    }
    case "deposit": {
      const f = funding(o);
      const amount = o.sources === undefined ? undefined : f.amount;
      const id = arg(0, "<id>");
      const sent = await viaToken(conn, f.funds, { deposit: fundingBody(id, amount, f) });
      if (sent !== null) return summarize(sent);
      return summarize(
        await esc.deposit({ id, amount, sources: f.sources, sponsors: f.sponsors }, "auto", "", f.funds),
      );
    }
    case "grant": {
      const funds = coinsArg(o, "amount", need(o.amount, "--amount"));
      const height = positiveInt("expires-at", o.expiresAt);
      const expiresAt = height === undefined ? undefined : { at_height: height };
      const grantee = arg(0, "<grantee>");
      const body = {
        grantee,
        ...(expiresAt !== undefined ? { expires_at: expiresAt } : {}),
        ...(o.scope !== undefined ? { scopes: o.scope } : {}),
      };
      const sent = await viaToken(conn, funds, { grant: body });
      if (sent !== null) return summarize(sent);
      return summarize(await esc.grant({ grantee, expiresAt, scopes: o.scope }, "auto", "", funds));
    }
    case "revoke":
      return summarize(await esc.revokeGrant({ grantee: arg(0, "<grantee>") }));
    case "pay": {
      const { rate, denom } = parseRate(need(o.rate, "--rate"));
      const provider = need(o.provider, "--provider");
      return summarize(
        await esc.createPayment({ id: arg(0, "<id>"), paymentId: arg(1, "<payment_id>"), provider, denom, rate }),
      );
    }
    case "withdraw":
      return summarize(await esc.withdraw({ id: arg(0, "<id>"), paymentId: arg(1, "<payment_id>") }));
    case "settle":
      return summarize(await esc.settle({ id: arg(0, "<id>") }));
    case "close": {
      const id = arg(0, "<id>");
      const paymentId = pos[1];
      return summarize(
        await (paymentId === undefined ? esc.closeAccount({ id }) : esc.closePayment({ id, paymentId })),
      );
    }
    case "show":
      return showAccount(new EscrowQueryClient(conn.client, conn.contract), arg(0, "<id>"));
    case "health":
      return new EscrowQueryClient(conn.client, conn.contract).accountHealth({ id: arg(0, "<id>") });
    default:
      throw new UsageError(`unknown escrow command '${command}'`);
  }
}

async function watch(o: Options, out: (l: string) => void, err: (l: string) => void): Promise<number> {
  const rpc = need(o.rpc, "--rpc");
  const contract = need(o.contract, "--contract");
  const interval = positiveInt("interval", o.interval);
  const fromHeight = positiveInt("from-height", o.fromHeight);
  const [{ AlertWatcher, printSink, webhookSink }, { CometEventSource }] = await Promise.all([
    import("../../scripts/escrow/watch.js"),
    import("../../scripts/escrow/comet-source.js"),
  ]);
  const source = await CometEventSource.connect(rpc);
  const sink = o.webhook === undefined ? printSink(out) : webhookSink(o.webhook);
  const watcher = new AlertWatcher(source, contract, sink, {
    ...(fromHeight !== undefined ? { fromHeight } : {}),
    intervalMs: (interval ?? 2) * 1000,
  });
  try {
    if (o.once) {
      // Everything up to the latest block at start, however many polls (of maxBlocksPerPoll blocks) that takes.
      const latest = await source.latestHeight();
      let n = (await watcher.poll()).length;
      while (watcher.next !== undefined && watcher.next <= latest) n += (await watcher.poll()).length;
      err(`delivered ${n} alert(s); next height ${watcher.next ?? "?"}`);
      return 0;
    }
    const ac = new AbortController();
    const stop = (): void => {
      ac.abort();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    await watcher.run(ac.signal, (e) => {
      err(`watch: ${e instanceof Error ? e.message : String(e)}`);
    });
    return 0;
  } finally {
    source.close();
  }
}

export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = CONSOLE_OUTPUT.out,
  err: (line: string) => void = CONSOLE_OUTPUT.err,
): Promise<number> {
  const spec = { name: "escrow", usage: USAGE, parse, isUsageError: (e: unknown) => e instanceof EscrowArgError };
  return runCommandFrame(spec, argv, { out, err }, async ({ command, positionals, o }) => {
    if (command === "watch") return watch(o, out, err);
    const conn = await connect(o, env, err, READ_ONLY.has(command));
    try {
      return await runCommand(command, positionals, o, conn);
    } finally {
      conn.close();
    }
  });
}
