import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HermesClient } from "@pythnetwork/hermes-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run as relayCli } from "../../cli/commands/relay.js";
import { testSignerSet, type PriceInput } from "../../scripts/pyth/generator.js";
import { parsePnau } from "../../scripts/pyth/messages.js";
import { oracleWasmPath } from "../../scripts/pyth/oracle-deploy.js";
import { verifyPriceUpdate } from "../../scripts/pyth/verify.js";
import { ConfigError, resolveConfig } from "../../scripts/relayer/config.js";
import { Relayer, backoffDelay, hermesSource, type RelayEvent } from "../../scripts/relayer/relayer.js";
import { FakeOracleClient, startMockHermes, type MockHermes } from "../helpers/mock-hermes.js";

const AKT = "4ea5bb4d2f5900cc2e97ba534240950740b4d3b89fe712a94a7304fd2fd92702";
const USDC = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";
const T0 = 1_775_001_600;
const KEY = "test-api-key";
const CONTRACT = "akash1oracle";
const SENDER = "akash1relayer";

const akt = (t: number, price = 55_181_788n): PriceInput => ({
  feedId: AKT,
  price,
  conf: 136_842n,
  expo: -8,
  publishTime: t,
  emaPrice: 55_415_212n,
  emaConf: 140_031n,
});
const usdc = (t: number): PriceInput => ({ feedId: USDC, price: 99_990_000n, conf: 12_000n, expo: -8, publishTime: t });

const sets = [testSignerSet("legacy"), testSignerSet("router")];

let hermes: MockHermes;

beforeEach(async () => {
  hermes = await startMockHermes({
    apiKey: KEY,
    feeds: [
      { ...akt(T0), symbol: "Crypto.AKT/USD" },
      { ...usdc(T0 - 1), symbol: "Crypto.USDC/USD" },
    ],
    updateOptions: { mode: "router" },
  });
});
afterEach(async () => {
  await hermes.close();
});

interface Harness {
  relayer: Relayer;
  client: FakeOracleClient;
  lines: string[];
  events: RelayEvent[];
  sleeps: number[];
}

function harness(
  o: { apiKey?: string; feeds?: string[]; fee?: string; maxMs?: number; configured?: string[] } = {},
): Harness {
  const client = new FakeOracleClient(
    CONTRACT,
    sets,
    { denom: "uakt", amount: o.fee ?? "1000" },
    o.configured ?? [AKT, USDC],
  );
  const lines: string[] = [];
  const events: RelayEvent[] = [];
  const sleeps: number[] = [];
  let now = Date.UTC(2026, 10, 25, 9, 0, 0);
  const relayer = new Relayer({
    client,
    source: hermesSource(hermes.url, "apiKey" in o ? o.apiKey : KEY),
    contract: CONTRACT,
    sender: SENDER,
    feeds: o.feeds ?? [AKT, "0x" + USDC],
    backoff: { initialMs: 1000, factor: 2, maxMs: o.maxMs ?? 60_000 },
    now: () => now,
    // No real waiting: record the delay and move the fake clock.
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    log: (l) => lines.push(l),
    onEvent: (e) => events.push(e),
  });
  return { relayer, client, lines, events, sleeps };
}

describe("mock Hermes", () => {
  it("serves generator-signed updates through hermes-client (base64 + parsed), requiring the Bearer key", async () => {
    const c = new HermesClient(hermes.url, { accessToken: KEY, httpRetries: 0 });
    const u = await c.getLatestPriceUpdates([AKT, USDC], { encoding: "base64", parsed: true });
    expect(u.binary.encoding).toBe("base64");
    expect(u.binary.data).toHaveLength(1);
    const v = verifyPriceUpdate(Buffer.from(u.binary.data[0]!, "base64"), { signerSets: sets });
    expect(v.vaa.setIndex).toBe(0); // router mode
    expect(v.prices.map((p) => [p.feedId, p.publishTime])).toEqual([
      [AKT, BigInt(T0)],
      [USDC, BigInt(T0 - 1)],
    ]);
    expect(u.parsed?.[0]).toMatchObject({ id: AKT, price: { price: "55181788", expo: -8, publish_time: T0 } });
    expect(hermes.requests.at(-1)).toMatchObject({
      path: "/v2/updates/price/latest",
      ids: [AKT, USDC],
      authorization: `Bearer ${KEY}`,
      status: 200,
    });
    const feeds = await c.getPriceFeeds({ query: "akt", assetType: "crypto" });
    expect(feeds.map((f) => f.id)).toEqual([AKT]);
  });

  it("answers 401 without the key and 404 for unknown ids", async () => {
    await expect(
      new HermesClient(hermes.url, { httpRetries: 0 }).getLatestPriceUpdates([AKT], { encoding: "base64" }),
    ).rejects.toThrow(/status: 401/);
    await expect(
      new HermesClient(hermes.url, { accessToken: KEY, httpRetries: 0 }).getLatestPriceUpdates(["ab".repeat(32)]),
    ).rejects.toThrow(/status: 404/);
  });
});

