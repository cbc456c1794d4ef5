// The oracle attacked as an outsider would: forged and lifted signatures, replays, signer sets that are not (or no
// longer) trusted, malformed envelopes, truncated proofs, underpaid fees, unconfigured feeds, the largest batches and
// update spam. Each case asserts the error text (or the harmless outcome) and that prices, configuration, signer sets
// and balances did not change. One rejection per verification rule is in oracle.test.ts ("rejected updates change
// nothing"); the cases here are the attacks around those rules.
import { describe, expect, it } from "vitest";
import {
  buildSignerSetUpgradeVaa,
  defaultSignerKeys,
  signerAddress,
  testSignerKeys,
  testSignerSet,
  PYTH_PRO_EMITTER_HEX,
  type GeneratedUpdate,
} from "../../../scripts/pyth/generator.js";
import {
  AKT_ID,
  BTC_ID,
  USDC_ID,
  dataSource,
  eventsOf,
  price,
  setupOracle,
  update,
  type OracleSuite,
} from "../../helpers/oracle.js";

type Coin = { denom: string; amount: string };

/** Balances of everyone who could gain or lose from an update. */
function balances(s: OracleSuite): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, addr] of Object.entries({
    relayer: s.relayer,
    stranger: s.stranger,
    feeRecipient: s.feeRecipient,
    contract: s.contract,
  }))
    out[name] = s.chain.balance(addr).toString();
  return out;
}

/** Runs `act`, expects `expected` in its error, and checks that no query answer and no balance changed. */
async function expectNoEffect(s: OracleSuite, act: () => Promise<string>, expected: string | RegExp): Promise<void> {
  const before = balances(s);
  await s.expectRejected(act, expected);
  expect(balances(s)).toEqual(before);
}

const blobs = (...us: (GeneratedUpdate | Buffer)[]) => us.map((u) => (Buffer.isBuffer(u) ? u : u.data));

/** Observation rows stored for a feed's Pyth source (the "obs" map, keyed by feed id). */
function observationRows(s: OracleSuite, id: string): number {
  const ns = Buffer.from("obs").toString("hex");
  const prefix = `${s.contract}/0003${ns}0020${id}`;
  let n = 0;
  for (const key of s.chain.snapshot().world.storage.keys()) if (key.startsWith(prefix)) n++;
  return n;
}

/** A suite with AKT and USDC priced once, so every attack has a stored state to disturb. */
async function priced(o: Parameters<typeof setupOracle>[0] = {}): Promise<OracleSuite> {
  const s = await setupOracle(o);
  await s.update([update([price(s, AKT_ID, 100_000_000n, 2), price(s, USDC_ID, 100_000_000n, 2)])]);
  return s;
}

describe("oracle adversarial: tampered signatures", () => {
  it("rejects a signature lifted from another valid update", async () => {
    const s = await priced();
    const victim = update([price(s, AKT_ID, 1n)]);
    const donor = update([price(s, AKT_ID, 2n)]);
    const forged = Buffer.from(victim.data);
    // the first signature block (66 bytes after the 6-byte VAA header at offset 10) comes from the donor's VAA
    donor.data.copy(forged, 16, 16, 16 + 66);
    await expectNoEffect(
      s,
      () => s.updateError(blobs(forged)),
      /signature 0 \(signer 0\): recovered [0-9a-f]{40}, expected [0-9a-f]{40}/,
    );
  });

  it("rejects a full quorum of signatures by keys outside the set (a forged set)", async () => {
    const s = await priced();
    const attacker = testSignerKeys(19, "attacker");
    const forged = update([price(s, AKT_ID, 1n)], { keys: attacker });
    await expectNoEffect(
      s,
      () => s.updateError(blobs(forged)),
      `signature 0 (signer 0): recovered ${signerAddress(attacker[0]!)}, expected ${signerAddress(defaultSignerKeys("legacy")[0]!)}`,
    );
  });

  it("rejects real router signatures presented under the guardian set's index", async () => {
    const s = await priced();
    const wrongSet = update([price(s, AKT_ID, 1n)], { mode: "router", setIndex: 4 });
    await expectNoEffect(s, () => s.updateError(blobs(wrongSet)), "no quorum: 3 signatures, signer set 4 requires 13");
    const padded = update([price(s, AKT_ID, 1n)], {
      mode: "router",
      setIndex: 4,
      keys: [...defaultSignerKeys("router"), ...testSignerKeys(14, "padding")],
      signers: Array.from({ length: 13 }, (_, i) => i),
    });
    await expectNoEffect(s, () => s.updateError(blobs(padded)), /signature 0 \(signer 0\): recovered/);
  });

  it("rejects a valid blob next to a forged one: nothing of the message is stored", async () => {
    const s = await priced();
    const good = update([price(s, AKT_ID, 1n)]);
    const bad = update([price(s, USDC_ID, 1n)], { tamper: { wrongKeyAt: 0 } });
    await expectNoEffect(s, () => s.updateError(blobs(good, bad)), /signature 0 \(signer 0\): recovered/);
  });
});

