/**
 * Embedded chain ≡ wasmd for the incentives contract, at identical heights and block times. Both chains get the same
 * governance deployment (oracle with PERMISSIVE_PARAMS, then incentives reading it) and the same coins sent to the
 * contract (the community-pool spend of the Akash funding path). The script runs on wasmd first, recording heights;
 * governance steps are x/gov proposals there and direct gov-authority executes on the embedded chain. The embedded
 * chain then replays it: before each tx, governance step or wait it advances to wasmd's height and sets its clock to
 * wasmd's block time at that height (snapshot/restore with that time), so program times, the price's age and the
 * sweep's grace period decide the same way on both. Every event (all attributes, times and heights included), error
 * text, query answer and balance change (fees added back) must be equal, and every tx's gas within ±1 %.
 *
 * The program starts in the past (the contract allows it), so 7-day epochs need no waiting: it has a committed, a
 * liquidity-mining and a discretionary pool, a revenue share and a treasury address, and ends 90 s after the script
 * starts, so its last epoch closes and its grace period runs out during the run. A second program, with the
 * `community_pool` treasury and one already-ended epoch nobody reported in, returns its budget through x/protocolpool's
 * MsgFundCommunityPool (a `CosmosMsg::Any`; docs/incentives.md#treasury).
 */
import { toBech32, toUtf8 } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2";
import { MsgExecuteContract } from "cosmjs-types/cosmwasm/wasm/v1/tx";
import { describe, expect, it } from "vitest";
import { EmbeddedChain } from "../../sim/index.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { moduleAddress } from "../../sim/interface/addresses.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import { AKT_USD_FEED_ID } from "../../scripts/deploy/defaults.js";
import { buildPriceUpdate, testSignerSet } from "../../scripts/pyth/generator.js";
import { PERMISSIVE_PARAMS, oracleInstantiateMsg } from "../../scripts/pyth/oracle-deploy.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import { FIXED_FEE, runScriptDetailed, type Step } from "../helpers/equivalence.js";
import { expectSameObservations, onWasmd, replayOnEmbedded, stepBuilders } from "../helpers/equivalence-run.js";
import { compareGas } from "../helpers/gas-compare.js";
import { H100_POOL, LM_POOL, WEEK, incentivesWasm } from "../helpers/incentives.js";
import { oracleWasm } from "../helpers/oracle.js";
import type { Governance } from "../../sim/interface/governance.js";
import type { Coin, JsonObject } from "../../sim/interface/client.js";
import type { ProgramDef, Row } from "../helpers/incentives-model.js";

const uakt = (n: number): Coin[] => [{ denom: "uakt", amount: String(n) }];
/** What the funder sends to the contract before governance assigns it to program 0. */
const FUNDING = 5_000_000_000;
/** What governance assigns to program 1 (the community-pool treasury) from the same transfer. */
const POOL_FUNDING = 1_000_000;
/** Program 0 ends this long after the script starts: time for everything that must happen before its end. */
const ENDS_IN = 90;
const GRACE = 10;

interface Actors {
  funder: string;
  attestor: string;
  stranger: string;
  /** Signs: claims after each close. */
  p1: string;
  /** Never sign: what they earned and the grant to p3 are swept. */
  p2: string;
  p3: string;
  treasury: string;
  operator: string;
  oracle: string;
  contract: string;
}

const row = (provider: string, gpu_model: string, gpu_count: number, uptime_bps: number): Row => ({
  provider,
  gpu_model,
  gpu_count,
  uptime_bps,
  utilization_bps: 5000,
});

function mainProgram(a: Actors, t0: number): ProgramDef {
  const start = t0 + ENDS_IN - 2 * WEEK;
  const base = {
    epoch_seconds: WEEK,
    report_window: 0,
    attestors: [a.attestor],
    max_providers: 50,
  };
  return {
    ...base,
    name: "equivalence main",
    start,
    end: start + 2 * WEEK,
    grace: GRACE,
    treasury: { mode: "address", address: a.treasury },
    volatility_buffer_bps: 2500,
    // $2,000 over two epochs at $0.50 with a 25 % buffer: 5,000 AKT; 1 AKT per mining epoch; 0.5 AKT of grants.
    pools: [
      H100_POOL([a.p1, a.p2], "2000"),
      LM_POOL(1_000_000n),
      { name: "grants", discretionary: { budget: "500000" } },
    ],
    revenue: { operator: a.operator, spot_fee_bps: 1000, reservation_fee_bps: 500 },
  };
}

/** Program 1: one 7-day epoch that ended before the script starts, its returns going to the community pool. */
function poolProgram(a: Actors, t0: number): ProgramDef {
  const start = t0 - WEEK - 60;
  return {
    ...mainProgram(a, t0),
    name: "equivalence community pool",
    start,
    end: start + WEEK,
    treasury: { mode: "community_pool", address: null },
    pools: [LM_POOL(BigInt(POOL_FUNDING))],
    revenue: null,
  };
}

