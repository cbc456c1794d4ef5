// `akash-econ demo`: the project's main job until the simulation harness exists. On the embedded chain with the
// Akash profile (governance-only upload, Akash's message filter) it deploys every built contract through
// governance, relays signed Pyth updates into the oracle, and runs a sponsored escrow from funding to close.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EmbeddedChain } from "../../sim/index.js";
import type { ChainClient, Coin, JsonObject } from "../../sim/client-types.js";
import { deploy } from "../../scripts/deploy/deploy.js";
import { EmbeddedGovernance } from "../../scripts/deploy/embedded-governance.js";
import { labelFor, listArtifacts, defaultArtifactsDir, type PlanEntry } from "../../scripts/deploy/plan.js";
import { cacheDir } from "../../scripts/localnode/paths.js";
import { buildPriceUpdate, testSignerSet } from "../../scripts/pyth/generator.js";
import { oracleInstantiateMsg } from "../../scripts/pyth/oracle-deploy.js";

const AKT_USD = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";
const USDC_USD = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";

const HELP = `usage: akash-econ demo [--quiet]

Deploys every contract in artifacts/ through governance on the embedded chain (Akash profile), then:
  oracle  relays two signed Pyth updates (Pyth Pro router format, AKT/USD and USDC/USD) and reads the prices back;
  escrow  three sponsors fund a tenant's deployment (two direct deposits, one grant), a provider lease runs into an
          overdraft, the account closes, and each sponsor gets back its own unspent part.
Run \`npm run build\` first.`;

interface Balances {
  [name: string]: bigint;
}

function uakt(amount: bigint): Coin[] {
  return [{ denom: "uakt", amount: amount.toString() }];
}

function instantiateMsgFor(name: string, gov: string, treasury: string): JsonObject {
  switch (name) {
    case "oracle":
      // Test signer sets: the demo signs its own updates, so the contract must trust the demo's keys.
      return oracleInstantiateMsg({
        admin: gov,
        signerSets: [testSignerSet("router")],
        feeds: [AKT_USD, USDC_USD],
        updateFee: { denom: "uakt", amount: "1" },
        // Not the gov module: Akash blocks bank sends to module accounts, so fees go to a treasury account.
        feeRecipient: treasury,
      });
    case "escrow":
      return { admin: gov };
    default:
      return {};
  }
}

async function balancesOf(client: ChainClient, who: Record<string, string>): Promise<Balances> {
  const out: Balances = {};
  for (const [name, addr] of Object.entries(who)) out[name] = BigInt((await client.getBalance(addr, "uakt")).amount);
  return out;
}

async function oracleDemo(chain: EmbeddedChain, oracle: string, log: (s: string) => void): Promise<void> {
  const client = chain.client();
  const relayer = chain.addressFor("relayer");
  chain.fund(relayer, uakt(1_000_000n));
  log("\n== oracle: relay two Pyth updates (3 of 5 router signatures each)");
  for (const [step, price] of [
    [0, 55_181_788n],
    [1, 55_402_100n],
  ] as const) {
    chain.advanceBlocks(1);
    const now = Number(chain.timeNanos / 1_000_000_000n);
    const update = buildPriceUpdate(
      [
        { feedId: AKT_USD, price, conf: 136_842n, expo: -8, publishTime: now - 1 },
        { feedId: USDC_USD, price: 99_998_000n, conf: 12_000n, expo: -8, publishTime: now - 1 },
      ],
      { mode: "router", slot: 900_000 + step },
    );
    const data = [update.base64];
    const fee = (await client.queryContractSmart(oracle, { get_update_fee: { data } })) as unknown as Coin;
    const res = await client.execute(relayer, oracle, { update_price_feeds: { data } }, "auto", undefined, [fee]);
    log(
      `  update ${step + 1}: fee ${fee.amount}${fee.denom}, tx ${res.transactionHash.slice(0, 16)}…, height ${res.height}`,
    );
  }
  const feed = await client.queryContractSmart(oracle, { price_feed: { id: AKT_USD } });
  log(`  price_feed AKT/USD (Pyth JSON): ${JSON.stringify(feed)}`);
  const price = await client.queryContractSmart(oracle, { price: { id: AKT_USD } });
  log(`  price AKT/USD (x/oracle aggregation): ${JSON.stringify(price)}`);
}

