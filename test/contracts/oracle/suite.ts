/**
 * The oracle contract's core behaviour through the chain interface only, so it runs on the embedded chain
 * (oracle.test.ts) and on wasmd (test/localnode/contracts.test.ts). The code is stored once through governance and
 * every test instantiates a fresh contract the same way (gov as admin, the test signer sets). Prices are published
 * relative to the chain's latest block time, within the default staleness, so they are fresh on either clock.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ChainBackend, Coin, ExecuteResult, JsonObject } from "../../../sim/interface/index.js";
import type { GeneratedUpdate, PriceInput } from "../../../scripts/pyth/generator.js";
import { FIXED_FEE } from "../../helpers/equivalence.js";
import {
  AKT_ID,
  BTC_ID,
  USDC_ID,
  b64,
  dataSource,
  defaultInstantiate,
  eventsOf,
  oracleWasm,
  update,
} from "../../helpers/oracle.js";
import { neverSigns } from "../../helpers/suite.js";

/** On wasmd a test waits for blocks and governance proposals (4 s expedited voting each). */
const TEST_TIMEOUT = 180_000;

interface PriceFeed {
  id: string;
  price: { price: string; conf: string; expo: number; publish_time: number };
  ema_price: { price: string; conf: string; expo: number; publish_time: number };
}

interface SignerSets {
  current: number;
  signer_sets: { index: number; addresses: string[]; quorum: number | null; expires_at: number | null }[];
}

/** One freshly instantiated oracle and the calls the tests make on it. */
interface OracleOn {
  admin: string;
  relayer: string;
  stranger: string;
  feeRecipient: string;
  /** Latest block time, unix seconds, read when the contract was instantiated. */
  now: number;
  query<T = JsonObject>(msg: JsonObject): Promise<T>;
  queryError(msg: JsonObject): Promise<string>;
  execute(sender: string, msg: JsonObject, funds?: Coin[]): Promise<ExecuteResult>;
  /** Submits blobs with exactly the fee `get_update_fee` asks for. */
  update(blobs: GeneratedUpdate[]): Promise<ExecuteResult>;
  recipientBalance(): Promise<bigint>;
  /** Every query answer a rejected call must leave unchanged. */
  snapshot(): Promise<JsonObject>;
}

const failure = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error("expected a failure");
};

/**
 * Registers the oracle suite. `backend` is read in beforeAll (the caller starts and closes it); `firstAccount` picks
 * which of its funded accounts sign, so suites sharing a chain do not share signers.
 */
