// `akash-econ incentives`: the program file → proposal path (checked by running the proposal's create_program on the
// embedded chain), field-naming validation errors, and the attestor CSV.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/commands/incentives.js";
import { embeddedBackend } from "../../scripts/bench/backends.js";
import { parseProgramFile, parseReportCsv, programProposal } from "../../scripts/incentives/program-file.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { deployIncentives, govExecute, uakt } from "../helpers/incentives.js";

const EXAMPLE = join(repoRoot(), "docs", "examples", "incentives-program.yaml");
const example = readFileSync(EXAMPLE, "utf8");
const CONTRACT = "akash1qszqgpqyqszqgpqyqszqgpqyqszqgpqy0vvcjd";

describe("incentives propose", () => {
  it("turns the example into a community-pool spend plus create_program, funded for the USD pool at the given price", () => {
    const f = parseProgramFile(example);
    // $1,000,000 / $0.55 × 1.25 (rounded up) + 52 × 10,000 AKT + 50,000 AKT
    expect(f.funding).toBe(2_272_727_272_728n + 520_000_000_000n + 50_000_000_000n);
    const p = programProposal(f, {
      contract: CONTRACT,
      govAddress: "akash10d07y265gmmuvt4z0w9aw880jnsr700jhe7z0f",
      deposit: "50000000uakt",
    });
    expect(p.messages.map((m) => m["@type"])).toEqual([
      "/cosmos.distribution.v1beta1.MsgCommunityPoolSpend",
      "/cosmwasm.wasm.v1.MsgExecuteContract",
    ]);
    expect(p.messages[1]).toMatchObject({
      sender: "akash10d07y265gmmuvt4z0w9aw880jnsr700jhe7z0f",
      msg: { create_program: { from_balance: f.funding.toString() } },
    });
    expect(f.program).toMatchObject({
      start: Date.parse("2027-01-04T00:00:00Z") / 1000,
      epoch_seconds: 604_800,
      end: Date.parse("2027-01-04T00:00:00Z") / 1000 + 52 * 604_800,
      volatility_buffer_bps: 2500,
      report_window: 172_800,
    });
    expect(f.program.pools[0]!.committed).toMatchObject({ sla_uptime_bps: 9900, usd_budget: "1000000" });
    expect(f.program.pools[1]!.liquidity_mining!.per_epoch).toBe("10000000000");
  });

  it("writes a proposal whose create_program the contract accepts as is", async () => {
    const backend = embeddedBackend();
    const s = await deployIncentives(backend, 11);
    const f = parseProgramFile(example);
    f.funding = 1_000_000n; // the community-pool spend is played by a bank send here
    const p = programProposal(f, { contract: s.contract, govAddress: s.gov, deposit: "1uakt" });
    await backend.client.sendTokens(s.funder, s.contract, uakt(f.funding), "auto");
    const exec = p.messages[1]!.msg as Record<string, unknown>;
    await govExecute(backend, s.contract, [exec]);
    expect(await s.query({ program: { program_id: 0 } })).toMatchObject({ program: f.program, num_epochs: 52 });
    expect(await s.query({ budget: { program_id: 0 } })).toMatchObject({ funded: "1000000" });
  });

  it("names the field of every error", () => {
    const cases: [string, string, string][] = [
      ["epoch: 7d", "epoch: 7 days", "epoch: expected seconds or a duration such as 7d, 36h, 90m, 45s"],
      [
        "volatility_buffer: 25%",
        "volatility_buffer: 25.123%",
        "volatility_buffer: at most two decimals in a percentage",
      ],
      [
        "      sla_uptime: 99%",
        "      sla_uptime: 100.5%",
        "pools[0].committed.sla_uptime: expected a whole number from 0 to 10000",
      ],
      [
        "        h100: 2.49",
        "        h100: -2",
        "pools[0].committed.prices.h100: expected a non-negative decimal number",
      ],
      [
        "      per_epoch: 10000 AKT",
        "      per_epoch: 10000 ATOM",
        'pools[1].liquidity_mining.per_epoch: expected an amount such as "1500 AKT"',
      ],
      ["  spot_fee: 10%", "  spot_fee: 10%\n  extra: 1", "revenue.extra: unknown field"],
      ["epochs: 52", "epochs: 1001", "epochs: expected a whole number from 1 to 1000"],
      ["  - name: grants", "  - name: mining", "pools[2].name: mining used twice"],
      [
        "  address: akash1qszqgpqyqszqgpqyqszqgpqyqszqgpqy0vvcjd",
        "  address: cosmos1nope",
        "treasury.address: cosmos1nope is not a bech32 account address",
      ],
    ];
    for (const [from, to, error] of cases) {
      expect(example).toContain(from);
      expect(() => parseProgramFile(example.replace(from, to)), to).toThrow(error);
    }
  });

  it("exits 0 writing the file, 2 on a bad file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "incentives-cli-"));
    const out = join(dir, "proposal.json");
    expect(await run(["propose", EXAMPLE, "--contract", CONTRACT, "--out", out])).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ deposit: "50000000uakt", expedited: false });
    const bad = join(dir, "bad.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(bad, example.replace("epochs: 52", "epochs: 0"));
    expect(await run(["propose", bad, "--contract", CONTRACT])).toBe(2);
    expect(await run(["propose", EXAMPLE])).toBe(2);
  });

  it("spends from x/protocolpool when told the chain keeps its community pool there", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "incentives-cli-")), "proposal.json");
    const args = ["propose", EXAMPLE, "--contract", CONTRACT, "--out", out];
    expect(await run([...args, "--community-pool", "protocolpool"])).toBe(0);
    const p = JSON.parse(readFileSync(out, "utf8")) as { messages: Record<string, unknown>[] };
    expect(p.messages[0]).toMatchObject({
      "@type": "/cosmos.protocolpool.v1.MsgCommunityPoolSpend",
      recipient: CONTRACT,
    });
    expect(await run([...args, "--community-pool", "treasury"])).toBe(2);
  });
});

describe("incentives report CSV", () => {
  it("reads rows and rejects bad ones by line and column", () => {
    const a = "akash1qyqszqgpqyqszqgpqyqszqgpqyqszqgplgve5x";
    expect(parseReportCsv(`provider,gpu_model,gpu_count,uptime_bps\n${a},h100,8,9950\n`)).toEqual([
      { provider: a, gpu_model: "h100", gpu_count: 8, uptime_bps: 9950, utilization_bps: 0 },
    ]);
    const head = "provider,gpu_model,gpu_count,uptime_bps,utilization_bps\n";
    expect(() => parseReportCsv(`${head}${a},h100,8,10001,0`)).toThrow("line 2, uptime_bps: expected 0 to 10000");
    expect(() => parseReportCsv(`${head}${a},h100,8,1,0\n${a},a100,1,1,0`)).toThrow(
      `line 3, provider: ${a} listed twice`,
    );
    expect(() => parseReportCsv(`gpu,provider\n`)).toThrow("line 1: expected the header");
  });
});