describe("oracle adversarial: replays and old updates", () => {
  it("a replayed update is a paid no-op", async () => {
    const s = await setupOracle();
    const u = update([price(s, AKT_ID, 5n), price(s, USDC_ID, 6n)]);
    await s.update([u]);
    const before = await s.snapshot();
    const paid = s.chain.balance(s.feeRecipient);
    s.advance(1);
    const res = await s.update([u, u]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "4", num_updated: "0", fee: "4uakt" });
    const after = await s.snapshot();
    expect({ ...after, feeRecipientBalance: before.feeRecipientBalance }).toEqual({
      ...before,
      // a second later the same prices are one second older: health ages, nothing else moves
      [`health ${AKT_ID}`]: after[`health ${AKT_ID}`],
      [`health ${USDC_ID}`]: after[`health ${USDC_ID}`],
    });
    expect(s.chain.balance(s.feeRecipient)).toBe(paid + 4n);
  });

  it("an older update never replaces a newer price, in its own message or in the same one", async () => {
    const s = await setupOracle();
    const older = update([price(s, AKT_ID, 1n, 5)]);
    const newer = update([price(s, AKT_ID, 2n, 1)]);
    await s.update([newer, older]);
    const stored = () => s.query<{ price_feed: { price: { price: string } } }>({ price_feed: { id: AKT_ID } });
    expect((await stored()).price_feed.price.price).toBe("2");
    const res = await s.update([older]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_updated: "0" });
    expect((await stored()).price_feed.price.price).toBe("2");
  });

  it("a re-signed copy of an applied signer-set upgrade is a replay", async () => {
    const s = await setupOracle({ instantiate: { signer_sets: [testSignerSet("router")] } });
    const routerKeys = defaultSignerKeys("router");
    const next = testSignerKeys(5, "router set 1").map(signerAddress);
    const signedBy = (signers: number[]) =>
      buildSignerSetUpgradeVaa({ keys: routerKeys, signers, setIndex: 0, newIndex: 1, newAddresses: next }).base64;
    await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa: signedBy([0, 2, 4]) } });
    await expectNoEffect(
      s,
      () => s.executeError(s.stranger, { submit_signer_set_upgrade: { vaa: signedBy([1, 2, 3]) } }),
      "signer set upgrade already applied",
    );
  });
});

describe("oracle adversarial: untrusted signer sets", () => {
  it("rejects a set rotated out once its expiry has passed, and keeps accepting the new one", async () => {
    const s = await priced({ instantiate: { signer_set_expiry_secs: 30 } });
    const legacyKeys = defaultSignerKeys("legacy");
    const next = testSignerKeys(19, "guardian set 5");
    const vaa = buildSignerSetUpgradeVaa({
      keys: legacyKeys,
      signers: testSignerSet("legacy").addresses.map((_, i) => i),
      setIndex: 4,
      newIndex: 5,
      newAddresses: next.map(signerAddress),
    }).base64;
    await s.execute(s.stranger, { submit_signer_set_upgrade: { vaa } });
    s.advance(31);
    await expectNoEffect(
      s,
      () => s.updateError(blobs(update([price(s, AKT_ID, 1n)]))),
      `signer set 4 expired at ${s.now - 1} (block time ${s.now})`,
    );
    await s.update([update([price(s, AKT_ID, 1n)], { keys: next, setIndex: 5 })]);
  });

  it("rejects a set that governance removed", async () => {
    const s = await priced();
    await s.execute(s.admin, { update_config: { signer_sets: [testSignerSet("router")] } });
    await expectNoEffect(s, () => s.updateError(blobs(update([price(s, AKT_ID, 1n)]))), "unknown signer set 4");
  });

  it("rejects a correctly signed update from an emitter that is not a data source", async () => {
    const s = await setupOracle({ instantiate: { data_sources: [dataSource(26, PYTH_PRO_EMITTER_HEX)] } });
    await s.update([update([price(s, AKT_ID, 5n, 1)], { mode: "router" })]);
    await expectNoEffect(
      s,
      () => s.updateError(blobs(update([price(s, AKT_ID, 1n)]))),
      /invalid update emitter: chain 26 address e101faed[0-9a-f]+ is not a configured data source/,
    );
  });
});

