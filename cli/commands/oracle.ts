// `akash-econ oracle verify`: checks a Pyth price update offline with the oracle contract itself.
import { UsageError } from "../connect.js";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { oracleWasmPath } from "../../scripts/pyth/oracle-deploy.js";
import { InputError, readBinaryArg } from "../../scripts/pyth/input.js";
import { SignerSetError, loadSignerSetFile } from "../../scripts/pyth/signer-set.js";
import type { SignerSet } from "../../scripts/pyth/verify.js";
import { verifyWithContract, type OnchainVerifyReport } from "../../scripts/pyth/verify-onchain.js";
import { DEFAULT_DATA_SOURCES, normalizeHex, type DataSource } from "../../scripts/pyth/wire.js";
import { toExactDecimal } from "../../scripts/pyth/price-math.js";

const USAGE = `usage: akash-econ oracle verify --data <hex|base64|@file> --signer-set <file.json>
                                [--emitter <chain>:<hex>]... [--at <unix seconds>] [--json]

Runs the oracle contract (artifacts/oracle.wasm) on a throwaway embedded chain configured with the given signer
set(s) and emitters, submits the update, and reports what the contract accepted or its exact error.

  --data <v>          the update: hex (0x optional), base64, or @file (raw bytes, text, or JSON with a "hex",
                      "base64" or Hermes "binary.data" field)
  --signer-set <f>    signer-set JSON {index, addresses, quorum?, expires_at?}; repeat for several sets
  --emitter <c>:<h>   accepted emitter (Wormhole chain id : 32-byte hex); repeatable. Default: both Pyth emitters
                      on chain 26 (Pythnet e101…aa71 and Pyth Pro "PythnetPythnet…")
  --at <secs>         block time (unix seconds). Default: the update's newest publish_time, so the verdict does
                      not depend on this machine's clock
  --json              print one JSON object ({"verified": bool, …, "error" when rejected})
  --wasm <file>       contract to run instead of artifacts/oracle.wasm (e.g. another build)

Exit status: 0 verified, 1 rejected, 2 usage error (bad flags, unreadable file, undecodable data).`;

function parseEmitter(text: string): DataSource {
  const m = /^(\d+):(?:0x)?([0-9a-fA-F]{64})$/.exec(text);
  if (m === null) throw new UsageError(`--emitter ${text}: expected <chain id>:<64 hex digits>`);
  const chain = Number(m[1]);
  if (chain > 0xffff) throw new UsageError(`--emitter ${text}: chain id must fit in u16`);
  return { chain_id: chain, emitter: normalizeHex(m[2]!, 32) };
}

function parseAt(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--at ${text}: expected unix seconds`);
  const n = Number(text);
  if (n < 1 || n > 8.64e12) throw new UsageError(`--at ${text}: out of range`);
  return n;
}

interface VerifyArgs {
  data: Buffer;
  signerSets: SignerSet[];
  dataSources: DataSource[];
  at?: number;
  json: boolean;
  wasm: Buffer;
}

async function parseVerifyArgs(argv: string[]): Promise<VerifyArgs | "help"> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: "string" },
        "signer-set": { type: "string", multiple: true },
        emitter: { type: "string", multiple: true },
        at: { type: "string" },
        json: { type: "boolean" },
        wasm: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help === true) return "help";
  if (values.data === undefined) throw new UsageError("--data is required");
  const files = values["signer-set"] ?? [];
  if (files.length === 0) throw new UsageError("--signer-set is required");
  const signerSets: SignerSet[] = [];
  for (const f of files) signerSets.push(await loadSignerSetFile(f));
  const data = await readBinaryArg(values.data);
  const wasmPath = values.wasm ?? oracleWasmPath();
  let wasm: Buffer;
  try {
    wasm = await readFile(wasmPath);
  } catch (e) {
    throw new UsageError(
      `cannot read the oracle contract ${wasmPath} (run \`npm run build\`?): ${(e as Error).message}`,
    );
  }
  return {
    wasm,
    data,
    signerSets,
    dataSources: values.emitter === undefined ? [...DEFAULT_DATA_SOURCES] : values.emitter.map(parseEmitter),
    ...(values.at === undefined ? {} : { at: parseAt(values.at) }),
    json: values.json === true,
  };
}

function printHuman(r: OnchainVerifyReport): void {
  const lines: string[] = [];
  lines.push(r.verified ? "VERIFIED: the oracle contract accepted the update" : "REJECTED by the oracle contract");
  if (r.error !== undefined) lines.push(`  error:          ${r.error}`);
  lines.push(`  block time:     ${r.block_time} (${new Date(r.block_time * 1000).toISOString()})`);
  lines.push(`  signer set:     ${r.signer_set ?? "?"}`);
  lines.push(`  signer indexes: ${r.signer_indexes.join(",")} (${r.signer_indexes.length} signatures)`);
  if (r.emitter !== null) lines.push(`  emitter:        ${r.emitter.chain}:${r.emitter.address}`);
  lines.push(`  slot:           ${r.slot ?? "?"}`);
  lines.push(`  sequence:       ${r.sequence ?? "?"}`);
  if (r.num_attestations !== undefined)
    lines.push(`  messages:       ${r.num_attestations} (${r.num_updated ?? "?"} stored)`);
  if (r.decode_error !== undefined) lines.push(`  decode error:   ${r.decode_error}`);
  for (const f of r.feeds) {
    const p = (v: string): string => toExactDecimal(BigInt(v), f.expo);
    lines.push(`  feed ${f.id}${f.stored ? "" : r.verified ? " (not stored)" : ""}`);
    lines.push(`    price      ${f.price} × 10^${f.expo} = ${p(f.price)} ± ${p(f.conf)} (conf ${f.conf})`);
    lines.push(`    ema        ${f.ema_price} = ${p(f.ema_price)} ± ${p(f.ema_conf)} (ema_conf ${f.ema_conf})`);
    lines.push(
      `    published  ${f.publish_time} (${new Date(f.publish_time * 1000).toISOString()}), previous ${f.prev_publish_time}`,
    );
  }
  console.log(lines.join("\n"));
}

async function verify(argv: string[]): Promise<number> {
  let args: VerifyArgs | "help";
  try {
    args = await parseVerifyArgs(argv);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof SignerSetError) {
      console.error(`akash-econ oracle verify: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  const report = await verifyWithContract({
    data: args.data,
    signerSets: args.signerSets,
    dataSources: args.dataSources,
    wasm: args.wasm,
    ...(args.at === undefined ? {} : { at: args.at }),
  });
  if (args.json) console.log(JSON.stringify(report));
  else printHuman(report);
  return report.verified ? 0 : 1;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "--help" || sub === "-h" || sub === "help") {
    console.log(USAGE);
    return 0;
  }
  if (sub === "verify") return verify(rest);
  console.error(
    `akash-econ oracle: ${sub === undefined ? "missing subcommand" : `unknown subcommand '${sub}'`}\n\n${USAGE}`,
  );
  return 2;
}
