// `akash-econ demo`: the project's main job until the simulation harness exists. On the embedded chain with the
// Akash profile (governance-only upload, Akash's message filter) it deploys every built contract through
// governance, relays signed Pyth updates into the oracle, and runs a sponsored escrow from funding to close.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EmbeddedChain } from "../../sim/index.js";
import type { ChainClient, Coin } from "../../sim/interface/client.js";
import { EscrowClient, EscrowQueryClient } from "../../clients/Escrow.client.js";
import { OracleClient, OracleQueryClient } from "../../clients/Oracle.client.js";
import { BmeClient, BmeQueryClient } from "../../clients/Bme.client.js";
import { deploy } from "../../scripts/deploy/deploy.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { labelFor, listArtifacts, defaultArtifactsDir, type PlanEntry } from "../../scripts/deploy/plan.js";
import { cacheDir } from "../../scripts/localnode/paths.js";
import { buildPriceUpdate, testSignerSet } from "../../scripts/pyth/generator.js";
import { defaultInstantiateMsg, type DeploymentDefaults } from "../../scripts/deploy/defaults.js";

const AKT_USD = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";
const USDC_USD = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";

const HELP = `usage: akash-econ demo [--quiet]

Deploys every contract in artifacts/ through governance on the embedded chain (Akash profile), then:
  oracle  relays two signed Pyth updates (Pyth Pro router format, AKT/USD and USDC/USD) and reads the prices back;
  escrow  the README's three-sponsor example: two direct deposits and a grant fund a tenant's deployment, a provider
          lease runs into an overdraft, a deposit pays the debt and closes the account, each sponsor keeps its own part;
  bme     a tenant mints ACT for AKT at the oracle's price, funds an escrow lease in ACT, the provider is paid in
          ACT and redeems it for AKT.
Run \`npm run build\` first.`;

interface Balances {
  [name: string]: bigint;
}

function uakt(amount: bigint): Coin[] {
  return [{ denom: "uakt", amount: amount.toString() }];
}

/** The default deployment, with an oracle that trusts the demo's own signer and charges a fee. */
function demoDefaults(gov: string, treasury: string): DeploymentDefaults {
  return {
    admin: gov,
    oracle: {
      // Test signer sets: the demo signs its own updates, so the contract must trust the demo's keys.
      signerSets: [testSignerSet("router")],
      feeds: [AKT_USD, USDC_USD],
      updateFee: { denom: "uakt", amount: "1" },
      // Not the gov module: Akash blocks bank sends to module accounts, so fees go to a treasury account.
      feeRecipient: treasury,
    },
  };
}

async function balancesOf(client: ChainClient, who: Record<string, string>): Promise<Balances> {
  const out: Balances = {};
  for (const [name, addr] of Object.entries(who)) out[name] = BigInt((await client.getBalance(addr, "uakt")).amount);
  return out;
}

async function oracleDemo(chain: EmbeddedChain, oracle: string, log: (s: string) => void): Promise<void> {
  const relayer = chain.addressFor("relayer");
  const client = new OracleClient(chain.client(), relayer, oracle);
  const query = new OracleQueryClient(chain.client(), oracle);
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
    const fee = await query.getUpdateFee({ data });
    const res = await client.updatePriceFeeds({ data }, "auto", undefined, [fee]);
    log(
      `  update ${step + 1}: fee ${fee.amount}${fee.denom}, tx ${res.transactionHash.slice(0, 16)}…, height ${res.height}`,
    );
  }
  const feed = await query.priceFeed({ id: AKT_USD });
  log(`  price_feed AKT/USD (Pyth JSON): ${JSON.stringify(feed)}`);
  const price = await query.price({ id: AKT_USD });
  log(`  price AKT/USD (x/oracle aggregation): ${JSON.stringify(price)}`);
}