async function escrowDemo(chain: EmbeddedChain, escrow: string, log: (s: string) => void): Promise<void> {
  const client = chain.client();
  const who = {
    tenant: chain.addressFor("tenant"),
    dao: chain.addressFor("sponsor-dao"),
    grants: chain.addressFor("sponsor-grants"),
    enterprise: chain.addressFor("sponsor-enterprise"),
    provider: chain.addressFor("provider"),
  };
  for (const addr of Object.values(who)) chain.fund(addr, uakt(10_000_000n));
  const before = await balancesOf(client, who);
  const id = `${who.tenant}/1001`;
  const run = (sender: string, msg: JsonObject, funds?: Coin[]): ReturnType<ChainClient["execute"]> =>
    client.execute(sender, escrow, msg, "auto", undefined, funds);

  log("\n== escrow: three sponsors fund a deployment they don't own");
  await run(who.tenant, { create_account: { id } }, uakt(500_000n));
  log(`  tenant opens ${id} with 500000uakt`);
  await run(who.dao, { deposit: { id } }, uakt(800_000n));
  log("  sponsor-dao deposits 800000uakt directly");
  await run(who.enterprise, { deposit: { id } }, uakt(600_000n));
  log("  sponsor-enterprise deposits 600000uakt directly");
  await run(who.grants, { grant: { grantee: who.tenant } }, uakt(1_000_000n));
  await run(who.tenant, { deposit: { id, amount: { denom: "uakt", amount: "400000" }, sources: ["grant"] } });
  log("  sponsor-grants funds a 1000000uakt grant; the tenant draws 400000uakt of it into the account");
  await run(who.tenant, {
    create_payment: { id, payment_id: "lease-1", provider: who.provider, denom: "uakt", rate: "1250.5" },
  });
  log("  tenant opens a lease to the provider at 1250.5uakt per block");
  chain.advanceBlocks(600);
  await run(who.provider, { withdraw: { id, payment_id: "lease-1" } });
  const health = await client.queryContractSmart(escrow, { account_health: { id } });
  log(`  after 600 blocks the provider withdraws; health: ${JSON.stringify(health)}`);
  chain.advanceBlocks(1000);
  await run(who.tenant, { settle: { id } });
  const account = (await client.queryContractSmart(escrow, { account: { id } })) as { state?: string };
  log(`  after 1000 more blocks settlement finds the account ${account.state ?? JSON.stringify(account)}`);
  await run(who.tenant, { close_account: { id } });
  log("  tenant closes the account");

  const after = await balancesOf(client, who);
  const grant = await client.queryContractSmart(escrow, { grant: { sponsor: who.grants, grantee: who.tenant } });
  log("  net change per party (uakt):");
  for (const name of Object.keys(who))
    log(`    ${name.padEnd(10)} ${(after[name]! - before[name]!).toString().padStart(10)}`);
  log(`  grant after refunds (restored): ${JSON.stringify(grant)}`);
}

export async function run(argv: string[]): Promise<number> {
  let quiet = false;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { quiet: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help === true) {
      console.log(HELP);
      return 0;
    }
    quiet = values.quiet === true;
  } catch (error) {
    console.error(`akash-econ demo: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  const log = (s: string): void => {
    if (!quiet) console.log(s);
  };

  const names = listArtifacts();
  if (names.length === 0) {
    console.error("akash-econ demo: no contracts in artifacts/ — run `npm run build` first");
    return 1;
  }
  const chain = new EmbeddedChain({ akash: true });
  const governance = new EmbeddedGovernance(chain);
  log(`== deploy through governance on ${chain.chainId} (Akash profile: upload by governance only)`);
  const plan: PlanEntry[] = names.map((name) => ({
    name,
    wasmPath: join(defaultArtifactsDir(), `${name}.wasm`),
    instantiateMsg: instantiateMsgFor(name, chain.govAddress, chain.addressFor("treasury")),
    migrateMsg: {},
    label: labelFor(name),
  }));
  const deploymentsDir = join(cacheDir(), "demo");
  mkdirSync(deploymentsDir, { recursive: true });
  const result = await deploy(plan, governance, {
    deploymentsDir,
    log: (line) => {
      log(`  ${line}`);
    },
  });
  const address = (name: string): string | undefined => result.actions.find((a) => a.name === name)?.address;
  for (const a of result.actions) log(`  ${a.name.padEnd(8)} code ${a.codeId}  ${a.address}`);
  log(`  deployment record: ${result.recordFile}`);

  const oracle = address("oracle");
  if (oracle !== undefined) await oracleDemo(chain, oracle, log);
  const escrow = address("escrow");
  if (escrow !== undefined) await escrowDemo(chain, escrow, log);
  log(`\ndone at height ${chain.height}`);
  return 0;
}