describe("relayer", () => {
  it("submits the Hermes update with the fee from get_update_fee and logs it", async () => {
    const h = harness({ fee: "1000" });
    const r = await h.relayer.cycle();
    expect(r.kind).toBe("submitted");
    expect(h.client.executes).toHaveLength(1);
    const call = h.client.executes[0]!;
    expect(call.sender).toBe(SENDER);
    expect(call.contract).toBe(CONTRACT);
    const data = (call.msg.update_price_feeds as { data: string[] }).data;
    expect(data).toHaveLength(1);
    // The submitted bytes are exactly what Hermes served (both feeds newer, nothing sliced off).
    const served = await new HermesClient(hermes.url, { accessToken: KEY }).getLatestPriceUpdates([AKT, USDC], {
      encoding: "base64",
    });
    expect(data[0]).toBe(served.binary.data[0]);
    // Fee: 2 price messages × 1000uakt, queried with the same data.
    expect(h.client.queries).toContainEqual({ get_update_fee: { data } });
    expect(call.funds).toEqual([{ denom: "uakt", amount: "2000" }]);
    expect(h.client.stored.get(AKT)?.publishTime).toBe(BigInt(T0));
    expect(h.lines).toHaveLength(1);
    expect(h.lines[0]).toMatch(
      new RegExp(
        `^2026-11-25T09:00:00.000Z submitted 2 feed\\(s\\): ${AKT}@${T0} \\(none stored\\), ${USDC}@${T0 - 1}`,
      ),
    );
    expect(h.lines[0]).toMatch(/fee 2000uakt; tx 0+1$/);
  });

  it("zero fee → no funds attached", async () => {
    const h = harness({ fee: "0" });
    await h.relayer.cycle();
    expect(h.client.executes[0]!.funds).toEqual([]);
  });

  it("skips (and says why) when Hermes is not newer; submits only the feeds that are newer", async () => {
    const h = harness({ fee: "7" });
    await h.relayer.cycle();
    const second = await h.relayer.cycle();
    expect(second.kind).toBe("skipped");
    expect(h.client.executes).toHaveLength(1);
    expect(h.lines[1]).toContain(`skipped: not newer than the contract: ${AKT} hermes ${T0} <= contract ${T0}`);

    hermes.setPrice(akt(T0 + 5, 56_000_000n));
    const third = await h.relayer.cycle();
    expect(third.kind).toBe("submitted");
    if (third.kind !== "submitted") return;
    expect(third.feeds).toEqual([{ id: AKT, publishTime: BigInt(T0 + 5), stored: BigInt(T0) }]);
    // Only the AKT message is submitted (the fee is per message) and the sliced blob still verifies.
    const blob = Buffer.from(third.data[0]!, "base64");
    expect(parsePnau(blob).updates).toHaveLength(1);
    expect(verifyPriceUpdate(blob, { signerSets: sets }).prices[0]!.price).toBe(56_000_000n);
    expect(h.client.executes[1]!.funds).toEqual([{ denom: "uakt", amount: "7" }]);
    expect(h.lines[2]).toMatch(/skipped: partial: .* hermes 1775001599 <= contract 1775001599/);
    expect(h.lines[3]).toMatch(/submitted 1 feed\(s\): 4ea5bb4d.*@1775001605 \(was 1775001600\)/);
  });

  it("an older Hermes answer than the contract's is skipped too", async () => {
    const h = harness();
    h.client.stored.set(AKT, { publishTime: BigInt(T0 + 100), price: 1n, conf: 0n, expo: -8 });
    h.client.stored.set(USDC, { publishTime: BigInt(T0 + 100), price: 1n, conf: 0n, expo: -8 });
    expect((await h.relayer.cycle()).kind).toBe("skipped");
    expect(h.client.executes).toHaveLength(0);
  });

  it("backs off exponentially on HTTP 500, then recovers and resets", async () => {
    const h = harness();
    hermes.failNext(500, 3);
    const ok = await h.relayer.run({ intervalMs: 10_000, maxCycles: 1 });
    expect(ok).toBe(true);
    expect(h.sleeps).toEqual([1000, 2000, 4000]);
    expect(h.events.map((e) => e.kind)).toEqual(["error", "error", "error", "submitted"]);
    expect(h.lines[0]).toMatch(/error: HTTP error! status: 500.*; retry in 1s \(consecutive errors: 1\)$/);
    expect(h.lines[2]).toMatch(/retry in 4s \(consecutive errors: 3\)$/);
    // After a success the next error starts again at the initial delay.
    hermes.failNext(500, 1);
    h.sleeps.length = 0;
    await h.relayer.run({ intervalMs: 10_000, maxCycles: 1 });
    expect(h.sleeps).toEqual([1000]);
  });

  it("caps the backoff and gives up after maxConsecutiveErrors", async () => {
    const h = harness({ maxMs: 5000 });
    hermes.failNext(500, 10);
    const ok = await h.relayer.run({ intervalMs: 10_000, maxConsecutiveErrors: 6 });
    expect(ok).toBe(false);
    expect(h.sleeps).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(h.lines.at(-1)).toMatch(/retry in 0s \(consecutive errors: 6\)$/);
    expect(backoffDelay(30, { initialMs: 1000, maxMs: 60_000 })).toBe(60_000);
  });

  it("runs on an interval: waits intervalMs between successful cycles", async () => {
    const h = harness();
    await h.relayer.run({ intervalMs: 10_000, maxCycles: 3 });
    expect(h.sleeps).toEqual([10_000, 10_000]);
    expect(h.events.map((e) => e.kind)).toEqual(["submitted", "skipped", "skipped"]);
  });

  it("401 without the API key: logged as an error with the status, nothing submitted", async () => {
    const h = harness({ apiKey: undefined });
    const ok = await h.relayer.run({ intervalMs: 1000, maxCycles: 1, maxConsecutiveErrors: 1 });
    expect(ok).toBe(false);
    expect(h.lines[0]).toMatch(/error: HTTP error! status: 401/);
    expect(h.client.executes).toHaveLength(0);
    expect(hermes.requests[hermes.requests.length - 1]?.authorization).toBeUndefined();
  });

  it("a contract rejection is an error with backoff, and the next cycle retries", async () => {
    const h = harness();
    h.client.failNextExecute = "execute wasm contract failed: no quorum: 2 signatures, signer set 0 requires 3";
    await h.relayer.run({ intervalMs: 1000, maxCycles: 1 });
    expect(h.lines[0]).toMatch(/error: execute wasm contract failed: no quorum.*retry in 1s/);
    expect(h.client.executes).toHaveLength(2);
    expect(h.events[h.events.length - 1]?.kind).toBe("submitted");
  });

  it("a bad signature from Hermes is rejected by the (fake) contract, not submitted blindly as valid", async () => {
    hermes.setUpdateOptions({ mode: "router", tamper: { dropSignature: true } });
    const h = harness();
    await expect(h.relayer.cycle()).rejects.toThrow(/NoQuorum/);
  });

  it("drops feeds the contract does not track (once, with a log line); none tracked → error", async () => {
    const h = harness({ configured: [AKT] });
    const r = await h.relayer.cycle();
    expect(h.lines[0]).toMatch(`skipped: not configured in the oracle contract, never relayed: ${USDC}`);
    expect(r.kind === "submitted" && r.feeds.map((f) => f.id)).toEqual([AKT]);
    expect(hermes.requests[hermes.requests.length - 1]?.ids).toEqual([AKT]);
    const none = harness({ configured: [] });
    await expect(none.relayer.cycle()).rejects.toThrow(/none of the feeds is configured/);
  });

  it("rejects an empty feed list and bad feed ids", () => {
    expect(() => new Relayer({ ...harnessOpts(), feeds: [] })).toThrow(/no feeds/);
    expect(() => new Relayer({ ...harnessOpts(), feeds: ["xyz"] })).toThrow(/hex/);
  });
});