function incentivesScript(a: Actors, t0: number, price: string, reachedTime: () => Promise<number>): Step[] {
  const { execute: x, query: q, balance: bal, balanceDelta: delta } = stepBuilders();
  const report = (name: string, sender: string, pool: string, epoch: number, rows: Row[]): Step =>
    x(name, sender, { report: { program_id: 0, pool, epoch, rows } });
  const main = mainProgram(a, t0);
  const views = (when: string): Step[] => [
    q(`program ${when}`, { program: { program_id: 0 } }),
    q(`pools ${when}`, { pools: { program_id: 0 } }),
    q(`budget ${when}`, { budget: { program_id: 0 } }),
    q(`config ${when}`, { config: {} }),
  ];
  const epochViews = (epoch: number, when: string): Step[] =>
    ["committed", "mining"].map((p) => q(`epoch ${epoch} ${p} ${when}`, { epoch: { program_id: 0, epoch, pool: p } }));
  return [
    q("config", { config: {} }),
    {
      kind: "gov",
      name: "governance creates the programs from the contract's unassigned balance",
      msgs: [
        { create_program: { program: main, from_balance: String(FUNDING) } },
        { create_program: { program: poolProgram(a, t0), from_balance: String(POOL_FUNDING) } },
      ],
    },
    x("program 1's empty epoch returns its budget to the community pool", a.stranger, {
      close_epoch: { program_id: 1 },
    }),
    q("program 1 budget", { budget: { program_id: 1 } }),
    ...views("after creation"),
    x("anyone tops up program 0", a.funder, { fund_program: { program_id: 0 } }, uakt(2_500_000)),
    report("committed report, epoch 0", a.attestor, "committed", 0, [
      row(a.p1, "h100", 2, 9950),
      row(a.p2, "h100", 2, 9000),
    ]),
    report("mining report, epoch 0", a.attestor, "mining", 0, [
      row(a.p1, "h100", 8, 10_000),
      row(a.p2, "a100", 4, 9000),
      row(a.p3, "rtx4090", 2, 5000),
    ]),
    report("the attestor resubmits p2's mining row", a.attestor, "mining", 0, [row(a.p2, "a100", 4, 8000)]),
    report("a stranger reports", a.stranger, "mining", 0, [row(a.stranger, "h100", 100, 10_000)]),
    report("committed report, epoch 1", a.attestor, "committed", 1, [row(a.p1, "h100", 1, 10_000)]),
    report("mining report, epoch 1", a.attestor, "mining", 1, [row(a.p1, "a100", 1, 10_000)]),
    ...epochViews(0, "before closing"),
    x("close without a price waits", a.stranger, { close_epoch: { program_id: 0 } }),
    {
      kind: "execute",
      name: "price feed: AKT at $0.50",
      sender: a.stranger,
      contract: a.oracle,
      msg: { update_price_feeds: { data: [price] } },
      fundsFrom: { get_update_fee: { data: [price] } },
    },
    q("budget at the price", { budget: { program_id: 0 } }),
    x("close epoch 0", a.stranger, { close_epoch: { program_id: 0 } }),
    ...epochViews(0, "closed"),
    ...views("after epoch 0"),
    x("report for a closed epoch", a.attestor, {
      report: { program_id: 0, pool: "mining", epoch: 0, rows: [row(a.p1, "h100", 1, 10_000)] },
    }),
    x("p1 claims", a.p1, { claim: { program_id: 0 } }),
    x("p1 claims again", a.p1, { claim: { program_id: 0 } }),
    q("provider p2", { provider: { program_id: 0, provider: a.p2 } }),
    { kind: "gov", name: "governance grants 0.2 AKT to p3", msgs: [grantMsg(a.p3, 200_000)] },
    x("a stranger grants", a.stranger, grantMsg(a.stranger, 1)),
    q("provider p3 after the grant", { provider: { program_id: 0, provider: a.p3 } }),
    x("spot revenue", a.funder, { deposit_revenue: { program_id: 0, kind: "spot" } }, uakt(1_000_003)),
    x("reservation revenue", a.funder, { deposit_revenue: { program_id: 0, kind: "reservation" } }, uakt(2_000_000)),
    x("close epoch 1 before its end", a.stranger, { close_epoch: { program_id: 0 } }),
    x("sweep before end + grace", a.stranger, { sweep: { program_id: 0 } }),
    {
      kind: "wait",
      name: "end + grace pass",
      blocks: 1,
      until: async () => (await reachedTime()) >= main.end + main.grace,
    },
    x("close epoch 1", a.stranger, { close_epoch: { program_id: 0 } }),
    ...epochViews(1, "closed"),
    x("p1 claims epoch 1", a.p1, { claim: { program_id: 0 } }),
    x("sweep", a.stranger, { sweep: { program_id: 0 } }),
    x("claim after the sweep", a.p1, { claim: { program_id: 0 } }),
    x("fund after the end", a.funder, { fund_program: { program_id: 0 } }, uakt(1)),
    ...views("after the sweep"),
    q("provider p1 at the end", { provider: { program_id: 0, provider: a.p1 } }),
    bal("treasury", a.treasury),
    bal("operator", a.operator),
    bal("p3 (never claims)", a.p3),
    bal("contract", a.contract),
    delta("p1, fees added back", a.p1),
    bal("p2 (never claims)", a.p2),
    delta("funder, fees added back", a.funder),
  ];
}