describe("oracle adversarial: malformed envelopes and truncated proofs", () => {
  const body = (s: OracleSuite) => update([price(s, AKT_ID, 1n), price(s, USDC_ID, 1n)], { extraLeaves: 6 });
  /** Offset of the update count byte: after the 10-byte PNAU header and the VAA. */
  const updatesAt = (u: GeneratedUpdate) => 10 + u.vaa.length;

  const cases: [string, (s: OracleSuite) => Buffer, string | RegExp][] = [
    ["an empty blob", () => Buffer.alloc(0), "update 0: not an accumulator update (expected magic PNAU)"],
    [
      "four bytes of magic only",
      () => Buffer.from("PNAU"),
      "update 0 truncated: major version needs 1 bytes at offset 4, 0 left",
    ],
    ["random bytes", () => Buffer.from("not a pyth update at all, just text"), "update 0: not an accumulator update"],
    [
      "a VAA length beyond the blob",
      (s) => {
        const d = Buffer.from(body(s).data);
        d.writeUInt16BE(0xffff, 8);
        return d;
      },
      /update 0 truncated: VAA needs 65535 bytes at offset 10, \d+ left/,
    ],
    [
      "a signature count beyond the VAA",
      (s) => {
        const d = Buffer.from(body(s).data);
        d[15] = 255;
        return d;
      },
      /update 0 VAA truncated: signature 14 needs 64 bytes at offset \d+, \d+ left/,
    ],
    [
      "zero updates",
      (s) => {
        const u = body(s);
        return Buffer.concat([u.data.subarray(0, updatesAt(u)), Buffer.from([0])]);
      },
      "update 0: contains no messages",
    ],
    [
      "more updates declared than present",
      (s) => {
        const u = body(s);
        const d = Buffer.from(u.data);
        d[updatesAt(u)] = 3;
        return d;
      },
      /update 0 truncated: message 2 length needs 2 bytes at offset \d+, 0 left/,
    ],
    [
      "a proof cut in its last node",
      (s) => body(s).data.subarray(0, body(s).data.length - 7),
      /update 0 truncated: message 1 proof node 2 needs 20 bytes at offset \d+, 13 left/,
    ],
    [
      "a proof with its last node dropped (depth − 1)",
      (s) => {
        const u = body(s);
        const depthAt = updatesAt(u) + 1 + 2 + 85;
        const depth = u.data[depthAt]!;
        const lastNode = depthAt + 1 + (depth - 1) * 20;
        return Buffer.concat([
          u.data.subarray(0, depthAt),
          Buffer.from([depth - 1]),
          u.data.subarray(depthAt + 1, lastNode),
          u.data.subarray(lastNode + 20),
        ]);
      },
      "update 0 message 0: invalid merkle proof",
    ],
    [
      "a message length that misaligns the rest of the envelope",
      (s) => {
        const u = body(s);
        const d = Buffer.from(u.data);
        d.writeUInt16BE(20, updatesAt(u) + 1);
        return d;
      },
      /update 0 truncated: message 0 proof node \d+ needs 20 bytes at offset \d+, \d+ left/,
    ],
    [
      "a blob of 255 declared updates and nothing else",
      () => pnauHeaderOnly(255),
      "update 0 truncated: message 0 length needs 2 bytes at offset 11, 0 left",
    ],
  ];
  for (const [name, build, error] of cases) {
    it(`rejects ${name}`, async () => {
      const s = await priced();
      await expectNoEffect(s, () => s.updateError([build(s)]), error);
    });
  }
});

/** A PNAU header with a 1-signature VAA stub and then only an update count. */
function pnauHeaderOnly(n: number): Buffer {
  return Buffer.concat([Buffer.from("PNAU"), Buffer.from([1, 0, 0, 0]), Buffer.from([0, 0]), Buffer.from([n])]);
}

describe("oracle adversarial: fees", () => {
  it("rejects one unit short, counted over every message of every blob", async () => {
    const s = await priced();
    const a = update([price(s, AKT_ID, 1n), price(s, USDC_ID, 1n), price(s, BTC_ID, 1n)]);
    const b = update([price(s, AKT_ID, 2n)], { mode: "router" });
    const short: Coin[] = [{ denom: "uakt", amount: "3" }];
    await expectNoEffect(s, () => s.updateError(blobs(a, b), short), "insufficient fee: sent 3uakt, required 4uakt");
  });

  it("rejects the right amount in the wrong denom, alone or next to the right one", async () => {
    const s = await priced();
    s.chain.fund(s.relayer, [{ denom: "uusdc", amount: "100" }]);
    const u = update([price(s, AKT_ID, 1n)]);
    await expectNoEffect(s, () => s.updateError(blobs(u), [{ denom: "uusdc", amount: "1" }]), /uusdc/);
    await expectNoEffect(
      s,
      () =>
        s.updateError(blobs(u), [
          { denom: "uakt", amount: "1" },
          { denom: "uusdc", amount: "1" },
        ]),
      /uusdc/,
    );
  });

  it("the fee query and the charge agree, so a relayer cannot be made to underpay by the query", async () => {
    const s = await priced();
    const u = update([price(s, AKT_ID, 1n), price(s, BTC_ID, 1n)], { extraLeaves: 30 });
    expect(await s.query({ get_update_fee: { data: [u.base64] } })).toEqual({ denom: "uakt", amount: "2" });
    await expectNoEffect(
      s,
      () => s.updateError(blobs(u), [{ denom: "uakt", amount: "1" }]),
      "insufficient fee: sent 1uakt, required 2uakt",
    );
  });
});