async function escrowDemo(chain: EmbeddedChain, escrow: string, log: (s: string) => void): Promise<void> {
  // The three-sponsor example of README.md / docs/escrow.md, number for number.
  const client = chain.client();
  const who = {
    tenant: chain.addressFor("tenant"),
    sponsor1: chain.addressFor("sponsor1"),
    sponsor2: chain.addressFor("sponsor2"),
    sponsor3: chain.addressFor("sponsor3"),
    provider: chain.addressFor("provider"),
    keeper: chain.addressFor("keeper"),
  };
  for (const addr of Object.values(who)) chain.fund(addr, uakt(10_000_000n));
  const before = await balancesOf(client, who);
  const id = "tenant/1";
  const as = (sender: string): EscrowClient => new EscrowClient(client, sender, escrow);
  const query = new EscrowQueryClient(client, escrow);
  const fromGrant = (amount: string) => ({ id, amount: { denom: "uakt", amount }, sources: ["grant" as const] });
  const deposits = async (): Promise<string> => {
    const res = await query.deposits({ id });
    const name = (addr: string): string => Object.entries(who).find(([, a]) => a === addr)?.[0] ?? addr;
    return res.deposits.map((d) => `${name(d.depositor)} ${d.amount}`).join(", ");
  };

  log("\n== escrow: three sponsors fund a deployment they don't own");
  await as(who.sponsor3).grant({ grantee: who.tenant }, "auto", undefined, uakt(2_000_000n));
  log("  sponsor3 funds a 2000000uakt grant for the tenant");
  await as(who.tenant).createAccount(fromGrant("1000000"));
  log(`  tenant opens ${id} with 1000000uakt drawn from the grant (depositor: sponsor3)`);
  await as(who.sponsor1).deposit({ id }, "auto", undefined, uakt(600_000n));
  await as(who.sponsor2).deposit({ id }, "auto", undefined, uakt(900_000n));
  log("  sponsor1 deposits 600000uakt, sponsor2 900000uakt");
  await as(who.tenant).createPayment({
    id,
    paymentId: "lease-1",
    provider: who.provider,
    denom: "uakt",
    rate: "1000.25",
  });
  log("  tenant opens lease-1 to the provider at 1000.25uakt per block");
  chain.advanceBlocks(2_000);
  await as(who.provider).withdraw({ id, paymentId: "lease-1" });
  log(`  2000 blocks later the provider withdraws; deposits left (oldest spent first): ${await deposits()}`);
  chain.advanceBlocks(1_000);
  await as(who.keeper).settle({ id });
  const account = await query.account({ id });
  log(
    `  1000 blocks later a keeper settles: the account is ${account.state}, debt ${account.funds[0]?.debt ?? "?"}uakt`,
  );
  await as(who.tenant).deposit(fromGrant("800000"));
  log(
    "  the tenant deposits 800000uakt from the grant: the debt is paid, the account closes, the rest returns to the grant",
  );
  await as(who.sponsor3).revokeGrant({ grantee: who.tenant });
  log("  sponsor3 revokes what is left of its grant");

  const after = await balancesOf(client, who);
  log("  net change per party (uakt):");
  for (const name of Object.keys(who))
    log(`    ${name.padEnd(9)} ${(after[name]! - before[name]!).toString().padStart(10)}`);
}

/**
 * The ACT loop (docs/bme.md): a tenant turns AKT into ACT at the oracle's price, funds an escrow account in ACT
 * through the CW20 receive hook, a provider is paid in ACT and redeems it for AKT; the vault, CR and totals tell the
 * story. Governance lists ACT in the escrow and the escrow in bme's allow-list first.
 */
