import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as localnodeCli } from "../../cli/commands/localnode.js";
import { AKASH_PREFIX, TEST_ACCOUNTS, testAccounts } from "../../scripts/localnode/accounts.js";
import { selectBackend } from "../../scripts/localnode/backend.js";
import { checkToolchain, ensureWasmd } from "../../scripts/localnode/build.js";
import { localnetScript } from "../../scripts/localnode/paths.js";
import { freePorts, processGroupAlive, rpcHeight } from "../../scripts/localnode/spawn.js";
import { processesUsingHome, readNodeInfo, stopNode } from "../../scripts/localnode/status.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import { govAddress } from "../../sim/interface/addresses.js";

describe("localnode (no chain needed)", () => {
  it("derives the well-known test accounts and the gov address with the akash prefix", async () => {
    const accounts = await testAccounts();
    expect(accounts.map((a) => a.name)).toEqual(["validator", "alice", "bob", "carol"]);
    for (const a of accounts) expect(a.address).toMatch(/^akash1[02-9ac-hj-np-z]{38}$/);
    expect(new Set(accounts.map((a) => a.address)).size).toBe(TEST_ACCOUNTS.length);
    expect(govAddress(AKASH_PREFIX)).toBe("akash10d07y265gmmuvt4z0w9aw880jnsr700jhe7z0f");
    expect(govAddress("wasm")).toBe("wasm10d07y265gmmuvt4z0w9aw880jnsr700js7zslc");
  });

  it("localnet.sh is POSIX sh and refuses to run without a validator mnemonic", () => {
    expect(spawnSync("sh", ["-n", localnetScript()]).status).toBe(0);
    const r = spawnSync("sh", [localnetScript()], { env: { PATH: process.env.PATH }, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("VALIDATOR_MNEMONIC");
  });

  it("the CLI rejects bad usage with exit code 2", async () => {
    expect(await localnodeCli([])).toBe(2);
    expect(await localnodeCli(["frobnicate"])).toBe(2);
    expect(await localnodeCli(["start", "--port", "x"])).toBe(2);
    expect(await localnodeCli(["status", "--bogus"])).toBe(2);
  });

  it("picks distinct free ports", async () => {
    const ports = await freePorts(4);
    expect(new Set(ports).size).toBe(4);
  });

  it("honours LOCALNODE and reports what is missing", async () => {
    expect((await selectBackend({ LOCALNODE: "off" })).backend).toBe("off");
    expect((await selectBackend({ LOCALNODE: "docker" })).backend).toBe("docker");
    await expect(selectBackend({ LOCALNODE: "maybe" })).rejects.toThrow(/binary, docker or off/);
  });

  it("says exactly what is missing to build wasmd", async () => {
    const saved = { GO: process.env.GO, CC: process.env.CC };
    try {
      process.env.GO = "/nonexistent/go";
      process.env.CC = "/nonexistent/gcc";
      const tc = await checkToolchain();
      expect(tc.ok).toBe(false);
      if (tc.ok) return;
      expect(tc.missing[0]).toMatch(
        /^wasmd build needs Go >= 1\.24 \(no `go` on PATH\) — install Go from https:\/\/go\.dev\/dl/,
      );
      expect(tc.missing[1]).toMatch(/needs \/nonexistent\/gcc \(cgo links libwasmvm\)/);
    } finally {
      if (saved.GO === undefined) delete process.env.GO;
      else process.env.GO = saved.GO;
      if (saved.CC === undefined) delete process.env.CC;
      else process.env.CC = saved.CC;
    }
  });
});

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("localnode"), () => {
  const fx = withLocalnode();

  it("produces blocks with the configured chain id, prefix and denom", async () => {
    const { node, client } = fx;
    expect(await client.getChainId()).toBe("akash-localnet-1");
    const h1 = await client.getHeight();
    expect(h1).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await client.getHeight()).toBeGreaterThan(h1);
    for (const a of node.accounts) {
      expect(a.address.startsWith(`${node.prefix}1`)).toBe(true);
      expect(BigInt((await client.getBalance(a.address, node.denom)).amount)).toBeGreaterThan(0n);
    }
  });

  it("lets any test account send tokens (fee auto, gas price 0.025uakt)", async () => {
    const { node, client } = fx;
    const [, alice, bob] = node.accounts;
    const before = BigInt((await client.getBalance(bob!.address, node.denom)).amount);
    const res = await client.sendTokens(alice!.address, bob!.address, [{ denom: node.denom, amount: "12345" }], "auto");
    expect(res.code).toBe(0);
    expect(BigInt((await client.getBalance(bob!.address, node.denom)).amount)).toBe(before + 12345n);
  });

  it("restricts code upload to governance (Nobody), as on Akash", async () => {
    const { node, client } = fx;
    const wasm = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(client.upload(node.accounts[1]!.address, wasm, "auto")).rejects.toThrow(
      /unauthorized|can not create code/i,
    );
  });

  it("ensureWasmd is a no-op when nothing changed: no build, the binary untouched", async () => {
    const first = await ensureWasmd({ log: () => undefined });
    const before = statSync(first).mtimeMs;
    const lines: string[] = [];
    const bin = await ensureWasmd({ log: (line) => lines.push(line) });
    expect(bin).toBe(first);
    expect(lines.filter((l) => /building/i.test(l))).toEqual([]);
    expect(statSync(bin).mtimeMs).toBe(before);
    if (process.env.WASMD_BIN === undefined) expect(existsSync(`${bin}.stamp`)).toBe(true);
  });

  it("exposes REST and RPC on loopback", async () => {
    const { node } = fx;
    expect(await rpcHeight(node.rpc)).toBeGreaterThanOrEqual(2);
    const res = await fetch(`${node.api}/cosmos/base/tendermint/v1beta1/node_info`);
    expect(res.ok).toBe(true);
    expect(existsSync(node.home) || node.backend === "docker").toBe(true);
  });
});