function grantMsg(provider: string, amount: number): JsonObject {
  return { grant: { program_id: 0, pool: "grants", provider, amount: String(amount) } };
}

async function deploy(governance: Governance): Promise<{ oracle: string; contract: string }> {
  const o = await governance.storeCode(oracleWasm());
  const i = await governance.storeCode(incentivesWasm());
  const oracleMsg = oracleInstantiateMsg({
    admin: governance.govAddress,
    signerSets: [testSignerSet("legacy")],
    feeds: [AKT_USD_FEED_ID],
    params: PERMISSIVE_PARAMS,
  });
  const oracle = (await governance.instantiate(o.codeId, oracleMsg, "equivalence-oracle")).address;
  // The price is posted once, so it may be up to a few minutes old at the last close.
  const msg = { admin: governance.govAddress, oracle, feed_id: AKT_USD_FEED_ID, max_price_age: 3600 };
  const contract = (await governance.instantiate(i.codeId, msg, "equivalence-incentives")).address;
  return { oracle, contract };
}

/** Unix nanoseconds of a CometBFT block time (a Date plus the nanoseconds below the millisecond). */
function nanos(time: { getTime(): number; readonly nanoseconds?: number }): bigint {
  return BigInt(time.getTime()) * 1_000_000n + BigInt(time.nanoseconds ?? 0);
}

