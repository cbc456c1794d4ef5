/**
 * Gas limits on both chains: a tx whose gas limit runs out inside the contract, and one that runs out loading it,
 * fail with the same out-of-gas error and the same gasUsed, and change nothing; `simulate` estimates within 1%.
 * (Every call of the other equivalence suites compares gasUsed too: helpers/gas-compare.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toUtf8 } from "@cosmjs/encoding";
import { EmbeddedChain } from "../../sim/index.js";
import { EmbeddedGovernance } from "../../sim/chain/governance.js";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import { realChainAvailable, realChainTitle, withLocalnode } from "../helpers/backends.js";
import { normalizeError } from "../helpers/equivalence.js";
import { GAS_TOLERANCE } from "../helpers/gas-compare.js";
import type { Governance } from "../../sim/interface/governance.js";
import type { ChainClient } from "../../sim/interface/client.js";

const probeWasm = (): Uint8Array => readFileSync(join(repoRoot(), "build", "test", "probe.wasm"));
const fee = (gas: number) => ({ amount: [{ denom: "uakt", amount: "5000" }], gas: String(gas) });

interface Outcome {
  error: string;
  gasUsed: bigint | undefined;
  countBefore: unknown;
  countAfter: unknown;
}

async function outOfGas(
  client: ChainClient,
  contract: string,
  sender: string,
  gas: number,
  gasOf: (hash: string) => Promise<bigint | undefined>,
): Promise<Outcome> {
  const countBefore = await client.queryContractSmart(contract, { count: {} });
  let message = "";
  try {
    await client.execute(sender, contract, { increment: {} }, fee(gas));
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  const hash = /^Error when broadcasting tx ([0-9A-F]+) at height/.exec(message)?.[1];
  return {
    error: normalizeError(message),
    gasUsed: hash === undefined ? undefined : await gasOf(hash),
    countBefore,
    countAfter: await client.queryContractSmart(contract, { count: {} }),
  };
}

async function deploy(governance: Governance): Promise<string> {
  const { codeId } = await governance.storeCode(probeWasm());
  return (await governance.instantiate(codeId, { count: 0 }, "gas-probe", {})).address;
}

async function script(
  client: ChainClient,
  contract: string,
  sender: string,
  gasOf: (hash: string) => Promise<bigint | undefined>,
) {
  // A first tx stores the signer's public key (a larger ante cost): get it out of the way with a generous limit.
  await client.execute(sender, contract, { increment: {} }, fee(400_000));
  const simulated = await client.simulate(
    sender,
    [
      {
        typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract",
        value: { sender, contract, msg: toUtf8(JSON.stringify({ increment: {} })), funds: [] },
      },
    ],
    "",
  );
  return {
    simulated,
    // Past the ante handler and the contract's loading, short of the contract's own gas: out of gas in the VM.
    inVm: await outOfGas(client, contract, sender, 120_000, gasOf),
    // Short of the instance cost: out of gas loading the contract.
    loading: await outOfGas(client, contract, sender, 100_000, gasOf),
    after: await client.execute(sender, contract, { increment: {} }, fee(400_000)),
  };
}

describe.skipIf(!(await realChainAvailable()))(await realChainTitle("embedded chain ≡ wasmd: gas limits"), () => {
  const fixture = withLocalnode();

  it("runs out of gas with the same error and gasUsed, rolls back, and simulates within 1%", async () => {
    const { node, client } = fixture;
    const sender = node.accounts[1]!.address;
    const realAddress = await deploy(
      new NodeGovernance(client, { proposer: node.accounts[0]!.address, prefix: node.prefix }),
    );
    const real = await script(client, realAddress, sender, async (h) => (await client.signing.getTx(h))?.gasUsed);

    const chain = new EmbeddedChain({
      prefix: node.prefix,
      denom: node.denom,
      chainId: node.chainId,
      autoAdvance: true,
    });
    // What the sender holds on wasmd when the out-of-gas txs run (genesis balance less the first tx's fee; the
    // embedded chain charges no fees): the fee payment's store costs depend on the balance's digits.
    chain.fund(sender, [{ denom: "uakt", amount: "99999995000" }]);
    const address = await deploy(new EmbeddedGovernance(chain));
    const embedded = await script(chain.client(), address, sender, (h) =>
      Promise.resolve(chain.events.find((t) => t.hash === h)?.gasUsed),
    );

    for (const k of ["inVm", "loading"] as const) {
      expect(real[k].error, k).toMatch(/out of gas in location: .*; gasWanted: \d+, gasUsed: \d+: out of gas/);
      expect(real[k].countAfter, k).toEqual(real[k].countBefore);
      expect(embedded[k], k).toEqual(real[k]);
    }
    // Out of gas while the contract runs: in a storage access ("wasm contract") or in wasm code (the engine).
    expect(real.inVm.error).toMatch(/location: (wasm contract|Wasm engine function execution);/);
    expect(real.loading.error).toContain("Loading CosmWasm module: execute");
    expect(embedded.after.gasUsed).toBe(real.after.gasUsed);
    expect(Math.abs(embedded.simulated - real.simulated)).toBeLessThanOrEqual(real.simulated * GAS_TOLERANCE);
  });
});
