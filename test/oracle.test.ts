// Oracle contract on the embedded chain with generated keys: verification, price rules, fees, signer-set rotation,
// governance, aggregation. Every rejection is checked for its exact error and for leaving all query answers unchanged.
import { describe, expect, it } from "vitest";
import {
  buildSignerSetUpgradeVaa,
  defaultSignerKeys,
  signerAddress,
  testSignerKeys,
  testSignerSet,
} from "../scripts/pyth/generator.js";
import {
  AKT_ID,
  BTC_ID,
  GOVERNANCE_EMITTER_HEX,
  USDC_ID,
  b64,
  dataSource,
  decimalString,
  defaultInstantiate,
  eventsOf,
  oracleWasm,
  price,
  setupOracle,
  toAtomics,
  update,
  type OracleSuite,
} from "./helpers/oracle.js";

interface PriceFeedResponse {
  price_feed: {
    id: string;
    price: { price: string; conf: string; expo: number; publish_time: number };
    ema_price: { price: string; conf: string; expo: number; publish_time: number };
  };
}

interface PriceResponse {
  twap: string;
  median: string;
  min: string;
  max: string;
  publish_time: number;
  num_sources: number;
  deviation_bps: number;
}

interface HealthResponse {
  id: string;
  is_healthy: boolean;
  has_min_sources: boolean;
  deviation_ok: boolean;
  total_sources: number;
  total_healthy_sources: number;
  deviation_bps: number;
  failure_reasons: string[];
  sources: { source: string; price: string | null; publish_time: number | null; fresh: boolean }[];
}

interface SignerSetsResponse {
  current: number;
  signer_sets: { index: number; addresses: string[]; quorum: number | null; expires_at: number | null }[];
}

const legacyKeys = defaultSignerKeys("legacy");

/** A copy of `o` without `key` (e.g. a signer set without its explicit quorum). */
function without<T extends object>(o: T, key: keyof T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as Partial<T>;
}
const routerKeys = defaultSignerKeys("router");

describe("oracle: instantiate and config", () => {
  it("stores the config with documented defaults", async () => {
    const s = await setupOracle();
    const c = await s.query({ config: {} });
    expect(c).toEqual({
      admin: s.admin,
      chain_id: 0,
      data_sources: [
        dataSource(26, "e101faedac5851e32b9b23b5f9411a8c2bac4aae3ed4dd7b811dd1a72ea4aa71"),
        dataSource(26, Buffer.from("PythnetPythnetPythnetPythnetPyth").toString("hex")),
      ],
      governance_source: dataSource(1, GOVERNANCE_EMITTER_HEX),
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
    const sets = await s.query<SignerSetsResponse>({ signer_sets: {} });
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

  it("rejects invalid instantiate messages", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ signer_sets: [] }, "at least one signer set is required"],
      [{ signer_sets: [{ index: 0, addresses: ["12"] }] }, "invalid signer address 12: expected 40 hex digits"],
      [
        { signer_sets: [{ index: 0, addresses: ["11".repeat(20)], quorum: 2 }] },
        "signer set 0: quorum 2 exceeds its 1 signers",
      ],
      [
        { signer_sets: [{ index: 0, addresses: ["11".repeat(20)], quorum: 0 }] },
        "signer set 0: quorum must be at least 1",
      ],
      [{ min_expo: -19 }, "invalid exponent range [-19, 0]"],
      [{ data_sources: [] }, "at least one data source is required"],
      [{ data_sources: [{ chain_id: 26, emitter: b64("00") }] }, "invalid emitter: expected 32 bytes"],
      [{ twap_window: 0 }, "invalid twap_window"],
      [{ price_retention: 10 }, "invalid price_retention"],
      [{ min_price_sources: 2 }, "invalid min_price_sources: must be between 1 and the number of sources"],
      [{ fee_recipient: "cosmos1xyz" }, "invalid address cosmos1xyz"],
      [{ feeds: [{ id: "0x12" }] }, "invalid feed id 0x12"],
      [{ bogus: 1 }, "unknown field `bogus`"],
    ];
    const s = await setupOracle();
    const { codeId } = await s.client.upload(s.relayer, oracleWasm(), "auto");
    const base = defaultInstantiate(s);
    for (const [patch, error] of cases) {
      const attempt = s.client.instantiate(s.relayer, codeId, { ...base, ...patch }, "bad", "auto");
      await expect(attempt, JSON.stringify(patch)).rejects.toThrow(error);
    }
    const noRecipient = without(base, "fee_recipient");
    await expect(s.client.instantiate(s.relayer, codeId, noRecipient, "bad", "auto")).rejects.toThrow(
      "missing field `fee_recipient`",
    );
  });
});

