/**
 * Embedded chain ≡ wasmd for the escrow contract, at identical heights. Settlement is per block, so the script runs on
 * wasmd first (each tx in its own ~300 ms block, waits polling the node), recording every tx's height; the embedded
 * chain (no autoAdvance) then advances to exactly that height before each tx, and queries on both run as of the same
 * height (wasmd: ABCI query at the last tx's height; the embedded chain: its open block). Every observation must be
 * equal: events with all attributes (heights included), error texts, query results (account_health's projection to
 * the current block included), balances of providers that never sign, and the signers' balance changes with the fees
 * they paid added back (the embedded chain charges none). The escrow never reads block time; nothing else is excluded.
 */
import { toBech32 } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2";
import { describe, expect, it } from "vitest";
import { EmbeddedChain } from "../../sim/index.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import { runScriptDetailed, type Step } from "../helpers/equivalence.js";
import { expectSameObservations, onWasmd, replayOnEmbedded, stepBuilders } from "../helpers/equivalence-run.js";
import { compareGas } from "../helpers/gas-compare.js";
import { escrowWasm } from "../helpers/escrow-fixture.js";
import type { Governance } from "../../sim/interface/governance.js";
import type { Coin, JsonObject } from "../../sim/interface/client.js";

/** An address nobody holds a key for, so no fee ever touches its balance. */
const neverSigns = (prefix: string, label: string): string =>
  toBech32(prefix, sha256(new TextEncoder().encode(label)).slice(0, 20));

const uakt = (n: number): Coin[] => [{ denom: "uakt", amount: String(n) }];
const coin = (n: number, denom = "uakt"): JsonObject => ({ denom, amount: String(n) });

interface Actors {
  alice: string;
  bob: string;
  carol: string;
  /** Providers that never sign. */
  provider1: string;
  provider2: string;
  contract: string;
}

function escrowScript(a: Actors): Step[] {
  const { execute: x, query: q, balance: bal, balanceDelta: delta } = stepBuilders();
  const main = "alice/1";
  const small = "bob/1";
  const accountViews = (id: string, when: string): Step[] => [
    q(`account ${id} ${when}`, { account: { id } }),
    q(`deposits ${id} ${when}`, { deposits: { id } }),
    q(`payments ${id} ${when}`, { payments: { id } }),
    q(`account_health ${id} ${when}`, { account_health: { id } }),
  ];

  return [
    q("config", { config: {} }),
    x("create account", a.alice, { create_account: { id: main } }, uakt(1_000_000)),
    x("direct deposit by bob", a.bob, { deposit: { id: main } }, uakt(600_000)),
    x("direct deposit by carol", a.carol, { deposit: { id: main } }, uakt(700_000)),
    x("bob tops up his own entry", a.bob, { deposit: { id: main, amount: coin(50_000) } }, uakt(50_000)),
    x(
      "grant bob → alice",
      a.bob,
      { grant: { grantee: a.alice, expires_at: { at_height: 100_000_000 }, scopes: [main] } },
      uakt(2_000_000),
    ),
    x("grant-sourced deposit", a.alice, { deposit: { id: main, amount: coin(800_000), sources: ["grant"] } }),
    q("grant", { grant: { sponsor: a.bob, grantee: a.alice } }),
    q("grants_by_sponsor", { grants_by_sponsor: { sponsor: a.bob } }),
    q("grants_by_grantee", { grants_by_grantee: { grantee: a.alice } }),
    ...accountViews(main, "after deposits"),
    x("payment at 1000.25 to a provider that never signs", a.alice, {
      create_payment: { id: main, payment_id: "lease-1", provider: a.provider1, denom: "uakt", rate: "1000.25" },
    }),
    x("payment at 1/3 to carol", a.alice, {
      create_payment: {
        id: main,
        payment_id: "lease-2",
        provider: a.carol,
        denom: "uakt",
        rate: "333.333333333333333333",
      },
    }),
    ...accountViews(main, "after payments"),
    { kind: "wait", name: "3 blocks pass", blocks: 3 },
    q(`account_health ${main} 3 blocks later`, { account_health: { id: main } }),
    x("settle by anyone", a.carol, { settle: { id: main } }),
    ...accountViews(main, "after settle"),
    x("withdraw by the provider", a.carol, { withdraw: { id: main, payment_id: "lease-2" } }),
    x("withdraw by someone else", a.bob, { withdraw: { id: main, payment_id: "lease-2" } }),
    x("close_payment by the owner", a.alice, { close_payment: { id: main, payment_id: "lease-1" } }),
    q("payment lease-1 closed", { payment: { id: main, payment_id: "lease-1" } }),
    bal("provider 1 after close_payment", a.provider1),
    x("unauthorized close", a.bob, { close_account: { id: main } }),
    x("unauthorized create_payment", a.bob, {
      create_payment: { id: main, payment_id: "x", provider: a.bob, denom: "uakt", rate: "1" },
    }),
    x("zero amount", a.bob, { deposit: { id: main, amount: coin(0) } }),
    x("zero funds attached", a.bob, { deposit: { id: main } }, uakt(0)),
    x("no funds attached", a.bob, { deposit: { id: main } }),
    x("wrong denom", a.bob, { deposit: { id: main, amount: coin(600_000, "ufoo") } }),
    x("payment in a denom the account lacks", a.alice, {
      create_payment: { id: main, payment_id: "x", provider: a.provider1, denom: "ufoo", rate: "1" },
    }),
    x("unknown account", a.bob, { deposit: { id: "nobody/1" } }, uakt(600_000)),
    x("unknown payment", a.alice, { close_payment: { id: main, payment_id: "nope" } }),
    x("duplicate account", a.carol, { create_account: { id: main } }, uakt(600_000)),
    x("opening deposit below the minimum", a.carol, { create_account: { id: "carol/1" } }, uakt(499_999)),
    x("grant-sourced deposit beyond the grant", a.alice, {
      deposit: { id: main, amount: coin(5_000_000), sources: ["grant"] },
    }),
    x("unknown field", a.alice, { settle: { id: main, extra: 1 } }),
    q("unknown account query", { account: { id: "nobody/1" } }),

    // Overdraft: 500,000 at 100,000.5 per block runs out in 5 blocks; 10 pass before anyone settles.
    x("small account", a.bob, { create_account: { id: small } }, uakt(500_000)),
    x("alert below 400000", a.bob, { set_alert: { id: small, denom: "uakt", below: { amount: "400000" } } }),
    x("expensive payment", a.bob, {
      create_payment: { id: small, payment_id: "lease-x", provider: a.provider2, denom: "uakt", rate: "100000.5" },
    }),
    { kind: "wait", name: "10 blocks pass", blocks: 10 },
    q(`account_health ${small} before settling`, { account_health: { id: small } }),
    x("settle finds the overdraft", a.carol, { settle: { id: small } }),
    ...accountViews(small, "overdrawn"),
    q("alerts", { alerts: { id: small } }),
    bal("provider 2 after the overdraft", a.provider2),
    x("payment into an overdrawn account", a.bob, {
      create_payment: { id: small, payment_id: "lease-y", provider: a.provider2, denom: "uakt", rate: "1" },
    }),
    x("deposit into the overdrawn account", a.carol, { deposit: { id: small } }, uakt(50_000_000)),
    ...accountViews(small, "closed by the deposit"),
    bal("provider 2 after the debt is paid", a.provider2),
    x("deposit into a closed account", a.carol, { deposit: { id: small } }, uakt(600_000)),

    x("close the main account", a.alice, { close_account: { id: main } }),
    ...accountViews(main, "closed"),
    q("grant after refunds", { grant: { sponsor: a.bob, grantee: a.alice } }),
    x("revoke the grant", a.bob, { revoke_grant: { grantee: a.alice } }),
    x("revoke it again", a.bob, { revoke_grant: { grantee: a.alice } }),
    q("accounts_by_owner", { accounts_by_owner: { owner: a.alice } }),
    q("accounts_by_depositor", { accounts_by_depositor: { depositor: a.bob } }),
    q("payments_by_provider", { payments_by_provider: { provider: a.carol } }),
    bal("provider 1 at the end", a.provider1),
    bal("provider 2 at the end", a.provider2),
    bal("contract at the end", a.contract),
    delta("alice, fees added back", a.alice),
    delta("bob, fees added back", a.bob),
    delta("carol, fees added back", a.carol),
  ];
}

