import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Secp256k1 as CosmSecp256k1, Keccak256 as CosmKeccak256 } from "@cosmjs/crypto";
import { parseAccumulatorUpdateData, parsePriceFeedMessage } from "@pythnetwork/price-service-sdk";
import { PriceFeed } from "@pythnetwork/pyth-sdk-js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildPriceUpdate,
  buildSignerSetUpgradeVaa,
  signerAddress,
  testSignerKeys,
  testSignerSet,
  toHermesParsed,
  toPythPriceFeedJson,
  type PriceInput,
  type UpdateOptions,
} from "../../scripts/pyth/generator.js";
import { decodeBinaryText, readBinaryArg } from "../../scripts/pyth/input.js";
import {
  CORE_MODULE,
  decodePriceMessage,
  encodeSignerSetUpgrade,
  parsePnau,
  parseSignerSetUpgrade,
  parseVaa,
} from "../../scripts/pyth/messages.js";
import { parseDecimal18, rescale, toAtomics18, toDecimal18, toExactDecimal } from "../../scripts/pyth/price-math.js";
import { SignerSetError, loadSignerSetFile, parseSignerSet } from "../../scripts/pyth/signer-set.js";
import {
  checkPriceUpdate,
  halfPlusOneQuorum,
  verifyPriceUpdate,
  verifyVaa,
  wormholeQuorum,
  type SignerSet,
  type VerifyErrorCode,
} from "../../scripts/pyth/verify.js";
import { PYTHNET_EMITTER_HEX, PYTH_PRO_EMITTER_HEX } from "../../scripts/pyth/wire.js";
import {
  fixturePath,
  independentFold,
  independentRecover,
  readFixture,
  type HermesFixture,
} from "../helpers/pyth-fixtures.js";

const AKT = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";
const USDC = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";
const BTC = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";
const T0 = 1_775_001_600;

const akt: PriceInput = {
  feedId: AKT,
  price: 55_181_788n,
  conf: 136_842n,
  expo: -8,
  publishTime: T0,
  prevPublishTime: T0 - 1,
  emaPrice: 55_415_212n,
  emaConf: 140_031n,
};
const usdc: PriceInput = {
  feedId: "0x" + USDC,
  price: 99_990_000n,
  conf: 12_000n,
  expo: -8,
  publishTime: T0 - 2,
  prevPublishTime: T0 - 3,
  emaPrice: 100_001_000n,
  emaConf: 13_000n,
};
const btc: PriceInput = {
  feedId: BTC,
  price: 7_661_250_530_278n,
  conf: 1_133_272_140n,
  expo: -8,
  publishTime: T0,
  emaPrice: 7_650_000_000_000n,
  emaConf: 1_200_000_000n,
};

const legacySet = testSignerSet("legacy");
const routerSet = testSignerSet("router");
const sets: SignerSet[] = [legacySet, routerSet];

const bnToBig = (bn: { toString(base?: number): string }): bigint => BigInt(bn.toString(10));

describe("test keys and addresses", () => {
  it("derives deterministic, distinct, valid keys; the seed changes them", () => {
    const a = testSignerKeys(19);
    const b = testSignerKeys(19);
    expect(a.map((k) => Buffer.from(k).toString("hex"))).toEqual(b.map((k) => Buffer.from(k).toString("hex")));
    expect(new Set(a.map((k) => Buffer.from(k).toString("hex"))).size).toBe(19);
    const routers = testSignerKeys(5, "router");
    expect(Buffer.from(routers[0]!).equals(Buffer.from(a[0]!))).toBe(false);
  });

  it("signerAddress matches the well-known address of private key 1 and an independent CosmJS derivation", () => {
    const one = new Uint8Array(32);
    one[31] = 1;
    expect(signerAddress(one)).toBe("7e5f4552091a69125d5dfcb7b8c2659029395bdf");
    for (const key of testSignerKeys(3)) {
      const kp = CosmSecp256k1.makeKeypair(key);
      const expected = Buffer.from(new CosmKeccak256(kp.pubkey.subarray(1)).digest().subarray(12)).toString("hex");
      expect(signerAddress(key)).toBe(expected);
    }
  });

  it("test signer sets: legacy index 4 / 19 addresses / quorum 13, router index 0 / 5 / quorum 3", () => {
    expect(legacySet.index).toBe(4);
    expect(legacySet.addresses).toHaveLength(19);
    expect(legacySet.quorum).toBe(13);
    expect(routerSet).toMatchObject({ index: 0, quorum: 3 });
    expect(routerSet.addresses).toHaveLength(5);
    expect([wormholeQuorum(19), wormholeQuorum(5), wormholeQuorum(1), wormholeQuorum(0)]).toEqual([13, 4, 1, 0]);
    expect(halfPlusOneQuorum(5)).toBe(3);
  });
});