describe("oracle: update_price_feeds", () => {
  it("verifies a legacy 13-of-19 update and answers in Pyth's JSON", async () => {
    const s = await setupOracle();
    const input = price(s, AKT_ID, 55181788n, 1, { conf: 136842n, emaPrice: 55415212n, emaConf: 140031n });
    const res = await s.update([update([input])]);
    expect(await s.query<PriceFeedResponse>({ price_feed: { id: AKT_ID } })).toEqual({
      price_feed: {
        id: AKT_ID,
        price: { price: "55181788", conf: "136842", expo: -8, publish_time: s.now - 1 },
        ema_price: { price: "55415212", conf: "140031", expo: -8, publish_time: s.now - 1 },
      },
    });
    const wasm = eventsOf(res, "wasm")[0]!;
    expect(wasm).toMatchObject({ action: "update_price_feeds", num_attestations: "1", num_updated: "1", fee: "1uakt" });
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
    expect(s.chain.balance(s.feeRecipient)).toBe(1n);
    // ids are accepted with 0x and in upper case; answers always use lower case without 0x
    const again = await s.query<PriceFeedResponse>({ price_feed: { id: "0x" + AKT_ID.toUpperCase() } });
    expect(again.price_feed.id).toBe(AKT_ID);
  });

  it("verifies a 3-of-5 router update (explicit quorum)", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, 123n)], { mode: "router" })]);
    const pf = await s.query<PriceFeedResponse>({ price_feed: { id: AKT_ID } });
    expect(pf.price_feed.price.price).toBe("123");
  });

  it("stores every configured feed of a multi-feed blob, ignores others, charges per message", async () => {
    const s = await setupOracle();
    const u = update([
      price(s, BTC_ID, 6_000_000_000_000n),
      price(s, AKT_ID, 50_000_000n),
      price(s, USDC_ID, 99_990_000n),
    ]);
    const fee = await s.query({ get_update_fee: { data: [u.base64] } });
    expect(fee).toEqual({ denom: "uakt", amount: "3" });
    await expect(s.updateError([u], [{ denom: "uakt", amount: "2" }])).resolves.toContain(
      "insufficient fee: sent 2uakt, required 3uakt",
    );
    const res = await s.update([u]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "3", num_updated: "2" });
    expect(eventsOf(res, "wasm-price_update").map((e) => e.id)).toEqual([AKT_ID, USDC_ID]);
    expect(await s.queryError({ price_feed: { id: BTC_ID } })).toContain(`price feed not found: ${BTC_ID}`);
    expect(s.chain.balance(s.feeRecipient)).toBe(3n);
  });

  it("ignores older updates and treats an equal publish time as a no-op", async () => {
    const s = await setupOracle();
    const newer = update([price(s, AKT_ID, 200n, 1)]);
    const older = update([price(s, AKT_ID, 100n, 5)]);
    const equal = update([price(s, AKT_ID, 300n, 1)]);
    await s.update([newer]);
    for (const u of [older, equal]) {
      const res = await s.update([u]);
      expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "1", num_updated: "0" });
      expect(eventsOf(res, "wasm-price_update")).toEqual([]);
    }
    const pf = await s.query<PriceFeedResponse>({ price_feed: { id: AKT_ID } });
    expect(pf.price_feed.price.price).toBe("200");
    // several prices of one feed in one message: the newest is stored, whatever the order
    const res = await s.update([update([price(s, AKT_ID, 400n, 0)]), update([price(s, AKT_ID, 350n, 0)])]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "2", num_updated: "1" });
    s.advance(5);
    const mixed = await s.update([
      update([price(s, AKT_ID, 500n, 2), price(s, AKT_ID, 700n, 0), price(s, AKT_ID, 600n, 1)]),
    ]);
    expect(eventsOf(mixed, "wasm")[0]).toMatchObject({ num_attestations: "3", num_updated: "1" });
    expect(eventsOf(mixed, "wasm-price_update").map((e) => e.price)).toEqual(["700"]);
    const latest = await s.query<PriceFeedResponse>({ price_feed: { id: AKT_ID } });
    expect(latest.price_feed.price).toEqual({ price: "700", conf: "0", expo: -8, publish_time: s.now });
  });

  it("accepts forward-compatible extras: trailing message bytes and header bytes", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, 10n)], { tamper: { messageTrailingBytes: 7, headerTrailingBytes: 3 } })]);
    const pf = await s.query<PriceFeedResponse>({ price_feed: { id: AKT_ID } });
    expect(pf.price_feed.price.price).toBe("10");
  });

  it("forwards the whole payment (fee plus overpayment) and rejects foreign denoms", async () => {
    const s = await setupOracle();
    const u = update([price(s, AKT_ID, 10n)]);
    await s.execute(s.relayer, { update_price_feeds: { data: [u.base64] } }, [{ denom: "uakt", amount: "5" }]);
    expect(s.chain.balance(s.feeRecipient)).toBe(5n);
    s.chain.fund(s.relayer, [{ denom: "uatom", amount: "10" }]);
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, 11n, -1)])], [{ denom: "uatom", amount: "10" }]),
      "invalid fee denom uatom: fees are paid in uakt",
    );
  });

  it("runs under the Akash message filter (fees go to an ordinary account)", async () => {
    const s = await setupOracle({ akash: true });
    await s.update([update([price(s, AKT_ID, 10n)])]);
    expect(s.chain.balance(s.feeRecipient)).toBe(1n);
  });

  it("skips the bank send when the fee is zero", async () => {
    const s = await setupOracle({ instantiate: { update_fee: { denom: "uakt", amount: "0" } } });
    const res = await s.update([update([price(s, AKT_ID, 10n)])]);
    expect(eventsOf(res, "transfer")).toEqual([]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ fee: "0uakt" });
  });
});

