// The incentives worked examples (suite.ts) on the embedded chain; test/localnode/contracts.test.ts runs the same
// suite on wasmd.
import { describe, expect, it } from "vitest";
import type { EmbeddedChain } from "../../../sim/index.js";
import { embeddedBackend } from "../../../scripts/bench/backends.js";
import { withBackend } from "../../helpers/suite.js";
import {
  LM_POOL,
  WEEK,
  createProgram,
  deployIncentives,
  embeddedWithChain,
  program,
} from "../../helpers/incentives.js";
import { incentivesSuite } from "./suite.js";

describe("incentives on the embedded chain", () => {
  const chain = withBackend(() => embeddedBackend());
  incentivesSuite(() => chain.backend, 11);
});

describe("incentives: treasury destinations", () => {
  const example = async (akash: boolean, mode: "community_pool" | "address") => {
    const { chain, backend } = embeddedWithChain({ akash });
    const s = await deployIncentives(backend, 0);
    const now = await backend.now();
    const start = now - WEEK - 60;
    const def = program(s, {
      start,
      end: start + WEEK,
      pools: [LM_POOL(1_000_000n)],
      treasury: mode === "address" ? { mode, address: s.treasury } : { mode },
    });
    const id = await createProgram(s, def, 1_000_000n);
    return { chain, s, id };
  };
  const pool = (chain: EmbeddedChain): bigint =>
    BigInt(chain.communityPool().find((c) => c.denom === "uakt")?.amount ?? "0");

  it("community_pool: an empty epoch's budget goes to the community pool (x/protocolpool's module account)", async () => {
    const { chain, s, id } = await example(false, "community_pool");
    const before = pool(chain);
    await s.exec(s.stranger, { close_epoch: { program_id: id } });
    expect(pool(chain)).toBe(before + 1_000_000n);
  });

  it("on Akash the message filter refuses protocolpool's MsgFundCommunityPool: the close fails and changes nothing; `address` works", async () => {
    const { s, id } = await example(true, "community_pool");
    const before = await s.query({ budget: { program_id: id } });
    await expect(s.exec(s.stranger, { close_epoch: { program_id: id } })).rejects.toThrow(
      "Akash message filter: any /cosmos.protocolpool.v1.MsgFundCommunityPool is not allowed on Akash",
    );
    expect(await s.query({ budget: { program_id: id } })).toEqual(before);
    const ok = await example(true, "address");
    const t0 = await ok.s.balance(ok.s.treasury);
    await ok.s.exec(ok.s.stranger, { close_epoch: { program_id: ok.id } });
    expect(await ok.s.balance(ok.s.treasury)).toBe(t0 + 1_000_000n);
  });
});