describe("generated updates", () => {
  it("legacy multi-feed update parses with price-service-sdk and matches the inputs", () => {
    const inputs = [akt, usdc, btc];
    const u = buildPriceUpdate(inputs, { mode: "legacy" });
    const parsed = parseAccumulatorUpdateData(u.data);
    expect(parsed.vaa.equals(u.vaa)).toBe(true);
    expect(parsed.updates).toHaveLength(3);
    parsed.updates.forEach((up, i) => {
      const m = parsePriceFeedMessage(up.message);
      const want = inputs[i]!;
      expect(m.feedId.toString("hex")).toBe(want.feedId.replace(/^0x/, ""));
      expect(bnToBig(m.price)).toBe(want.price);
      expect(bnToBig(m.confidence)).toBe(want.conf);
      expect(m.exponent).toBe(want.expo);
      expect(bnToBig(m.publishTime)).toBe(BigInt(want.publishTime));
      expect(bnToBig(m.prevPublishTime)).toBe(BigInt(want.prevPublishTime ?? BigInt(want.publishTime) - 1n));
      expect(bnToBig(m.emaPrice)).toBe(want.emaPrice);
      expect(bnToBig(m.emaConf)).toBe(want.emaConf);
      // Independent Merkle fold over the SDK's view of the proof, against the root in the signed payload.
      const proof = up.proof.map((n) => Uint8Array.from(n));
      expect(independentFold(up.message, proof)).toBe(u.root.toString("hex"));
    });
    // 3 leaves → width 4 → depth 2.
    expect(parsed.updates.every((up) => up.proof.length === 2)).toBe(true);
  });

  it("legacy VAA: 13 signatures by the chosen guardians, each recovering to its test address", () => {
    const u = buildPriceUpdate([akt]);
    const vaa = parseVaa(u.vaa);
    expect(vaa.version).toBe(1);
    expect(vaa.setIndex).toBe(4);
    expect(vaa.signatures.map((s) => s.signerIndex)).toEqual([0, 2, 3, 4, 6, 7, 10, 11, 13, 14, 15, 17, 18]);
    for (const s of vaa.signatures) {
      expect(independentRecover(vaa.body, s.signature, s.v)).toBe(legacySet.addresses[s.signerIndex]);
    }
    expect(vaa).toMatchObject({ emitterChain: 26, emitterAddress: PYTHNET_EMITTER_HEX, consistency: 1 });
    expect(vaa.timestamp).toBe(T0);
    const r = verifyPriceUpdate(u.data, { signerSets: sets });
    expect(r.auwv.ringSize).toBe(10000);
    expect(r.prices[0]).toEqual(decodePriceMessage(u.messages[0]!));
  });

  it("router mode: 3 of 5, Pyth Pro emitter, consistency 0, sequence = slot, ring 0", () => {
    const u = buildPriceUpdate([akt, usdc], { mode: "router", slot: 35_671_449_220n });
    const r = verifyPriceUpdate(u.data, { signerSets: sets });
    expect(r.vaa.setIndex).toBe(0);
    expect(r.vaa.signatures.map((s) => s.signerIndex)).toEqual([1, 3, 4]);
    expect(r.vaa.emitterAddress).toBe(PYTH_PRO_EMITTER_HEX);
    expect(Buffer.from(PYTH_PRO_EMITTER_HEX, "hex").toString("ascii")).toBe("PythnetPythnetPythnetPythnetPyth");
    expect(r.vaa.consistency).toBe(0);
    expect(r.vaa.sequence).toBe(35_671_449_220n);
    expect(r.auwv).toMatchObject({ slot: 35_671_449_220n, ringSize: 0 });
    for (const s of r.vaa.signatures) {
      expect(independentRecover(r.vaa.body, s.signature, s.v)).toBe(routerSet.addresses[s.signerIndex]);
    }
    // Router sets need the half+1 rule: the Wormhole rule (4 of 5) rejects 3 router signatures.
    const wormholeRule = { ...routerSet, quorum: undefined };
    expect(checkPriceUpdate(u.data, { signerSets: [wormholeRule] })).toMatchObject({ ok: false, code: "NoQuorum" });
  });

  it("custom signer choice, set index and a one-key set (quorum 1)", () => {
    const keys = testSignerKeys(1, "solo");
    const solo: SignerSet = { index: 9, addresses: keys.map(signerAddress) };
    const u = buildPriceUpdate([akt], { keys, signers: [0], setIndex: 9 });
    expect(verifyPriceUpdate(u.data, { signerSets: [solo] }).quorum).toBe(1);
    const legacyOther = buildPriceUpdate([akt], { signers: [18, 1, 5, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12] });
    expect(parseVaa(legacyOther.vaa).signatures.map((s) => s.signerIndex)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 18,
    ]);
    expect(checkPriceUpdate(legacyOther.data, { signerSets: sets }).ok).toBe(true);
  });

  it("is deterministic: same inputs, same bytes", () => {
    expect(buildPriceUpdate([akt, btc]).hex).toBe(buildPriceUpdate([akt, btc]).hex);
    expect(buildPriceUpdate([akt], { mode: "router" }).hex).not.toBe(buildPriceUpdate([akt]).hex);
  });

  it("property: any number of feeds and extra leaves → SDK parses, every proof folds to the root", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            price: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
            conf: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
            expo: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            publishTime: fc.bigInt({ min: 0n, max: 2n ** 40n }),
          }),
          { minLength: 1, maxLength: 9 },
        ),
        fc.nat({ max: 40 }),
        (rows, extraLeaves) => {
          const inputs = rows.map((r, i) => ({ ...r, feedId: (i + 1).toString(16).padStart(64, "0") }));
          const u = buildPriceUpdate(inputs, { mode: "router", extraLeaves });
          const parsed = parseAccumulatorUpdateData(u.data);
          const width = 2 ** Math.ceil(Math.log2(rows.length + extraLeaves));
          parsed.updates.forEach((up, i) => {
            expect(up.proof.length).toBe(Math.log2(width));
            expect(
              independentFold(
                up.message,
                up.proof.map((n) => Uint8Array.from(n)),
              ),
            ).toBe(u.root.toString("hex"));
            const m = parsePriceFeedMessage(up.message);
            // price-service-sdk reads i64 fields as unsigned BN (no two's complement): reinterpret before comparing.
            expect(BigInt.asIntN(64, bnToBig(m.price))).toBe(rows[i]!.price);
            expect(bnToBig(m.confidence)).toBe(rows[i]!.conf);
            expect(m.exponent).toBe(rows[i]!.expo);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("tampering options break exactly what they should", () => {
  const base: UpdateOptions = { mode: "legacy" };
  const cases: [string, UpdateOptions, VerifyErrorCode | RegExp][] = [
    ["drop a signature (12 < 13)", { tamper: { dropSignature: true } }, "NoQuorum"],
    ["router: drop a signature (2 < 3)", { mode: "router", tamper: { dropSignature: true } }, "NoQuorum"],
    ["wrong key at signer 6", { tamper: { wrongKeyAt: 6 } }, "GuardianSignatureError"],
    ["duplicate signer index", { tamper: { duplicateSignerIndex: true } }, "WrongGuardianIndexOrder"],
    ["unsorted signer indexes", { tamper: { unsortedSignerIndexes: true } }, "WrongGuardianIndexOrder"],
    ["signature byte flipped", { tamper: { signatureByte: { signature: 3, offset: 40 } } }, "GuardianSignatureError"],
    ["unknown set index", { setIndex: 5 }, "InvalidGuardianSetIndex"],
    ["router update claiming the legacy set index (3 < 13)", { mode: "router", setIndex: 4 }, "NoQuorum"],
    ["legacy keys claiming the router set", { signers: [0, 1, 2], setIndex: 0 }, "GuardianSignatureError"],
    ["wrong emitter chain", { emitterChain: 1 }, "InvalidUpdateEmitter"],
    ["wrong emitter address", { emitterAddress: "11".repeat(32) }, "InvalidUpdateEmitter"],
    ["message byte after signing", { tamper: { messageByte: { update: 1, offset: 40 } } }, "InvalidMerkleProof"],
    ["proof node", { tamper: { proofNode: { update: 1, node: 0 } } }, "InvalidMerkleProof"],
    ["truncated by 1 byte", { tamper: { truncate: 1 } }, /^InvalidUpdateData: PNAU: truncated/],
    ["truncated into the VAA", { tamper: { truncate: 600 } }, /^InvalidUpdateData: PNAU: truncated reading vaa/],
    ["wrong PNAU magic", { tamper: { magic: "PNAX" } }, /^InvalidUpdateData: PNAU: bad magic/],
    ["wrong major version", { tamper: { majorVersion: 2 } }, /^InvalidUpdateData: PNAU: unsupported major/],
    ["wrong proof type", { tamper: { proofType: 1 } }, /^InvalidUpdateData: PNAU: unsupported proof type/],
    ["wrong VAA version", { tamper: { vaaVersion: 2 } }, "InvalidVaaVersion"],
    ["wrong AUWV magic (signed)", { tamper: { auwvMagic: "AUWX" } }, "InvalidAccumulatorPayload"],
    ["TWAP message variant", { tamper: { messageVariant: 1 } }, "InvalidAccumulatorMessage"],
    ["bytes after the last update", { tamper: { envelopeTrailingBytes: 3 } }, /trailing bytes after the last/],
  ];

  it("the untampered baseline verifies", () => {
    expect(checkPriceUpdate(buildPriceUpdate([akt, usdc], base).data, { signerSets: sets }).ok).toBe(true);
  });

  it.each(cases)("%s", (_name, opts, expected) => {
    const u = buildPriceUpdate([akt, usdc], { ...base, ...opts });
    const r = checkPriceUpdate(u.data, { signerSets: sets });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (typeof expected === "string") expect(r.code).toBe(expected);
    else expect(r.error).toMatch(expected);
  });

  it("a wrong key only breaks its own signature: the others still recover", () => {
    const u = buildPriceUpdate([akt], { tamper: { wrongKeyAt: 6 } });
    const vaa = parseVaa(u.vaa);
    for (const s of vaa.signatures) {
      const ok = independentRecover(vaa.body, s.signature, s.v) === legacySet.addresses[s.signerIndex];
      expect(ok).toBe(s.signerIndex !== 6);
    }
  });

  it("dropSignature writes n_sigs − 1; duplicate index keeps the count", () => {
    expect(parseVaa(buildPriceUpdate([akt], { tamper: { dropSignature: true } }).vaa).signatures).toHaveLength(12);
    const dup = parseVaa(buildPriceUpdate([akt], { tamper: { duplicateSignerIndex: true } }).vaa);
    expect(dup.signatures.map((s) => s.signerIndex).slice(0, 3)).toEqual([0, 0, 3]);
  });

  it("message byte tampering leaves the signatures valid (only Merkle fails)", () => {
    const u = buildPriceUpdate([akt], { tamper: { messageByte: { update: 0, offset: 50 } } });
    expect(() => verifyVaa(parsePnau(u.data).vaa, { signerSets: sets })).not.toThrow();
  });

  it("forward compatibility: extra message bytes and a header trailing section still verify and still parse", () => {
    const u = buildPriceUpdate([akt, btc], { tamper: { messageTrailingBytes: 16, headerTrailingBytes: 2 } });
    const r = verifyPriceUpdate(u.data, { signerSets: sets });
    expect(r.prices.map((p) => p.price)).toEqual([akt.price, btc.price]);
    const parsed = parseAccumulatorUpdateData(u.data);
    expect(parsed.updates[0]!.message).toHaveLength(85 + 16);
    expect(bnToBig(parsePriceFeedMessage(parsed.updates[1]!.message).price)).toBe(btc.price);
  });

  it("emitter checks are configurable: legacy update rejected by a router-only data source list", () => {
    const u = buildPriceUpdate([akt]);
    const routerOnly = [{ chain_id: 26, emitter: PYTH_PRO_EMITTER_HEX }];
    expect(checkPriceUpdate(u.data, { signerSets: sets, dataSources: routerOnly })).toMatchObject({
      ok: false,
      code: "InvalidUpdateEmitter",
    });
  });

  it("expired signer sets are rejected only after expires_at", () => {
    const u = buildPriceUpdate([akt], { mode: "router" });
    const expiring = [{ ...routerSet, expires_at: T0 + 10 }];
    expect(checkPriceUpdate(u.data, { signerSets: expiring, blockTime: T0 + 10 }).ok).toBe(true);
    expect(checkPriceUpdate(u.data, { signerSets: expiring, blockTime: T0 + 11 })).toMatchObject({
      code: "GuardianSetExpired",
    });
  });
});

describe("real fixtures", () => {
  const hermes = readFixture("hermes-2024-guardian-set-4.json") as HermesFixture;
  const gs4 = readFixture("signer-sets/guardian-set-4.json") as SignerSet;

  it("hermes-2024-guardian-set-4 verifies with guardian set 4 and decodes to the manifest's values", () => {
    const r = verifyPriceUpdate(Buffer.from(hermes.hex, "hex"), { signerSets: [gs4] });
    const e = hermes.expected;
    expect(r.vaa.setIndex).toBe(4);
    expect(r.quorum).toBe(13);
    expect(r.vaa.signatures.map((s) => s.signerIndex)).toEqual(e.vaa.signer_indexes);
    expect(r.vaa.emitterAddress).toBe(e.vaa.body.emitter_address);
    expect(r.vaa.sequence.toString()).toBe(e.vaa.body.sequence);
    expect(r.auwv.slot.toString()).toBe(e.auwv.slot);
    expect(r.auwv.ringSize).toBe(e.auwv.ring_size);
    expect(r.auwv.root.toString("hex")).toBe(e.auwv.root);
    expect(r.prices).toHaveLength(e.updates.length);
    r.prices.forEach((p, i) => {
      const x = e.updates[i]!;
      expect(toPythPriceFeedJson(p)).toEqual({
        id: x.feed_id,
        price: { price: x.price, conf: x.conf, expo: x.expo, publish_time: x.publish_time },
        ema_price: { price: x.ema_price, conf: x.ema_conf, expo: x.expo, publish_time: x.publish_time },
      });
      expect(p.prevPublishTime).toBe(BigInt(x.prev_publish_time));
      expect(toExactDecimal(p.price, p.expo)).toBe(x.price_decimal);
      expect(toExactDecimal(p.conf, p.expo)).toBe(x.conf_decimal);
      expect(toExactDecimal(p.emaPrice, p.expo)).toBe(x.ema_price_decimal);
      expect(toExactDecimal(p.emaConf, p.expo)).toBe(x.ema_conf_decimal);
      const proof = x.proof.map((h) => Buffer.from(h, "hex"));
      expect(independentFold(Buffer.from(x.message_hex, "hex"), proof)).toBe(e.auwv.root);
    });
  });

  it("the real update fails against guardian set 5 at index 4 (three guardians differ) and with one flipped byte", () => {
    const gs5 = readFixture("signer-sets/guardian-set-5.json") as SignerSet;
    const data = Buffer.from(hermes.hex, "hex");
    expect(checkPriceUpdate(data, { signerSets: [{ ...gs5, index: 4 }] })).toMatchObject({
      ok: false,
      code: "GuardianSignatureError",
    });
    const flipped = Buffer.from(data);
    flipped[data.length - 30] = flipped[data.length - 30]! ^ 1;
    expect(checkPriceUpdate(flipped, { signerSets: [gs4] }).ok).toBe(false);
  });

  it("the stream fixture's two updates verify and are consecutive", () => {
    const s = readFixture("hermes-2024-guardian-set-4-stream.json") as { vectors: { hex: string }[] };
    const [a, b] = s.vectors.map((v) => verifyPriceUpdate(Buffer.from(v.hex, "hex"), { signerSets: [gs4] }));
    expect(b!.prices[0]!.publishTime).toBe(a!.prices[0]!.publishTime + 1n);
    expect(b!.prices[0]!.prevPublishTime).toBe(a!.prices[0]!.publishTime);
  });

  it("router-set-1-rotation verifies under router set 0 and decodes to set 1's addresses", () => {
    const rot = readFixture("router-set-1-rotation.json") as {
      hex: string;
      expected: { governance_payload: { payload_hex: string } };
    };
    const rs0 = readFixture("signer-sets/router-set-0.json") as SignerSet;
    const rs1 = readFixture("signer-sets/router-set-1.json") as SignerSet;
    const v = verifyVaa(Buffer.from(rot.hex, "hex"), { signerSets: [rs0] });
    expect(v.vaa.emitterChain).toBe(1);
    expect(v.vaa.emitterAddress).toBe("00".repeat(31) + "04");
    const up = parseSignerSetUpgrade(v.vaa.payload);
    expect(up).toMatchObject({ action: 2, targetChain: 0, newIndex: 1 });
    expect(up.addresses).toEqual(rs1.addresses);
    // Our encoder reproduces the real payload byte for byte.
    expect(encodeSignerSetUpgrade(up).toString("hex")).toBe(rot.expected.governance_payload.payload_hex);
    // As a price update it must fail the emitter check (after the signatures pass).
    expect(v.vaa.payload.subarray(0, 32).equals(CORE_MODULE)).toBe(true);
  });
});

describe("buildSignerSetUpgradeVaa", () => {
  it("produces a rotation VAA with the real one's layout, signed by the current set", () => {
    const keys = testSignerKeys(5, "router");
    const next = testSignerKeys(5, "router next").map(signerAddress);
    const g = buildSignerSetUpgradeVaa({ keys, signers: [0, 1, 2, 3], setIndex: 0, newIndex: 1, newAddresses: next });
    const v = verifyVaa(g.data, { signerSets: [routerSet] });
    expect(v.vaa).toMatchObject({ emitterChain: 1, sequence: 1n, timestamp: 0, consistency: 0, setIndex: 0 });
    expect(v.vaa.emitterAddress).toBe("00".repeat(31) + "04");
    expect(parseSignerSetUpgrade(v.vaa.payload)).toMatchObject({ newIndex: 1, targetChain: 0, addresses: next });
    // Same total length as the real 4-signature, 5-address rotation (461 bytes).
    expect(g.data).toHaveLength(461);
    // Signed by a non-member → rejected.
    const bad = buildSignerSetUpgradeVaa({
      keys,
      signers: [0, 1, 2],
      setIndex: 0,
      newIndex: 1,
      newAddresses: next,
      tamper: { wrongKeyAt: 2 },
    });
    expect(() => verifyVaa(bad.data, { signerSets: [routerSet] })).toThrow(/GuardianSignatureError/);
  });
});

describe("JSON shapes", () => {
  it("toPythPriceFeedJson is the Pyth CosmWasm price_feed shape (round-trips through pyth-sdk-js PriceFeed)", () => {
    const j = toPythPriceFeedJson(akt);
    expect(j).toEqual({
      id: AKT,
      price: { price: "55181788", conf: "136842", expo: -8, publish_time: T0 },
      ema_price: { price: "55415212", conf: "140031", expo: -8, publish_time: T0 },
    });
    const feed = PriceFeed.fromJson(j);
    expect(feed.toJson()).toEqual(j);
    expect(feed.getPriceUnchecked().price).toBe("55181788");
  });

  it("toHermesParsed adds the Hermes metadata", () => {
    expect(toHermesParsed(usdc, 42n).metadata).toEqual({
      slot: 42,
      proof_available_time: T0 - 1,
      prev_publish_time: T0 - 3,
    });
    expect(toHermesParsed(usdc, 42n).id).toBe(USDC);
  });
});

describe("price math", () => {
  it("toDecimal18 prints like cosmwasm Decimal", () => {
    expect(toDecimal18(55_181_788n, -8)).toBe("0.55181788");
    expect(toDecimal18(6_140_993_501_000n, -8)).toBe("61409.93501");
    expect(toDecimal18(100_000_000n, -8)).toBe("1");
    expect(toDecimal18(0n, -8)).toBe("0");
    expect(toDecimal18(5n, 3)).toBe("5000");
    expect(toDecimal18(1n, -18)).toBe("0.000000000000000001");
    expect(toDecimal18(19n, -19)).toBe("0.000000000000000001"); // truncated, not rounded
    expect(toDecimal18(-123n, -2)).toBe("-1.23");
    expect(toDecimal18(2n ** 63n - 1n, -8)).toBe("92233720368.54775807");
  });

  it("rescale and atomics", () => {
    expect(rescale(55_181_788n, -8, -18)).toBe(551_817_880_000_000_000n);
    expect(rescale(551_817_880_000_000_019n, -18, -8)).toBe(55_181_788n);
    expect(rescale(-15n, 0, 1)).toBe(-1n); // toward zero
    expect(toAtomics18(1n, 0)).toBe(10n ** 18n);
  });

  it("property: parseDecimal18(toDecimal18(p, e)) == rescale(p, e, -18)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.integer({ min: -30, max: 12 }),
        (p, e) => parseDecimal18(toDecimal18(p, e)) === rescale(p, e, -18),
      ),
    );
  });
});