describe("oracle: rejected updates change nothing", () => {
  const rejects: [string, (s: OracleSuite) => ReturnType<typeof update> | Buffer, string | RegExp][] = [
    [
      "12 of 13 signatures",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { dropSignature: true } }),
      "no quorum: 12 signatures, signer set 4 requires 13",
    ],
    [
      "2 of 5 routers",
      (s) => update([price(s, AKT_ID, 1n)], { mode: "router", signers: [0, 4] }),
      "no quorum: 2 signatures, signer set 0 requires 3",
    ],
    [
      "a wrong signer",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { wrongKeyAt: 6 } }),
      /signature 4 \(signer 6\): recovered [0-9a-f]{40}, expected [0-9a-f]{40}/,
    ],
    [
      "a duplicate signer index",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { duplicateSignerIndex: true } }),
      "signer indexes must be strictly increasing: 0 after 0",
    ],
    [
      "unsorted signer indexes",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { unsortedSignerIndexes: true } }),
      "signer indexes must be strictly increasing: 0 after 2",
    ],
    [
      "a signer index beyond the set",
      (s) =>
        update([price(s, AKT_ID, 1n)], {
          mode: "router",
          keys: [...routerKeys, ...testSignerKeys(14, "extra")],
          signers: [1, 3, 18],
        }),
      "signer index 18 out of range: signer set 0 has 5 signers",
    ],
    ["an unknown set index", (s) => update([price(s, AKT_ID, 1n)], { setIndex: 9 }), "unknown signer set 9"],
    [
      "a corrupted signature byte",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { signatureByte: { signature: 3, offset: 40 } } }),
      /signature 3 \(signer 4\)/,
    ],
    [
      "a wrong emitter chain",
      (s) => update([price(s, AKT_ID, 1n)], { emitterChain: 1 }),
      "invalid update emitter: chain 1 address e101faed",
    ],
    [
      "a wrong emitter address",
      (s) => update([price(s, AKT_ID, 1n)], { emitterAddress: "ab".repeat(32) }),
      `invalid update emitter: chain 26 address ${"ab".repeat(32)} is not a configured data source`,
    ],
    [
      "a tampered price message",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { messageByte: { update: 0, offset: 40 } } }),
      "update 0 message 0: invalid merkle proof",
    ],
    [
      "a tampered proof node",
      (s) => update([price(s, AKT_ID, 1n), price(s, USDC_ID, 1n)], { tamper: { proofNode: { update: 1, node: 0 } } }),
      "update 0 message 1: invalid merkle proof",
    ],
    [
      "truncated bytes",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { truncate: 10 } }),
      /^.*update 0 truncated: message 0 needs 85 bytes at offset \d+, 76 left/,
    ],
    [
      "a truncated VAA header",
      (s) => update([price(s, AKT_ID, 1n)]).data.subarray(0, 12),
      "update 0 truncated: VAA needs",
    ],
    [
      "a wrong magic",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { magic: "PNAX" } }),
      "update 0: not an accumulator update (expected magic PNAU)",
    ],
    [
      "a wrong major version",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { majorVersion: 2 } }),
      "update 0: unsupported accumulator version 2.0 (expected major 1)",
    ],
    [
      "a wrong proof type",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { proofType: 1 } }),
      "update 0: unsupported proof type 1",
    ],
    [
      "a wrong VAA version",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { vaaVersion: 2 } }),
      "update 0 VAA: unsupported VAA version 2 (expected 1)",
    ],
    [
      "a wrong payload magic",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { auwvMagic: "XXXX" } }),
      "invalid accumulator payload: expected magic AUWV",
    ],
    [
      "a TWAP message",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { messageVariant: 1 } }),
      "update 0 message 0: unsupported message type 1 (only 0 = price feed)",
    ],
    [
      "bytes after the last update",
      (s) => update([price(s, AKT_ID, 1n)], { tamper: { envelopeTrailingBytes: 1 } }),
      "update 0: 1 unexpected bytes after the last message",
    ],
    ["price 0", (s) => update([price(s, AKT_ID, 0n)]), `price must be positive: feed ${AKT_ID} price 0`],
    [
      "a negative price",
      (s) => update([price(s, AKT_ID, -5n, 0, { conf: 0n })]),
      `price must be positive: feed ${AKT_ID} price -5`,
    ],
    [
      "an exponent below the range",
      (s) => update([price(s, AKT_ID, 5n, 0, { expo: -19 })]),
      `exponent -19 out of range [-18, 0]: feed ${AKT_ID}`,
    ],
    [
      "a positive exponent",
      (s) => update([price(s, AKT_ID, 5n, 0, { expo: 1 })]),
      `exponent 1 out of range [-18, 0]: feed ${AKT_ID}`,
    ],
    [
      "confidence too wide",
      (s) => update([price(s, AKT_ID, 10_000n, 0, { conf: 101n })]),
      `confidence too wide: feed ${AKT_ID} conf 101 > 100 bps of price 10000`,
    ],
    [
      "a future publish time",
      (s) => update([price(s, AKT_ID, 5n, -11)]),
      /publish time in the future: feed [0-9a-f]{64} publish_time \d+ > block time \d+ \+ 10 s/,
    ],
  ];
  for (const [name, build, error] of rejects) {
    it(`rejects ${name}`, async () => {
      const s = await setupOracle();
      await s.update([update([price(s, AKT_ID, 7n, 3), price(s, USDC_ID, 8n, 3)])]);
      const blob = build(s);
      await s.expectRejected(() => s.updateError([blob]), error);
    });
  }

  it("accepts conf exactly at the limit", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, 10_000n, 0, { conf: 100n })])]);
    await s.update([update([price(s, AKT_ID, 10_000n, -10)])]);
  });

  it("rejects an expired signer set", async () => {
    const s = await setupOracle({
      instantiate: { signer_sets: [testSignerSet("router"), { ...testSignerSet("legacy"), expires_at: 1 }] },
    });
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, 1n)])]),
      `signer set 4 expired at 1 (block time ${s.now})`,
    );
  });

  it("applies the Wormhole quorum rule when a set has no explicit quorum", async () => {
    const set = without(testSignerSet("legacy"), "quorum");
    const s = await setupOracle({ instantiate: { signer_sets: [set] } });
    const twelve = [0, 2, 3, 4, 6, 7, 10, 11, 13, 14, 15, 17];
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, 1n)], { signers: twelve })]),
      "no quorum: 12 signatures, signer set 4 requires 13",
    );
    await s.update([update([price(s, AKT_ID, 1n)], { signers: [...twelve, 18] })]);
  });

  it("rejects without or with too little fee, paused updates and malformed messages", async () => {
    const s = await setupOracle();
    const u = update([price(s, AKT_ID, 1n)]);
    await s.expectRejected(() => s.updateError([u], []), "insufficient fee: sent 0uakt, required 1uakt");
    const data = [u.base64];
    const bad: [Record<string, unknown>, string][] = [
      [{ update_price_feeds: { data: [] } }, "no update data"],
      [{ update_price_feeds: { data: ["!!"] } }, "invalid base64 `!!`"],
      [{ update_price_feeds: { data: "AAAA" } }, "expected a sequence"],
      [{ update_price_feeds: { data, extra: 1 } }, "unknown field `extra`"],
      [{ update_price_feeds: { data: Array(17).fill(u.base64) } }, "too many updates in one message: 17 > 16"],
      [{ update_price_feed: { vaa: u.base64 } }, "unknown variant `update_price_feed`"],
    ];
    for (const [msg, error] of bad) {
      await s.expectRejected(() => s.executeError(s.relayer, msg, [{ denom: "uakt", amount: "100" }]), error);
    }
    await s.execute(s.admin, { pause: {} });
    await s.expectRejected(() => s.updateError([u]), "price updates are paused");
    await s.execute(s.admin, { unpause: {} });
    await s.update([u]);
  });

  it("pins the exponent when governance narrows the range (Akash: -8)", async () => {
    const s = await setupOracle({ instantiate: { min_expo: -8, max_expo: -8 } });
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, 5n, 0, { expo: -6 })])]),
      `exponent -6 out of range [-8, -8]: feed ${AKT_ID}`,
    );
    await s.update([update([price(s, AKT_ID, 5n, 0, { expo: -8 })])]);
  });
});

