/**
 * Embedded chain ≡ wasmd for the bme contract, at identical heights. Both chains get the same governance deployment
 * (oracle, then bme reading it) and the same signed AKT/USD price (generated once from wasmd's clock, published 10 s
 * back, with PERMISSIVE_PARAMS so it never goes stale and the TWAP is exactly that price). The script (mints, a dust
 * mint, redemptions by `redeem_act` and by CW20 send, a refused transfer, the crank with a budget of one record and its
 * continuation, unauthorized governance, queries) runs on wasmd first, recording heights; the embedded chain replays
 * it at those heights. Every event (minus time and height attributes), error text, query answer and balance change
 * (fees added back) must be equal.
 */
import { describe, expect, it } from "vitest";
import { EmbeddedChain } from "../../sim/index.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import { buildPriceUpdate, testSignerSet } from "../../scripts/pyth/generator.js";
import { PERMISSIVE_PARAMS, oracleInstantiateMsg } from "../../scripts/pyth/oracle-deploy.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import { FIXED_FEE, runScriptDetailed, type Step } from "../helpers/equivalence.js";
import { expectSameObservations, onWasmd, replayOnEmbedded, stepBuilders } from "../helpers/equivalence-run.js";
import { compareGas } from "../helpers/gas-compare.js";
import { AKT_FEED, DEFAULT_PARAMS, bmeWasm } from "../helpers/bme.js";
import { oracleWasm } from "../helpers/oracle.js";
import type { Governance } from "../../sim/interface/governance.js";
import type { ChainClient, Coin } from "../../sim/interface/client.js";

const uakt = (n: number): Coin[] => [{ denom: "uakt", amount: String(n) }];

function bmeScript(admin: string, bob: string, carol: string, bme: string): Step[] {
  const { execute: x, query: q } = stepBuilders();
  const views = (when: string): Step[] => [
    q(`vault ${when}`, { vault: {} }),
    q(`status ${when}`, { status: {} }),
    q(`ledger ${when}`, { ledger: {} }),
    q(`pending redeem ${when}`, { pending: { kind: "redeem" } }),
    q(`all_accounts ${when}`, { all_accounts: {} }),
    q(`token_info ${when}`, { token_info: {} }),
  ];
  return [
    q("config", { config: {} }),
    q("minter", { minter: {} }),
    x("fund the vault", admin, { fund_vault: {} }, uakt(500_000_000)),
    x("bob mints 100 AKT", bob, { mint_act: {} }, uakt(100_000_000)),
    x("carol mints 877.192982 AKT", carol, { mint_act: {} }, uakt(877_192_982)),
    x("dust mint", carol, { mint_act: {} }, uakt(5)),
    x("redeem without ACT", carol, { redeem_act: { amount: "1" } }),
    q("simulate_mint", { simulate_mint: { amount: "877192982" } }),
    q("pending mints", { pending: { kind: "mint" } }),
    { kind: "wait", name: "the mint epoch comes", blocks: 3 },
    x("crank", admin, { process_epoch: {} }),
    ...views("after the mints"),
    q("bob's ACT", { balance: { address: bob } }),
    x("bob redeems 50 ACT", bob, { redeem_act: { amount: "50000000" } }),
    x("carol redeems 100 ACT by CW20 send", carol, {
      send: { contract: bme, amount: "100000000", msg: Buffer.from("{}").toString("base64") },
    }),
    x("transfer to a wallet", bob, { transfer: { recipient: carol, amount: "1" } }),
    x("unauthorized params", bob, { update_config: { allowed: [bob] } }),
    { kind: "wait", name: "the redeem epoch comes", blocks: 3 },
    x("crank with a budget of one", admin, { process_epoch: { limit: 1 } }),
    q("pending after one", { pending: { kind: "redeem" } }),
    x("the pass continues", admin, { process_epoch: {} }),
    ...views("after the redemptions"),
    q("simulate_redeem", { simulate_redeem: { amount: "1000000" } }),
    { kind: "balance", name: "contract AKT", address: bme, denom: "uakt" },
    { kind: "balanceDelta", name: "bob, fees added back", address: bob, denom: "uakt" },
    { kind: "balanceDelta", name: "carol, fees added back", address: carol, denom: "uakt" },
  ];
}