export function oracleSuite(backend: () => ChainBackend | Promise<ChainBackend>, firstAccount = 6): void {
  let chain: ChainBackend;
  let codeId: number;
  beforeAll(async () => {
    chain = await backend();
    if (chain.accounts.length < firstAccount + 2) throw new Error("oracle suite: too few funded accounts");
    ({ codeId } = await chain.governance.storeCode(oracleWasm()));
  }, 600_000);

  async function instantiate(): Promise<OracleOn> {
    const admin = chain.governance.govAddress;
    const feeRecipient = neverSigns(chain, "oracle suite fee recipient");
    const { address } = await chain.governance.instantiate(
      codeId,
      defaultInstantiate({ admin, feeRecipient }),
      "oracle suite",
    );
    const relayer = chain.accounts[firstAccount]!;
    const client = chain.client;
    const query = async <T>(msg: JsonObject): Promise<T> => (await client.queryContractSmart(address, msg)) as T;
    const execute = (sender: string, msg: JsonObject, funds: Coin[] = []): Promise<ExecuteResult> =>
      client.execute(sender, address, msg, FIXED_FEE, undefined, funds);
    const recipientBalance = async (): Promise<bigint> =>
      BigInt((await client.getBalance(feeRecipient, "uakt")).amount);
    return {
      admin,
      relayer,
      stranger: chain.accounts[firstAccount + 1]!,
      feeRecipient,
      now: await chain.now(),
      query,
      queryError: (msg) => failure(client.queryContractSmart(address, msg)),
      execute,
      async update(blobs) {
        const data = blobs.map((b) => b.base64);
        const fee = await query<Coin>({ get_update_fee: { data } });
        return execute(relayer, { update_price_feeds: { data } }, fee.amount === "0" ? [] : [fee]);
      },
      recipientBalance,
      async snapshot() {
        const out: JsonObject = {
          config: await query({ config: {} }),
          signer_sets: await query({ signer_sets: {} }),
          feeds: await query({ feeds: {} }),
          recipient: (await recipientBalance()).toString(),
        };
        for (const id of [AKT_ID, USDC_ID])
          out[`price_feed ${id}`] = await query({ price_feed: { id } }).catch((e: unknown) => String(e));
        return out;
      },
    };
  }

  /** A price published `ago` seconds before the contract's instantiation block. */
  const price = (s: OracleOn, id: string, p: bigint, ago = 0, extra: Partial<PriceInput> = {}): PriceInput => ({
    feedId: id,
    price: p,
    conf: p / 1000n,
    expo: -8,
    publishTime: s.now - ago,
    ...extra,
  });

  describe("oracle: instantiate and config", { timeout: TEST_TIMEOUT }, () => {
    it("stores the config with documented defaults", async () => {
      const s = await instantiate();
      expect(await s.query({ config: {} })).toEqual({
        admin: s.admin,
        chain_id: 0,
        data_sources: [
          dataSource(26, "e101faedac5851e32b9b23b5f9411a8c2bac4aae3ed4dd7b811dd1a72ea4aa71"),
          dataSource(26, Buffer.from("PythnetPythnetPythnetPythnetPyth").toString("hex")),
        ],
        governance_source: dataSource(1, "00".repeat(31) + "04"),
        current_signer_set: 4,
        update_fee: { denom: "uakt", amount: "1" },
        fee_recipient: s.feeRecipient,
        feeders: [],
        max_conf_bps: 100,
        min_expo: -18,
        max_expo: 0,
        max_future_drift: 10,
        max_price_staleness: 30,
        twap_window: 5,
        max_deviation_bps: 150,
        min_price_sources: 1,
        price_retention: 86400,
        signer_set_expiry_secs: 86400,
        paused: false,
        max_ema_deviation_bps: 1000,
      });
      const sets = await s.query<SignerSets>({ signer_sets: {} });
      expect(sets.current).toBe(4);
      expect(sets.signer_sets.map((x) => [x.index, x.addresses.length, x.quorum, x.expires_at])).toEqual([
        [0, 5, 3, null],
        [4, 19, 13, null],
      ]);
      expect(await s.query({ feeds: {} })).toEqual({
        feeds: [
          { id: AKT_ID, symbol: "AKT/USD", publish_time: null },
          { id: USDC_ID, symbol: "USDC/USD", publish_time: null },
        ],
      });
    });
  });

  describe("oracle: update_price_feeds", { timeout: TEST_TIMEOUT }, () => {
    it("verifies a legacy 13-of-19 update and answers in Pyth's JSON", async () => {
      const s = await instantiate();
      const recipient0 = await s.recipientBalance();
      const input = price(s, AKT_ID, 55181788n, 1, { conf: 136842n, emaPrice: 55415212n, emaConf: 140031n });
      const res = await s.update([update([input])]);
      expect(await s.query<{ price_feed: PriceFeed }>({ price_feed: { id: AKT_ID } })).toEqual({
        price_feed: {
          id: AKT_ID,
          price: { price: "55181788", conf: "136842", expo: -8, publish_time: s.now - 1 },
          ema_price: { price: "55415212", conf: "140031", expo: -8, publish_time: s.now - 1 },
        },
      });
      expect(eventsOf(res, "wasm")[0]).toMatchObject({
        action: "update_price_feeds",
        num_attestations: "1",
        num_updated: "1",
        fee: "1uakt",
      });
      expect(eventsOf(res, "wasm-price_update")).toEqual([
        expect.objectContaining({
          id: AKT_ID,
          source: "pyth",
          price: "55181788",
          conf: "136842",
          expo: "-8",
          publish_time: String(s.now - 1),
          value: "0.55181788",
        }),
      ]);
      expect(await s.recipientBalance()).toBe(recipient0 + 1n);
      // ids are accepted with 0x and in upper case; answers always use lower case without 0x
      const again = await s.query<{ price_feed: PriceFeed }>({ price_feed: { id: "0x" + AKT_ID.toUpperCase() } });
      expect(again.price_feed.id).toBe(AKT_ID);
    });

    it("verifies a 3-of-5 router update (explicit quorum)", async () => {
      const s = await instantiate();
      await s.update([update([price(s, AKT_ID, 123n)], { mode: "router" })]);
      const pf = await s.query<{ price_feed: PriceFeed }>({ price_feed: { id: AKT_ID } });
      expect(pf.price_feed.price.price).toBe("123");
    });

    it("stores every configured feed of a multi-feed blob, ignores others, charges per message", async () => {
      const s = await instantiate();
      const recipient0 = await s.recipientBalance();
      const u = update([
        price(s, BTC_ID, 6_000_000_000_000n),
        price(s, AKT_ID, 50_000_000n),
        price(s, USDC_ID, 99_990_000n),
      ]);
      expect(await s.query({ get_update_fee: { data: [u.base64] } })).toEqual({ denom: "uakt", amount: "3" });
      const before = await s.snapshot();
      const short = s.execute(s.relayer, { update_price_feeds: { data: [u.base64] } }, [
        { denom: "uakt", amount: "2" },
      ]);
      await expect(short).rejects.toThrow("insufficient fee: sent 2uakt, required 3uakt");
      expect(await s.snapshot()).toEqual(before);
      const res = await s.update([u]);
      expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "3", num_updated: "2" });
      expect(eventsOf(res, "wasm-price_update").map((e) => e.id)).toEqual([AKT_ID, USDC_ID]);
      expect(await s.queryError({ price_feed: { id: BTC_ID } })).toContain(`price feed not found: ${BTC_ID}`);
      expect(await s.recipientBalance()).toBe(recipient0 + 3n);
    });
  });

  describe("oracle: governance", { timeout: TEST_TIMEOUT }, () => {
    it("rejects every admin message from anyone but the admin", async () => {
      const s = await instantiate();
      const msgs = [
        { update_config: { max_conf_bps: 200 } },
        { add_feed: { id: BTC_ID } },
        { remove_feed: { id: AKT_ID } },
        { pause: {} },
        { unpause: {} },
      ];
      const before = await s.snapshot();
      for (const msg of msgs) {
        await expect(s.execute(s.stranger, msg), JSON.stringify(msg)).rejects.toThrow(
          "unauthorized: only the admin may do this",
        );
      }
      expect(await s.snapshot()).toEqual(before);
    });

    it("answers get_update_fee only for well-formed updates and lists feeds with their publish time", async () => {
      const s = await instantiate();
      expect(await s.queryError({ get_update_fee: { data: [b64("00")] } })).toContain(
        "update 0: not an accumulator update (expected magic PNAU)",
      );
      expect(await s.queryError({ get_update_fee: { data: [] } })).toContain("no update data");
      const u = update([price(s, AKT_ID, 1n, 2)]);
      expect(await s.query({ get_update_fee: { data: [u.base64, u.base64] } })).toEqual({
        denom: "uakt",
        amount: "2",
      });
      await s.update([u]);
      expect(await s.query({ feeds: {} })).toEqual({
        feeds: [
          { id: AKT_ID, symbol: "AKT/USD", publish_time: s.now - 2 },
          { id: USDC_ID, symbol: "USDC/USD", publish_time: null },
        ],
      });
      expect(await s.queryError({ price_feed: { id: "4ea5" } })).toContain(
        "invalid feed id 4ea5: expected 64 hex digits",
      );
      expect(await s.queryError({ nope: {} })).toContain("unknown variant `nope`");
    });
  });
}
