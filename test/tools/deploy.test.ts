import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromBase64 } from "@cosmjs/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as deployCli } from "../../cli/commands/deploy.js";
import { deploy } from "../../scripts/deploy/deploy.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import type { Governance } from "../../sim/interface/governance.js";
import { NodeGovernance, ProposalFailedError } from "../../scripts/localnode/governance.js";
import { defaultArtifactsDir, listArtifacts, loadPlan, readChecksums, resolvePlan } from "../../scripts/deploy/plan.js";
import type { EmittedProposal } from "../../scripts/deploy/proposal.js";
import { readRecord } from "../../scripts/deploy/record.js";
import { VALIDATOR } from "../../scripts/localnode/accounts.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { EmbeddedChain } from "../../sim/index.js";
import { realChainAvailable, realChainTitle, tinyContract, withLocalnode } from "../helpers/backends.js";
import { govAddress } from "../../sim/interface/addresses.js";

const sha256Hex = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

/** A throw-away artifacts dir with tiny contracts alpha and beta, and a deployments dir. */
function workspace(): { dir: string; artifacts: string; deployments: string; put(name: string, v: string): void } {
  const dir = mkdtempSync(join(tmpdir(), "akash-deploy-"));
  const artifacts = join(dir, "artifacts");
  const deployments = join(dir, "deployments");
  mkdirSync(artifacts);
  const put = (name: string, v: string): void => {
    writeFileSync(join(artifacts, `${name}.wasm`), tinyContract(v));
  };
  put("alpha", "a1");
  put("beta", "b1");
  return { dir, artifacts, deployments, put };
}

/** The same re-run/migrate scenario on any Governance; proposal ids are checked by the caller. */
async function deployScenario(
  gov: Governance,
  ws: ReturnType<typeof workspace>,
  query: (a: string) => Promise<unknown>,
) {
  const plan = () =>
    resolvePlan(loadPlan({ artifactsDir: ws.artifacts }), { govAddress: gov.govAddress, denom: "uakt" });
  const first = await deploy(plan(), gov, { deploymentsDir: ws.deployments });
  expect(first.actions.map((a) => [a.name, a.stored, a.instantiated])).toEqual([
    ["alpha", true, true],
    ["beta", true, true],
  ]);
  const rec1 = readRecord(ws.deployments, gov.chainId);
  expect(Object.keys(rec1.contracts)).toEqual(["alpha", "beta"]);
  for (const [name, c] of Object.entries(rec1.contracts)) {
    expect(c.checksum).toBe(sha256Hex(readFileSync(join(ws.artifacts, `${name}.wasm`))));
    expect(c.admin).toBe(gov.govAddress);
    expect(c.label).toBe(`akash-econ-${name}`);
    expect(await gov.contract(c.address)).toEqual({
      address: c.address,
      codeId: c.code_id,
      label: c.label,
      admin: gov.govAddress,
    });
  }
  expect(await query(rec1.contracts.beta!.address)).toEqual({ version: "b1" });

  // Re-run with unchanged wasm: nothing stored, addresses kept.
  const second = await deploy(plan(), gov, { deploymentsDir: ws.deployments });
  expect(second.actions.every((a) => !a.stored && !a.instantiated && !a.migrated)).toBe(true);
  expect(readRecord(ws.deployments, gov.chainId).contracts).toEqual(rec1.contracts);

  // New beta code: without --migrate only reported, with it migrated in place.
  ws.put("beta", "b2");
  const third = await deploy(plan(), gov, { deploymentsDir: ws.deployments });
  expect(third.actions.find((a) => a.name === "beta")).toMatchObject({ stored: true, migrationPending: true });
  const rec3 = readRecord(ws.deployments, gov.chainId).contracts.beta!;
  expect(rec3).toMatchObject(rec1.contracts.beta!);
  expect(rec3.pending?.checksum).toBe(sha256Hex(tinyContract("b2")));
  const fourth = await deploy(plan(), gov, { deploymentsDir: ws.deployments, migrate: true });
  expect(fourth.actions.find((a) => a.name === "beta")).toMatchObject({ stored: false, migrated: true });
  const rec4 = readRecord(ws.deployments, gov.chainId);
  expect(rec4.contracts.beta!.address).toBe(rec1.contracts.beta!.address);
  expect(rec4.contracts.beta!.code_id).not.toBe(rec1.contracts.beta!.code_id);
  expect(rec4.contracts.beta!.checksum).toBe(sha256Hex(tinyContract("b2")));
  expect(rec4.contracts.beta!.pending).toBeUndefined();
  expect(rec4.contracts.alpha).toEqual(rec1.contracts.alpha);
  expect(await query(rec1.contracts.beta!.address)).toEqual({ version: "b2" });
  return { rec1, rec4 };
}