async function deploy(governance: Governance): Promise<string> {
  const { codeId } = await governance.storeCode(escrowWasm());
  const { address } = await governance.instantiate(codeId, { admin: governance.govAddress }, "equivalence-escrow", {});
  return address;
}

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("embedded chain ≡ wasmd: escrow contract"), () => {
  const fixture = withLocalnode();

  it(
    "gives the same events, errors, query results and balances at the same heights",
    { timeout: 600_000 },
    async () => {
      const { node, client } = fixture;
      const [alice, bob, carol] = [1, 2, 3].map((i) => node.accounts[i]!.address) as [string, string, string];
      const provider1 = neverSigns(node.prefix, "equivalence escrow provider 1");
      const provider2 = neverSigns(node.prefix, "equivalence escrow provider 2");

      const realAddress = await deploy(
        new NodeGovernance(client, { proposer: node.accounts[0]!.address, prefix: node.prefix }),
      );
      const steps = escrowScript({ alice, bob, carol, provider1, provider2, contract: realAddress });
      const real = await runScriptDetailed(client, realAddress, steps, {
        excludedAttributes: new Set(),
        ...onWasmd(client),
      });

      const chain = new EmbeddedChain({ prefix: node.prefix, denom: node.denom, chainId: node.chainId });
      for (const a of [alice, bob, carol]) chain.fund(a, uakt(100_000_000_000));
      const embeddedAddress = await deploy(new EmbeddedGovernance(chain));
      const embedded = await runScriptDetailed(chain.client(), embeddedAddress, steps, {
        excludedAttributes: new Set(),
        ...replayOnEmbedded(chain, real.heights),
      });

      expect(embeddedAddress).toBe(realAddress);
      // Code id, creator (the gov authority), admin and label of the governance deployment.
      expect(await chain.client().getContract(embeddedAddress)).toEqual(await client.getContract(realAddress));
      expect(embedded.heights).toEqual(real.heights);
      expectSameObservations(embedded.obs, real.obs);
      compareGas("escrow", real.gas, embedded.gas);
      // The script exercised what it claims.
      const byName = new Map(real.obs.map((o) => [o.name, o]));
      const types = (name: string): string[] => byName.get(name)?.events?.map((e) => e.type) ?? [];
      expect(types("settle finds the overdraft")).toContain("wasm-escrow_overdrawn");
      expect(types("settle finds the overdraft")).toContain("wasm-escrow_alert");
      expect(types("deposit into the overdrawn account")).toContain("wasm-escrow_debt_paid");
      expect(types("deposit into the overdrawn account")).toContain("wasm-escrow_account_closed");
      expect(types("withdraw by the provider")).toContain("wasm-escrow_withdraw");
      for (const name of ["unauthorized close", "zero amount", "wrong denom", "unknown account"])
        expect(byName.get(name)?.error, name).toBeDefined();
    },
  );
});
