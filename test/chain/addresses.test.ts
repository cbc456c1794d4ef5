import { describe, expect, it } from "vitest";
import { accountAddress, classicContractAddress, govAddress, moduleAddress, EmbeddedChain } from "../../sim/index.js";
import { run, okResult, scriptContract } from "../helpers/wat.js";

describe("addresses", () => {
  it("derives classic contract addresses as wasmd does (published wasmd vectors)", () => {
    expect(classicContractAddress("wasm", 1, 1)).toBe(
      "wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d",
    );
    expect(classicContractAddress("wasm", 1, 2)).toBe(
      "wasm1suhgf5svhu4usrurvxzlgn54ksxmn8gljarjtxqnapv8kjnp4nrss5maay",
    );
    expect(classicContractAddress("wasm", 1n, 1n)).toBe(classicContractAddress("wasm", 1, 1));
  });

  it("uses the whole 32-byte hash, re-encoded with the chain's prefix", () => {
    expect(classicContractAddress("akash", 1, 1)).toBe(
      "akash14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9sggdamt",
    );
  });

  it('derives the gov module account from sha256("gov")[0..20]', () => {
    expect(govAddress("akash")).toBe("akash10d07y265gmmuvt4z0w9aw880jnsr700jhe7z0f");
    expect(govAddress("wasm")).toBe("wasm10d07y265gmmuvt4z0w9aw880jnsr700js7zslc");
    expect(moduleAddress("akash", "gov")).toBe(govAddress("akash"));
  });

  it("gives test accounts deterministic, distinct addresses", () => {
    expect(accountAddress("akash", "alice")).toBe(accountAddress("akash", "alice"));
    expect(accountAddress("akash", "alice")).not.toBe(accountAddress("akash", "bob"));
    expect(new EmbeddedChain().addressFor("alice")).toBe(accountAddress("akash", "alice"));
    expect(new EmbeddedChain({ prefix: "wasm" }).govAddress).toBe("wasm10d07y265gmmuvt4z0w9aw880jnsr700js7zslc");
  });

  it("numbers instances with one global sequence across code ids", async () => {
    const chain = new EmbeddedChain({ prefix: "wasm" });
    const client = chain.client();
    const alice = chain.addressFor("alice");
    const wasm = await scriptContract();
    const code1 = (await client.upload(alice, wasm, "auto")).codeId;
    const code2 = (await client.upload(alice, wasm, "auto")).codeId;
    expect([code1, code2]).toEqual([1, 2]);
    const a = await client.instantiate(alice, code1, run(okResult({})), "a", "auto");
    const b = await client.instantiate(alice, code2, run(okResult({})), "b", "auto");
    const c = await client.instantiate(alice, code1, run(okResult({})), "c", "auto");
    expect(a.contractAddress).toBe("wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d");
    expect(b.contractAddress).toBe(classicContractAddress("wasm", 2, 2));
    expect(c.contractAddress).toBe(classicContractAddress("wasm", 1, 3));
    expect(await client.getContracts(1)).toEqual([a.contractAddress, c.contractAddress]);
  });
});
