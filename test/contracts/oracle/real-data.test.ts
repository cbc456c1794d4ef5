// Oracle contract against real, public Pyth/Wormhole bytes (test/fixtures/pyth): the 2024 Hermes update signed by
// guardian set 4, the two stream updates, the router set 0 → 1 rotation and the guardian set 4 → 5 upgrade.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PYTHNET_EMITTER_HEX, PYTH_PRO_EMITTER_HEX } from "../../../scripts/pyth/generator.js";
import {
  type Json,
  dataSource,
  decimalString,
  eventsOf,
  setupOracle,
  toAtomics,
  type OracleSuite,
} from "../../helpers/oracle.js";
import { fixturePath, type FixturePrice, type HermesFixture } from "../../helpers/pyth-fixtures.js";

interface SignerSetFile {
  index: number;
  addresses: string[];
  quorum: number;
}

interface StreamFixture {
  vectors: { id: string; hex: string; expected: { updates: FixturePrice[] } }[];
}

interface RotationFixture {
  hex: string;
}

interface GuardianSetFixture {
  addresses: string[];
  created_by_vaa: { hex: string };
}

const readJson = (name: string): unknown => JSON.parse(readFileSync(fixturePath(name), "utf8"));

const hermes = readJson("hermes-2024-guardian-set-4.json") as HermesFixture;
const stream = readJson("hermes-2024-guardian-set-4-stream.json") as StreamFixture;
const rotation = readJson("router-set-1-rotation.json") as RotationFixture;
const set4 = readJson("signer-sets/guardian-set-4.json") as SignerSetFile;
const routerSet0 = readJson("signer-sets/router-set-0.json") as SignerSetFile;
const routerSet1 = readJson("signer-sets/router-set-1.json") as SignerSetFile;
const guardianSet5 = readJson("guardian-set-5.json") as GuardianSetFixture;

const hermesBytes = Buffer.from(hermes.hex, "hex");
const hermesUpdates = hermes.expected.updates;
const publishTime = Math.max(...hermesUpdates.map((u) => u.publish_time));

const pythFeed = (u: FixturePrice): Json => ({
  price_feed: {
    id: u.feed_id,
    price: { price: u.price, conf: u.conf, expo: u.expo, publish_time: u.publish_time },
    ema_price: { price: u.ema_price, conf: u.ema_conf, expo: u.expo, publish_time: u.publish_time },
  },
});

/** A contract trusting guardian set 4 and the legacy Pythnet emitter, tracking the fixture's feeds, at `time`. */
async function legacyOracle(time: number, feeds: string[], extra: Json = {}): Promise<OracleSuite> {
  return setupOracle({
    startTime: new Date(time * 1000),
    instantiate: {
      signer_sets: [set4],
      data_sources: [dataSource(26, PYTHNET_EMITTER_HEX)],
      feeds: feeds.map((id) => ({ id })),
      ...extra,
    },
  });
}

