/**
 * Embedded chain ≡ wasmd for the oracle contract. One governance deployment (legacy + router test signer sets, both
 * Pyth emitters, AKT/USD and USDC/USD, a 7 uakt update fee to a recipient that never signs) and one script of
 * generated Pyth updates, rejections, a signer-set rotation and queries run on a fresh wasmd localnet and on a fresh
 * EmbeddedChain; every observation must be equal.
 *
 * wasmd's block time is the wall clock (~300 ms blocks), the embedded chain's moves 6 s per block from `startTime`
 * (set to wasmd's block time when the updates are generated). Thresholds are PERMISSIVE_PARAMS, so time never decides
 * acceptance or freshness. What still depends on the block time, and how it is compared:
 *  - `old_expires_at` of `submit_signer_set_upgrade` and the old set's `expires_at` in `signer_sets` (block time +
 *    `signer_set_expiry_secs`): compared as offsets from the block time of the rotation tx (`t+86400`);
 *  - `twap` of the `price` query (weights are block time − publish times): removed, every other field compared.
 * Heights are not compared (nothing in the oracle reads them).
 */
import { toBech32 } from "@cosmjs/encoding";
import { sha256 } from "@noble/hashes/sha2";
import { describe, expect, it } from "vitest";
import { EmbeddedChain } from "../../sim/index.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import {
  buildPriceUpdate,
  buildSignerSetUpgradeVaa,
  defaultSignerKeys,
  signerAddress,
  testSignerKeys,
  testSignerSet,
  type GeneratedUpdate,
  type PriceInput,
  type UpdateOptions,
} from "../../scripts/pyth/generator.js";
import { PERMISSIVE_PARAMS, oracleInstantiateMsg } from "../../scripts/pyth/oracle-deploy.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import {
  FIXED_FEE,
  nodeBlockTime,
  relativeTime,
  runScriptDetailed,
  smartQueryAtHeight,
  type RunOptions,
  type Step,
  type StepContext,
} from "../helpers/equivalence.js";
import { embeddedGasUsed, expectSameObservations, wasmdGasUsed } from "../helpers/equivalence-run.js";
import { compareGas } from "../helpers/gas-compare.js";
import { AKT_ID, USDC_ID, oracleWasm } from "../helpers/oracle.js";
import type { Governance } from "../../sim/interface/governance.js";
import type { ChainClient, Coin, JsonObject } from "../../sim/interface/client.js";

const UPDATE_FEE: Coin = { denom: "uakt", amount: "7" };
const BLOCK_SECONDS = 6;
const ROTATION = "signer-set rotation 4 → 5";

/** An address nobody holds a key for, so no fee ever touches its balance. */
const neverSigns = (prefix: string, label: string): string =>
  toBech32(prefix, sha256(new TextEncoder().encode(label)).slice(0, 20));

const b64 = (u: GeneratedUpdate | Buffer): string => (Buffer.isBuffer(u) ? u : u.data).toString("base64");
const updateMsg = (...blobs: (GeneratedUpdate | Buffer)[]): JsonObject => ({
  update_price_feeds: { data: blobs.map(b64) },
});
const feeQuery = (...blobs: (GeneratedUpdate | Buffer)[]): JsonObject => ({ get_update_fee: { data: blobs.map(b64) } });

/** Removes the TWAP from a `price` answer: its weights are block time − publish time. */
const withoutTwap = (r: JsonObject): unknown => Object.fromEntries(Object.entries(r).filter(([k]) => k !== "twap"));

/** `expires_at` of rotated-out sets as offsets from the rotation's block time. */
function relativeExpiry(r: JsonObject, ctx: StepContext): unknown {
  const sets = r.signer_sets as { expires_at?: number | null }[];
  return {
    ...r,
    signer_sets: sets.map((s) =>
      s.expires_at === undefined || s.expires_at === null
        ? s
        : { ...s, expires_at: relativeTime(s.expires_at, ctx.blockTimeOf(ROTATION)) },
    ),
  };
}