async function bmeDemo(
  chain: EmbeddedChain,
  oracle: string,
  bme: string,
  escrow: string | undefined,
  log: (s: string) => void,
): Promise<void> {
  const client = chain.client();
  const who = {
    tenant: chain.addressFor("bme-tenant"),
    provider: chain.addressFor("bme-provider"),
  };
  const keeper = chain.addressFor("keeper");
  const relayer = chain.addressFor("relayer");
  chain.fund(who.tenant, uakt(1_000_000_000n));
  chain.fund(who.provider, uakt(1_000_000n));
  chain.fund(keeper, uakt(1_000_000n));
  chain.fund(relayer, uakt(1_000_000n));
  const query = new BmeQueryClient(client, bme);
  const oracleQuery = new OracleQueryClient(client, oracle);
  // Blocks are 6 s here and the oracle's prices go stale after 30 s: the relayer pushes $1.14 before every crank,
  // published past the oracle's 5 s TWAP window so the TWAP is exactly that price.
  let slot = 900_100;
  const feed = async (): Promise<void> => {
    const publishTime = Number(chain.timeNanos / 1_000_000_000n) - 6;
    const update = buildPriceUpdate([{ feedId: AKT_USD, price: 114_000_000n, conf: 114_000n, expo: -8, publishTime }], {
      mode: "router",
      slot: slot++,
    });
    const data = [update.base64];
    const fee = await oracleQuery.getUpdateFee({ data });
    await new OracleClient(client, relayer, oracle).updatePriceFeeds({ data }, "auto", undefined, [fee]);
  };
  await feed();
  const crank = async (): Promise<void> => {
    const st = await query.status();
    chain.advanceBlocks(Math.max(0, Math.max(st.next_mint_epoch, st.next_redeem_epoch) - chain.height));
    await feed();
    await new BmeClient(client, keeper, bme).processEpoch({});
  };
  const act = async (addr: string): Promise<string> => (await query.balance({ address: addr })).balance;

  log("\n== bme: AKT → ACT → escrow → provider → AKT at the oracle's price (AEP-76)");
  await new BmeClient(client, who.tenant, bme).mintAct("auto", undefined, uakt(877_192_982n));
  log("  the tenant queues a mint of 877.192982 AKT at $1.14; a keeper cranks the epoch");
  await crank();
  log(`  the tenant holds ${await act(who.tenant)}uact (999.999999 ACT minted, 25 bps spread kept by the vault)`);
  let redeem = 500_000_000n;
  if (escrow !== undefined) {
    // What a governance proposal would execute: list ACT in the escrow, the escrow in bme's allow-list.
    const gov = chain.asGov();
    const denom = `cw20:${bme}`;
    await gov.execute(
      chain.govAddress,
      escrow,
      { update_config: { denoms: [{ denom: "uakt" }, { denom, min_deposit: "500000" }] } },
      "auto",
    );
    await gov.execute(chain.govAddress, bme, { update_config: { allowed: [escrow] } }, "auto");
    log(`  governance lists ACT (${denom.slice(0, 20)}…) in the escrow and the escrow in bme's allow-list`);
    const id = "bme-tenant/1";
    const hook = Buffer.from(JSON.stringify({ create_account: { id } })).toString("base64");
    await new BmeClient(client, who.tenant, bme).send({ contract: escrow, amount: "600000000", msg: hook });
    const lease = new EscrowClient(client, who.tenant, escrow);
    await lease.createPayment({ id, paymentId: "lease", provider: who.provider, denom, rate: "1000000" });
    log("  the tenant opens escrow account bme-tenant/1 with 600 ACT (CW20 send) and a lease at 1 ACT per block");
    chain.advanceBlocks(300);
    await new EscrowClient(client, who.provider, escrow).withdraw({ id, paymentId: "lease" });
    redeem = BigInt(await act(who.provider));
    log(`  300 blocks later the provider withdraws ${redeem}uact (CW20 transfer from the escrow)`);
  }
  const holder = escrow !== undefined ? who.provider : who.tenant;
  const before = BigInt((await client.getBalance(holder, "uakt")).amount);
  await feed();
  await new BmeClient(client, holder, bme).redeemAct({ amount: redeem.toString() });
  await crank();
  const back = BigInt((await client.getBalance(holder, "uakt")).amount) - before;
  log(`  it redeems ${redeem}uact for ${back}uakt, paid from remint credits`);
  const v = await query.vault();
  const st = await query.status();
  log(
    `  vault ${v.vault_uakt}uakt, remint credits ${v.remint_credits}uakt, ACT supply ${v.act_supply}uact ` +
      `(minted ${v.total_minted_uact}, burned ${v.total_burned_uact}), status ${st.status} ` +
      `(CR ${st.collateral_ratio_bps ?? "n/a"} bps)`,
  );
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
  const defaults = demoDefaults(chain.govAddress, chain.addressFor("treasury"));
  const plan: PlanEntry[] = names.map((name) => ({
    name,
    wasmPath: join(defaultArtifactsDir(), `${name}.wasm`),
    instantiateMsg: defaultInstantiateMsg(name, defaults),
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
  const bme = address("bme");
  if (oracle !== undefined && bme !== undefined) await bmeDemo(chain, oracle, bme, escrow, log);
  log(`\ndone at height ${chain.height}`);
  return 0;
}