function harnessOpts(): ConstructorParameters<typeof Relayer>[0] {
  return {
    client: new FakeOracleClient(CONTRACT, sets),
    source: hermesSource(hermes.url, KEY),
    contract: CONTRACT,
    sender: SENDER,
    feeds: [AKT],
  };
}

describe("relayer config", () => {
  it("flags override the file; API key from PYTH_API_KEY (or the named variable) over the file", () => {
    const file = { feeds: [AKT], contract: "akash1file", hermes: "http://file", api_key: "from-file", interval: 30 };
    const c = resolveConfig({ contract: "akash1flag" }, file, { PYTH_API_KEY: "from-env" });
    expect(c).toMatchObject({ contract: "akash1flag", hermes: "http://file", apiKey: "from-env", intervalSeconds: 30 });
    expect(resolveConfig({}, file, {}).apiKey).toBe("from-file");
    expect(resolveConfig({ apiKeyEnv: "MY_KEY" }, file, { MY_KEY: "mine", PYTH_API_KEY: "x" }).apiKey).toBe("mine");
    expect(resolveConfig({ feeds: [AKT], contract: "a" }, {}, {}).hermes).toBe("https://pyth.dourolabs.app/hermes");
    expect(() => resolveConfig({ contract: "a" }, {}, {})).toThrow(ConfigError);
    expect(() => resolveConfig({ feeds: [AKT] }, {}, {})).toThrow(/--contract is required/);
  });
});