describe("deploy (no chain needed)", () => {
  let ws: ReturnType<typeof workspace>;
  beforeAll(() => {
    ws = workspace();
  });
  afterAll(() => {
    rmSync(ws.dir, { recursive: true, force: true });
  });

  it("--emit-proposal writes an x/gov v1 proposal file whose wasm and checksum match the artifacts", async () => {
    writeFileSync(
      join(ws.artifacts, "checksums.txt"),
      ["alpha", "beta"].map((n) => `${sha256Hex(readFileSync(join(ws.artifacts, `${n}.wasm`)))}  ${n}.wasm`).join("\n"),
    );
    const file = join(ws.dir, "proposal.json");
    const code = await deployCli(["--artifacts", ws.artifacts, "--contracts", "beta,alpha", "--emit-proposal", file]);
    expect(code).toBe(0);
    const p = JSON.parse(readFileSync(file, "utf8")) as EmittedProposal;
    expect(Object.keys(p).sort()).toEqual(["deposit", "expedited", "messages", "metadata", "summary", "title"]);
    expect(p.deposit).toBe("50000000uakt");
    expect(p.expedited).toBe(false);
    expect(p.metadata).toBe("");
    const sums = readChecksums(ws.artifacts);
    expect(p.messages.map((m) => m["@type"])).toEqual([
      "/cosmwasm.wasm.v1.MsgStoreCode",
      "/cosmwasm.wasm.v1.MsgStoreCode",
    ]);
    for (const [i, name] of ["beta", "alpha"].entries()) {
      const m = p.messages[i]!;
      expect(Object.keys(m).sort()).toEqual(["@type", "instantiate_permission", "sender", "wasm_byte_code"]);
      expect(m.sender).toBe("akash10d07y265gmmuvt4z0w9aw880jnsr700jhe7z0f");
      expect(m.instantiate_permission).toBeNull();
      const wasm = fromBase64(m.wasm_byte_code);
      expect(wasm).toEqual(new Uint8Array(readFileSync(join(ws.artifacts, `${name}.wasm`))));
      expect(sha256Hex(wasm)).toBe(sums.get(`${name}.wasm`));
      expect(p.summary).toContain(`sha256 checksum ${sums.get(`${name}.wasm`)!}`);
    }
  });

  it("refuses to emit a proposal for an artifact that does not match checksums.txt", async () => {
    writeFileSync(join(ws.artifacts, "checksums.txt"), `${"0".repeat(64)}  alpha.wasm\n`);
    const code = await deployCli(["--artifacts", ws.artifacts, "--emit-proposal", join(ws.dir, "x.json")]);
    expect(code).toBe(1);
    expect(existsSync(join(ws.dir, "x.json"))).toBe(false);
  });

  it("rejects bad usage with exit code 2", async () => {
    expect(await deployCli(["--chain", "mars"])).toBe(2);
    expect(await deployCli(["--bogus"])).toBe(2);
    expect(await deployCli(["--chain", "http://127.0.0.1:1", "--artifacts", ws.artifacts])).toBe(2); // no key
    expect(await deployCli(["--help"])).toBe(0);
  });

  it("emits proposals for the real artifacts consistent with artifacts/checksums.txt", async () => {
    const names = listArtifacts();
    if (names.length === 0) return; // nothing built yet (`npm run build`)
    const file = join(ws.dir, "real.json");
    expect(await deployCli(["--emit-proposal", file])).toBe(0);
    const p = JSON.parse(readFileSync(file, "utf8")) as EmittedProposal;
    const sums = readChecksums(defaultArtifactsDir());
    expect(p.messages).toHaveLength(names.length);
    for (const [i, name] of names.entries()) {
      const wasm = fromBase64(p.messages[i]!.wasm_byte_code);
      expect(wasm).toEqual(new Uint8Array(readFileSync(join(defaultArtifactsDir(), `${name}.wasm`))));
      if (sums.size > 0) expect(sha256Hex(wasm)).toBe(sums.get(`${name}.wasm`));
    }
  });
});

