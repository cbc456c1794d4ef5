/**
 * `akash-econ incentives propose` on wasmd: the proposal the CLI writes, passed by x/gov as written. wasmd 0.61 keeps
 * its community pool in x/protocolpool, so the protocolpool spend funds the program and the distribution spend (the
 * default, for Akash) fails with the SDK's own reason; both outcomes are checked so the flag's advice stays true.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toUtf8 } from "@cosmjs/encoding";
import { MsgCommunityPoolSpend as DistributionSpend } from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import {
  MsgCommunityPoolSpend as ProtocolpoolSpend,
  MsgFundCommunityPool,
} from "cosmjs-types/cosmos/protocolpool/v1/tx";
import { MsgExecuteContract } from "cosmjs-types/cosmwasm/wasm/v1/tx";
import { expect, it } from "vitest";
import { NodeGovernance } from "../../scripts/localnode/governance.js";
import { NodeChainClient } from "../../scripts/localnode/node-client.js";
import {
  COMMUNITY_POOL_SPEND,
  parseProgramFile,
  programProposal,
  type CommunityPoolModule,
} from "../../scripts/incentives/program-file.js";
import { repoRoot } from "../../scripts/lib/repo-root.js";
import type { ChainBackend, Coin } from "../../sim/interface/index.js";
import { deployIncentives } from "../helpers/incentives.js";

type Msg = Record<string, unknown>;

/** The proposal JSON's messages as x/gov receives them from `akash tx gov submit-proposal`. */
function encode(messages: Msg[]): { typeUrl: string; value: Uint8Array }[] {
  return messages.map((m) => {
    const typeUrl = m["@type"] as string;
    if (typeUrl === COMMUNITY_POOL_SPEND.protocolpool || typeUrl === COMMUNITY_POOL_SPEND.distribution) {
      const spend = { authority: m.authority as string, recipient: m.recipient as string, amount: m.amount as Coin[] };
      const codec = typeUrl === COMMUNITY_POOL_SPEND.protocolpool ? ProtocolpoolSpend : DistributionSpend;
      return { typeUrl, value: codec.encode(codec.fromPartial(spend)).finish() };
    }
    if (typeUrl === "/cosmwasm.wasm.v1.MsgExecuteContract") {
      const exec = MsgExecuteContract.fromPartial({
        sender: m.sender as string,
        contract: m.contract as string,
        msg: toUtf8(JSON.stringify(m.msg)),
        funds: [],
      });
      return { typeUrl, value: MsgExecuteContract.encode(exec).finish() };
    }
    throw new Error(`no encoder for ${typeUrl}`);
  });
}

export function incentivesProposalSuite(backend: () => ChainBackend, firstAccount: number): void {
  it("funds and creates a program from the community pool with the proposal the CLI writes", async () => {
    const b = backend();
    const { client, governance: gov } = b;
    if (!(client instanceof NodeChainClient) || !(gov instanceof NodeGovernance)) throw new Error("a wasmd backend");
    const s = await deployIncentives(b, firstAccount);
    const funding = 3_000_000n;
    // Fill the community pool (x/protocolpool on wasmd 0.61) from a funded account.
    client.signing.registry.register("/cosmos.protocolpool.v1.MsgFundCommunityPool", MsgFundCommunityPool);
    const fund = MsgFundCommunityPool.fromPartial({
      depositor: s.funder,
      amount: [{ denom: b.denom, amount: (2n * funding).toString() }],
    });
    const funded = await client.signing.signAndBroadcast(
      s.funder,
      [{ typeUrl: "/cosmos.protocolpool.v1.MsgFundCommunityPool", value: fund }],
      "auto",
    );
    expect(funded.code).toBe(0);

    const file = parseProgramFile(
      readFileSync(join(repoRoot(), "docs", "examples", "incentives-program.yaml"), "utf8"),
    );
    file.funding = funding;
    const propose = (communityPool: CommunityPoolModule) =>
      programProposal(file, { contract: s.contract, govAddress: gov.govAddress, deposit: "1uakt", communityPool });
    const pass = (communityPool: CommunityPoolModule) =>
      gov.passProposal(encode(propose(communityPool).messages), { title: "program", summary: communityPool });

    await expect(pass("distribution")).rejects.toThrow(/external community pool is enabled/);
    expect(await b.client.getBalance(s.contract, b.denom)).toEqual({ denom: b.denom, amount: "0" });
    expect(await s.query({ config: {} })).toMatchObject({ next_program_id: 0 });

    await pass("protocolpool");
    expect(await b.client.getBalance(s.contract, b.denom)).toEqual({ denom: b.denom, amount: funding.toString() });
    expect(await s.query({ program: { program_id: 0 } })).toMatchObject({ program: file.program });
    expect(await s.query({ budget: { program_id: 0 } })).toMatchObject({ funded: funding.toString() });
  });
}