describe("oracle: signer-set rotation", () => {
  const routerOnly = { signer_sets: [testSignerSet("router")], signer_set_expiry_secs: 60 };
  const newKeys = testSignerKeys(5, "router set 1");
  const upgrade = (o: Partial<Parameters<typeof buildSignerSetUpgradeVaa>[0]> = {}) =>
    buildSignerSetUpgradeVaa({
      keys: routerKeys,
      signers: [0, 2, 4],
      setIndex: 0,
      newIndex: 1,
      newAddresses: newKeys.map(signerAddress),
      ...o,
    }).base64;

  it("installs the next set, inherits the explicit quorum and expires the old set", async () => {
    const s = await setupOracle({ instantiate: routerOnly });
    const res = await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa: upgrade() } });
    expect(eventsOf(res, "wasm")[0]).toMatchObject({
      action: "submit_signer_set_upgrade",
      old_index: "0",
      new_index: "1",
      num_signers: "5",
      quorum: "3",
      old_expires_at: String(s.now + 60),
    });
    const sets = await s.query<SignerSetsResponse>({ signer_sets: {} });
    expect(sets).toEqual({
      current: 1,
      signer_sets: [
        { index: 0, addresses: routerKeys.map(signerAddress), quorum: 3, expires_at: s.now + 60 },
        { index: 1, addresses: newKeys.map(signerAddress), quorum: 3, expires_at: null },
      ],
    });
    // both sets verify until the old one expires
    await s.update([update([price(s, AKT_ID, 1n)], { mode: "router", keys: newKeys, setIndex: 1 })]);
    s.advance(1);
    await s.update([update([price(s, AKT_ID, 2n)], { mode: "router" })]);
    s.advance(60);
    await s.expectRejected(
      () => s.updateError([update([price(s, AKT_ID, 3n)], { mode: "router" })]),
      `signer set 0 expired at ${s.now - 1} (block time ${s.now})`,
    );
    await s.update([update([price(s, AKT_ID, 3n)], { mode: "router", keys: newKeys, setIndex: 1 })]);
  });

  it("rejects replays, wrong emitters, wrong signers, wrong indexes and wrong targets", async () => {
    const s = await setupOracle({ instantiate: routerOnly });
    const cases: [string, string][] = [
      [upgrade({ emitterChain: 26 }), `not a governance VAA: emitter chain 26 address ${GOVERNANCE_EMITTER_HEX}`],
      [upgrade({ emitterAddress: "00".repeat(31) + "05" }), "not a governance VAA: emitter chain 1 address"],
      [upgrade({ signers: [0, 1] }), "no quorum: 2 signatures, signer set 0 requires 3"],
      [upgrade({ tamper: { wrongKeyAt: 2 } }), "signature 1 (signer 2): recovered"],
      [upgrade({ setIndex: 7 }), "signer set upgrade must be signed by the current signer set 0, not 7"],
      [upgrade({ newIndex: 2 }), "new signer set index 2 must be 1"],
      [upgrade({ targetChain: 5 }), "governance VAA targets chain 5, this chain is 0"],
      [upgrade({ action: 1 }), "invalid governance payload: unsupported action 1 (expected 2 = signer set upgrade)"],
      [
        upgrade({ module: Buffer.concat([Buffer.alloc(28), Buffer.from("Cor3")]) }),
        "invalid governance payload: module is not Core",
      ],
      [upgrade({ newAddresses: [] }), "signer set has no addresses"],
      [
        upgrade({ newAddresses: newKeys.slice(0, 2).map(signerAddress) }),
        "inherited quorum 3 exceeds the new set's 2 signers",
      ],
      [Buffer.from(upgrade(), "base64").subarray(0, 100).toString("base64"), "signer set upgrade VAA truncated"],
    ];
    for (const [vaa, error] of cases) {
      await s.expectRejected(() => s.executeError(s.stranger, { submit_signer_set_upgrade: { vaa } }), error);
    }
    await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa: upgrade() } });
    await s.expectRejected(
      () => s.executeError(s.stranger, { submit_signer_set_upgrade: { vaa: upgrade() } }),
      "signer set upgrade already applied",
    );
    // the retired set can no longer sign upgrades
    await s.expectRejected(
      () => s.executeError(s.stranger, { submit_signer_set_upgrade: { vaa: upgrade({ newIndex: 2 }) } }),
      "signer set upgrade must be signed by the current signer set 1, not 0",
    );
  });

  it("accepts an upgrade addressed to this chain id", async () => {
    const s = await setupOracle({ instantiate: { ...routerOnly, chain_id: 5 } });
    await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa: upgrade({ targetChain: 5 }) } });
    expect((await s.query<SignerSetsResponse>({ signer_sets: {} })).current).toBe(1);
  });

  it("keeps Wormhole's rule for sets without an explicit quorum", async () => {
    const set = without(testSignerSet("legacy"), "quorum");
    const s = await setupOracle({ instantiate: { signer_sets: [set] } });
    const vaa = buildSignerSetUpgradeVaa({
      keys: legacyKeys,
      signers: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      setIndex: 4,
      newIndex: 5,
      newAddresses: testSignerKeys(7, "small").map(signerAddress),
    }).base64;
    const res = await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa } });
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ new_index: "5", quorum: "5" });
  });
});

