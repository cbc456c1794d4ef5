/**
 * The package entry: after `npm run build`, `import { EmbeddedChain } from "akash-econ"` resolves through
 * package.json `exports` to dist/ (Node's self-reference by package name) and gives the CosmJS-shaped client.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/repo-root.js";

describe("package entry", () => {
  it('import { EmbeddedChain } from "akash-econ" works from the repository root, with the client shape', () => {
    const script = `
      import { EmbeddedChain } from "akash-econ";
      const chain = new EmbeddedChain();
      const client = chain.client();
      const alice = chain.addressFor("alice");
      chain.fund(alice, [{ denom: "uakt", amount: "1000" }]);
      chain.advanceBlocks(2);
      const methods = ["upload", "instantiate", "execute", "queryContractSmart", "getBalance", "sendTokens"]
        .filter((m) => typeof client[m] === "function");
      const balance = await client.getBalance(alice, "uakt");
      console.log(JSON.stringify({ prefix: alice.slice(0, 6), methods, balance, height: chain.height }));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: repoRoot(),
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual({
      prefix: "akash1",
      methods: ["upload", "instantiate", "execute", "queryContractSmart", "getBalance", "sendTokens"],
      balance: { denom: "uakt", amount: "1000" },
      height: 3,
    });
  });

  it('the generated clients from "akash-econ/clients" drive a contract on the embedded chain (README example)', () => {
    const script = `
      import { readFileSync } from "node:fs";
      import { EmbeddedChain } from "akash-econ";
      import { EscrowClient, EscrowQueryClient } from "akash-econ/clients";
      const chain = new EmbeddedChain();
      const client = chain.client();
      const alice = chain.addressFor("alice");
      chain.fund(alice, [{ denom: "uakt", amount: "5000000" }]);
      const { codeId } = await client.upload(alice, readFileSync("artifacts/escrow.wasm"), "auto");
      const { contractAddress } = await client.instantiate(alice, codeId, { admin: chain.govAddress }, "escrow", "auto");
      const escrow = new EscrowClient(client, alice, contractAddress);
      await escrow.createAccount({ id: "dep/1" }, "auto", undefined, [{ denom: "uakt", amount: "5000000" }]);
      const account = await new EscrowQueryClient(client, contractAddress).account({ id: "dep/1" });
      console.log(JSON.stringify({ owner: account.owner === alice, state: account.state, funds: account.funds }));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: repoRoot(),
      encoding: "utf8",
    });
    const account = JSON.parse(out) as { owner: boolean; state: string; funds: { denom: string; amount: string }[] };
    expect(account.owner).toBe(true);
    expect(account.state).toBe("open");
    expect(account.funds[0]).toMatchObject({ denom: "uakt", amount: "5000000" });
  });

  it("the akash-econ bin runs through a symlink, as npm installs it", () => {
    const link = join(mkdtempSync(join(tmpdir(), "akash-econ-bin-")), "akash-econ");
    symlinkSync(join(repoRoot(), "dist", "cli", "main.js"), link);
    const out = execFileSync(process.execPath, [link, "--help"], { encoding: "utf8" });
    expect(out).toContain("usage: akash-econ <command> [options]");
    expect(out).toMatch(/^ {2}demo +deploy every contract through governance/m);
  });
});