describe("input parsing", () => {
  const u = buildPriceUpdate([akt]);
  const dir = mkdtempSync(join(tmpdir(), "pyth-input-"));

  it("hex (with or without 0x) and base64 decode to the same bytes", () => {
    expect(decodeBinaryText(u.hex).equals(u.data)).toBe(true);
    expect(decodeBinaryText("0x" + u.hex).equals(u.data)).toBe(true);
    expect(decodeBinaryText(u.base64).equals(u.data)).toBe(true);
    expect(decodeBinaryText(u.data.toString("base64url")).equals(u.data)).toBe(true);
    expect(() => decodeBinaryText("not data!")).toThrow(/neither hex nor base64/);
    expect(() => decodeBinaryText("  ")).toThrow(/empty/);
  });

  it("@file: raw bytes, text, fixture JSON with a hex field, Hermes JSON", async () => {
    writeFileSync(join(dir, "raw.bin"), u.data);
    writeFileSync(join(dir, "b64.txt"), u.base64 + "\n");
    writeFileSync(join(dir, "hermes.json"), JSON.stringify({ binary: { encoding: "base64", data: [u.base64] } }));
    expect((await readBinaryArg("@" + join(dir, "raw.bin"))).equals(u.data)).toBe(true);
    expect((await readBinaryArg("@" + join(dir, "b64.txt"))).equals(u.data)).toBe(true);
    expect((await readBinaryArg("@" + join(dir, "hermes.json"))).equals(u.data)).toBe(true);
    const fx = await readBinaryArg("@" + fixturePath("hermes-2024-guardian-set-4.json"));
    expect(fx).toHaveLength(1539);
    await expect(readBinaryArg("@" + join(dir, "missing.bin"))).rejects.toThrow(/cannot read/);
    await expect(readBinaryArg("@" + fixturePath("signer-sets/router-set-0.json"))).rejects.toThrow(/no "hex"/);
  });

  it("signer-set files: entry shape and long fixture shape; bad files rejected", async () => {
    const short = await loadSignerSetFile(fixturePath("signer-sets/router-set-1.json"));
    const long = await loadSignerSetFile(fixturePath("router-set-1.json"));
    expect(long).toEqual(short);
    expect(short).toMatchObject({ index: 1, quorum: 3 });
    expect(() => parseSignerSet({ index: 0, addresses: ["0x12"] })).toThrow(SignerSetError);
    expect(() => parseSignerSet({ index: 0, addresses: [legacySet.addresses[0]], quorum: 2 })).toThrow(/quorum/);
    expect(parseSignerSet({ index: 0, addresses: ["0x" + legacySet.addresses[0]!.toUpperCase()] }).addresses).toEqual([
      legacySet.addresses[0],
    ]);
    await expect(loadSignerSetFile(join(dir, "nope.json"))).rejects.toThrow(SignerSetError);
  });
});