describe("oracle: real Hermes update (guardian set 4)", () => {
  it("verifies and stores exactly the manifest's prices", async () => {
    const s = await legacyOracle(
      publishTime,
      hermesUpdates.map((u) => u.feed_id),
    );
    const res = await s.update([hermesBytes]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "2", num_updated: "2", fee: "2uakt" });
    for (const u of hermesUpdates) {
      expect(await s.query({ price_feed: { id: u.feed_id } })).toEqual(pythFeed(u));
      const agg = await s.query<{ twap: string; median: string }>({ price: { id: u.feed_id } });
      const atomics = toAtomics(BigInt(u.price), u.expo);
      expect(agg.median).toBe(decimalString(atomics));
      // the manifest's exact decimal, as a Decimal string
      const exact = u.price_decimal.includes(".")
        ? u.price_decimal.replace(/0+$/, "").replace(/\.$/, "")
        : u.price_decimal;
      expect(agg.median).toBe(exact);
    }
  });

  it("stores only the configured feed of the two", async () => {
    const first = hermesUpdates[0]!;
    const s = await legacyOracle(publishTime, [first.feed_id]);
    const res = await s.update([hermesBytes]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "2", num_updated: "1" });
    expect(await s.query({ price_feed: { id: first.feed_id } })).toEqual(pythFeed(first));
  });

  it("rejects the real bytes when any verified part is altered, changing nothing", async () => {
    const s = await legacyOracle(
      publishTime,
      hermesUpdates.map((u) => u.feed_id),
    );
    const vaaLen = hermesBytes.readUInt16BE(8);
    const vaaStart = 10;
    const vaa = hermesBytes.subarray(vaaStart, vaaStart + vaaLen);
    const sigCount = vaa[5]!;
    const rebuild = (newVaa: Buffer): Buffer => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(newVaa.length);
      return Buffer.concat([hermesBytes.subarray(0, 8), len, newVaa, hermesBytes.subarray(vaaStart + vaaLen)]);
    };
    // flip a byte of the first price message (after n_updates and msg_len)
    const flipped = Buffer.from(hermesBytes);
    const firstMsg = vaaStart + vaaLen + 1 + 2;
    flipped[firstMsg + 50] = flipped[firstMsg + 50]! ^ 0x01;
    await s.expectRejected(() => s.updateError([flipped]), "update 0 message 0: invalid merkle proof");
    // drop the last signature
    const sigs = vaa.subarray(6, 6 + sigCount * 66);
    const fewer = Buffer.concat([
      vaa.subarray(0, 5),
      Buffer.from([sigCount - 1]),
      sigs.subarray(0, (sigCount - 1) * 66),
      vaa.subarray(6 + sigCount * 66),
    ]);
    await s.expectRejected(() => s.updateError([rebuild(fewer)]), "no quorum: 12 signatures, signer set 4 requires 13");
    // swap the first two signature blocks
    const swapped = Buffer.concat([
      vaa.subarray(0, 6),
      sigs.subarray(66, 132),
      sigs.subarray(0, 66),
      vaa.subarray(132 + 6),
    ]);
    await s.expectRejected(
      () => s.updateError([rebuild(swapped)]),
      "signer indexes must be strictly increasing: 0 after 2",
    );
    // a different set index
    const other = Buffer.from(vaa);
    other.writeUInt32BE(5, 1);
    await s.expectRejected(() => s.updateError([rebuild(other)]), "unknown signer set 5");
    // truncated
    await s.expectRejected(
      () => s.updateError([hermesBytes.subarray(0, 1000)]),
      "update 0 truncated: message 0 needs 85 bytes",
    );
  });

  it("rejects the legacy emitter when only the router emitter is configured", async () => {
    const s = await legacyOracle(publishTime, [hermesUpdates[0]!.feed_id], {
      data_sources: [dataSource(26, PYTH_PRO_EMITTER_HEX)],
    });
    await s.expectRejected(
      () => s.updateError([hermesBytes]),
      `invalid update emitter: chain 26 address ${PYTHNET_EMITTER_HEX} is not a configured data source`,
    );
  });

  it("applies the stream updates in order and ignores a replay of the older one", async () => {
    const [one, two] = stream.vectors;
    const u1 = one!.expected.updates[0]!;
    const u2 = two!.expected.updates[0]!;
    expect(u2.publish_time).toBe(u1.publish_time + 1);
    const s = await legacyOracle(u2.publish_time, [u1.feed_id]);
    await s.update([Buffer.from(one!.hex, "hex")]);
    expect(await s.query({ price_feed: { id: u1.feed_id } })).toEqual(pythFeed(u1));
    await s.update([Buffer.from(two!.hex, "hex")]);
    expect(await s.query({ price_feed: { id: u1.feed_id } })).toEqual(pythFeed(u2));
    const replay = await s.update([Buffer.from(one!.hex, "hex")]);
    expect(eventsOf(replay, "wasm")[0]).toMatchObject({ num_updated: "0" });
    expect(await s.query({ price_feed: { id: u1.feed_id } })).toEqual(pythFeed(u2));
  });
});

describe("oracle: real signer-set rotations", () => {
  it("installs router set 1 from the real rotation VAA signed under router set 0; a replay is rejected", async () => {
    const s = await setupOracle({
      instantiate: { signer_sets: [routerSet0], data_sources: [dataSource(26, PYTH_PRO_EMITTER_HEX)] },
    });
    const vaa = Buffer.from(rotation.hex, "hex").toString("base64");
    const res = await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa } });
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ old_index: "0", new_index: "1", num_signers: "5", quorum: "3" });
    const sets = await s.query<{ current: number; signer_sets: Json[] }>({ signer_sets: {} });
    expect(sets).toEqual({
      current: 1,
      signer_sets: [
        { ...routerSet0, expires_at: s.now + 86400 },
        { ...routerSet1, expires_at: null },
      ],
    });
    await s.expectRejected(
      () => s.executeError(s.stranger, { submit_signer_set_upgrade: { vaa } }),
      "signer set upgrade already applied",
    );
    // a governance VAA is not a price update
    await s.expectRejected(
      () => s.updateError([Buffer.from(rotation.hex, "hex")]),
      "update 0: not an accumulator update (expected magic PNAU)",
    );
  });

  it("installs Wormhole guardian set 5 from its real upgrade VAA signed by set 4", async () => {
    const s = await legacyOracle(publishTime, []);
    const vaa = Buffer.from(guardianSet5.created_by_vaa.hex, "hex").toString("base64");
    await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa } });
    const sets = await s.query<{
      current: number;
      signer_sets: { index: number; addresses: string[]; quorum: number }[];
    }>({
      signer_sets: {},
    });
    expect(sets.current).toBe(5);
    expect(sets.signer_sets[1]).toEqual({ index: 5, addresses: guardianSet5.addresses, quorum: 13, expires_at: null });
    // set 4 keeps verifying until it expires
    await s.update([hermesBytes]);
  });
});