/** Every blob is generated once, from wasmd's clock `now`, and submitted unchanged to both chains. */
function oracleScript(now: number, relayer: string, stranger: string, feeRecipient: string): Step[] {
  const akt = (t: number, price = 55_181_788n): PriceInput => ({
    feedId: AKT_ID,
    price,
    conf: 136_842n,
    expo: -8,
    publishTime: now - t,
    emaPrice: price + 233_424n,
    emaConf: 140_031n,
  });
  const usdc = (t: number, price = 99_990_000n): PriceInput => ({
    feedId: USDC_ID,
    price,
    conf: 12_345n,
    expo: -8,
    publishTime: now - t,
  });
  const legacy = (inputs: PriceInput[], o: UpdateOptions = {}): GeneratedUpdate =>
    buildPriceUpdate(inputs, { mode: "legacy", ...o });
  const router = (inputs: PriceInput[], o: UpdateOptions = {}): GeneratedUpdate =>
    buildPriceUpdate(inputs, { mode: "router", ...o });

  const legacyAkt = legacy([akt(60)]);
  const routerBoth = router([akt(50, 56_000_000n), usdc(50)]);
  const legacyBoth = legacy([akt(40, 54_900_000n), usdc(40, 100_010_000n)]);
  const older = legacy([akt(55, 1_000n)]);
  const next = legacy([akt(30, 57_123_456n)]);
  const tampered = legacy([akt(30, 57_123_456n)], { tamper: { messageByte: { update: 0, offset: 40 } } });
  const wrongSet = legacy([akt(30, 57_123_456n)], { setIndex: 9 });
  const routerKeysAsLegacySet = router([akt(30, 57_123_456n)], { setIndex: 4 });
  const twelveOfThirteen = legacy([akt(30, 57_123_456n)], { tamper: { dropSignature: true } });

  // Rotation: the current set (legacy, index 4: the highest) installs set 5, 19 new guardians.
  const newKeys = testSignerKeys(19, "equivalence rotation");
  const upgrade = buildSignerSetUpgradeVaa({
    keys: defaultSignerKeys("legacy"),
    signers: [0, 2, 3, 4, 6, 7, 10, 11, 13, 14, 15, 17, 18],
    setIndex: 4,
    newIndex: 5,
    newAddresses: newKeys.map(signerAddress),
    sequence: 7,
    timestamp: now - 100,
  });
  const bySet5 = legacy([akt(20, 58_000_000n), usdc(20, 100_000_000n)], {
    keys: newKeys,
    signers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    setIndex: 5,
  });

  const fee = (n: number): Coin[] => [{ denom: UPDATE_FEE.denom, amount: String(Number(UPDATE_FEE.amount) * n) }];
  const q = (name: string, msg: JsonObject): Step => ({ kind: "query", name, msg });
  const x = (name: string, msg: JsonObject, funds?: Coin[], sender = relayer): Step => ({
    kind: "execute",
    name,
    sender,
    msg,
    ...(funds === undefined ? {} : { funds }),
  });
  const update = (name: string, ...blobs: GeneratedUpdate[]): Step => ({
    kind: "execute",
    name,
    sender: relayer,
    msg: updateMsg(...blobs),
    fundsFrom: feeQuery(...blobs),
  });
  const feedsAndPrices = (when: string): Step[] => [
    q(`price_feed AKT ${when}`, { price_feed: { id: AKT_ID } }),
    q(`price_feed USDC ${when}`, { price_feed: { id: `0x${USDC_ID.toUpperCase()}` } }),
    q(`feeds ${when}`, { feeds: {} }),
    { kind: "query", name: `price AKT ${when} (without twap)`, msg: { price: { id: AKT_ID } }, normalize: withoutTwap },
    q(`health AKT ${when}`, { health: { id: AKT_ID } }),
    q(`health USDC ${when}`, { health: { id: USDC_ID } }),
    { kind: "balance", name: `fee recipient ${when}`, address: feeRecipient, denom: "uakt" },
  ];

  const steps: Step[] = [
    q("config", { config: {} }),
    q("signer_sets", { signer_sets: {} }),
    q("feeds before any update", { feeds: {} }),
    q("price_feed before any update", { price_feed: { id: AKT_ID } }),
    q("price before any update", { price: { id: AKT_ID } }),
    q("get_update_fee 1 feed", feeQuery(legacyAkt)),
    q("get_update_fee 2 blobs, 3 feeds", feeQuery(legacyAkt, routerBoth)),
    q("get_update_fee of garbage", { get_update_fee: { data: [Buffer.from("nope").toString("base64")] } }),
    update("legacy update, 1 feed", legacyAkt),
    update("router update, 2 feeds", routerBoth),
    ...feedsAndPrices("after the first updates"),
    update("legacy update, 2 feeds", legacyBoth),
    update("older update (ignored)", older),
    update("equal update (no-op)", legacyBoth),
    x("insufficient fee", updateMsg(next), [{ denom: "uakt", amount: "6" }]),
    x("no fee", updateMsg(next)),
    x("fee in another denom", updateMsg(next), [{ denom: "stake", amount: "7" }]),
    x("tampered message", updateMsg(tampered), fee(1)),
    x("unknown signer set index", updateMsg(wrongSet), fee(1)),
    x("router keys claiming the legacy set", updateMsg(routerKeysAsLegacySet), fee(1)),
    x("12 of 13 signatures", updateMsg(twelveOfThirteen), fee(1)),
    x("two blobs, one bad: nothing written", updateMsg(next, tampered), fee(2)),
    update("next legacy update", next),
    ...feedsAndPrices("after the rejections"),
    x(ROTATION, { submit_signer_set_upgrade: { vaa: upgrade.base64 } }),
    { kind: "query", name: "signer_sets after rotation", msg: { signer_sets: {} }, normalize: relativeExpiry },
    q("config after rotation", { config: {} }),
    x("rotation VAA again", { submit_signer_set_upgrade: { vaa: upgrade.base64 } }),
    update("update signed by the new set", bySet5),
    x("unauthorized pause", { pause: {} }, undefined, stranger),
    x(
      "unauthorized update_config",
      { update_config: { update_fee: { denom: "uakt", amount: "0" } } },
      undefined,
      stranger,
    ),
    x("unauthorized add_feed", { add_feed: { id: "ab".repeat(32) } }, undefined, stranger),
    x("unknown execute variant", { frobnicate: {} }),
    q("unknown feed", { price_feed: { id: "cd".repeat(32) } }),
    q("get_update_fee 2 feeds", feeQuery(bySet5)),
    ...feedsAndPrices("at the end"),
    q("config at the end", { config: {} }),
    { kind: "balanceDelta", name: "relayer spent (fees to the recipient)", address: relayer, denom: "uakt" },
  ];
  return steps;
}