describe("oracle: governance", () => {
  it("rejects every admin message from anyone but the admin", async () => {
    const s = await setupOracle();
    const msgs = [
      { update_config: { max_conf_bps: 200 } },
      { add_feed: { id: BTC_ID } },
      { remove_feed: { id: AKT_ID } },
      { pause: {} },
      { unpause: {} },
    ];
    for (const msg of msgs) {
      await s.expectRejected(() => s.executeError(s.stranger, msg), "unauthorized: only the admin may do this");
    }
  });

  it("updates config, replaces signer sets, adds and removes feeds", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, 1n)])]);
    const routerSet = { index: 7, addresses: routerKeys.map(signerAddress), quorum: 3 };
    const res = await s.execute(s.admin, {
      update_config: { signer_sets: [routerSet], update_fee: { denom: "uakt", amount: "2" }, max_conf_bps: 50 },
    });
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ action: "update_config" });
    const sets = await s.query<SignerSetsResponse>({ signer_sets: {} });
    expect(sets).toEqual({ current: 7, signer_sets: [{ ...routerSet, expires_at: null }] });
    await s.expectRejected(() => s.updateError([update([price(s, AKT_ID, 2n, -1)])]), "unknown signer set 4");
    const u = update([price(s, AKT_ID, 2n, -1)], { mode: "router", setIndex: 7 });
    expect(await s.query({ get_update_fee: { data: [u.base64] } })).toEqual({ denom: "uakt", amount: "2" });
    await s.update([u]);

    await s.expectRejected(
      () => s.executeError(s.admin, { update_config: { min_expo: -4, max_expo: -6 } }),
      "invalid exponent range [-4, -6]",
    );
    await s.expectRejected(() => s.executeError(s.admin, { update_config: { nope: 1 } }), "unknown field `nope`");

    await s.execute(s.admin, { add_feed: { id: BTC_ID, symbol: "BTC/USD" } });
    await s.expectRejected(
      () => s.executeError(s.admin, { add_feed: { id: BTC_ID } }),
      `feed already configured: ${BTC_ID}`,
    );
    await s.execute(s.admin, { remove_feed: { id: AKT_ID } });
    expect(await s.queryError({ price_feed: { id: AKT_ID } })).toContain("price feed not found");
    expect(await s.queryError({ price: { id: AKT_ID } })).toContain(`feed not configured: ${AKT_ID}`);
    await s.expectRejected(
      () => s.executeError(s.admin, { remove_feed: { id: AKT_ID } }),
      `feed not configured: ${AKT_ID}`,
    );
    const feeds = await s.query<{ feeds: { id: string }[] }>({ feeds: { limit: 1 } });
    expect(feeds.feeds.map((f) => f.id)).toEqual([BTC_ID]);
    const next = await s.query<{ feeds: { id: string }[] }>({ feeds: { start_after: BTC_ID } });
    expect(next.feeds.map((f) => f.id)).toEqual([USDC_ID]);
  });

  it("transfers the admin role", async () => {
    const s = await setupOracle();
    await s.execute(s.admin, { update_config: { admin: s.stranger } });
    await s.expectRejected(() => s.executeError(s.admin, { pause: {} }), "unauthorized: only the admin may do this");
    await s.execute(s.stranger, { pause: {} });
    expect(await s.query({ config: {} })).toMatchObject({ admin: s.stranger, paused: true });
  });

  it("rejects funds on every message that takes none", async () => {
    const s = await setupOracle({ instantiate: { feeders: [] } });
    const coins = [{ denom: "uakt", amount: "1" }];
    s.chain.fund(s.admin, coins);
    const vaa = buildSignerSetUpgradeVaa({
      keys: legacyKeys,
      signers: [0, 2, 3, 4, 6, 7, 10, 11, 13, 14, 15, 17, 18],
      setIndex: 4,
      newIndex: 5,
      newAddresses: routerKeys.map(signerAddress),
    }).base64;
    await s.expectRejected(() => s.executeError(s.admin, { pause: {} }, coins), "this message accepts no funds");
    await s.expectRejected(
      () => s.executeError(s.stranger, { submit_signer_set_upgrade: { vaa } }, coins),
      "this message accepts no funds",
    );
    await s.execute(s.admin, { update_config: { feeders: [s.stranger] } });
    await s.expectRejected(
      () => s.executeError(s.stranger, { feed_price: { id: AKT_ID, price: "1", expo: 0, publish_time: s.now } }, coins),
      "this message accepts no funds",
    );
  });

  it("answers get_update_fee only for well-formed updates and lists feeds with their publish time", async () => {
    const s = await setupOracle();
    expect(await s.queryError({ get_update_fee: { data: [b64("00")] } })).toContain(
      "update 0: not an accumulator update (expected magic PNAU)",
    );
    expect(await s.queryError({ get_update_fee: { data: [] } })).toContain("no update data");
    const u = update([price(s, AKT_ID, 1n, 2)]);
    expect(await s.query({ get_update_fee: { data: [u.base64, u.base64] } })).toEqual({ denom: "uakt", amount: "2" });
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

  it("migrates, recording the version", async () => {
    const s = await setupOracle();
    const { codeId } = await s.client.upload(s.relayer, oracleWasm(), "auto");
    const res = await s.client.migrate(s.admin, s.contract, codeId, {}, "auto");
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ action: "migrate", from_version: "0.1.0", to_version: "0.1.0" });
  });
});

