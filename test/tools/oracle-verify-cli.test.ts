// `akash-econ oracle verify` runs the oracle contract itself, so most of these need artifacts/oracle.wasm
// (`npm run build`); the usage-error cases do not.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { run as oracleCli } from "../../cli/commands/oracle.js";
import { buildPriceUpdate, testSignerSet, type PriceInput, type UpdateOptions } from "../../scripts/pyth/generator.js";
import { benchOracleUpdates, formatOracleBench } from "../../scripts/pyth/bench-oracle.js";
import { oracleWasmPath } from "../../scripts/pyth/oracle-deploy.js";
import { checkPriceUpdate } from "../../scripts/pyth/verify.js";
import { contractError, verifyWithContract, type OnchainVerifyReport } from "../../scripts/pyth/verify-onchain.js";
import { PYTH_PRO_EMITTER_HEX } from "../../scripts/pyth/wire.js";
import { fixturePath, readFixture, type HermesFixture } from "../helpers/pyth-fixtures.js";

const HERMES = fixturePath("hermes-2024-guardian-set-4.json");
const GS4 = fixturePath("signer-sets/guardian-set-4.json");
const GS5 = fixturePath("signer-sets/guardian-set-5.json");
const fixture = readFixture("hermes-2024-guardian-set-4.json") as HermesFixture;
const dir = mkdtempSync(join(tmpdir(), "oracle-verify-"));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    return { code: await oracleCli(argv), out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const json = (out: string): OnchainVerifyReport => JSON.parse(out) as OnchainVerifyReport;

describe("usage errors → exit 2 (no contract needed)", () => {
  it.each([
    [[], /missing subcommand/],
    [["check"], /unknown subcommand 'check'/],
    [["verify", "--signer-set", GS4], /--data is required/],
    [["verify", "--data", "@" + HERMES], /--signer-set is required/],
    [["verify", "--data", "@" + join(dir, "nope.bin"), "--signer-set", GS4], /cannot read/],
    [["verify", "--data", "not-hex-or-base64!", "--signer-set", GS4], /neither hex nor base64/],
    [["verify", "--data", "@" + HERMES, "--signer-set", join(dir, "nope.json")], /cannot read/],
    [["verify", "--data", "@" + HERMES, "--signer-set", HERMES], /"index" must be a u32/],
    [["verify", "--data", "@" + HERMES, "--signer-set", GS4, "--emitter", "26:abcd"], /--emitter 26:abcd/],
    [["verify", "--data", "@" + HERMES, "--signer-set", GS4, "--at", "yesterday"], /--at yesterday/],
    [["verify", "--data", "@" + HERMES, "--signer-set", GS4, "--frobnicate"], /Unknown option/],
    [["verify", "--data", "@" + HERMES, "--signer-set", GS4, "--wasm", join(dir, "none.wasm")], /npm run build/],
  ])("%j", async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });

  it("--help → 0", async () => {
    const r = await cli(["verify", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("usage: akash-econ oracle verify");
  });

  it("contractError strips wasmd's wrapping only", () => {
    expect(
      contractError(
        "failed to execute message; message index: 0: no quorum: 12 signatures: execute wasm contract failed",
      ),
    ).toBe("no quorum: 12 signatures");
    expect(contractError("plain")).toBe("plain");
  });
});

const wasmReady = existsSync(oracleWasmPath());

describe.skipIf(!wasmReady)("with the oracle contract (artifacts/oracle.wasm)", () => {
  it("real Hermes 2024 update + guardian set 4 → verified, with the manifest's values", async () => {
    const r = await cli(["verify", "--data", "@" + HERMES, "--signer-set", GS4, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toHaveLength(1); // one JSON object
    const j = json(r.out);
    const e = fixture.expected;
    expect(j.verified).toBe(true);
    expect(j.error).toBeUndefined();
    expect(j.block_time).toBe(e.updates[0]!.publish_time);
    expect(j.signer_set).toBe(e.vaa.guardian_set_index);
    expect(j.signer_indexes).toEqual(e.vaa.signer_indexes);
    expect(j.emitter).toEqual({ chain: e.vaa.body.emitter_chain, address: e.vaa.body.emitter_address });
    expect(j.slot).toBe(e.auwv.slot);
    expect(j.sequence).toBe(e.vaa.body.sequence);
    expect(j.num_attestations).toBe(2);
    expect(j.feeds).toEqual(
      e.updates.map((u) => ({
        id: u.feed_id,
        price: u.price,
        conf: u.conf,
        expo: u.expo,
        publish_time: u.publish_time,
        prev_publish_time: u.prev_publish_time,
        ema_price: u.ema_price,
        ema_conf: u.ema_conf,
        stored: true,
      })),
    );
  });

  it("human-readable output", async () => {
    const r = await cli(["verify", "--data", fixture.hex, "--signer-set", GS4]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^VERIFIED/);
    expect(r.out).toContain("signer set:     4");
    expect(r.out).toContain(`= 61409.93501 ± 32.87868567`);
  });

  it("one corrupted signature byte → exit 1 with the contract's error", async () => {
    const bytes = Buffer.from(fixture.hex, "hex");
    // PNAU header is 10 bytes, VAA header 6: the first signature block starts at 16 (index byte, then r).
    bytes[20] = bytes[20]! ^ 0xff;
    const r = await cli(["verify", "--data", bytes.toString("base64"), "--signer-set", GS4, "--json"]);
    expect(r.code).toBe(1);
    const j = json(r.out);
    expect(j.verified).toBe(false);
    expect(j.error).toMatch(/^signature 0 \(signer 0\): /);
    expect(j.raw_log).toContain(j.error);
    // Still reports what it decoded.
    expect(j.signer_set).toBe(4);
    expect(j.feeds.map((f) => f.stored)).toEqual([false, false]);
  });

  it("wrong signer set (set 5 file) → unknown signer set 4", async () => {
    const r = await cli(["verify", "--data", "@" + HERMES, "--signer-set", GS5, "--json"]);
    expect(r.code).toBe(1);
    expect(json(r.out).error).toBe("unknown signer set 4");
  });

  it("--emitter restricts the data sources: the legacy update is rejected under the router emitter only", async () => {
    const r = await cli([
      "verify",
      "--data",
      "@" + HERMES,
      "--signer-set",
      GS4,
      "--emitter",
      `26:${PYTH_PRO_EMITTER_HEX}`,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^REJECTED/);
    expect(r.out).toContain("invalid update emitter: chain 26 address e101faed");
  });

  it("generator router update + test router set → verified; --at decides the clock (future publish time rejected)", async () => {
    const setFile = join(dir, "router.json");
    writeFileSync(setFile, JSON.stringify(testSignerSet("router")));
    const akt: PriceInput = {
      feedId: "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702",
      price: 55_181_788n,
      conf: 136_842n,
      expo: -8,
      publishTime: 1_775_001_600,
    };
    const u = buildPriceUpdate([akt], { mode: "router" });
    const ok = await cli(["verify", "--data", u.hex, "--signer-set", setFile, "--json"]);
    expect(ok.code).toBe(0);
    expect(json(ok.out)).toMatchObject({ verified: true, signer_set: 0, signer_indexes: [1, 3, 4] });
    const early = await cli(["verify", "--data", u.hex, "--signer-set", setFile, "--json", "--at", "1774994400"]);
    expect(early.code).toBe(1);
    expect(json(early.out).error).toMatch(/publish time in the future/);
    const dropped = buildPriceUpdate([akt], { mode: "router", tamper: { dropSignature: true } });
    const nq = await cli(["verify", "--data", dropped.hex, "--signer-set", setFile, "--json"]);
    expect(nq.code).toBe(1);
    expect(json(nq.out).error).toMatch(/^no quorum: 2 signatures, signer set 0 requires 3/);
  });

  it("undecodable-but-hex bytes are still judged by the contract (exit 1, not 2)", async () => {
    const r = await cli(["verify", "--data", "deadbeef", "--signer-set", GS4, "--json"]);
    expect(r.code).toBe(1);
    const j = json(r.out);
    expect(j.verified).toBe(false);
    expect(j.decode_error).toMatch(/magic/);
    expect(j.error).toMatch(/PNAU/);
  });
});

describe.skipIf(!wasmReady)("the contract and the reference verifier agree on every tampering option", () => {
  const sets = [testSignerSet("legacy"), testSignerSet("router")];
  const prices: PriceInput[] = [
    { feedId: "11".repeat(32), price: 55_181_788n, conf: 136_842n, expo: -8, publishTime: 1_775_001_600 },
    { feedId: "22".repeat(32), price: 99_990_000n, conf: 12_000n, expo: -8, publishTime: 1_775_001_599 },
  ];
  const cases: [string, UpdateOptions, boolean][] = [
    ["legacy baseline", {}, true],
    ["router baseline", { mode: "router" }, true],
    ["trailing message bytes (forward compatible)", { tamper: { messageTrailingBytes: 8 } }, true],
    ["extra leaves (deeper proofs)", { mode: "router", extraLeaves: 100 }, true],
    ["drop a signature", { tamper: { dropSignature: true } }, false],
    ["wrong key", { mode: "router", tamper: { wrongKeyAt: 3 } }, false],
    ["duplicate signer index", { tamper: { duplicateSignerIndex: true } }, false],
    ["unsorted signer indexes", { mode: "router", tamper: { unsortedSignerIndexes: true } }, false],
    ["unknown set index", { setIndex: 7 }, false],
    ["wrong emitter chain", { emitterChain: 2 }, false],
    ["wrong emitter address", { mode: "router", emitterAddress: "ab".repeat(32) }, false],
    ["message byte", { tamper: { messageByte: { update: 1, offset: 20 } } }, false],
    ["proof node", { tamper: { proofNode: { update: 0, node: 0 } } }, false],
    ["truncated", { tamper: { truncate: 5 } }, false],
    ["bad magic", { tamper: { magic: "PNAV" } }, false],
    ["bad major version", { tamper: { majorVersion: 3 } }, false],
    ["bad VAA version", { tamper: { vaaVersion: 0 } }, false],
    ["bad AUWV magic", { tamper: { auwvMagic: "XXXX" } }, false],
    ["TWAP variant", { tamper: { messageVariant: 1 } }, false],
    ["bytes after the last update", { tamper: { envelopeTrailingBytes: 1 } }, false],
  ];
  it.each(cases)("%s → verified %s", async (_name, opts, expected) => {
    const u = buildPriceUpdate(prices, opts);
    expect(checkPriceUpdate(u.data, { signerSets: sets }).ok).toBe(expected);
    const r = await verifyWithContract({ data: u.data, signerSets: sets });
    expect({ verified: r.verified, error: r.error }).toEqual(
      expected
        ? { verified: true, error: undefined }
        : {
            verified: false,
            error: expect.any(String) as unknown,
          },
    );
  });
});

describe.skipIf(!wasmReady)("bench-oracle", () => {
  it("smoke: a few generator updates through the contract, last one stored, figures formatted", async () => {
    const r = await benchOracleUpdates({ mode: "router", updates: 3, feedsPerUpdate: 2 });
    expect(r).toMatchObject({ mode: "router", signatures: 3, feedsPerUpdate: 2, updates: 3 });
    expect(r.chainUpdatesPerSecond).toBeGreaterThan(0);
    expect(r.gasPerUpdate).toBeGreaterThan(0n);
    expect(formatOracleBench([r])[1]).toMatch(/^oracle update_price_feeds\s+sigs/);
  });
});