describe.skipIf(!(await realChainAvailable()) || (await selectBackend()).backend !== "binary")(
  await realChainTitle("localnode CLI start/status/stop, binary backend"),
  { timeout: 180_000 },
  () => {
    let home: string;
    const out: string[] = [];
    let restoreLog: (() => void) | undefined;
    beforeAll(() => {
      home = mkdtempSync(join(tmpdir(), "akash-cli-node-"));
      process.env.AKASH_ECON_LOCALNODE_HOME = home;
      const log = console.log;
      console.log = (...args: unknown[]) => {
        out.push(args.map(String).join(" "));
      };
      restoreLog = () => {
        console.log = log;
      };
    });
    afterAll(async () => {
      restoreLog?.();
      await stopNode(home).catch(() => undefined);
      delete process.env.AKASH_ECON_LOCALNODE_HOME;
      rmSync(home, { recursive: true, force: true });
    });

    const heightIn = (text: string): number => Number(/^height:\s+(\d+)$/m.exec(text)?.[1]);

    it("starts detached, reports a growing height and the test accounts, and stops without leftovers", async () => {
      expect(await localnodeCli(["status"])).toBe(3);
      expect(out.pop()).toMatch(/not running/);
      expect(await localnodeCli(["start"])).toBe(0);
      const info = readNodeInfo(home)!;
      expect(info.chainId).toBe("akash-localnet-1");
      expect(processGroupAlive(info.pid)).toBe(true);

      out.length = 0;
      expect(await localnodeCli(["status"])).toBe(0);
      const first = out.join("\n");
      expect(first).toMatch(/running \(pid \d+\)/);
      expect(first).toContain(info.rpc);
      for (const a of TEST_ACCOUNTS) expect(first).toContain(a.mnemonic);
      await new Promise((r) => setTimeout(r, 1500));
      out.length = 0;
      expect(await localnodeCli(["status"])).toBe(0);
      expect(heightIn(out.join("\n"))).toBeGreaterThan(heightIn(first));

      expect(await localnodeCli(["start"])).toBe(0); // idempotent: already running
      expect(out.pop()).toMatch(/already running/);

      expect(await localnodeCli(["stop"])).toBe(0);
      expect(processGroupAlive(info.pid)).toBe(false);
      expect(processesUsingHome(home)).toEqual([]);
      expect(await localnodeCli(["status"])).toBe(3);
    });
  },
);