async function deploy(governance: Governance, admin: string): Promise<{ oracle: string; bme: string }> {
  const o = await governance.storeCode(oracleWasm());
  const b = await governance.storeCode(bmeWasm());
  const oracleMsg = oracleInstantiateMsg({
    admin: governance.govAddress,
    signerSets: [testSignerSet("legacy")],
    feeds: [AKT_FEED],
    params: PERMISSIVE_PARAMS,
  });
  const oracle = (await governance.instantiate(o.codeId, oracleMsg, "equivalence-oracle")).address;
  const params = { ...DEFAULT_PARAMS, min_epoch_blocks: 2 };
  const bme = (await governance.instantiate(b.codeId, { admin, oracle, params }, "equivalence-bme")).address;
  return { oracle, bme };
}

async function feed(client: ChainClient, sender: string, oracle: string, data: string): Promise<void> {
  await client.execute(sender, oracle, { update_price_feeds: { data: [data] } }, FIXED_FEE);
}

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("embedded chain ≡ wasmd: bme contract"), () => {
  const fixture = withLocalnode();

  it(
    "gives the same events, errors, query results and balances at the same heights",
    { timeout: 600_000 },
    async () => {
      const { node, client } = fixture;
      const [admin, bob, carol] = [1, 2, 3].map((i) => node.accounts[i]!.address) as [string, string, string];
      const gov = new NodeGovernance(client, { proposer: node.accounts[0]!.address, prefix: node.prefix });
      const real = await deploy(gov, admin);
      const now = Math.floor((await client.comet.block()).block.header.time.getTime() / 1000);
      const price = buildPriceUpdate([
        { feedId: AKT_FEED, price: 114_000_000n, conf: 114_000n, expo: -8, publishTime: now - 10 },
      ]).base64;
      await feed(client, admin, real.oracle, price);
      const steps = bmeScript(admin, bob, carol, real.bme);
      const realRun = await runScriptDetailed(client, real.bme, steps, onWasmd(client));

      const chain = new EmbeddedChain({
        prefix: node.prefix,
        denom: node.denom,
        chainId: node.chainId,
        startTime: new Date(now * 1000),
      });
      for (const a of [admin, bob, carol]) chain.fund(a, uakt(100_000_000_000));
      const embedded = await deploy(new EmbeddedGovernance(chain), admin);
      await feed(chain.client(), admin, embedded.oracle, price);
      const onEmbedded = await runScriptDetailed(
        chain.client(),
        embedded.bme,
        steps,
        replayOnEmbedded(chain, realRun.heights),
      );

      expect(embedded).toEqual(real);
      expect(onEmbedded.heights).toEqual(realRun.heights);
      expectSameObservations(onEmbedded.obs, realRun.obs);
      compareGas("bme", realRun.gas, onEmbedded.gas);
      // The script exercised what it claims.
      const byName = new Map(realRun.obs.map((o) => [o.name, o]));
      const types = (name: string): string[] => byName.get(name)?.events?.map((e) => e.type) ?? [];
      expect(types("crank").filter((t) => t === "wasm-bme_executed")).toHaveLength(2);
      expect(types("crank with a budget of one").filter((t) => t === "wasm-bme_executed")).toHaveLength(1);
      expect(types("the pass continues").filter((t) => t === "wasm-bme_executed")).toHaveLength(1);
      for (const name of ["dust mint", "redeem without ACT", "transfer to a wallet", "unauthorized params"])
        expect(byName.get(name)?.error, name).toBeDefined();
    },
  );
});