describe("deploy on the embedded chain (EmbeddedGovernance)", () => {
  it("stores, instantiates, re-runs idempotently and migrates as the gov authority", async () => {
    const ws = workspace();
    try {
      const chain = new EmbeddedChain({ akash: true, autoAdvance: true });
      const gov = new EmbeddedGovernance(chain);
      expect(gov.govAddress).toBe(govAddress("akash"));
      const client = chain.client();
      const { rec4 } = await deployScenario(gov, ws, (a) => client.queryContractSmart(a, {}));
      expect(rec4.chain_id).toBe("embedded-1");
      expect(rec4.contracts.alpha!.proposals).toEqual({});
      expect(rec4.updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    } finally {
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });

  it("deploys every built artifact (default plan)", async () => {
    const names = listArtifacts();
    if (names.length === 0) return;
    const dir = mkdtempSync(join(tmpdir(), "akash-deploy-"));
    try {
      const chain = new EmbeddedChain({ akash: true, autoAdvance: true });
      const gov = new EmbeddedGovernance(chain);
      const res = await deploy(resolvePlan(loadPlan(), { govAddress: gov.govAddress, denom: "uakt" }), gov, {
        deploymentsDir: dir,
      });
      // Every artifact, each after the contracts its instantiate message refers to ("$CONTRACT:oracle").
      expect([...res.actions.map((a) => a.name)].sort()).toEqual([...names].sort());
      const order = res.actions.map((a) => a.name);
      if (order.includes("incentives")) expect(order.indexOf("oracle")).toBeLessThan(order.indexOf("incentives"));
      const incentives = res.actions.find((a) => a.name === "incentives");
      if (incentives !== undefined) {
        const oracle = res.actions.find((a) => a.name === "oracle")!.address;
        expect(await chain.client().queryContractSmart(incentives.address, { config: {} })).toMatchObject({ oracle });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Each proposal takes ~5 s (expedited voting period 4 s + blocks).
describe.skipIf(!(await realChainAvailable()))(
  await realChainTitle("deploy through x/gov"),
  { timeout: 300_000 },
  () => {
    const fx = withLocalnode();
    let gov: NodeGovernance;
    beforeAll(() => {
      gov = new NodeGovernance(fx.client, { proposer: fx.node.accounts[0]!.address, prefix: fx.node.prefix });
    });

    it("stores code only through a passed proposal, and skips a checksum already on chain", async () => {
      const wasm = tinyContract("store-1");
      const stored = await gov.storeCode(wasm);
      expect(stored.skipped).toBe(false);
      expect(stored.proposalId).toBeGreaterThan(0);
      expect(stored.checksum).toBe(sha256Hex(wasm));
      const code = (await fx.client.getCodes()).find((c) => c.id === stored.codeId);
      expect(code?.checksum).toBe(stored.checksum);
      expect(code?.creator).toBe(fx.node.govAddress);
      const again = await gov.storeCode(wasm);
      expect(again).toEqual({ codeId: stored.codeId, checksum: stored.checksum, skipped: true });
    });

    it("reports a FAILED proposal with its failed_reason", async () => {
      const err = await gov.instantiate(999_999, {}, "nope").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProposalFailedError);
      expect((err as ProposalFailedError).status).toBe("PROPOSAL_STATUS_FAILED");
      expect((err as ProposalFailedError).failedReason).toMatch(/not found|no such code/i);
    });

    it("deploy() records deployments/<chain-id>.json, skips unchanged stores and migrates on request", async () => {
      const ws = workspace();
      try {
        const { rec1, rec4 } = await deployScenario(gov, ws, (a) => fx.client.queryContractSmart(a, {}));
        expect(rec4.chain_id).toBe("akash-localnet-1");
        expect(rec4.updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
        for (const c of Object.values(rec1.contracts)) {
          expect(c.proposals.store).toBeGreaterThan(0);
          expect(c.proposals.instantiate).toBeGreaterThan(c.proposals.store!);
        }
        expect(rec4.contracts.beta!.proposals.migrate).toBeGreaterThan(rec1.contracts.beta!.proposals.instantiate!);
        expect(rec4.contracts.beta!.proposals.store).toBeGreaterThan(rec1.contracts.beta!.proposals.store!);
      } finally {
        rmSync(ws.dir, { recursive: true, force: true });
      }
    });

    it("the CLI deploys to an RPC URL with --mnemonic-env, and a re-run stores nothing", async () => {
      const ws = workspace();
      process.env.AKASH_ECON_TEST_DEPLOYER = VALIDATOR.mnemonic;
      try {
        const args = [
          "--chain",
          fx.node.rpc,
          "--mnemonic-env",
          "AKASH_ECON_TEST_DEPLOYER",
          "--artifacts",
          ws.artifacts,
        ];
        args.push("--deployments", ws.deployments, "--prefix", fx.node.prefix, "--contracts", "alpha");
        expect(await deployCli(args)).toBe(0);
        const rec = readRecord(ws.deployments, "akash-localnet-1");
        expect(Object.keys(rec.contracts)).toEqual(["alpha"]);
        const codes = (await fx.client.getCodes()).length;
        expect(await deployCli(args)).toBe(0);
        expect((await fx.client.getCodes()).length).toBe(codes);
        expect(readRecord(ws.deployments, "akash-localnet-1").contracts).toEqual(rec.contracts);
      } finally {
        delete process.env.AKASH_ECON_TEST_DEPLOYER;
        rmSync(ws.dir, { recursive: true, force: true });
      }
    });

    it("every built contract (artifacts/*.wasm, the probe) passes wasmd's upload checks and instantiates", async () => {
      const probe = join(repoRoot(), "build", "test", "probe.wasm");
      const plan = resolvePlan(loadPlan(), { govAddress: fx.node.govAddress, denom: fx.node.denom });
      if (existsSync(probe)) {
        plan.push({ name: "probe", wasmPath: probe, instantiateMsg: { count: 0 }, migrateMsg: {}, label: "probe" });
      }
      if (plan.length === 0) return; // nothing built yet: `npm run build`
      const dir = mkdtempSync(join(tmpdir(), "akash-deploy-"));
      try {
        const res = await deploy(plan, gov, { deploymentsDir: dir });
        for (const a of res.actions) {
          expect(a.address).toMatch(/^akash1/);
          expect((await fx.client.getContract(a.address)).admin).toBe(fx.node.govAddress);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 600_000);
  },
);
