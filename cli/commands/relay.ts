// `akash-econ relay`: relays Pyth price updates from Hermes to the oracle contract.
import { UsageError, connectNode } from "../connect.js";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  ConfigError,
  readConfigFile,
  resolveConfig,
  type ResolvedRelayerConfig,
} from "../../scripts/relayer/config.js";
import { Relayer, hermesSource, type RelayClient } from "../../scripts/relayer/relayer.js";
import { SignerSetError, loadSignerSetFile } from "../../scripts/pyth/signer-set.js";

const USAGE = `usage: akash-econ relay --contract <addr> --feed <id>... [options]

Fetches the latest signed updates for the feeds from Hermes, skips feeds the contract already has at the same or a
newer publish_time, and submits the rest with update_price_feeds, paying the fee from get_update_fee.

  --contract <addr>     oracle contract address (not needed with --chain embedded)
  --feed <id>           Pyth feed id, 64 hex digits (0x optional); repeatable
  --chain <c>           embedded | local (http://127.0.0.1:26657, test accounts) | <rpc url>. Default local
  --mnemonic-env <VAR>  environment variable holding the sender's mnemonic (required for an RPC URL; on local the
                        default sender is the test account alice)
  --hermes <url>        Hermes endpoint. Default https://pyth.dourolabs.app/hermes
  --api-key-env <VAR>   environment variable holding the Hermes API key. Default PYTH_API_KEY
  --config <file>       JSON config: contract, feeds, chain, hermes, api_key, api_key_env, mnemonic_env, interval,
                        max_backoff, signer_sets, prefix, gas_price (flags override it)
  --once                one successful cycle (errors retried with backoff, up to --max-errors), then exit
  --interval <s>        seconds between cycles. Default 10
  --max-backoff <s>     cap of the exponential backoff after errors. Default 60
  --max-errors <n>      give up after n consecutive errors. Default 5 with --once, unlimited otherwise
  --signer-set <file>   --chain embedded only: signer set(s) for the oracle it deploys; repeatable
  --prefix <p>          bech32 prefix for an RPC URL. Default akash
  --gas-price <p>       e.g. 0.025uakt

Exit status: 0 done (or stopped by a signal), 1 gave up after errors, 2 usage error.`;

function positiveNumber(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} ${v}: expected a positive number`);
  return n;
}

interface Parsed {
  config: ResolvedRelayerConfig;
  once: boolean;
  maxErrors: number | undefined;
}

async function parse(argv: string[], env: NodeJS.ProcessEnv): Promise<Parsed | "help"> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        contract: { type: "string" },
        feed: { type: "string", multiple: true },
        chain: { type: "string" },
        "mnemonic-env": { type: "string" },
        hermes: { type: "string" },
        "api-key-env": { type: "string" },
        config: { type: "string" },
        once: { type: "boolean" },
        interval: { type: "string" },
        "max-backoff": { type: "string" },
        "max-errors": { type: "string" },
        "signer-set": { type: "string", multiple: true },
        prefix: { type: "string" },
        "gas-price": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help === true) return "help";
  const file = values.config === undefined ? {} : await readConfigFile(values.config);
  const maxErrors = positiveNumber("max-errors", values["max-errors"]);
  if (maxErrors !== undefined && !Number.isInteger(maxErrors)) throw new UsageError("--max-errors must be an integer");
  const config = resolveConfig(
    {
      contract: values.contract,
      feeds: values.feed,
      chain: values.chain,
      hermes: values.hermes,
      apiKeyEnv: values["api-key-env"],
      mnemonicEnv: values["mnemonic-env"],
      interval: positiveNumber("interval", values.interval),
      maxBackoff: positiveNumber("max-backoff", values["max-backoff"]),
      signerSets: values["signer-set"],
      prefix: values.prefix,
      gasPrice: values["gas-price"],
    },
    file,
    env,
  );
  if (config.chain === "embedded" && config.signerSets.length === 0) {
    throw new UsageError("--chain embedded deploys its own oracle: give its --signer-set file(s)");
  }
  if (config.chain !== "embedded" && config.chain !== "local" && !/^(https?|wss?):\/\//.test(config.chain)) {
    throw new UsageError(`--chain ${config.chain}: expected embedded, local or an RPC URL`);
  }
  if (config.mnemonicEnv !== undefined && (env[config.mnemonicEnv] ?? "") === "") {
    throw new UsageError(`--mnemonic-env ${config.mnemonicEnv}: the variable is not set`);
  }
  if (/^(https?|wss?):\/\//.test(config.chain) && config.mnemonicEnv === undefined) {
    throw new UsageError("--mnemonic-env is required with an RPC URL");
  }
  return { config, once: values.once === true, maxErrors };
}

interface Connected {
  client: RelayClient;
  sender: string;
  contract: string;
  close: () => void;
}

async function connect(c: ResolvedRelayerConfig, env: NodeJS.ProcessEnv, log: (l: string) => void): Promise<Connected> {
  if (c.chain === "embedded") {
    const [{ EmbeddedChain }, { deployOracle, oracleWasmPath, PERMISSIVE_PARAMS }] = await Promise.all([
      import("../../sim/index.js"),
      import("../../scripts/pyth/oracle-deploy.js"),
    ]);
    const signerSets = await Promise.all(c.signerSets.map((f) => loadSignerSetFile(f)));
    // Live Hermes data is stamped with the current time, so this throwaway chain starts at the wall clock.
    const chain = new EmbeddedChain({ startTime: new Date() });
    const client = chain.client();
    const sender = chain.addressFor("relayer");
    const { address } = await deployOracle(client, sender, await readFile(oracleWasmPath()), {
      admin: sender,
      signerSets,
      feeds: c.feeds,
      params: PERMISSIVE_PARAMS,
    });
    log(`embedded chain: oracle deployed at ${address}`);
    return { client, sender, contract: address, close: () => undefined };
  }
  // parse() has checked the chain and, for an RPC URL, that --mnemonic-env is set; on the localnet alice signs.
  const node = await connectNode(c, env, "never");
  return { ...node, contract: c.contract! };
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: Parsed | "help";
  try {
    parsed = await parse(argv, env);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof SignerSetError) {
      console.error(`akash-econ relay: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (parsed === "help") {
    console.log(USAGE);
    return 0;
  }
  const { config, once } = parsed;
  const maxErrors = parsed.maxErrors ?? (once ? 5 : undefined);
  const log = (line: string): void => {
    console.log(line);
  };
  const conn = await connect(config, env, log);
  const abort = new AbortController();
  const relayer = new Relayer({
    client: conn.client,
    source: hermesSource(config.hermes, config.apiKey),
    contract: conn.contract,
    sender: conn.sender,
    feeds: config.feeds,
    backoff: { maxMs: config.maxBackoffSeconds * 1000 },
    log,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        abort.signal.addEventListener("abort", () => {
          clearTimeout(t);
          resolve();
        });
      }),
  });
  const onSignal = (): void => {
    relayer.stop();
    abort.abort();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  log(
    `relaying ${config.feeds.length} feed(s) from ${config.hermes} to ${conn.contract} as ${conn.sender}` +
      (config.apiKey === undefined ? " (no Hermes API key: set PYTH_API_KEY)" : "") +
      (once ? ", once" : `, every ${config.intervalSeconds}s`),
  );
  try {
    const ok = await relayer.run({
      intervalMs: config.intervalSeconds * 1000,
      ...(once ? { maxCycles: 1 } : {}),
      ...(maxErrors === undefined ? {} : { maxConsecutiveErrors: maxErrors }),
    });
    return ok ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    conn.close();
  }
}