describe("relay CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "relay-cli-"));

  const quiet = async (argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> => {
    const out: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    const err = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    try {
      return { code: await relayCli(argv, env), out: out.join("\n") };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  };

  it("--help exits 0", async () => {
    const r = await quiet(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("usage: akash-econ relay");
  });

  it.each([
    [["--contract", "akash1x"], /at least one --feed/],
    [["--feed", AKT], /--contract is required/],
    [["--contract", "a", "--feed", "123"], /invalid feed id/],
    [["--contract", "a", "--feed", AKT, "--chain", "mars"], /expected embedded, local or an RPC URL/],
    [["--feed", AKT, "--chain", "embedded"], /give its --signer-set/],
    [["--contract", "a", "--feed", AKT, "--interval", "0"], /positive number/],
    [["--contract", "a", "--feed", AKT, "--bogus"], /Unknown option/],
    [["--contract", "a", "--feed", AKT, "--chain", "http://127.0.0.1:1"], /--mnemonic-env is required/],
    [["--contract", "a", "--feed", AKT, "--mnemonic-env", "NOPE"], /variable is not set/],
    [["--config", join(dir, "missing.json")], /cannot read config/],
  ])("usage error %j → exit 2", async (argv, message) => {
    const r = await quiet(argv);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
  });

  it("config file with unknown keys → exit 2", async () => {
    const f = join(dir, "bad.json");
    writeFileSync(f, JSON.stringify({ feeds: [AKT], contract: "a", colour: "blue" }));
    const r = await quiet(["--config", f]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/unknown key "colour"/);
  });

  const wasmReady = existsSync(oracleWasmPath());
  it.skipIf(!wasmReady)(
    "--chain embedded --once relays from the mock Hermes into the real oracle contract",
    async () => {
      const setFile = join(dir, "router-set.json");
      writeFileSync(setFile, JSON.stringify(testSignerSet("router")));
      // Live-like data: Hermes prices stamped "now", as the embedded relay chain starts at the wall clock.
      const now = Math.floor(Date.now() / 1000);
      hermes.setPrice(akt(now));
      const r = await quiet(
        ["--chain", "embedded", "--signer-set", setFile, "--feed", AKT, "--hermes", hermes.url, "--once"],
        { PYTH_API_KEY: KEY },
      );
      expect(r.out).toMatch(/oracle deployed at/);
      expect(r.out).toMatch(new RegExp(`submitted 1 feed\\(s\\): ${AKT}@${now}`));
      expect(r.code).toBe(0);
    },
  );
});