describe.skipIf(!(await realChainAvailable()))(
  await realChainTitle("embedded chain ≡ wasmd: incentives contract"),
  () => {
    const fixture = withLocalnode();

    it(
      "gives the same events, errors, query results, balances and gas at the same heights and times",
      { timeout: 900_000 },
      async () => {
        const { node, client } = fixture;
        // The localnet funds three accounts besides the validator (the proposer): the funder also acts as the
        // stranger (closes, sweeps, reports without being an attestor); p1 is the provider that claims.
        const [funder, attestor, p1] = [1, 2, 3].map((i) => node.accounts[i]!.address) as [string, string, string];
        const stranger = funder;
        // Addresses nobody holds a key for, so no fee ever touches their balances.
        const neverSigns = (label: string): string =>
          toBech32(node.prefix, sha256(new TextEncoder().encode(label)).slice(0, 20));
        const [p2, p3, treasury, operator] = ["p2", "p3", "treasury", "operator"].map((l) =>
          neverSigns(`eq incentives ${l}`),
        ) as [string, string, string, string];
        const gov = new NodeGovernance(client, { proposer: node.accounts[0]!.address, prefix: node.prefix });
        const real = await deploy(gov);
        await client.sendTokens(funder, real.contract, uakt(FUNDING + POOL_FUNDING), FIXED_FEE);
        const blockTime = async (height?: number): Promise<{ getTime(): number; readonly nanoseconds?: number }> =>
          (await client.comet.block(height)).block.header.time;
        const t0 = Math.floor((await blockTime()).getTime() / 1000);
        const price = buildPriceUpdate([
          { feedId: AKT_USD_FEED_ID, price: 50_000_000n, conf: 50_000n, expo: -8, publishTime: t0 - 10 },
        ]).base64;
        const actors: Actors = { funder, attestor, stranger, p1, p2, p3, treasury, operator, ...real };
        const steps = incentivesScript(
          actors,
          t0,
          price,
          async () => Math.floor((await blockTime()).getTime() / 1000), // wasmd's latest block
        );
        const realRun = await runScriptDetailed(client, real.contract, steps, {
          excludedAttributes: new Set(),
          ...onWasmd(client),
          gov: async (contract, msgs) => {
            const messages = msgs.map((m) => ({
              typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract",
              value: MsgExecuteContract.encode(
                MsgExecuteContract.fromPartial({ sender: gov.govAddress, contract, msg: toUtf8(JSON.stringify(m)) }),
              ).finish(),
            }));
            await gov.passProposal(messages, { title: "Incentives equivalence", summary: "create, grant" });
          },
        });

        // wasmd's block time at every height the replay stops at.
        const times = new Map<number, bigint>();
        for (const h of realRun.heights) if (h !== undefined && !times.has(h)) times.set(h, nanos(await blockTime(h)));

        const chain = new EmbeddedChain({
          prefix: node.prefix,
          denom: node.denom,
          chainId: node.chainId,
          startTime: new Date(t0 * 1000),
        });
        for (const a of [funder, attestor, p1]) chain.fund(a, uakt(100_000_000_000));
        const embedded = await deploy(new EmbeddedGovernance(chain));
        await chain.client().sendTokens(funder, embedded.contract, uakt(FUNDING + POOL_FUNDING), FIXED_FEE);
        const asGov = chain.asGov();
        const onEmbedded = await runScriptDetailed(chain.client(), embedded.contract, steps, {
          excludedAttributes: new Set(),
          // The block's time as on wasmd (advanceBlocks moves it in whole block times only).
          ...replayOnEmbedded(chain, realRun.heights, (h) => {
            chain.restore({ ...chain.snapshot(), timeNanos: times.get(h)! });
          }),
          gov: async (contract, msgs) => {
            for (const m of msgs) await asGov.execute(chain.govAddress, contract, m, "auto");
          },
        });

        expect(embedded).toEqual(real);
        expect(onEmbedded.heights).toEqual(realRun.heights);
        expectSameObservations(onEmbedded.obs, realRun.obs);
        const rows = compareGas("incentives", realRun.gas, onEmbedded.gas);
        expect(rows.map((r) => r.name)).toContain("sweep");

        // The script exercised what it claims.
        const byName = new Map(realRun.obs.map((o) => [o.name, o]));
        const events = (name: string, type: string): Record<string, string>[] =>
          (byName.get(name)?.events ?? []).filter((e) => e.type === type).map((e) => Object.fromEntries(e.attributes));
        const returns = (name: string): string[] => events(name, "wasm-incentives_return").map((e) => e.reason!);
        expect(events("close epoch 0", "wasm-incentives_payout").length).toBe(5); // 2 committed + 3 mining
        // Epoch 0's obligations exceed its USD share (cut pro rata): only the buffer on that share goes back.
        expect(returns("close epoch 0")).toEqual(["excess_buffer"]);
        expect(returns("close epoch 1")).toContain("unallocated");
        expect(events("close epoch 1", "wasm-incentives_payout").length).toBe(2);
        expect(returns("sweep")).toEqual(["program_end"]);
        const poolClose = "program 1's empty epoch returns its budget to the community pool";
        expect(returns(poolClose)).toEqual(["unallocated"]);
        expect(events(poolClose, "transfer").filter((e) => e.sender === real.contract)).toEqual([
          {
            recipient: moduleAddress(node.prefix, "protocolpool"),
            sender: real.contract,
            amount: `${POOL_FUNDING}uakt`,
          },
        ]);
        expect(events("p1 claims", "wasm-incentives_claim")).toHaveLength(1);
        expect(events("p1 claims epoch 1", "wasm-incentives_claim")).toHaveLength(1);
        expect(events("spot revenue", "wasm-incentives_revenue")[0]).toMatchObject({ fee: "100000" });
        // The resubmission replaced p2's row: 3 mining rows, p2's at 80 % uptime.
        const epoch0 = byName.get("epoch 0 mining closed")?.result as {
          rows: { provider: string; uptime_bps: number }[];
        };
        expect(epoch0.rows).toHaveLength(3);
        expect(epoch0.rows.find((r) => r.provider === p2)?.uptime_bps).toBe(8000);
        for (const name of [
          "a stranger reports",
          "close without a price waits",
          "report for a closed epoch",
          "p1 claims again",
          "a stranger grants",
          "close epoch 1 before its end",
          "sweep before end + grace",
          "claim after the sweep",
          "fund after the end",
        ])
          expect(byName.get(name)?.error, name).toBeDefined();
        expect(byName.get("close without a price waits")?.error).toContain("price unavailable, payouts wait");
        const p3Mined = events("close epoch 0", "wasm-incentives_payout").find((e) => e.provider === p3)?.amount;
        expect(byName.get("provider p3 after the grant")?.result).toMatchObject({
          earned: String(BigInt(p3Mined!) + 200_000n),
        });
        for (const name of [
          "governance creates the program from the contract's unassigned balance",
          "governance grants 0.2 AKT to p3",
          "close epoch 0",
          "close epoch 1",
          "sweep",
          "p1 claims epoch 1",
          "spot revenue",
        ])
          expect(byName.get(name)?.error, name).toBeUndefined();
      },
    );
  },
);