async function deploy(governance: Governance, feeRecipient: string): Promise<string> {
  const { codeId } = await governance.storeCode(oracleWasm());
  const msg = oracleInstantiateMsg({
    admin: governance.govAddress,
    signerSets: [testSignerSet("legacy"), testSignerSet("router")],
    feeds: [AKT_ID, USDC_ID],
    updateFee: UPDATE_FEE,
    feeRecipient,
    params: PERMISSIVE_PARAMS,
  });
  const { address } = await governance.instantiate(codeId, msg, "equivalence-oracle", {});
  return address;
}

async function run(client: ChainClient, contract: string, steps: Step[], opts: RunOptions) {
  return runScriptDetailed(client, contract, steps, { ...opts, blockTimeAttributes: new Set(["old_expires_at"]) });
}

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("embedded chain ≡ wasmd: oracle contract"), () => {
  const fixture = withLocalnode();

  it("gives the same events, errors, query results and balances on both backends", { timeout: 600_000 }, async () => {
    const { node, client } = fixture;
    const relayer = node.accounts[1]!.address;
    const stranger = node.accounts[2]!.address;
    const feeRecipient = neverSigns(node.prefix, "equivalence oracle fee recipient");

    const governance = new NodeGovernance(client, { proposer: node.accounts[0]!.address, prefix: node.prefix });
    const realAddress = await deploy(governance, feeRecipient);
    // wasmd's clock, now: every update is published just before it.
    const now = Math.floor(Date.parse(await client.getBlockTime()) / 1000);
    const steps = oracleScript(now, relayer, stranger, feeRecipient);
    const real = await run(client, realAddress, steps, {
      queryAt: smartQueryAtHeight(client.comet),
      blockTime: nodeBlockTime(client.comet),
      feePerTx: FIXED_FEE.amount[0]!,
      txGasUsed: wasmdGasUsed(client),
    });

    const startTime = new Date(now * 1000);
    const chain = new EmbeddedChain({
      prefix: node.prefix,
      denom: node.denom,
      chainId: node.chainId,
      autoAdvance: true,
      startTime,
      blockTimeSeconds: BLOCK_SECONDS,
    });
    for (const a of [relayer, stranger]) chain.fund(a, [{ denom: "uakt", amount: "100000000000" }]); // the localnet's genesis balance
    const embeddedAddress = await deploy(new EmbeddedGovernance(chain), feeRecipient);
    const embedded = await run(chain.client(), embeddedAddress, steps, {
      // Block h of the embedded chain is at startTime + (h − 1) × block time (sim/README.md, "Blocks").
      blockTime: (h) => Promise.resolve(now + (h - 1) * BLOCK_SECONDS),
      txGasUsed: embeddedGasUsed(chain),
    });

    expect(embeddedAddress).toBe(realAddress);
    // Code id, creator (the gov authority), admin and label of the governance deployment.
    expect(await chain.client().getContract(embeddedAddress)).toEqual(await client.getContract(realAddress));
    expectSameObservations(embedded.obs, real.obs);
    compareGas("oracle", real.gas, embedded.gas);
    // The script exercised what it claims: accepted updates stored prices, every rejection was one.
    const byName = new Map(real.obs.map((o) => [o.name, o]));
    for (const name of ["legacy update, 1 feed", "router update, 2 feeds", "update signed by the new set", ROTATION])
      expect(byName.get(name)?.error, name).toBeUndefined();
    for (const name of ["insufficient fee", "tampered message", "12 of 13 signatures", "unauthorized pause"])
      expect(byName.get(name)?.error, name).toBeDefined();
  });
});
