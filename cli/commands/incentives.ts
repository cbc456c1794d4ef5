// `akash-econ incentives …`: program proposals for governance, attestor reports, program status.
import { UsageError, checkNodeChain, connectNode, type NodeConnection } from "../connect.js";
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { govAddress } from "../../sim/interface/addresses.js";
import {
  COMMUNITY_POOL_SPEND,
  ProgramFileError,
  type CommunityPoolModule,
  parseProgramFile,
  parseReportCsv,
  programProposal,
} from "../../scripts/incentives/program-file.js";

const USAGE = `usage: akash-econ incentives <command> [arguments] [options]

commands:
  propose <program.yaml> --contract <addr> [--out FILE]   write the x/gov proposal that funds and creates the program
                                                          (for \`akash tx gov submit-proposal FILE\`); without --out
                                                          the JSON goes to stdout
  report <epoch.csv> --program <id> --pool <name> --epoch <n>   post an attestor report (50 rows per transaction)
  status --program <id> [--epoch <n> --pool <name>]       program, pools and budget (and one epoch's rows) as JSON

options:
  --contract <addr>     the incentives contract
  --deposit <coins>     proposal deposit (default 50000000uakt)
  --title <text>        proposal title (default "Incentive program: <name>")
  --community-pool <m>  the module holding the community pool: distribution (Akash; default) or protocolpool
                        (Cosmos SDK 0.53 chains with x/protocolpool, e.g. the wasmd localnet)
  --prefix <p>          bech32 prefix (gov module address, RPC URL). Default akash
  --chain <c>           local (http://127.0.0.1:26657, test accounts) | <rpc url>. Default local
  --from <who>          sender: a test account name on local (default alice), or the address of --mnemonic-env
  --mnemonic-env <VAR>  environment variable holding the sender's mnemonic (transactions on an RPC URL)
  --gas-price <p>       e.g. 0.025uakt

The program file and the report CSV are described in docs/incentives.md ("Operating a program"). Errors name the
field (e.g. \`pools[0].committed.sla_uptime: expected a whole number from 0 to 10000\`).

Exit status: 0 success, 1 chain or contract error, 2 usage or file error.`;

interface Options {
  contract?: string;
  out?: string;
  deposit: string;
  title?: string;
  communityPool: CommunityPoolModule;
  prefix: string;
  chain: string;
  from?: string;
  mnemonicEnv?: string;
  gasPrice?: string;
  program?: string;
  pool?: string;
  epoch?: string;
}

const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
};

function whole(flag: string, v: string | undefined): number {
  const n = Number(need(v, `--${flag}`));
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${flag} ${v}: expected a non-negative integer`);
  return n;
}

function communityPoolFlag(v: string | undefined): CommunityPoolModule {
  if (v === undefined) return "distribution";
  if (!Object.hasOwn(COMMUNITY_POOL_SPEND, v)) {
    throw new UsageError(`--community-pool ${v}: expected ${Object.keys(COMMUNITY_POOL_SPEND).join(" or ")}`);
  }
  return v as CommunityPoolModule;
}

async function connect(o: Options, readOnly: boolean): Promise<NodeConnection> {
  checkNodeChain(o.chain);
  return connectNode(o, process.env, readOnly ? "always" : "never");
}

async function propose(file: string, o: Options): Promise<void> {
  const f = parseProgramFile(await readFile(file, "utf8"));
  const proposal = programProposal(f, {
    contract: need(o.contract, "--contract"),
    govAddress: govAddress(o.prefix),
    deposit: o.deposit,
    ...(o.title !== undefined ? { title: o.title } : {}),
    communityPool: o.communityPool,
  });
  const json = `${JSON.stringify(proposal, null, 2)}\n`;
  if (o.out === undefined) process.stdout.write(json);
  else {
    await writeFile(o.out, json);
    console.log(
      `wrote ${o.out} (funding ${f.funding}uakt); submit with: akash tx gov submit-proposal ${o.out} --from <key>`,
    );
  }
}

async function report(file: string, o: Options): Promise<void> {
  const rows = parseReportCsv(await readFile(file, "utf8"));
  if (rows.length === 0) throw new ProgramFileError(`${file}: no rows`);
  const programId = whole("program", o.program);
  const epoch = whole("epoch", o.epoch);
  const pool = need(o.pool, "--pool");
  const contract = need(o.contract, "--contract");
  const conn = await connect(o, false);
  try {
    // The contract takes at most 50 rows per message; later batches replace nothing of earlier ones.
    for (let i = 0; i < rows.length; i += 50) {
      const msg = { report: { program_id: programId, pool, epoch, rows: rows.slice(i, i + 50) } };
      const r = await conn.client.execute(conn.sender, contract, msg, "auto");
      console.log(
        JSON.stringify({
          tx: r.transactionHash,
          height: r.height,
          rows: msg.report.rows.length,
          gas_used: Number(r.gasUsed),
        }),
      );
    }
  } finally {
    conn.close();
  }
}

async function status(o: Options): Promise<void> {
  const contract = need(o.contract, "--contract");
  const id = whole("program", o.program);
  const conn = await connect(o, true);
  try {
    const q = (msg: Record<string, unknown>) => conn.client.queryContractSmart(contract, msg);
    const out: Record<string, unknown> = {
      program: await q({ program: { program_id: id } }),
      pools: await q({ pools: { program_id: id } }),
      budget: await q({ budget: { program_id: id } }),
    };
    if (o.epoch !== undefined)
      out.epoch = await q({
        epoch: { program_id: id, epoch: whole("epoch", o.epoch), pool: need(o.pool, "--pool"), limit: 30 },
      });
    console.log(JSON.stringify(out, null, 2));
  } finally {
    conn.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  let command: string | undefined;
  let positionals: string[];
  let o: Options;
  try {
    const { values: v, positionals: pos } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        contract: { type: "string" },
        out: { type: "string" },
        deposit: { type: "string" },
        title: { type: "string" },
        "community-pool": { type: "string" },
        prefix: { type: "string" },
        chain: { type: "string" },
        from: { type: "string" },
        "mnemonic-env": { type: "string" },
        "gas-price": { type: "string" },
        program: { type: "string" },
        pool: { type: "string" },
        epoch: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    [command, ...positionals] = pos;
    if (v.help === true || command === undefined) {
      console.log(USAGE);
      return v.help === true ? 0 : 2;
    }
    o = {
      contract: v.contract,
      out: v.out,
      deposit: v.deposit ?? "50000000uakt",
      title: v.title,
      communityPool: communityPoolFlag(v["community-pool"]),
      prefix: v.prefix ?? "akash",
      chain: v.chain ?? "local",
      from: v.from,
      mnemonicEnv: v["mnemonic-env"],
      gasPrice: v["gas-price"],
      program: v.program,
      pool: v.pool,
      epoch: v.epoch,
    };
  } catch (e) {
    console.error(`akash-econ incentives: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    if (command === "propose") await propose(need(positionals[0], "<program.yaml>"), o);
    else if (command === "report") await report(need(positionals[0], "<epoch.csv>"), o);
    else if (command === "status") await status(o);
    else throw new UsageError(`unknown incentives command '${command}'`);
    return 0;
  } catch (e) {
    const usage = e instanceof UsageError || e instanceof ProgramFileError;
    console.error(`akash-econ incentives: ${e instanceof Error ? e.message : String(e)}`);
    return usage ? 2 : 1;
  }
}