describe("oracle adversarial: feeds not configured", () => {
  it("verifies and charges an update for unconfigured feeds but stores nothing", async () => {
    const s = await priced();
    const before = await s.snapshot([AKT_ID, USDC_ID, BTC_ID]);
    const res = await s.update([update([price(s, BTC_ID, 9n)])]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: "1", num_updated: "0" });
    const after = await s.snapshot([AKT_ID, USDC_ID, BTC_ID]);
    expect({ ...after, feeRecipientBalance: before.feeRecipientBalance }).toEqual(before);
    expect(after[`price_feed ${BTC_ID}`]).toEqual({ error: expect.stringContaining(BTC_ID) as unknown });
  });

  it("ignores a removed feed's updates and rejects feeder prices for it", async () => {
    const s = await priced();
    const feeder = s.chain.addressFor("feeder");
    await s.execute(s.admin, { update_config: { feeders: [feeder] } });
    await s.execute(s.admin, { remove_feed: { id: USDC_ID } });
    const res = await s.update([update([price(s, USDC_ID, 9n)])]);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_updated: "0" });
    await expectNoEffect(
      s,
      () => s.executeError(feeder, { feed_price: { id: USDC_ID, price: "9", expo: -8, publish_time: s.now } }),
      `feed not configured: ${USDC_ID}`,
    );
  });
});

describe("oracle adversarial: huge batches and spam", () => {
  it("accepts the largest batch (16 blobs × 255 messages, all 19 guardians signing) in bounded gas", async () => {
    const s = await priced();
    const everyGuardian = Array.from({ length: 19 }, (_, i) => i);
    const fillers = Array.from({ length: 253 }, (_, i) => (i + 1).toString(16).padStart(64, "a"));
    const batch = Array.from({ length: 16 }, (_, b) =>
      update([price(s, AKT_ID, BigInt(100 + b)), price(s, USDC_ID, 7n), ...fillers.map((id) => price(s, id, 1n))], {
        signers: everyGuardian,
        slot: s.now + b,
      }),
    );
    const res = await s.update(batch);
    expect(eventsOf(res, "wasm")[0]).toMatchObject({ num_attestations: String(16 * 255), num_updated: "2" });
    // The worst case the message limits allow: about 28.7 M gas (wasmd's gas, which the embedded chain charges), nearly
    // all of it keccak over 4,080 messages and their proofs; a regression in that work shows here.
    expect(res.gasUsed).toBeLessThan(32_000_000n);
    const stored = await s.query<{ price_feed: { price: { price: string } } }>({ price_feed: { id: AKT_ID } });
    // one entry per feed: the first of equal publish times wins, later equal ones are no-ops
    expect(stored.price_feed.price.price).toBe("100");
  });

  it("rejects a 17th blob before any signature work", async () => {
    const s = await priced();
    const u = update([price(s, AKT_ID, 1n)]);
    await expectNoEffect(
      s,
      () => s.updateError(Array(17).fill(u.data) as Buffer[]),
      "too many updates in one message: 17 > 16",
    );
  });

  it("spam of replays and rejected updates changes nothing, and observations stay bounded", async () => {
    const s = await priced({ instantiate: { price_retention: 30 } });
    const replay = update([price(s, AKT_ID, 100_000_000n, 2)]);
    const forged = update([price(s, AKT_ID, 1n)], { tamper: { wrongKeyAt: 0 } });
    const before = await s.snapshot();
    for (let i = 0; i < 20; i++) {
      await s.update([replay]);
      await s.updateError(blobs(forged));
    }
    expect({ ...(await s.snapshot()), feeRecipientBalance: before.feeRecipientBalance }).toEqual(before);
    // one accepted price a second for five times the retention: the table holds about a retention's worth
    for (let i = 0; i < 150; i++) {
      s.advance(1);
      await s.update([update([price(s, AKT_ID, 100_000_000n + BigInt(i))])]);
    }
    expect(observationRows(s, AKT_ID)).toBeLessThanOrEqual(30 + 2);
    expect(observationRows(s, AKT_ID)).toBeGreaterThanOrEqual(30);
  });
});