describe("oracle: aggregation", () => {
  it("computes the time-weighted TWAP as x/oracle (hand-checked)", async () => {
    const s = await setupOracle({ instantiate: { twap_window: 10 } });
    // prices 1.00 at now-12, 2.00 at now-6, 4.00 at now-2; window [now-10, now]
    for (const [p, ago] of [
      [100_000_000n, 12],
      [200_000_000n, 6],
      [400_000_000n, 2],
    ] as const) {
      await s.update([update([price(s, AKT_ID, p, ago, { conf: 0n })])]);
    }
    // weights: 4.00 × (now − (now−2)) = 2, 2.00 × 4, 1.00 clamped to the window start × 4 → (8 + 8 + 4) / 10 = 2
    const p = await s.query<PriceResponse>({ price: { id: AKT_ID } });
    expect(p).toEqual({
      twap: "2",
      median: "4",
      min: "4",
      max: "4",
      publish_time: s.now - 2,
      num_sources: 1,
      deviation_bps: 0,
    });
    // one second later: 4 × 3 + 2 × 4 + 1 × 3 = 23 → 2.3
    s.advance(1);
    expect((await s.query<PriceResponse>({ price: { id: AKT_ID } })).twap).toBe("2.3");
    // no point before the window start: the weights cover only 7 of the 10 seconds
    // 1.23456789 at now-7, 1.5 at now-3 → (1.5 × 3 + 1.23456789 × 4) / 7, floored to 18 decimals
    const t = await setupOracle({ instantiate: { twap_window: 10 } });
    await t.update([update([price(t, AKT_ID, 123_456_789n, 7, { conf: 0n })])]);
    await t.update([update([price(t, AKT_ID, 150_000_000n, 3, { conf: 0n })])]);
    const a = toAtomics(150_000_000n, -8) * 3n + toAtomics(123_456_789n, -8) * 4n;
    expect((await t.query<PriceResponse>({ price: { id: AKT_ID } })).twap).toBe(decimalString(a / 7n));
    expect(decimalString(a / 7n)).toBe("1.348324508571428571");
  });

  it("prunes observations older than the retention but keeps the one the window still needs", async () => {
    const s = await setupOracle({ instantiate: { twap_window: 10, max_price_staleness: 10, price_retention: 10 } });
    const t0 = s.now;
    const lp = (b: Buffer): Buffer => Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
    const obsKey = (t: number): Buffer => {
      const time = Buffer.alloc(8);
      time.writeBigUInt64BE(BigInt(t));
      return Buffer.concat([lp(Buffer.from("obs")), lp(Buffer.from(AKT_ID, "hex")), lp(Buffer.from("pyth")), time]);
    };
    const stored = async (t: number): Promise<boolean> =>
      (await s.client.queryContractRaw(s.contract, obsKey(t))) !== null;
    const push = (p: bigint) => s.update([update([price(s, AKT_ID, p, 0, { conf: 0n })])]);

    await push(100_000_000n);
    s.advance(15);
    await push(200_000_000n);
    // t0 is older than the retention, but it is the price in force at the window start
    expect(await stored(t0)).toBe(true);
    expect((await s.query<PriceResponse>({ price: { id: AKT_ID } })).twap).toBe("1");
    s.advance(3);
    expect((await s.query<PriceResponse>({ price: { id: AKT_ID } })).twap).toBe("1.3");
    await push(400_000_000n);
    s.advance(10);
    await push(800_000_000n);
    // cutoff t0+18: t0 and t0+15 go, t0+18 stays (it starts the window)
    expect([await stored(t0), await stored(t0 + 15), await stored(t0 + 18), await stored(t0 + 28)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect((await s.query<PriceResponse>({ price: { id: AKT_ID } })).twap).toBe("4");
  });

  it("falls back to the simple mean when every point is at the block time", async () => {
    const s = await setupOracle();
    await s.update([update([price(s, AKT_ID, 300_000_000n, 0, { conf: 0n })])]);
    const p = await s.query<PriceResponse>({ price: { id: AKT_ID } });
    expect(p.twap).toBe("3");
  });

  it("reports stale prices as unhealthy", async () => {
    const s = await setupOracle();
    expect(await s.queryError({ price: { id: AKT_ID } })).toContain("price unhealthy: no price data");
    await s.update([update([price(s, AKT_ID, 1n)])]);
    s.advance(30);
    await s.query({ price: { id: AKT_ID } });
    s.advance(15);
    expect(await s.queryError({ price: { id: AKT_ID } })).toContain(
      "price unhealthy: no fresh source; stale: last publish 45 s ago > 30 s (source pyth)",
    );
    const h = await s.query<HealthResponse>({ health: { id: AKT_ID } });
    expect(h).toMatchObject({ is_healthy: false, has_min_sources: false, total_sources: 1, total_healthy_sources: 0 });
    expect(h.sources).toEqual([{ source: "pyth", price: "0.00000001", publish_time: s.now - 45, fresh: false }]);
  });

  it("combines feeder sources: median, mean of TWAPs, deviation and min sources", async () => {
    const s = await setupOracle();
    const f1 = s.chain.addressFor("feeder-1");
    const f2 = s.chain.addressFor("feeder-2");
    await s.expectRejected(
      () => s.executeError(f1, { feed_price: { id: AKT_ID, price: "101000000", expo: -8, publish_time: s.now } }),
      `unauthorized: ${f1} is not an approved feeder`,
    );
    await s.execute(s.admin, { update_config: { feeders: [f1, f2], min_price_sources: 2 } });
    await s.update([update([price(s, AKT_ID, 100_000_000n, 0, { conf: 0n })])]);
    expect(await s.queryError({ price: { id: AKT_ID } })).toContain("price unhealthy: fresh sources 1 < min 2");

    await s.execute(f1, { feed_price: { id: AKT_ID, price: "101000000", expo: -8, publish_time: s.now } });
    const ok = await s.query<PriceResponse>({ price: { id: AKT_ID } });
    expect(ok).toEqual({
      twap: "1.005",
      median: "1.005",
      min: "1",
      max: "1.01",
      publish_time: s.now,
      num_sources: 2,
      deviation_bps: 100,
    });

    // a third source 2.1 % above the lowest: deviation floor(0.021 × 10000) = 210 > 150
    await s.execute(f2, { feed_price: { id: AKT_ID, price: "1021", expo: -3, publish_time: s.now } });
    expect(await s.queryError({ price: { id: AKT_ID } })).toContain("price unhealthy: deviation 210 bps > 150 bps");
    const h = await s.query<HealthResponse>({ health: { id: AKT_ID } });
    expect(h).toMatchObject({
      is_healthy: false,
      has_min_sources: true,
      deviation_ok: false,
      total_sources: 3,
      total_healthy_sources: 3,
      deviation_bps: 210,
      failure_reasons: ["deviation 210 bps > 150 bps"],
    });

    // feeder rules: older ignored, bad values rejected, nothing changes
    const older = await s.execute(f2, { feed_price: { id: AKT_ID, price: "5", expo: 0, publish_time: s.now - 1 } });
    expect(eventsOf(older, "wasm")[0]).toMatchObject({ num_updated: "0" });
    s.advance(1);
    await s.expectRejected(
      () => s.executeError(f2, { feed_price: { id: AKT_ID, price: "-1", expo: -8, publish_time: s.now } }),
      `price must be positive: feed ${AKT_ID} price -1`,
    );
    await s.expectRejected(
      () => s.executeError(f2, { feed_price: { id: AKT_ID, price: "1.5", expo: -8, publish_time: s.now } }),
      "invalid price 1.5: expected an i64 decimal string",
    );
    await s.expectRejected(
      () => s.executeError(f2, { feed_price: { id: BTC_ID, price: "1", expo: -8, publish_time: s.now } }),
      `feed not configured: ${BTC_ID}`,
    );
    // the high source goes stale; the two others remain within 150 bps
    await s.execute(f1, { feed_price: { id: AKT_ID, price: "101000000", expo: -8, publish_time: s.now } });
    s.advance(30);
    await s.update([update([price(s, AKT_ID, 100_000_000n, 0, { conf: 0n })])]);
    await s.execute(f1, { feed_price: { id: AKT_ID, price: "101000000", expo: -8, publish_time: s.now } });
    const after = await s.query<PriceResponse>({ price: { id: AKT_ID } });
    expect(after).toMatchObject({ num_sources: 2, deviation_bps: 100, median: "1.005" });
    const h2 = await s.query<HealthResponse>({ health: { id: AKT_ID } });
    expect(h2.failure_reasons).toEqual([`stale: last publish 31 s ago > 30 s (source ${f2})`]);
  });
});
