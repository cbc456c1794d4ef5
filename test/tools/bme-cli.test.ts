/**
 * `akash-econ bme` on the embedded chain: each command deploys a fresh oracle and bme, feeds a signed test price and
 * runs; the JSON it prints is checked against the formulas (docs/bme.md), and bad usage exits with 2.
 */
import { describe, expect, it } from "vitest";
import { priceToPyth, run } from "../../cli/commands/bme.js";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    args,
    {},
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("akash-econ bme (embedded chain)", () => {
  it("reports the status after the setup mint and simulates at the fed price", async () => {
    const s = await cli(["status", "--chain", "embedded", "--price", "1.25"]);
    expect(s.code).toBe(0);
    const status = JSON.parse(s.out) as { status: { status: string; price: string }; vault: { act_supply: string } };
    expect(status.status).toMatchObject({ status: "healthy", price: "1.25" });
    expect(status.vault.act_supply).toBe("125000000"); // the setup's 100 AKT at $1.25
    const sim = await cli(["simulate", "redeem", "--amount", "1000000", "--chain", "embedded", "--price", "1.25"]);
    expect(JSON.parse(sim.out)).toEqual({ price: "1.25", minted: "800000", spread: "0", paid: "800000" });
  });

  it("mints with --crank: the executed record carries AEP-76's numbers", async () => {
    const r = await cli(["mint", "--amount", "877192982", "--price", "1.14", "--chain", "embedded", "--crank"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { process: { events: { type: string; attributes: Record<string, string> }[] } };
    const executed = out.process.events.find((e) => e.type === "wasm-bme_executed");
    expect(executed?.attributes).toMatchObject({ minted: "999999999uact", paid: "997500000uact" });
  });

  it("rejects bad usage with exit code 2", async () => {
    expect((await cli(["mint", "--chain", "embedded"])).code).toBe(2);
    expect((await cli(["mint", "--amount", "-1", "--chain", "embedded"])).code).toBe(2);
    expect((await cli(["status", "--chain", "mars"])).code).toBe(2);
    expect((await cli(["status"])).code).toBe(2); // local needs --contract
    expect((await cli(["--help"])).code).toBe(0);
    expect(priceToPyth("1.14")).toBe(114_000_000n);
    expect(() => priceToPyth("0")).toThrow("--price must be positive");
  });
});
